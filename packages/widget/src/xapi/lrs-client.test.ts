import type { Statement } from '@jauge/core/xapi';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SafeStorage } from '../internal/storage.js';
import { checkLrsOptions } from './connect.js';
import { LrsClient, type LrsStatus } from './lrs-client.js';

const ENDPOINT = 'https://lrs.example.gouv.fr/xAPI/';
const QUEUE_KEY = 'jauge:v1:xapi-queue:https://lrs.example.gouv.fr/xAPI';

function statement(n: number): Statement {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    actor: { objectType: 'Agent', account: { homePage: 'https://intranet.example.gouv.fr', name: 'p-1' } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'fr-FR': 'a répondu' } },
    object: { objectType: 'Activity', id: `https://intranet.example.gouv.fr/jauge/items/i${n}` },
    context: { registration: '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', contextActivities: { category: [] } },
    timestamp: '2026-11-29T12:00:00Z',
    version: '2.0.0',
  };
}

function memoryStorage(): SafeStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k) ?? null, set: (k, v) => (map.set(k, v), true), remove: (k) => void map.delete(k) };
}

interface Call {
  url: string;
  headers: Record<string, string>;
  body: Statement[];
}

/** A scripted LRS: each request gets the next reply (a status, a function of the batch, or a network error). */
function fakeLrs(replies: (number | 'network' | ((batch: Statement[]) => number))[], headers: Record<string, string> = {}) {
  const calls: Call[] = [];
  const stored = new Map<string, Statement>();
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as Statement[];
    calls.push({ url: String(url), headers: init?.headers as Record<string, string>, body });
    const reply = replies.length > 0 ? replies.shift()! : 200;
    if (reply === 'network') throw new TypeError('Failed to fetch');
    const status = typeof reply === 'function' ? reply(body) : reply;
    if (status === 200) for (const s of body) stored.set(s.id, s);
    return new Response(status === 200 ? JSON.stringify(body.map((s) => s.id)) : JSON.stringify({ message: `refused (${status})` }), { status, headers });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls, stored };
}

