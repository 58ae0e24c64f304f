import type { Framework } from '@jauge/core/engine';
import { isIrl, isUuid, JaugeValidationError, type Statement, type ValidationIssue, xapiActorIssues, xapiStatements } from '@jauge/core/xapi';
import { randomUuid } from '../internal/random-uuid.js';
import type { SafeStorage } from '../internal/storage.js';
import { LrsClient, type LrsClientOptions, type LrsStatus } from './lrs-client.js';

/**
 * The `lrs` property of `<jauge-assessment>`: where and how to send the assessment's xAPI
 * statements. Nothing is sent while it is unset.
 */
export interface LrsOptions extends LrsClientOptions {
  /**
   * A pseudonymous account chosen by the host. Default: `{ homePage: location.origin, name: <the
   * element's pseudonym attribute> }`, or a new anonymous name per attempt when there is no
   * pseudonym. Never a name or an e-mail (refused).
   */
  actor?: { account: { homePage: string; name: string } };
  /** IRI prefix of Jauge's activities (default `<location.origin>/jauge`). */
  activityBase?: string;
  /** The attempt's registration UUID (e.g. given by the platform); default: a new random UUID per attempt. */
  registration?: string;
}

/** What the element gives the connection. */
export interface LrsHost {
  storage: SafeStorage;
  framework(): Framework | undefined;
  pseudonym(): string | undefined;
  report(status: LrsStatus): void;
  /** The statements of a finished test could not be built (e.g. a pseudonym that is an e-mail address). */
  invalid(issues: ValidationIssue[], message: string): void;
}

/** A live connection between an element and an LRS. */
export interface LrsConnection {
  readonly client: LrsClient;
  close(): void;
}

const OPTION_KEYS = new Set(['endpoint', 'credentials', 'version', 'batchSize', 'retry', 'actor', 'activityBase', 'registration']);

/** Problems of an `lrs` value, each with its path (`lrs.endpoint`…); empty when it can be used. */
export function checkLrsOptions(value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof value !== 'object' || value === null) return [{ path: 'lrs', message: `expected { endpoint, credentials }, found ${value === null ? 'null' : typeof value}` }];
  const options = value as Record<string, unknown>;
  for (const key of Object.keys(options)) if (!OPTION_KEYS.has(key)) issues.push({ path: `lrs.${key}`, message: 'expected a known option (endpoint, credentials, version, batchSize, retry, actor, activityBase, registration), found an unknown one' });
  if (!isIrl(options['endpoint'])) issues.push({ path: 'lrs.endpoint', message: `expected the LRS's http(s) xAPI URL, found ${JSON.stringify(options['endpoint']) ?? 'nothing'}` });
  else if (/^https?:\/\/[^/?#]*@/i.test(options['endpoint'])) issues.push({ path: 'lrs.endpoint', message: 'expected a URL without credentials, found a user name or password in it (anyone can read a page: give them through the credentials provider)' });
  if (typeof options['credentials'] !== 'function') issues.push({ path: 'lrs.credentials', message: `expected a function returning the Authorization header, found ${typeof options['credentials']}` });
  if (options['version'] !== undefined && options['version'] !== '2.0.0' && options['version'] !== '1.0.3') issues.push({ path: 'lrs.version', message: `expected "2.0.0" or "1.0.3", found ${JSON.stringify(options['version'])}` });
  const batch = options['batchSize'];
  if (batch !== undefined && !(typeof batch === 'number' && Number.isInteger(batch) && batch >= 1 && batch <= 1000)) issues.push({ path: 'lrs.batchSize', message: `expected an integer from 1 to 1000, found ${JSON.stringify(batch)}` });
  if (options['activityBase'] !== undefined && !isIrl(options['activityBase'])) issues.push({ path: 'lrs.activityBase', message: `expected an http(s) IRI, found ${JSON.stringify(options['activityBase'])}` });
  if (options['actor'] !== undefined) issues.push(...xapiActorIssues(options['actor'], 'lrs.actor'));
  if (options['registration'] !== undefined && !isUuid(options['registration'])) issues.push({ path: 'lrs.registration', message: `expected a UUID, found ${JSON.stringify(options['registration'])}` });
  return issues;
}

/**
 * Connects an element to an LRS: sends what a previous visit left queued, then, at each
 * `jauge-complete`, the attempt's statements (attempted, answered per item, completed per
 * domain). Throws `JaugeValidationError` when the actor is not a pseudonymous account.
 */
export function startLrs(target: EventTarget, options: LrsOptions, host: LrsHost): LrsConnection {
  const client = new LrsClient(options, { storage: host.storage, onStatus: (status) => host.report(status) });
  const origin = globalThis.location?.origin ?? 'https://localhost';
  const onComplete = (event: Event): void => {
    const framework = host.framework();
    const result = (event as CustomEvent<{ result?: unknown }>).detail?.result;
    if (!framework || !result) return;
    const registration = options.registration ?? randomUuid();
    const pseudonym = host.pseudonym();
    const actor = options.actor ?? { account: { homePage: origin, name: pseudonym || `anonyme-${registration}` } };
    let statements: Statement[];
    try {
      statements = xapiStatements(result as Parameters<typeof xapiStatements>[0], {
        actor,
        activityBase: options.activityBase ?? `${origin}/jauge`,
        registration,
        timestamp: new Date().toISOString(),
        framework,
      });
    } catch (error) {
      if (!(error instanceof JaugeValidationError)) throw error;
      host.invalid(error.issues, error.message);
      return;
    }
    void client.enqueue(statements);
  };
  target.addEventListener('jauge-complete', onComplete);
  void client.flush();
  return {
    client,
    close() {
      target.removeEventListener('jauge-complete', onComplete);
      client.close();
    },
  };
}
