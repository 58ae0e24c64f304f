import type { Statement } from '@jauge/core/xapi';
import { isIri, isIrl, isUuid, JaugeValidationError, xapiStatements, type ValidationIssue } from '@jauge/core/xapi';
import { emit } from '../events/events.js';
import type { JaugeAssessment } from '../components/assessment/assessment.component.js';
import { randomUuid } from '../internal/random-uuid.js';
import { storageFor } from '../internal/storage.js';
import { LrsClient, type LrsStatus } from '../xapi/lrs-client.js';

/** The cmi5 category that marks the statements cmi5 defines. */
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
/** The category of the statement that satisfies the AU's `moveOn` criterion. */
export const CMI5_MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';

const VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized', 'fr-FR': 'a commencé' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'fr-FR': 'a terminé' } },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated', 'fr-FR': 'a quitté' } },
} as const;

/** The launch parameters an LMS appends to the AU's URL (cmi5, section 8.1). */
export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  registration: string;
  activityId: string;
}

/** The `LMS.LaunchData` state document (cmi5, section 10.2.1); only what Jauge uses is typed. */
export interface Cmi5LaunchData {
  contextTemplate: { contextActivities?: Record<string, unknown[]>; extensions?: Record<string, unknown> };
  launchMode: 'Normal' | 'Browse' | 'Review';
  returnURL?: string;
  moveOn?: string;
}

