import type { Statement } from '@jauge/core/xapi';
import { keys, type SafeStorage } from '../internal/storage.js';

/** The xAPI version spoken to the LRS: 2.0.0 (IEEE 9274.1.1) by default, 1.0.3 for older stores. */
export type XapiVersion = '2.0.0' | '1.0.3';

/** What the LRS client reports after each attempt (the element fires it as `jauge-xapi`). */
export interface LrsStatus {
  /**
   * `sent`: statements stored by the LRS; `retrying`: the network or the LRS failed, a new attempt
   * is scheduled; `offline`: the browser is offline, sending resumes when it is back online;
   * `rejected`: the LRS refused statements as invalid (kept apart, never resent).
   */
  state: 'sent' | 'retrying' | 'offline' | 'rejected';
  /** Statements stored (or refused) by this attempt. */
  count: number;
  /** Statements still waiting in the queue. */
  pending: number;
  /** Milliseconds until the next attempt (`retrying`). */
  retryIn?: number;
  /** HTTP status of the failed attempt (0 for a network error). */
  status?: number;
  /** Why the attempt failed (the LRS's own message when it gives one). */
  message?: string;
}

/** Options of {@link LrsClient}. */
export interface LrsClientOptions {
  /** The LRS's xAPI base URL (statements are posted to `<endpoint>/statements`). */
  endpoint: string;
  /**
   * Returns the `Authorization` header value (`Basic …`, `Bearer …`). Called before every request,
   * so a host can hand out short-lived tokens from its own back end: never put a long-lived secret
   * in a page.
   */
  credentials: () => string | Promise<string>;
  /** `2.0.0` (default) or `1.0.3` for an LRS that only speaks xAPI 1.0.3 (the statements are the same; only `version` and the header change). */
  version?: XapiVersion;
  /** Statements per request (default 50). */
  batchSize?: number;
  /** Back-off after a failure: first delay (default 2,000 ms), doubled at each failure up to `maxDelay` (default 300,000 ms), with jitter. */
  retry?: { initialDelay?: number; maxDelay?: number };
}

/** What the client needs from its environment (injected for tests). */
export interface LrsClientEnvironment {
  storage: SafeStorage;
  fetch?: typeof fetch;
  onStatus?: (status: LrsStatus) => void;
  /** Uniform in [0, 1) for the jitter (default Math.random). */
  random?: () => number;
}

type Attempt =
  | { kind: 'stored' }
  | { kind: 'split'; status: number; message: string }
  | { kind: 'rejected'; status: number; message: string }
  | { kind: 'retry'; status: number; message: string; retryAfter?: number };

const DEFAULT_BATCH = 50;
const MAX_REJECTED = 200;

/**
 * Sends xAPI statements to a Learning Record Store without losing any: statements are written to
 * storage before the first attempt and removed only once the LRS has stored them; failures are
 * retried with exponential back-off (and the LRS's `Retry-After`), sending pauses while the
 * browser is offline and resumes when it is back, and what is still queued when the page closes is
 * sent on the next visit. Statement ids are fixed before sending, so a batch whose response was
 * lost can be sent again safely: the LRS stores each id once (a `409 Conflict` on a batch is
 * resolved statement by statement). A statement the LRS refuses as invalid (`400`) is set aside in
 * storage (see {@link LrsClient.rejected}) so that it cannot block the others.
 */
export class LrsClient {
  private readonly url: string;
  private readonly version: XapiVersion;
  private readonly batchSize: number;
  private readonly initialDelay: number;
  private readonly maxDelay: number;
  private readonly queueKey: string;
  private readonly rejectedKey: string;
  private memory: Statement[] | undefined;
  private running: Promise<void> | undefined;
  /** Set when a flush is asked for while one runs: what was queued meanwhile is sent too. */
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private closed = false;
  private readonly online = () => void this.flush();

