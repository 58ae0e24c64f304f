import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import type { Framework } from '../framework/framework.schema.js';
import { describeValue } from '../framework/issues.js';
import type { AssessmentResult } from '../scoring/result.js';
import type { LevelEstimate } from '../scoring/levels.js';
import { isUuid, uuidV5 } from './uuid.js';

/** The xAPI version written in every statement. */
export const XAPI_VERSION = '2.0.0';

/** ADL verbs used (all from the ADL vocabulary; there is no standard "scored" verb). */
export const XAPI_VERBS = {
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;

/** ADL activity types. */
export const XAPI_ACTIVITY_TYPES = {
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  objective: 'http://adlnet.gov/expapi/activities/objective',
  profile: 'http://adlnet.gov/expapi/activities/profile',
} as const;

/** The IRI of the Jauge xAPI profile (in `context.contextActivities.category`), same root as the cohort extensions. */
export const JAUGE_XAPI_PROFILE = 'https://jauge-num.github.io/jauge/xapi/profile';

/**
 * IRIs of the extensions these statements carry, under the root of `XAPI_EXTENSIONS` of the
 * cohort module (`https://jauge-num.github.io/jauge/xapi/extensions/…`). To be published (resolvable,
 * with their definition) by the deploying administration.
 */
export const XAPI_RESULT_EXTENSIONS = {
  /** Level 1–8 (integer). */
  level: 'https://jauge-num.github.io/jauge/xapi/extensions/level',
  /** Uncertainty in levels (number ≥ 0). */
  levelSe: 'https://jauge-num.github.io/jauge/xapi/extensions/level-se',
  /** Ability on the θ scale (posterior mean). */
  theta: 'https://jauge-num.github.io/jauge/xapi/extensions/theta',
  /** Standard error of θ. */
  se: 'https://jauge-num.github.io/jauge/xapi/extensions/se',
  /** `true` when the agent answered "Je ne sais pas" (scored as incorrect). */
  skipped: 'https://jauge-num.github.io/jauge/xapi/extensions/skipped',
  /** Why the test stopped (attempted statement). */
  stopReason: 'https://jauge-num.github.io/jauge/xapi/extensions/stop-reason',
  /** Scored items of this competence answered or skipped (competence statements; 0: the level comes from the domain alone). */
  itemsAnswered: 'https://jauge-num.github.io/jauge/xapi/extensions/items-answered',
} as const;

/** Context extension IRIs: which framework and item bank (id and version) the statements rest on. */
export const XAPI_CONTEXT_EXTENSIONS = {
  framework: 'https://jauge-num.github.io/jauge/xapi/extensions/framework',
  bank: 'https://jauge-num.github.io/jauge/xapi/extensions/bank',
} as const;

/** A language map (`{ "fr-FR": "…" }`). */
export type LanguageMap = Record<string, string>;

/** An Activity (the only kind of object Jauge writes). */
export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: {
    type?: string;
    name?: LanguageMap;
    description?: LanguageMap;
    interactionType?: 'choice' | 'sequencing' | 'fill-in' | 'true-false' | 'likert' | 'matching' | 'performance' | 'long-fill-in' | 'numeric' | 'other';
    extensions?: Record<string, unknown>;
  };
}