describe('LrsClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('sends in batches with the xAPI headers and asks for credentials before every request', async () => {
    const lrs = fakeLrs([]);
    const storage = memoryStorage();
    let token = 0;
    const statuses: LrsStatus[] = [];
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => `Bearer t${++token}`, batchSize: 50 }, { storage, fetch: lrs.fetch, onStatus: (s) => statuses.push(s) });
    await client.enqueue(Array.from({ length: 120 }, (_, i) => statement(i)));
    expect(lrs.calls.map((c) => c.body.length)).toEqual([50, 50, 20]);
    expect(lrs.calls[0]!.url).toBe('https://lrs.example.gouv.fr/xAPI/statements');
    expect(lrs.calls.map((c) => c.headers['Authorization'])).toEqual(['Bearer t1', 'Bearer t2', 'Bearer t3']);
    expect(lrs.calls[0]!.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Experience-API-Version': '2.0.0' });
    expect(lrs.stored.size).toBe(120);
    expect(statuses.map((s) => [s.state, s.count, s.pending])).toEqual([
      ['sent', 50, 70],
      ['sent', 50, 20],
      ['sent', 20, 0],
    ]);
    expect(storage.map.has(QUEUE_KEY)).toBe(false);
    client.close();
  });

  it('sends what is queued while a flush that already found the queue empty is finishing', async () => {
    const lrs = fakeLrs([]);
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x' }, { storage: memoryStorage(), fetch: lrs.fetch });
    const first = client.flush(); // nothing queued yet
    const second = client.enqueue([statement(1)]);
    await Promise.all([first, second]);
    expect(lrs.calls.map((c) => c.body.length)).toEqual([1]);
    expect(client.pending()).toEqual([]);
    client.close();
  });

  it('writes the statements to storage before the first attempt and keeps them until the LRS stored them', async () => {
    const storage = memoryStorage();
    let release: (r: Response) => void = () => {};
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (release = resolve)));
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x' }, { storage, fetch: fetch as unknown as typeof globalThis.fetch });
    const sending = client.enqueue([statement(1), statement(2)]);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect((JSON.parse(storage.map.get(QUEUE_KEY)!) as Statement[]).map((s) => s.id)).toEqual([statement(1).id, statement(2).id]);
    release(new Response('[]', { status: 200 }));
    await sending;
    expect(storage.map.has(QUEUE_KEY)).toBe(false);
    client.close();
  });

  it('retries network errors and server errors with exponential back-off', async () => {
    const lrs = fakeLrs(['network', 503, 'network', 200]);
    const statuses: LrsStatus[] = [];
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x', retry: { initialDelay: 1000, maxDelay: 3000 } }, { storage: memoryStorage(), fetch: lrs.fetch, random: () => 1 - Number.EPSILON, onStatus: (s) => statuses.push(s) });
    await client.enqueue([statement(1)]);
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', retryIn: 1000, status: 0, message: 'Failed to fetch', pending: 1 });
    await vi.advanceTimersByTimeAsync(999);
    expect(lrs.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(lrs.calls).toHaveLength(2);
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', retryIn: 2000, status: 503, message: '503 : refused (503)' });
    await vi.advanceTimersByTimeAsync(2000);
    // Capped at maxDelay: 1000 × 2² = 4000 → 3000.
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', retryIn: 3000 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(lrs.calls).toHaveLength(4);
    expect(statuses.at(-1)).toMatchObject({ state: 'sent', count: 1, pending: 0 });
    expect(lrs.stored.has(statement(1).id)).toBe(true);
    client.close();
  });

  it('waits at least what Retry-After asks (429), and jitters the back-off down to half', async () => {
    const lrs = fakeLrs([429], { 'Retry-After': '30' });
    const statuses: LrsStatus[] = [];
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x' }, { storage: memoryStorage(), fetch: lrs.fetch, random: () => 0, onStatus: (s) => statuses.push(s) });
    await client.enqueue([statement(1)]);
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', retryIn: 30_000, status: 429 });
    client.close();
    const lrs2 = fakeLrs([500]);
    const statuses2: LrsStatus[] = [];
    const client2 = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x' }, { storage: memoryStorage(), fetch: lrs2.fetch, random: () => 0, onStatus: (s) => statuses2.push(s) });
    await client2.enqueue([statement(1)]);
    expect(statuses2.at(-1)).toMatchObject({ state: 'retrying', retryIn: 1000 });
    client2.close();
  });

  it('resolves a 409 on a batch statement by statement (a lone 409 means the LRS already has it)', async () => {
    const lrs = fakeLrs([409, 200, 409, 200]);
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x' }, { storage: memoryStorage(), fetch: lrs.fetch });
    await client.enqueue([statement(1), statement(2), statement(3)]);
    expect(lrs.calls.map((c) => c.body.map((s) => s.id.slice(-1)))).toEqual([['1', '2', '3'], ['1'], ['2'], ['3']]);
    expect(client.pending()).toEqual([]);
    client.close();
  });

  it('sets aside a statement the LRS refuses (400) and still delivers the others', async () => {
    const bad = statement(2).id;
    const lrs = fakeLrs([], {});
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as Statement[];
      lrs.calls.push({ url: String(url), headers: {}, body });
      if (body.some((s) => s.id === bad)) return new Response(JSON.stringify({ warnings: ["Problem in 'statements.0.verb'"] }), { status: 400, statusText: 'Bad Request' });
      return new Response('[]', { status: 200 });
    });
    const storage = memoryStorage();
    const statuses: LrsStatus[] = [];
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x' }, { storage, fetch: fetch as unknown as typeof globalThis.fetch, onStatus: (s) => statuses.push(s) });
    await client.enqueue([statement(1), statement(2), statement(3)]);
    expect(lrs.calls.map((c) => c.body.length)).toEqual([3, 1, 1, 1]);
    expect(client.pending()).toEqual([]);
    expect(client.rejected()).toEqual([{ statement: statement(2), status: 400, message: "400 Bad Request: Problem in 'statements.0.verb'" }]);
    expect(statuses.filter((s) => s.state === 'rejected')).toHaveLength(1);
    client.close();
  });

  it('halves the batch after 413 Payload Too Large', async () => {
    const lrs = fakeLrs([413]);
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x', batchSize: 8 }, { storage: memoryStorage(), fetch: lrs.fetch });
    await client.enqueue(Array.from({ length: 8 }, (_, i) => statement(i)));
    expect(lrs.calls.map((c) => c.body.length)).toEqual([8, 4, 4]);
    client.close();
  });

  it('pauses while the browser is offline and sends when it is back online', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const lrs = fakeLrs([]);
    const statuses: LrsStatus[] = [];
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x' }, { storage: memoryStorage(), fetch: lrs.fetch, onStatus: (s) => statuses.push(s) });
    await client.enqueue([statement(1)]);
    expect(lrs.calls).toHaveLength(0);
    expect(statuses).toEqual([{ state: 'offline', count: 0, pending: 1 }]);
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(lrs.stored.size).toBe(1));
    client.close();
  });

  it('sends on the next visit what a previous visit left queued, without duplicates', async () => {
    const storage = memoryStorage();
    const down = fakeLrs(['network']);
    const first = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x' }, { storage, fetch: down.fetch });
    await first.enqueue([statement(1), statement(2)]);
    first.close(); // the page closes before the retry
    const lrs = fakeLrs([]);
    const second = new LrsClient({ endpoint: `${ENDPOINT}/`, credentials: () => 'Basic x' }, { storage, fetch: lrs.fetch });
    await second.enqueue([statement(2), statement(3)]);
    expect(lrs.calls.map((c) => c.body.map((s) => s.id.slice(-1)))).toEqual([['1', '2', '3']]);
    second.close();
  });

  it('speaks xAPI 1.0.3 to an older LRS when asked', async () => {
    const lrs = fakeLrs([]);
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x', version: '1.0.3' }, { storage: memoryStorage(), fetch: lrs.fetch });
    await client.enqueue([statement(1)]);
    expect(lrs.calls[0]!.headers['X-Experience-API-Version']).toBe('1.0.3');
    expect(lrs.calls[0]!.body[0]!.version).toBe('1.0.3');
    client.close();
  });

  it('keeps the queue in memory when storage refuses to write, and still sends', async () => {
    const refusing: SafeStorage = { get: () => null, set: () => false, remove: () => {} };
    const lrs = fakeLrs(['network']);
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => 'Basic x', retry: { initialDelay: 10 } }, { storage: refusing, fetch: lrs.fetch, random: () => 0.5 });
    await client.enqueue([statement(1)]);
    expect(client.pending()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(lrs.stored.size).toBe(1);
    expect(client.pending()).toEqual([]);
    client.close();
  });

  it('does not send when the credentials provider gives no header value, and retries', async () => {
    const lrs = fakeLrs([]);
    const statuses: LrsStatus[] = [];
    const client = new LrsClient({ endpoint: ENDPOINT, credentials: () => undefined as unknown as string }, { storage: memoryStorage(), fetch: lrs.fetch, random: () => 0, onStatus: (s) => statuses.push(s) });
    await client.enqueue([statement(1)]);
    expect(lrs.calls).toHaveLength(0);
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', status: 0, message: 'the credentials provider returned undefined instead of an Authorization header value', pending: 1 });
    client.close();
  });

  it('a failing credentials provider is retried like a network error', async () => {
    const lrs = fakeLrs([]);
    const statuses: LrsStatus[] = [];
    let calls = 0;
    const client = new LrsClient(
      { endpoint: ENDPOINT, credentials: () => (++calls === 1 ? Promise.reject(new Error('token service down')) : 'Bearer ok') },
      { storage: memoryStorage(), fetch: lrs.fetch, random: () => 0, onStatus: (s) => statuses.push(s) },
    );
    await client.enqueue([statement(1)]);
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', status: 0, message: 'token service down' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(lrs.calls[0]!.headers['Authorization']).toBe('Bearer ok');
    client.close();
  });
});