  constructor(
    options: LrsClientOptions,
    private readonly env: LrsClientEnvironment,
  ) {
    const endpoint = options.endpoint.replace(/\/+$/, '');
    this.url = `${endpoint}/statements`;
    this.version = options.version ?? '2.0.0';
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH));
    this.initialDelay = Math.max(0, options.retry?.initialDelay ?? 2000);
    this.maxDelay = Math.max(this.initialDelay, options.retry?.maxDelay ?? 300_000);
    this.queueKey = keys.xapiQueue(endpoint);
    this.rejectedKey = keys.xapiRejected(endpoint);
    this.credentials = options.credentials;
    globalThis.addEventListener?.('online', this.online);
  }

  private readonly credentials: () => string | Promise<string>;

  /** Statements waiting to be sent (oldest first). */
  pending(): Statement[] {
    if (this.memory) return [...this.memory];
    return readList(this.env.storage.get(this.queueKey));
  }

  /** Statements the LRS refused as invalid, with its message (most recent last). */
  rejected(): { statement: Statement; status: number; message: string }[] {
    return readList(this.env.storage.get(this.rejectedKey), (entry) => typeof (entry as { statement?: { id?: unknown } }).statement?.id === 'string') as unknown as { statement: Statement; status: number; message: string }[];
  }

  /** Queues statements (ids already present are not queued twice) and starts sending. */
  enqueue(statements: Statement[]): Promise<void> {
    const queue = this.pending();
    const known = new Set(queue.map((s) => s.id));
    for (const statement of statements) if (!known.has(statement.id)) (known.add(statement.id), queue.push(statement));
    this.write(queue);
    return this.flush();
  }

  /** Sends what is queued now (cancelling a scheduled retry); resolves when the queue is empty or an attempt failed. */
  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) {
      // The running pass may already have seen an empty queue: it goes round once more.
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again && this.timer === undefined && !this.closed);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Stops timers and listeners; what is queued stays in storage for the next visit. */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    globalThis.removeEventListener?.('online', this.online);
  }

  private write(queue: Statement[]): void {
    if (queue.length === 0) {
      this.memory = undefined;
      this.env.storage.remove(this.queueKey);
      return;
    }
    // A storage that refuses (quota, private mode) keeps the queue in memory for this visit.
    this.memory = this.env.storage.set(this.queueKey, JSON.stringify(queue)) ? undefined : queue;
  }

  private remove(ids: Set<string>): void {
    this.write(this.pending().filter((s) => !ids.has(s.id)));
  }

  private async drain(): Promise<void> {
    let size = this.batchSize;
    let singles = 0;
    while (!this.closed) {
      const queue = this.pending();
      if (queue.length === 0) return;
      if (globalThis.navigator?.onLine === false) {
        this.report({ state: 'offline', count: 0, pending: queue.length });
        return;
      }
      const batch = queue.slice(0, singles > 0 ? 1 : size);
      const attempt = await this.post(batch);
      if (this.closed) return;
      if (singles > 0) singles--;
      switch (attempt.kind) {
        case 'stored':
          this.failures = 0;
          this.remove(new Set(batch.map((s) => s.id)));
          this.report({ state: 'sent', count: batch.length, pending: this.pending().length });
          break;
        case 'split':
          // One statement of the batch conflicts with a stored one, or the batch is too large:
          // send them one by one (a lone 409 means the LRS already has that statement).
          if (batch.length > 1) {
            if (attempt.status === 413) size = Math.max(1, Math.floor(batch.length / 2));
            else singles = batch.length;
          } else {
            this.remove(new Set([batch[0]!.id]));
            this.report({ state: 'sent', count: 1, pending: this.pending().length });
          }
          break;
        case 'rejected':
          if (batch.length > 1) {
            singles = batch.length;
            break;
          }
          this.setAside(batch[0]!, attempt.status, attempt.message);
          this.report({ state: 'rejected', count: 1, pending: this.pending().length, status: attempt.status, message: attempt.message });
          break;
        case 'retry': {
          const delay = this.delay(attempt.retryAfter);
          this.failures++;
          this.timer = setTimeout(() => void this.flush(), delay);
          this.report({ state: 'retrying', count: 0, pending: queue.length, retryIn: delay, status: attempt.status, message: attempt.message });
          return;
        }
      }
    }
  }

  private delay(retryAfter: number | undefined): number {
    const exponential = Math.min(this.maxDelay, this.initialDelay * 2 ** this.failures);
    const jittered = exponential * (0.5 + 0.5 * (this.env.random ?? Math.random)());
    return Math.round(Math.min(this.maxDelay, Math.max(jittered, retryAfter ?? 0)));
  }

  private setAside(statement: Statement, status: number, message: string): void {
    const list = [...this.rejected(), { statement, status, message }].slice(-MAX_REJECTED);
    this.env.storage.set(this.rejectedKey, JSON.stringify(list));
    this.remove(new Set([statement.id]));
  }

  private async post(batch: Statement[]): Promise<Attempt> {
    const body = JSON.stringify(this.version === '2.0.0' ? batch : batch.map((s) => ({ ...s, version: this.version })));
    let response: Response;
    try {
      const authorization = await this.credentials();
      if (typeof authorization !== 'string' || authorization.trim() === '') throw new Error(`the credentials provider returned ${authorization === '' ? 'an empty string' : typeof authorization} instead of an Authorization header value`);
      const request = this.env.fetch ?? globalThis.fetch.bind(globalThis);
      response = await request(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': this.version, Authorization: authorization },
        body,
        credentials: 'omit',
        // Lets the last batch leave while the page closes (browsers cap keepalive bodies at 64 kB).
        keepalive: body.length < 60_000,
      });
    } catch (error) {
      return { kind: 'retry', status: 0, message: error instanceof Error ? error.message : String(error) };
    }
    if (response.ok) return { kind: 'stored' };
    const message = await lrsMessage(response);
    const status = response.status;
    if (status === 409 || status === 413) return { kind: 'split', status, message };
    if (status === 400) return { kind: 'rejected', status, message };
    const retryAfter = retryAfterMs(response.headers.get('Retry-After'));
    return { kind: 'retry', status, message, ...(retryAfter !== undefined ? { retryAfter } : {}) };
  }

  private report(status: LrsStatus): void {
    this.env.onStatus?.(status);
  }
}

/** A JSON list from storage, keeping only well-formed entries (a corrupted value reads as empty). */
function readList(text: string | null, valid: (entry: object) => boolean = (s) => typeof (s as { id?: unknown }).id === 'string'): Statement[] {
  if (text === null) return [];
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value.filter((s) => s && typeof s === 'object' && valid(s as object)) as Statement[]) : [];
  } catch {
    return [];
  }
}

async function lrsMessage(response: Response): Promise<string> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // no body
  }
  let message = text;
  try {
    const body = JSON.parse(text) as { message?: unknown; warnings?: unknown };
    if (typeof body.message === 'string') message = body.message;
    else if (Array.isArray(body.warnings)) message = body.warnings.join('; ');
  } catch {
    // not JSON: keep the text
  }
  return `${response.status} ${response.statusText}${message ? `: ${message.slice(0, 500)}` : ''}`.trim();
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds (capped at one hour). */
function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 3_600_000) : undefined;
}
