import { beforeAll, describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/issues.js';
import { framework } from '../reference/index.js';
import type { AssessmentResult } from '../scoring/result.js';
import { skippedEverywhereResult } from './example.js';
import {
  type CredentialSigner,
  OB_CONTEXT_V3,
  type OpenBadgeCredential,
  type OpenBadgeOptions,
  openBadgeCredential,
  openBadgeCredentials,
  VC_CONTEXT_V2,
} from './open-badge.js';

/**
 * A JSON Schema (subset) equivalent to the *required* parts of the published 1EdTech schema
 * `ob_v3p0_achievementcredential_schema.json` (OpenBadgeCredential, Profile, AchievementSubject,
 * Achievement, Criteria, Alignment, Result, ResultDescription, RubricCriterionLevel). Written by
 * hand from the specification — NOT the official schema file (no network in tests).
 */
const typeContains = (name: string) => ({ type: 'array', minItems: 1, items: { type: 'string' }, contains: { const: name } });
const URI = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.-]*:\\S+$' };
const DATE_TIME_STAMP = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' };
const ALIGNMENT = {
  type: 'object',
  required: ['type', 'targetName', 'targetUrl'],
  properties: { type: typeContains('Alignment'), targetName: { type: 'string' }, targetUrl: URI, targetFramework: { type: 'string' }, targetCode: { type: 'string' } },
};
const SCHEMA = {
  type: 'object',
  required: ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject'],
  properties: {
    '@context': {
      type: 'array',
      minItems: 2,
      prefixItems: [{ const: 'https://www.w3.org/ns/credentials/v2' }, { type: 'string', pattern: '^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context(-3\\.\\d\\.\\d)*\\.json$' }],
    },
    id: URI,
    type: { ...typeContains('VerifiableCredential'), allOf: [typeContains('OpenBadgeCredential')] },
    name: { type: 'string' },
    issuer: { type: 'object', required: ['id', 'type'], properties: { id: URI, type: typeContains('Profile'), name: { type: 'string' }, url: URI } },
    validFrom: DATE_TIME_STAMP,
    credentialSubject: {
      type: 'object',
      required: ['type', 'achievement'],
      properties: {
        id: URI,
        type: typeContains('AchievementSubject'),
        achievement: {
          type: 'object',
          required: ['id', 'type', 'criteria', 'description', 'name'],
          properties: {
            id: URI,
            type: typeContains('Achievement'),
            name: { type: 'string' },
            description: { type: 'string' },
            criteria: { type: 'object', anyOf: [{ required: ['id'] }, { required: ['narrative'] }], properties: { id: URI, narrative: { type: 'string' } } },
            achievementType: { type: 'string', enum: ['Assessment', 'Competency', 'Certificate', 'Certification', 'Achievement', 'Badge'] },
            inLanguage: { type: 'string', pattern: '^[a-z]{2,4}(-[A-Za-z0-9]+)*$' },
            alignment: { type: 'array', items: ALIGNMENT },
            resultDescription: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'type', 'name', 'resultType'],
                properties: {
                  id: URI,
                  type: typeContains('ResultDescription'),
                  name: { type: 'string' },
                  resultType: { type: 'string', enum: ['GradePointAverage', 'LetterGrade', 'Percent', 'PerformanceLevel', 'PredictedScore', 'RawScore', 'Result', 'RubricCriterion', 'RubricCriterionLevel', 'RubricScore', 'ScaledScore', 'Status'] },
                  rubricCriterionLevel: {
                    type: 'array',
                    items: { type: 'object', required: ['id', 'type', 'name'], properties: { id: URI, type: typeContains('RubricCriterionLevel'), name: { type: 'string' }, level: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
        result: {
          type: 'array',
          items: {
            type: 'object',
            required: ['type'],
            properties: { type: typeContains('Result'), resultDescription: URI, achievedLevel: URI, value: { type: 'string' }, alignment: { type: 'array', items: ALIGNMENT } },
          },
        },
      },
    },
  },
} as const;

type Schema = Record<string, unknown>;

/** A small JSON Schema validator: type, required, properties, items, prefixItems, contains, const, enum, pattern, minItems, anyOf, allOf. */
function validate(schema: Schema, value: unknown, path = ''): string[] {
  const errors: string[] = [];
  const at = path || '(root)';
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (schema.type !== undefined && schema.type !== kind) return [`${at}: expected ${String(schema.type)}, found ${kind}`];
  if ('const' in schema && value !== schema.const) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: not in enum`);
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf as Schema[]) errors.push(...validate(part, value, path));
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((part) => validate(part, value, path).length === 0)) errors.push(`${at}: matches none of anyOf`);
  if (kind === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${path ? `${path}.` : ''}${key}: required`);
    for (const [key, sub] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) {
      if (key in object) errors.push(...validate(sub, object[key], path ? `${path}.${key}` : key));
    }
  }
  if (kind === 'array') {
    const array = value as unknown[];
    if (typeof schema.minItems === 'number' && array.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    const prefix = (schema.prefixItems as Schema[] | undefined) ?? [];
    prefix.forEach((sub, k) => errors.push(...validate(sub, array[k], `${path}[${k}]`)));
    if (schema.items) array.forEach((element, k) => errors.push(...validate(schema.items as Schema, element, `${path}[${k}]`)));
    if (schema.contains && !array.some((element) => validate(schema.contains as Schema, element).length === 0)) errors.push(`${at}: contains no matching item`);
  }
  return errors;
}

const options: OpenBadgeOptions = {
  framework,
  issuer: { id: 'https://www.numerique.gouv.fr/', name: 'DINUM', url: 'https://www.numerique.gouv.fr/' },
  recipient: { id: 'urn:uuid:0f8c2b0e-6a1d-4c61-9a43-3b7e2f1d5c90' },
  issuedOn: '2026-11-29',
};

let result: AssessmentResult;
beforeAll(() => {
  result = skippedEverywhereResult();
});

/** The result with other levels: domain k at level k + 2, uncertainty growing with k. */
function varied(): AssessmentResult {
  const copy = structuredClone(result);
  copy.domains.forEach((domain, k) => {
    domain.level = k + 2;
    domain.levelSe = 0.3 + 0.3 * k;
  });
  copy.competences.forEach((competence, k) => {
    competence.level = 1 + (k % 8);
    competence.levelSe = 0.2 * (k % 9);
  });
  return copy;
}

describe('openBadgeCredentials', () => {
  it('produces credentials that pass the embedded OB 3.0 schema (required fields and types), with no proof', () => {
    const credentials = openBadgeCredentials(varied(), options);
    expect(credentials.length).toBeGreaterThan(0);
    for (const credential of credentials) {
      expect(validate(SCHEMA as unknown as Schema, JSON.parse(JSON.stringify(credential)))).toEqual([]);
      expect(credential).not.toHaveProperty('proof');
    }
    // The validator does catch a broken credential.
    const broken = JSON.parse(JSON.stringify(credentials[0])) as Record<string, unknown>;
    delete broken.validFrom;
    (broken['@context'] as string[]).reverse();
    expect(validate(SCHEMA as unknown as Schema, broken)).toEqual([
      'validFrom: required',
      '@context[0]: expected "https://www.w3.org/ns/credentials/v2"',
      '@context[1]: does not match ^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context(-3\\.\\d\\.\\d)*\\.json$',
    ]);
  });

  it('puts the JSON-LD contexts in order: VC 2.0 first, then OB 3.0 (context-3.0.3.json)', () => {
    const credential = openBadgeCredential(result, { ...options, domain: 'cybersecurite' });
    expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect([VC_CONTEXT_V2, OB_CONTEXT_V3]).toEqual(credential['@context']);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer).toEqual({ id: 'https://www.numerique.gouv.fr/', type: ['Profile'], name: 'DINUM', url: 'https://www.numerique.gouv.fr/' });
    expect(credential.validFrom).toBe('2026-11-29T00:00:00Z');
  });

  it('makes one credential (one achievement) per domain reached, or only the one asked', () => {
    const all = openBadgeCredentials(result, options);
    expect(all.map((c) => c.credentialSubject.achievement.id.split(':').pop())).toEqual(result.domains.map((d) => d.id));
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    const partial = structuredClone(result);
    partial.domains[1]!.answered = 0;
    expect(openBadgeCredentials(partial, options).map((c) => c.credentialSubject.achievement.id.split(':').pop())).toEqual(
      result.domains.filter((_, k) => k !== 1).map((d) => d.id),
    );
    expect(openBadgeCredentials(result, { ...options, domain: 'protection-donnees' })).toHaveLength(1);
    expect(issuesOf(() => openBadgeCredential(partial, { ...options, domain: partial.domains[1]!.id }))).toEqual([
      { path: 'domain', message: `expected a domain reached by the test, found "${partial.domains[1]!.id}" (no item answered)` },
    ]);
  });

  it('reports each level with its uncertainty, matching the result (domain, then its competences)', () => {
    const copy = varied();
    for (const credential of openBadgeCredentials(copy, options)) {
      const domainId = credential.credentialSubject.achievement.id.split(':').pop()!;
      const domain = copy.domains.find((d) => d.id === domainId)!;
      const [main, ...rest] = credential.credentialSubject.result;
      const half = (se: number) => String(Math.max(0.5, Math.round(se * 2) / 2)).replace('.', ',');
      expect(main!.value).toBe(`niveau ${domain.level} ± ${half(domain.levelSe)}`);
      expect(main!.achievedLevel.endsWith(`:niveau:${domain.level}`)).toBe(true);
      const competences = copy.competences.filter((c) => c.domain === domainId);
      expect(rest.map((r) => r.value)).toEqual(competences.map((c) => `niveau ${c.level} ± ${half(c.levelSe)}`));
      expect(rest.map((r) => r.alignment![0]!.targetCode)).toEqual(competences.map((c) => c.id));
      expect(credential.name).toContain(main!.value);
    }
    const fixed = structuredClone(result);
    fixed.domains[0]!.level = 4;
    fixed.domains[0]!.levelSe = 0.9;
    fixed.domains[1]!.level = 3;
    fixed.domains[1]!.levelSe = 1.3;
    const [first, second] = openBadgeCredentials(fixed, options);
    expect(first!.credentialSubject.result[0]!.value).toBe('niveau 4 ± 1');
    expect(second!.credentialSubject.result[0]!.value).toBe('niveau 3 ± 1,5');
  });

  it('types a self-assessment as an Assessment (not a certification) and aligns to DigComp 2.2 / CRCN', () => {
    const credential = openBadgeCredential(result, { ...options, domain: 'cybersecurite' });
    const achievement = credential.credentialSubject.achievement;
    expect(achievement.achievementType).toBe('Assessment');
    expect(achievement.criteria.narrative).toMatch(/ce n’est pas une certification/);
    const digcomp = achievement.alignment.filter((a) => a.targetFramework === 'DigComp 2.2');
    expect(digcomp.length).toBeGreaterThan(0);
    for (const alignment of digcomp) {
      expect(alignment.type).toEqual(['Alignment']);
      expect(alignment.targetCode).toMatch(/^\d\.\d$/);
      expect(alignment.targetUrl).toMatch(/^https:\/\//);
    }
    expect(digcomp.find((a) => a.targetCode === '4.1')!.targetName).toBe('DigComp 2.2 4.1 Protecting devices');
    expect(achievement.resultDescription[0].rubricCriterionLevel.map((l) => l.level)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(openBadgeCredential(result, { ...options, domain: 'cybersecurite', achievementType: 'Competency' }).credentialSubject.achievement.achievementType).toBe('Competency');
  });

  it('never puts a name or an e-mail in the recipient, and refuses them as recipient id', () => {
    for (const credential of openBadgeCredentials(result, options)) {
      const subject = credential.credentialSubject;
      expect(Object.keys(subject).sort()).toEqual(['achievement', 'id', 'result', 'type']);
      expect(subject.id).toBe(options.recipient.id);
      expect(JSON.stringify(credential)).not.toMatch(/@(?!context)|mailto:|"(name|email|identifier)":\s*"[^"]*Dupont/);
    }
    expect(issuesOf(() => openBadgeCredentials(result, { ...options, recipient: { id: 'jean.dupont@interieur.gouv.fr' } }))).toEqual([
      { path: 'recipient.id', message: 'expected a pseudonymous DID or URN, found an e-mail address' },
    ]);
    expect(issuesOf(() => openBadgeCredentials(result, { ...options, recipient: { id: 'mailto:jd%40x.fr' } }))[0]!.path).toBe('recipient.id');
    expect(issuesOf(() => openBadgeCredentials(result, { ...options, recipient: { id: 'Jean Dupont' } }))).toEqual([
      { path: 'recipient.id', message: 'expected a pseudonymous DID or URN (e.g. "urn:uuid:…"), found the string "Jean Dupont"' },
    ]);
    expect(openBadgeCredentials(result, { ...options, recipient: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' } })[0]!.credentialSubject.id).toMatch(/^did:key:/);
  });

  it('refuses invalid options with every problem and its exact path', () => {
    const bad = { ...options, issuer: { name: '' }, issuedOn: '2026-02-30', id: 'not a uri' } as unknown as OpenBadgeOptions;
    expect(issuesOf(() => openBadgeCredentials(result, { ...bad, domain: 'cybersecurite' }))).toEqual([
      { path: 'issuer.id', message: 'expected a non-empty string, found nothing (the field is missing)' },
      { path: 'issuer.name', message: 'expected a non-empty string, found the string ""' },
      { path: 'issuedOn', message: 'expected an ISO date such as "2026-11-29" or "2026-11-29T10:00:00Z", found the string "2026-02-30"' },
      { path: 'id', message: 'expected a URI (e.g. "urn:uuid:…"), found the string "not a uri"' },
    ]);
    const paths = (patch: Partial<OpenBadgeOptions>) => issuesOf(() => openBadgeCredentials(result, { ...options, ...patch })).map((issue) => issue.path);
    expect(paths({ issuer: { id: 'dinum', name: 'DINUM' } })).toEqual(['issuer.id']);
    expect(paths({ issuer: { id: 'javascript:alert(1)', name: 'DINUM' } })).toEqual(['issuer.id']);
    expect(paths({ issuer: { id: 'did:web:numerique.gouv.fr', name: 'DINUM', url: 'ftp://x.fr' } })).toEqual(['issuer.url']);
    expect(paths({ issuedOn: '29/11/2026' })).toEqual(['issuedOn']);
    expect(paths({ issuedOn: '2026-11-29T25:00:00Z' })).toEqual(['issuedOn']);
    expect(paths({ issuedOn: '2026-11-29T10:00:00' })).toEqual(['issuedOn']);
    expect(paths({ domain: 'inconnu' })).toEqual(['domain']);
    expect(paths({ id: 'urn:uuid:5d1e7a52-2c1f-4b9e-8f0a-6c3d9e4b2a17' })).toEqual(['id']);
    expect(paths({ framework: { ...framework, version: '9.9.9' } })).toEqual(['framework']);
    expect(issuesOf(() => openBadgeCredentials({ ...result, complete: false }, options)).map((issue) => issue.path)).toEqual(['result.complete']);
  });

  it('is deterministic (no clock, no randomness) and keeps a given id and date-time', () => {
    expect(openBadgeCredentials(result, options)).toEqual(openBadgeCredentials(result, options));
    const credential = openBadgeCredential(result, { ...options, domain: 'bureautique', id: 'urn:uuid:5d1e7a52-2c1f-4b9e-8f0a-6c3d9e4b2a17', issuedOn: '2026-11-29T10:15:00+01:00' });
    expect(credential.id).toBe('urn:uuid:5d1e7a52-2c1f-4b9e-8f0a-6c3d9e4b2a17');
    expect(credential.validFrom).toBe('2026-11-29T10:15:00+01:00');
    expect(openBadgeCredential(result, { ...options, domain: 'bureautique' }).id).toMatch(/^urn:jauge:credential:[0-9a-f]{16}$/);
  });

  it('lets the host sign through a CredentialSigner hook (no crypto in core)', async () => {
    const signer: CredentialSigner = async (unsigned) => ({ ...unsigned, proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z…' } });
    const unsigned: OpenBadgeCredential = openBadgeCredential(result, { ...options, domain: 'bureautique' });
    const signed = await signer(unsigned);
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof' });
    expect(unsigned).not.toHaveProperty('proof');
  });
});
