import { JaugeValidationError } from '../errors.js';
import { describeValue } from '../framework/issues.js';
import { type GroupedResult, summarizeResult } from './grouped-result.js';

/**
 * IRIs of the xAPI extensions Jauge writes (see `docs/decisions/0004-sharded-aggregation.md`):
 * the result summary, the agent's groups and the recommended trainings.
 */
export const XAPI_EXTENSIONS = {
  result: 'https://jauge-num.github.io/jauge/xapi/extensions/result-summary',
  group: 'https://jauge-num.github.io/jauge/xapi/extensions/group',
  trainings: 'https://jauge-num.github.io/jauge/xapi/extensions/trainings',
} as const;

/** The xAPI verb of a finished assessment. */
export const XAPI_COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';

/** An xAPI actor. Use a pseudonymous account (never an e-mail): the LRS needs one, the map never reads it. */
export interface XapiActor {
  objectType?: 'Agent';
  account: { homePage: string; name: string };
}

/** The xAPI statement (1.0.3 / IEEE 9274.1.1) Jauge sends for one finished assessment. */
export interface XapiStatement {
  id?: string;
  actor: XapiActor;
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition: { type: string; name: Record<string, string> } };
  result: { completion: true; extensions: Record<string, unknown> };
  context: { extensions: Record<string, unknown> };
  timestamp?: string;
}

/** Options of {@link toXapiStatement}. */
export interface ToXapiOptions {
  actor: XapiActor;
  /** IRI of the assessment activity (e.g. the campaign's page on the intranet). */
  activityId: string;
  /** Statement id (a UUID) and time, when the caller sets them (core reads no clock). */
  id?: string;
  timestamp?: string;
}

/**
 * Wraps a grouped result as an xAPI statement for a Learning Record Store: the result is reduced
 * to its summary (levels and uncertainties only), the groups go in a context extension, the
 * recommended trainings in a result extension.
 */
export function toXapiStatement(record: GroupedResult, options: ToXapiOptions): XapiStatement {
  const result = summarizeResult(record.result);
  return {
    ...(options.id ? { id: options.id } : {}),
    actor: { objectType: 'Agent', account: { ...options.actor.account } },
    verb: { id: XAPI_COMPLETED, display: { 'fr-FR': 'a terminé', 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: options.activityId,
      definition: { type: 'http://adlnet.gov/expapi/activities/assessment', name: { 'fr-FR': `Positionnement ${result.framework.id} ${result.framework.version}` } },
    },
    result: { completion: true, extensions: { [XAPI_EXTENSIONS.result]: result, ...(record.trainings ? { [XAPI_EXTENSIONS.trainings]: [...record.trainings] } : {}) } },
    context: { extensions: { [XAPI_EXTENSIONS.group]: { ...record.group } } },
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  };
}

/**
 * Reads the grouped result back from a statement written by {@link toXapiStatement}. Only the
 * extensions are read: the actor (and anything else identifying) never reaches the record, so it
 * cannot reach a map. The record is checked when it is aggregated.
 *
 * @throws {@link JaugeValidationError} when the statement lacks the Jauge extensions.
 */
export function fromXapiStatement(statement: unknown): GroupedResult {
  const get = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);
  const result = get(get(get(statement, 'result'), 'extensions'), XAPI_EXTENSIONS.result);
  const group = get(get(get(statement, 'context'), 'extensions'), XAPI_EXTENSIONS.group);
  const trainings = get(get(get(statement, 'result'), 'extensions'), XAPI_EXTENSIONS.trainings);
  const issues = [];
  if (typeof result !== 'object' || result === null) issues.push({ path: `result.extensions[${JSON.stringify(XAPI_EXTENSIONS.result)}]`, message: `expected a Jauge result summary, found ${describeValue(result)}` });
  if (typeof group !== 'object' || group === null) issues.push({ path: `context.extensions[${JSON.stringify(XAPI_EXTENSIONS.group)}]`, message: `expected the agent's groups, found ${describeValue(group)}` });
  if (issues.length > 0) throw new JaugeValidationError('xAPI statement', issues);
  return { result: result as GroupedResult['result'], group: group as GroupedResult['group'], ...(trainings !== undefined ? { trainings: trainings as string[] } : {}) };
}
