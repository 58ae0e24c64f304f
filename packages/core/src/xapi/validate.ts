import type { ValidationIssue } from '../errors.js';
import { describeValue } from '../framework/issues.js';
import { ISO_TIMESTAMP, isIri, isIrl } from './statements.js';
import { isUuid } from './uuid.js';

/**
 * A local implementation of the xAPI 2.0 (IEEE 9274.1.1) statement rules that matter for Jauge's
 * statements. It is not the ADL conformance test suite: an LRS may still refuse what passes here.
 */

const TOP_LEVEL = new Set(['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
const AGENT_FIELDS = new Set(['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const INTERACTION_TYPES = new Set(['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other']);
const CONTEXT_ACTIVITY_KEYS = new Set(['parent', 'grouping', 'category', 'other']);
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const VERSION = /^[12]\.0(\.\d+)?$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function languageMap(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (!isObject(value)) {
    issues.push({ path, message: `expected a language map ({ "fr-FR": "…" }), found ${describeValue(value)}` });
    return;
  }
  for (const [tag, text] of Object.entries(value)) {
    if (!LANGUAGE_TAG.test(tag)) issues.push({ path: `${path}[${JSON.stringify(tag)}]`, message: `expected an RFC 5646 language tag as key, found ${JSON.stringify(tag)}` });
    if (typeof text !== 'string') issues.push({ path: `${path}[${JSON.stringify(tag)}]`, message: `expected a string, found ${describeValue(text)}` });
  }
}

function extensions(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (!isObject(value)) {
    issues.push({ path, message: `expected an object keyed by IRIs, found ${describeValue(value)}` });
    return;
  }
  for (const key of Object.keys(value)) if (!isIri(key)) issues.push({ path, message: `expected extension keys to be IRIs, found ${JSON.stringify(key)}` });
}

function agent(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (!isObject(value)) {
    issues.push({ path, message: `expected an Agent, found ${describeValue(value)}` });
    return;
  }
  if (value['objectType'] !== undefined && value['objectType'] !== 'Agent') issues.push({ path: `${path}.objectType`, message: `expected "Agent", found ${describeValue(value['objectType'])}` });
  for (const key of Object.keys(value)) if (!AGENT_FIELDS.has(key)) issues.push({ path: `${path}.${key}`, message: 'expected no such property in an Agent' });
  const ifis = IFIS.filter((key) => value[key] !== undefined);
  if (ifis.length !== 1) issues.push({ path, message: `expected exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account), found ${ifis.length}${ifis.length ? ` (${ifis.join(', ')})` : ''}` });
  if (value['name'] !== undefined && typeof value['name'] !== 'string') issues.push({ path: `${path}.name`, message: `expected a string, found ${describeValue(value['name'])}` });
  if (value['mbox'] !== undefined && (typeof value['mbox'] !== 'string' || !/^mailto:[^@\s]+@[^@\s]+$/.test(value['mbox']))) issues.push({ path: `${path}.mbox`, message: `expected a mailto: IRI, found ${describeValue(value['mbox'])}` });
  if (value['mbox_sha1sum'] !== undefined && (typeof value['mbox_sha1sum'] !== 'string' || !/^[0-9a-f]{40}$/i.test(value['mbox_sha1sum']))) issues.push({ path: `${path}.mbox_sha1sum`, message: `expected 40 hexadecimal digits, found ${describeValue(value['mbox_sha1sum'])}` });
  if (value['openid'] !== undefined && !isIri(value['openid'])) issues.push({ path: `${path}.openid`, message: `expected a URI, found ${describeValue(value['openid'])}` });
  const account = value['account'];
  if (account !== undefined) {
    if (!isObject(account)) issues.push({ path: `${path}.account`, message: `expected { homePage, name }, found ${describeValue(account)}` });
    else {
      if (!isIrl(account['homePage'])) issues.push({ path: `${path}.account.homePage`, message: `expected an IRL (http or https), found ${describeValue(account['homePage'])}` });
      if (typeof account['name'] !== 'string' || account['name'] === '') issues.push({ path: `${path}.account.name`, message: `expected a non-empty string, found ${describeValue(account['name'])}` });
      for (const key of Object.keys(account)) if (key !== 'homePage' && key !== 'name') issues.push({ path: `${path}.account.${key}`, message: 'expected no such property in an Account' });
    }
  }
}

function activity(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (!isObject(value)) {
    issues.push({ path, message: `expected an Activity, found ${describeValue(value)}` });
    return;
  }
  if (value['objectType'] !== undefined && value['objectType'] !== 'Activity') issues.push({ path: `${path}.objectType`, message: `expected "Activity", found ${describeValue(value['objectType'])}` });
  if (!isIri(value['id'])) issues.push({ path: `${path}.id`, message: `expected an IRI, found ${describeValue(value['id'])}` });
  for (const key of Object.keys(value)) if (key !== 'objectType' && key !== 'id' && key !== 'definition') issues.push({ path: `${path}.${key}`, message: 'expected no such property in an Activity' });
  const definition = value['definition'];
  if (definition === undefined) return;
  if (!isObject(definition)) {
    issues.push({ path: `${path}.definition`, message: `expected an object, found ${describeValue(definition)}` });
    return;
  }
  if (definition['name'] !== undefined) languageMap(definition['name'], `${path}.definition.name`, issues);
  if (definition['description'] !== undefined) languageMap(definition['description'], `${path}.definition.description`, issues);
  if (definition['type'] !== undefined && !isIri(definition['type'])) issues.push({ path: `${path}.definition.type`, message: `expected an IRI, found ${describeValue(definition['type'])}` });
  if (definition['moreInfo'] !== undefined && !isIrl(definition['moreInfo'])) issues.push({ path: `${path}.definition.moreInfo`, message: `expected an IRL, found ${describeValue(definition['moreInfo'])}` });
  const interactionType = definition['interactionType'];
  if (interactionType !== undefined && (typeof interactionType !== 'string' || !INTERACTION_TYPES.has(interactionType))) {
    issues.push({ path: `${path}.definition.interactionType`, message: `expected one of ${[...INTERACTION_TYPES].join(', ')}, found ${describeValue(interactionType)}` });
  }
  if (definition['extensions'] !== undefined) extensions(definition['extensions'], `${path}.definition.extensions`, issues);
}

function object(value: unknown, issues: ValidationIssue[]): void {
  const type = isObject(value) ? value['objectType'] : undefined;
  if (type === 'StatementRef') {
    if (!isUuid((value as Json)['id'])) issues.push({ path: 'object.id', message: `expected a UUID, found ${describeValue((value as Json)['id'])}` });
  } else if (type === 'Agent') agent(value, 'object', issues);
  else if (type === 'Group' || type === 'SubStatement') issues.push({ path: 'object.objectType', message: `expected an Activity, Agent or StatementRef (${type} is not checked by this validator), found "${type}"` });
  else activity(value, 'object', issues);
}

function result(value: unknown, issues: ValidationIssue[]): void {
  if (!isObject(value)) {
    issues.push({ path: 'result', message: `expected an object, found ${describeValue(value)}` });
    return;
  }
  const score = value['score'];
  if (score !== undefined) {
    if (!isObject(score)) issues.push({ path: 'result.score', message: `expected an object, found ${describeValue(score)}` });
    else {
      const { scaled, raw, min, max } = score;
      for (const [key, n] of Object.entries({ scaled, raw, min, max })) {
        if (n !== undefined && (typeof n !== 'number' || !Number.isFinite(n))) issues.push({ path: `result.score.${key}`, message: `expected a number, found ${describeValue(n)}` });
      }
      if (typeof scaled === 'number' && (scaled < -1 || scaled > 1)) issues.push({ path: 'result.score.scaled', message: `expected a number between -1 and 1, found ${scaled}` });
      if (typeof min === 'number' && typeof max === 'number' && min > max) issues.push({ path: 'result.score.min', message: `expected min ≤ max (${max}), found ${min}` });
      if (typeof raw === 'number' && ((typeof min === 'number' && raw < min) || (typeof max === 'number' && raw > max))) issues.push({ path: 'result.score.raw', message: `expected a number between min and max, found ${raw}` });
    }
  }
  for (const key of ['success', 'completion'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'boolean') issues.push({ path: `result.${key}`, message: `expected a boolean, found ${describeValue(value[key])}` });
  }
  if (value['response'] !== undefined && typeof value['response'] !== 'string') issues.push({ path: 'result.response', message: `expected a string, found ${describeValue(value['response'])}` });
  if (value['duration'] !== undefined && (typeof value['duration'] !== 'string' || !DURATION.test(value['duration']))) issues.push({ path: 'result.duration', message: `expected an ISO 8601 duration, found ${describeValue(value['duration'])}` });
  if (value['extensions'] !== undefined) extensions(value['extensions'], 'result.extensions', issues);
  for (const key of Object.keys(value)) if (!['score', 'success', 'completion', 'response', 'duration', 'extensions'].includes(key)) issues.push({ path: `result.${key}`, message: 'expected no such property in a Result' });
}

function context(value: unknown, issues: ValidationIssue[]): void {
  if (!isObject(value)) {
    issues.push({ path: 'context', message: `expected an object, found ${describeValue(value)}` });
    return;
  }
  if (value['registration'] !== undefined && !isUuid(value['registration'])) issues.push({ path: 'context.registration', message: `expected a UUID, found ${describeValue(value['registration'])}` });
  if (value['language'] !== undefined && (typeof value['language'] !== 'string' || !LANGUAGE_TAG.test(value['language']))) issues.push({ path: 'context.language', message: `expected an RFC 5646 language tag, found ${describeValue(value['language'])}` });
  if (value['instructor'] !== undefined) agent(value['instructor'], 'context.instructor', issues);
  const activities = value['contextActivities'];
  if (activities !== undefined) {
    if (!isObject(activities)) issues.push({ path: 'context.contextActivities', message: `expected an object, found ${describeValue(activities)}` });
    else {
      for (const [key, list] of Object.entries(activities)) {
        const path = `context.contextActivities.${key}`;
        if (!CONTEXT_ACTIVITY_KEYS.has(key)) issues.push({ path, message: 'expected parent, grouping, category or other' });
        else if (Array.isArray(list)) list.forEach((entry, i) => activity(entry, `${path}[${i}]`, issues));
        else activity(list, path, issues);
      }
    }
  }
  if (value['extensions'] !== undefined) extensions(value['extensions'], 'context.extensions', issues);
}

/**
 * Checks a statement against the xAPI 2.0 rules that matter here: actor, verb and object required;
 * the actor an Agent with exactly one inverse functional identifier (an account's homePage an IRL);
 * IRIs for the verb, activities and extension keys; language maps; `score.scaled` in [−1, 1];
 * timestamps in ISO 8601 with a timezone; UUIDs for `id` and `registration`; no unknown top-level
 * property. Returns every issue found (empty: valid). Not the ADL conformance suite.
 */
export function validateStatement(statement: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isObject(statement)) return [{ path: '', message: `expected a statement object, found ${describeValue(statement)}` }];
  for (const key of Object.keys(statement)) if (!TOP_LEVEL.has(key)) issues.push({ path: key, message: 'expected no such property in a statement' });
  if (statement['id'] !== undefined && !isUuid(statement['id'])) issues.push({ path: 'id', message: `expected a UUID, found ${describeValue(statement['id'])}` });
  if (statement['actor'] === undefined) issues.push({ path: 'actor', message: 'expected an actor, found nothing (the field is missing)' });
  else agent(statement['actor'], 'actor', issues);
  const verb = statement['verb'];
  if (verb === undefined) issues.push({ path: 'verb', message: 'expected a verb, found nothing (the field is missing)' });
  else if (!isObject(verb)) issues.push({ path: 'verb', message: `expected { id, display }, found ${describeValue(verb)}` });
  else {
    if (!isIri(verb['id'])) issues.push({ path: 'verb.id', message: `expected an IRI, found ${describeValue(verb['id'])}` });
    if (verb['display'] !== undefined) languageMap(verb['display'], 'verb.display', issues);
  }
  if (statement['object'] === undefined) issues.push({ path: 'object', message: 'expected an object, found nothing (the field is missing)' });
  else object(statement['object'], issues);
  if (statement['result'] !== undefined) result(statement['result'], issues);
  if (statement['context'] !== undefined) context(statement['context'], issues);
  for (const key of ['timestamp', 'stored'] as const) {
    const time = statement[key];
    if (time !== undefined && (typeof time !== 'string' || !ISO_TIMESTAMP.test(time))) issues.push({ path: key, message: `expected an ISO 8601 date-time with timezone, found ${describeValue(time)}` });
  }
  if (statement['authority'] !== undefined) agent(statement['authority'], 'authority', issues);
  if (statement['version'] !== undefined && (typeof statement['version'] !== 'string' || !VERSION.test(statement['version']))) issues.push({ path: 'version', message: `expected an xAPI version 1.0.x or 2.0.x, found ${describeValue(statement['version'])}` });
  if (statement['attachments'] !== undefined && !Array.isArray(statement['attachments'])) issues.push({ path: 'attachments', message: `expected an array, found ${describeValue(statement['attachments'])}` });
  return issues;
}
