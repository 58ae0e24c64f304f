import { createAssessment } from '@jauge/core';
import { framework, items } from '@jauge/core/reference';
import type { ValidationIssue } from '@jauge/core/xapi';
import { describe, expect, it, vi } from 'vitest';
import type { SafeStorage } from '../internal/storage.js';
import { startLrs } from './connect.js';

function finishedResult() {
  const assessment = createAssessment({ framework, items, seed: 3, config: { maxItems: 6, minItems: 6 } });
  for (let item = assessment.nextItem(); item; item = assessment.nextItem()) assessment.skip(item.id);
  return assessment.result();
}

const memory = (): SafeStorage => {
  const map = new Map<string, string>();
  return { get: (k) => map.get(k) ?? null, set: (k, v) => (map.set(k, v), true), remove: (k) => void map.delete(k) };
};

describe('startLrs', () => {
  it('reports, and sends nothing, when the pseudonym of a finished test is an e-mail address', async () => {
    const fetch = vi.fn(async () => new Response('[]', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const target = new EventTarget();
    const invalid: { issues: ValidationIssue[]; message: string }[] = [];
    const connection = startLrs(target, { endpoint: 'https://lrs.example.gouv.fr/xAPI', credentials: () => 'Basic x' }, {
      storage: memory(),
      framework: () => framework,
      pseudonym: () => 'camille.martin@example.gouv.fr',
      report: () => {},
      invalid: (issues, message) => invalid.push({ issues, message }),
    });
    target.dispatchEvent(new CustomEvent('jauge-complete', { detail: { result: finishedResult() } }));
    await Promise.resolve();
    expect(invalid.map((i) => i.issues)).toEqual([[{ path: 'actor.account.name', message: 'expected a pseudonym, found what looks like an e-mail address' }]]);
    expect(connection.client.pending()).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
    connection.close();
    vi.unstubAllGlobals();
  });

  it('queues and sends the statements of a test that ends while the first flush is still running', async () => {
    const fetch = vi.fn(async () => new Response('[]', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const target = new EventTarget();
    const result = finishedResult();
    const connection = startLrs(target, { endpoint: 'https://lrs.example.gouv.fr/xAPI', credentials: () => 'Basic x' }, {
      storage: memory(),
      framework: () => framework,
      pseudonym: () => 'agent-0042',
      report: () => {},
      invalid: () => {
        throw new Error('unexpected');
      },
    });
    target.dispatchEvent(new CustomEvent('jauge-complete', { detail: { result } }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    const body = JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body)) as { actor: { account: { name: string } } }[];
    expect(body).toHaveLength(1 + result.answered.filter((a) => a.outcome !== 'rated').length + result.domains.length + result.competences.length);
    expect(body.every((s) => s.actor.account.name === 'agent-0042')).toBe(true);
    connection.close();
    vi.unstubAllGlobals();
  });
});