/** A Jauge xAPI 2.0 statement (IEEE 9274.1.1). */
export interface Statement {
  id: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: {
    score?: { scaled: number };
    success?: boolean;
    completion?: boolean;
    /** ISO 8601 duration (cmi5 statements). */
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context: {
    registration: string;
    contextActivities: { parent?: XapiActivity[]; grouping?: XapiActivity[]; category: XapiActivity[] };
    language?: string;
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
  version: typeof XAPI_VERSION;
}

/** Options of {@link xapiStatements}: everything identifying or time-related comes from the host. */
export interface XapiStatementsOptions {
  /** A pseudonymous account chosen by the host. `mbox`, `mbox_sha1sum`, `openid` and `name` are refused. */
  actor: { account: { homePage: string; name: string } };
  /** IRI prefix of Jauge's activities, e.g. `https://intranet.example.gouv.fr/jauge` (no trailing slash needed). */
  activityBase: string;
  /** The attempt's registration (a UUID given by the host). */
  registration: string;
  /** ISO 8601 time with timezone, given by the caller (core reads no clock). */
  timestamp: string;
  framework: Framework;
}

const INTERACTION_TYPES: Record<string, NonNullable<XapiActivity['definition']>['interactionType']> = {
  'single-choice': 'choice',
  'multiple-choice': 'choice',
  ordering: 'sequencing',
  'short-text': 'fill-in',
};

const DISPLAY = {
  attempted: { 'fr-FR': 'a tenté', 'en-US': 'attempted' },
  answered: { 'fr-FR': 'a répondu', 'en-US': 'answered' },
  completed: { 'fr-FR': 'a terminé', 'en-US': 'completed' },
};

/** A deep copy of plain JSON data (not structuredClone, which browsers before 2022 lack). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** ISO 8601 date-time with a timezone (Z or ±hh:mm), as xAPI requires for timestamps. */
export const ISO_TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
const IRL = /^https?:\/\/[^\s/?#<>"]+[^\s<>"]*$/;

/** True for an absolute IRI (scheme, colon, no whitespace or forbidden character). */
export function isIri(value: unknown): value is string {
  return typeof value === 'string' && IRI.test(value);
}

/** True for an IRL: an http(s) IRI, i.e. one that can be looked up. */
export function isIrl(value: unknown): value is string {
  return typeof value === 'string' && IRL.test(value);
}

/**
 * Problems of an actor for Jauge's statements, each with its path under `path`: it must be a
 * pseudonymous account (`homePage` an http(s) IRL, `name` a non-empty pseudonym that is not an
 * e-mail address) and carry nothing else — no `name`, `mbox`, `mbox_sha1sum` or `openid`. Empty
 * when `xapiStatements` will accept it. The widget checks its `lrs.actor` with it.
 */
export function xapiActorIssues(value: unknown, path = 'actor'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const actor = value as Record<string, unknown> | undefined;
  if (typeof actor !== 'object' || actor === null) return [{ path, message: `expected { account: { homePage, name } }, found ${describeValue(actor)}` }];
  for (const key of Object.keys(actor)) {
    if (key === 'account' || key === 'objectType') continue;
    const why = key === 'mbox' || key === 'mbox_sha1sum' ? 'an e-mail' : key === 'name' ? 'a person\'s name' : key === 'openid' ? 'a personal identifier' : 'an unknown field';
    issues.push({ path: `${path}.${key}`, message: `expected only a pseudonymous account, found ${why} (Jauge never writes names or e-mails)` });
  }
  const account = actor['account'] as Record<string, unknown> | undefined;
  if (typeof account !== 'object' || account === null) issues.push({ path: `${path}.account`, message: `expected { homePage, name }, found ${describeValue(account)}` });
  else {
    if (!isIrl(account['homePage'])) issues.push({ path: `${path}.account.homePage`, message: `expected an http(s) IRL, found ${describeValue(account['homePage'])}` });
    if (typeof account['name'] !== 'string' || account['name'] === '') issues.push({ path: `${path}.account.name`, message: `expected a non-empty pseudonym, found ${describeValue(account['name'])}` });
    if (typeof account['name'] === 'string' && account['name'].includes('@')) issues.push({ path: `${path}.account.name`, message: 'expected a pseudonym, found what looks like an e-mail address' });
  }
  return issues;
}

function checkOptions(options: XapiStatementsOptions): void {
  const issues: ValidationIssue[] = [];
  issues.push(...xapiActorIssues(options.actor));
  if (!isIri(options.activityBase)) issues.push({ path: 'activityBase', message: `expected an IRI, found ${describeValue(options.activityBase)}` });
  if (!isUuid(options.registration)) issues.push({ path: 'registration', message: `expected a UUID, found ${describeValue(options.registration)}` });
  if (typeof options.timestamp !== 'string' || !ISO_TIMESTAMP.test(options.timestamp)) issues.push({ path: 'timestamp', message: `expected an ISO 8601 date-time with timezone, found ${describeValue(options.timestamp)}` });
  if (issues.length > 0) throw new JaugeValidationError('xAPI options', issues);
}

function scoreExtensions(estimate: LevelEstimate): Record<string, number> {
  return {
    [XAPI_RESULT_EXTENSIONS.level]: estimate.level,
    [XAPI_RESULT_EXTENSIONS.levelSe]: estimate.levelSe,
    [XAPI_RESULT_EXTENSIONS.theta]: estimate.theta,
    [XAPI_RESULT_EXTENSIONS.se]: estimate.se,
  };
}

/**
 * The xAPI 2.0 statements of one assessment result, ready for a Learning Record Store (nothing is
 * sent): one `attempted` for the assessment, one `answered` per scored item (success, a "skipped"
 * flag, never the response), one `completed` per domain then one per competence (object: the
 * framework's domain or competence id under `activityBase`) with the level as `score.scaled` =
 * level / 8 and level, levelSe, θ and SE in extensions (plus, for a competence, the number of its
 * items answered: 0 means its level comes from the domain alone). Ids are version-5 UUIDs of the registration and the
 * statement's index: the same input gives the same statements.
 *
 * @throws {@link JaugeValidationError} when the options carry a name or e-mail, or are malformed.
 */
export function xapiStatements(result: AssessmentResult, options: XapiStatementsOptions): Statement[] {
  checkOptions(options);
  const { framework, registration, timestamp } = options;
  const base = options.activityBase.replace(/\/+$/, '');
  const enc = encodeURIComponent;
  const lang = framework.lang.includes('-') ? framework.lang : `${framework.lang}-FR`;
  const actor = { objectType: 'Agent' as const, account: { homePage: options.actor.account.homePage, name: options.actor.account.name } };
  const assessment: XapiActivity = {
    objectType: 'Activity',
    id: `${base}/assessments/${enc(result.framework.id)}`,
    definition: { type: XAPI_ACTIVITY_TYPES.assessment, name: { [lang]: framework.title } },
  };
  const domainActivity = (id: string): XapiActivity => {
    const title = framework.domains.find((d) => d.id === id)?.title;
    return { objectType: 'Activity', id: `${base}/domains/${enc(id)}`, definition: { type: XAPI_ACTIVITY_TYPES.objective, ...(title ? { name: { [lang]: title } } : {}) } };
  };
  const competenceActivity = (id: string): XapiActivity => {
    const title = framework.domains.flatMap((d) => d.competences).find((c) => c.id === id)?.title;
    return { objectType: 'Activity', id: `${base}/competences/${enc(id)}`, definition: { type: XAPI_ACTIVITY_TYPES.objective, ...(title ? { name: { [lang]: title } } : {}) } };
  };
  const category: XapiActivity[] = [{ objectType: 'Activity', id: JAUGE_XAPI_PROFILE, definition: { type: XAPI_ACTIVITY_TYPES.profile } }];
  const contextExtensions = {
    [XAPI_CONTEXT_EXTENSIONS.framework]: { id: result.framework.id, version: result.framework.version },
    [XAPI_CONTEXT_EXTENSIONS.bank]: { id: result.bank.id, version: result.bank.version },
  };
  const statements: Statement[] = [];
  const push = (verb: keyof typeof DISPLAY, object: XapiActivity, statementResult: NonNullable<Statement['result']>, contextActivities: Statement['context']['contextActivities']) => {
    statements.push({
      id: uuidV5(`${registration}/${statements.length}`),
      actor: { objectType: actor.objectType, account: { ...actor.account } },
      verb: { id: XAPI_VERBS[verb], display: { ...DISPLAY[verb] } },
      object,
      result: statementResult,
      context: { registration, contextActivities, language: lang, extensions: clone(contextExtensions) },
      timestamp,
      version: XAPI_VERSION,
    });
  };

  push(
    'attempted',
    clone(assessment),
    {
      completion: result.complete,
      score: { scaled: result.overall.level / 8 },
      extensions: { ...scoreExtensions(result.overall), ...(result.stopReason ? { [XAPI_RESULT_EXTENSIONS.stopReason]: result.stopReason } : {}) },
    },
    { category: clone(category) },
  );

  for (const item of result.answered) {
    const interactionType = INTERACTION_TYPES[item.type];
    if (item.outcome === 'rated' || !interactionType) continue;
    const skipped = item.outcome === 'skipped';
    push(
      'answered',
      { objectType: 'Activity', id: `${base}/items/${enc(item.itemId)}`, definition: { type: XAPI_ACTIVITY_TYPES.interaction, interactionType } },
      { success: item.outcome === 'correct', completion: !skipped, ...(skipped ? { extensions: { [XAPI_RESULT_EXTENSIONS.skipped]: true } } : {}) },
      {
        parent: [clone(assessment)],
        grouping: [domainActivity(item.domain), ...(item.competence ? [competenceActivity(item.competence)] : [])],
        category: clone(category),
      },
    );
  }

  for (const domain of result.domains) {
    const competences = result.competences.filter((c) => c.domain === domain.id);
    push(
      'completed',
      domainActivity(domain.id),
      { completion: true, score: { scaled: domain.level / 8 }, extensions: scoreExtensions(domain) },
      { parent: [clone(assessment)], grouping: competences.map((c) => competenceActivity(c.id)), category: clone(category) },
    );
  }

  // One per competence, after the domains (so that the ids of the statements above never change).
  for (const competence of result.competences) {
    push(
      'completed',
      competenceActivity(competence.id),
      { completion: true, score: { scaled: competence.level / 8 }, extensions: { ...scoreExtensions(competence), [XAPI_RESULT_EXTENSIONS.itemsAnswered]: competence.answered } },
      { parent: [clone(assessment)], grouping: [domainActivity(competence.domain)], category: clone(category) },
    );
  }
  return statements;
}