/** Options of {@link connectCmi5}. */
export interface ConnectCmi5Options {
  /** The launch URL (default: `location.href`). */
  url?: string;
  /** Statements per request, back-off: as for the `lrs` property. */
  batchSize?: number;
  retry?: { initialDelay?: number; maxDelay?: number };
  /** `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
}

/** A running cmi5 session. */
export interface Cmi5Session {
  launch: Cmi5Launch;
  launchData: Cmi5LaunchData;
  client: LrsClient;
  /** Sends `terminated` (once) and stops; called on `pagehide`. */
  terminate(): void;
}

/**
 * Reads the cmi5 launch parameters of a URL. Returns the problems (path `launch.<name>`) when the
 * page was not launched by a cmi5 LMS or the parameters are malformed.
 */
export function readCmi5Launch(url: string): { launch?: Cmi5Launch; issues: ValidationIssue[] } {
  const params = new URL(url).searchParams;
  const issues: ValidationIssue[] = [];
  const text = (name: string) => params.get(name) ?? '';
  if (!isIrl(text('endpoint'))) issues.push({ path: 'launch.endpoint', message: `expected the LRS's http(s) URL, found ${JSON.stringify(params.get('endpoint'))}` });
  if (!isIrl(text('fetch'))) issues.push({ path: 'launch.fetch', message: `expected the http(s) URL of the token service, found ${JSON.stringify(params.get('fetch'))}` });
  if (!isUuid(text('registration'))) issues.push({ path: 'launch.registration', message: `expected a UUID, found ${JSON.stringify(params.get('registration'))}` });
  if (!isIri(text('activityId'))) issues.push({ path: 'launch.activityId', message: `expected an IRI, found ${JSON.stringify(params.get('activityId'))}` });
  let account: { homePage?: unknown; name?: unknown } | undefined;
  try {
    account = (JSON.parse(text('actor')) as { account?: { homePage?: unknown; name?: unknown } }).account;
  } catch {
    account = undefined;
  }
  if (!account || !isIrl(account.homePage) || typeof account.name !== 'string' || account.name === '') {
    issues.push({ path: 'launch.actor', message: `expected an Agent with an account { homePage, name }, found ${JSON.stringify(params.get('actor'))}` });
  }
  if (issues.length > 0) return { issues };
  return {
    issues,
    launch: {
      endpoint: text('endpoint'),
      fetch: text('fetch'),
      // Only the account is kept: a person's name the LMS may add is never written back.
      actor: { objectType: 'Agent', account: { homePage: account!.homePage as string, name: account!.name as string } },
      registration: text('registration'),
      activityId: text('activityId'),
    },
  };
}

/** An ISO 8601 duration in seconds to the hundredth (`PT12.34S`). */
export function isoDuration(ms: number): string {
  return `PT${(Math.max(0, Math.round(ms / 10)) / 100).toFixed(2)}S`;
}

/** The context of every statement: the LMS's template, the registration, and the cmi5 categories. */
function context(launch: Cmi5Launch, template: Cmi5LaunchData['contextTemplate'], categories: string[], base?: Statement['context']): Statement['context'] {
  const activities = { ...(base?.contextActivities ?? {}) } as Record<string, unknown[]>;
  for (const [kind, list] of Object.entries(template.contextActivities ?? {})) if (Array.isArray(list)) activities[kind] = [...(activities[kind] ?? []), ...JSON.parse(JSON.stringify(list))];
  activities['category'] = [...(activities['category'] ?? []), ...categories.map((id) => ({ objectType: 'Activity', id }))];
  return {
    ...(base ?? {}),
    registration: launch.registration,
    contextActivities: activities as Statement['context']['contextActivities'],
    extensions: { ...(base?.extensions ?? {}), ...JSON.parse(JSON.stringify(template.extensions ?? {})) },
  };
}

/**
 * Runs `<jauge-assessment>` as a cmi5 Assignable Unit: reads the launch parameters, fetches the
 * one-time token, reads `LMS.LaunchData`, then sends through the same queue as the `lrs`
 * property (batches, back-off, offline storage): `initialized` at once; at the end of the test
 * the assessment's statements (cmi5 "allowed" statements, with the launch's actor and
 * registration) and `completed` (category `moveon`, with the duration) — not in Browse or Review
 * mode; `terminated` when the page is left. A self-assessment has no pass mark: it never sends
 * `passed` or `failed`, so the course structure should use `moveOn` "Completed" (or
 * "CompletedOrPassed"). Rejects with `Error` when the page was not launched by a cmi5 LMS or the
 * LMS refuses the token.
 */
export async function connectCmi5(element: JaugeAssessment, options: ConnectCmi5Options = {}): Promise<Cmi5Session> {
  const { launch, issues } = readCmi5Launch(options.url ?? globalThis.location.href);
  if (!launch) throw new Error(`Not launched by a cmi5 LMS: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const request = options.fetch ?? globalThis.fetch.bind(globalThis);
  const tokenResponse = await request(launch.fetch, { method: 'POST', credentials: 'omit' });
  const tokenBody = (await tokenResponse.json().catch(() => ({}))) as { 'auth-token'?: unknown; 'error-code'?: unknown; 'error-text'?: unknown };
  const token = tokenBody['auth-token'];
  if (!tokenResponse.ok || typeof token !== 'string' || token === '') {
    throw new Error(`The LMS refused the cmi5 token (${tokenResponse.status}${tokenBody['error-text'] ? `: ${String(tokenBody['error-text'])}` : ''})`);
  }
  const authorization = `Basic ${token}`;
  const endpoint = launch.endpoint.replace(/\/+$/, '');
  const stateUrl = `${endpoint}/activities/state?${new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration })}`;
  const stateResponse = await request(stateUrl, { headers: { Authorization: authorization, 'X-Experience-API-Version': '1.0.3' }, credentials: 'omit' });
  if (!stateResponse.ok) throw new Error(`Could not read LMS.LaunchData (${stateResponse.status})`);
  const launchData = (await stateResponse.json()) as Cmi5LaunchData;
  const template = launchData.contextTemplate ?? {};

  const client = new LrsClient(
    { endpoint, credentials: () => authorization, version: '1.0.3', ...(options.batchSize ? { batchSize: options.batchSize } : {}), ...(options.retry ? { retry: options.retry } : {}) },
    { storage: storageFor(element.storage, element.store), ...(options.fetch ? { fetch: options.fetch } : {}), onStatus: (status: LrsStatus) => emit(element, 'jauge-xapi', status) },
  );
  const started = Date.now();
  const cmi5Statement = (verb: keyof typeof VERBS, categories: string[], result?: Statement['result']): Statement => ({
    id: randomUuid(),
    actor: { objectType: 'Agent', account: { ...launch.actor.account } },
    verb: { id: VERBS[verb].id, display: { ...VERBS[verb].display } },
    object: { objectType: 'Activity', id: launch.activityId },
    ...(result ? { result } : {}),
    context: context(launch, template, categories),
    timestamp: new Date().toISOString(),
    version: '2.0.0',
  });

  void client.enqueue([cmi5Statement('initialized', [CMI5_CATEGORY])]);
  let completed = false;
  const onComplete = (event: Event): void => {
    const framework = element.activeContent?.framework;
    const result = (event as CustomEvent<{ result?: Parameters<typeof xapiStatements>[0] }>).detail?.result;
    if (!framework || !result || completed) return;
    completed = true;
    let statements: Statement[] = [];
    try {
      statements = xapiStatements(result, { actor: { account: launch.actor.account }, activityBase: launch.activityId, registration: launch.registration, timestamp: new Date().toISOString(), framework }).map((s) => ({
        ...s,
        context: context(launch, template, [], s.context),
      }));
    } catch (error) {
      // The LMS's account is not a pseudonym (an e-mail address): Jauge writes none of its own
      // statements with it; the cmi5 ones, which must carry the launch actor, still go.
      if (!(error instanceof JaugeValidationError)) throw error;
      emit(element, 'jauge-error', { code: 'invalid-configuration', message: error.message, issues: error.issues });
    }
    if (launchData.launchMode === 'Normal' || launchData.launchMode === undefined) {
      statements.push(cmi5Statement('completed', [CMI5_CATEGORY, CMI5_MOVEON_CATEGORY], { completion: true, duration: isoDuration(Date.now() - started) }));
    }
    void client.enqueue(statements);
  };
  element.addEventListener('jauge-complete', onComplete);
  let terminated = false;
  const terminate = (): void => {
    if (terminated) return;
    terminated = true;
    element.removeEventListener('jauge-complete', onComplete);
    globalThis.removeEventListener?.('pagehide', terminate);
    void client.enqueue([cmi5Statement('terminated', [CMI5_CATEGORY], { duration: isoDuration(Date.now() - started) })]);
  };
  globalThis.addEventListener?.('pagehide', terminate);
  return { launch, launchData, client, terminate };
}