describe('checkLrsOptions', () => {
  it('accepts endpoint + credentials', () => {
    expect(checkLrsOptions({ endpoint: ENDPOINT, credentials: () => 'Basic x' })).toEqual([]);
  });

  it('says what is wrong, with paths', () => {
    expect(checkLrsOptions({ endpoint: 'ftp://lrs', credentials: 'Basic secret', version: '1.0', batchSize: 0, actor: { mbox: 'mailto:agent@example.gouv.fr', account: { homePage: 'x', name: '' } }, registration: 'nope', colour: 'red' })).toEqual([
      { path: 'lrs.colour', message: 'expected a known option (endpoint, credentials, version, batchSize, retry, actor, activityBase, registration), found an unknown one' },
      { path: 'lrs.endpoint', message: 'expected the LRS\'s http(s) xAPI URL, found "ftp://lrs"' },
      { path: 'lrs.credentials', message: 'expected a function returning the Authorization header, found string' },
      { path: 'lrs.version', message: 'expected "2.0.0" or "1.0.3", found "1.0"' },
      { path: 'lrs.batchSize', message: 'expected an integer from 1 to 1000, found 0' },
      // The same rules as core's xapiStatements (xapiActorIssues), under lrs.actor.
      { path: 'lrs.actor.mbox', message: 'expected only a pseudonymous account, found an e-mail (Jauge never writes names or e-mails)' },
      { path: 'lrs.actor.account.homePage', message: 'expected an http(s) IRL, found the string "x"' },
      { path: 'lrs.actor.account.name', message: 'expected a non-empty pseudonym, found the string ""' },
      { path: 'lrs.registration', message: 'expected a UUID, found "nope"' },
    ]);
    expect(checkLrsOptions(null)).toEqual([{ path: 'lrs', message: 'expected { endpoint, credentials }, found null' }]);
    // An account name that is an e-mail address is refused when the property is set, not when the test ends.
    expect(checkLrsOptions({ endpoint: ENDPOINT, credentials: () => 'x', actor: { account: { homePage: 'https://intranet.example.gouv.fr', name: 'camille.martin@example.gouv.fr' } } })).toEqual([
      { path: 'lrs.actor.account.name', message: 'expected a pseudonym, found what looks like an e-mail address' },
    ]);
    expect(checkLrsOptions({ endpoint: 'https://key:secret@lrs.example.gouv.fr/xAPI', credentials: () => '' })).toEqual([
      { path: 'lrs.endpoint', message: 'expected a URL without credentials, found a user name or password in it (anyone can read a page: give them through the credentials provider)' },
    ]);
  });
});
