import { DEFAULT_CONFIG, type ResolvedConfig } from '../cat/config.js';
import { fnv1a } from '../cat/item-pool.js';
import { type AssessmentSnapshot, canonicalJson, type PendingItem, type SessionEntry, type SessionState, SNAPSHOT_VERSION } from '../cat/session.js';
import { checkSnapshot } from '../cat/snapshot-check.js';
import type { StopReason } from '../cat/strategies.js';
import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import { describeValue } from '../framework/issues.js';
import type { Framework } from '../framework/framework.schema.js';
import type { Item, ItemBank } from '../framework/item-bank.schema.js';

/** Most characters SCORM 1.2 lets a SCO store in `cmi.suspend_data` (CMIString4096). */
export const SCORM12_SUSPEND_DATA_MAX = 4096;

/** Marker (and format version) at the start of every suspend data string. */
const MARKER = 'J1';
const FIELDS = ['frameworkVersion', 'bankVersion', 'fingerprint', 'checksum', 'seed', 'domains', 'config', 'stopReason', 'pending', 'log'] as const;
const STOP_REASONS: (StopReason | null)[] = [null, 'max-items', 'target-se', 'bank-exhausted'];
const CONFIG_KEYS = Object.keys(DEFAULT_CONFIG) as (keyof typeof DEFAULT_CONFIG)[];
const INTEGER_KEYS = new Set<string>(['easyStartItems', 'easyStartMaxLevel', 'randomesque', 'maxItems', 'minItems']);
const EXPOSURE_CONTROLS = ['sympson-hetter', 'progressive', 'randomesque'];
/** Content ids (`ID_PATTERN` of the content schemas, repeated here so that zod stays out of this module). */
const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const MAX_ID_LENGTH = 120;
const MAX_TEXT_RESPONSE = 500;
const HEX8 = /^[0-9a-f]{8}$/;

type Encoded = [string, string, string, string, number, string[], Record<string, unknown> | 0, number, unknown[] | 0, unknown[]];

/** Options of {@link encodeSuspendData}. */
export interface SuspendDataOptions {
  /** Most characters allowed. Defaults to {@link SCORM12_SUSPEND_DATA_MAX} (SCORM 2004 allows 64,000). */
  limit?: number;
}

function encodePending(pending: PendingItem | null): unknown[] | 0 {
  if (!pending) return 0;
  const out: unknown[] = [pending.kind === 'self-rating' ? 1 : 0, pending.itemId, pending.optionOrder ?? 0, pending.then?.itemId ?? 0, pending.then?.optionOrder ?? 0];
  while (out.length > 2 && out[out.length - 1] === 0) out.pop();
  return out;
}

function encodeEntry(entry: SessionEntry): unknown[] {
  if (entry.kind === 'skip') return [entry.itemId];
  if (entry.kind === 'self-rating') return [entry.itemId, entry.response];
  return [entry.itemId, entry.response, entry.correct ? 1 : 0];
}

function write(state: SessionState, checksum: string): string {
  const config: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) if (state.config[key] !== DEFAULT_CONFIG[key]) config[key] = state.config[key];
  const data: Encoded = [
    state.framework.version,
    state.bank.version,
    state.bank.fingerprint,
    checksum,
    state.seed,
    state.config.domains,
    Object.keys(config).length > 0 ? config : 0,
    STOP_REASONS.indexOf(state.stopReason),
    encodePending(state.pending),
    state.log.map(encodeEntry),
  ];
  return `${MARKER}${JSON.stringify(data)}`;
}

/** The state with some answer responses rewritten, and its new checksum. */
function rewrite(state: SessionState, change: (entry: SessionEntry & { kind: 'answer' }) => string | string[]): { state: SessionState; checksum: string } {
  const log = state.log.map((entry) => (entry.kind === 'answer' ? { ...entry, response: change(entry) } : entry));
  const next = { ...state, log };
  return { state: next, checksum: fnv1a(canonicalJson(next)) };
}

/**
 * Encodes an assessment snapshot (`assessment.toJSON()`) as compact resume data for SCORM's
 * `cmi.suspend_data`: a `J1` marker then a JSON array with short fields. The framework and bank
 * ids are left out (the content gives them back); the framework version, bank version, bank
 * fingerprint and the snapshot's checksum are kept, so that `restoreAssessment` still
 * detects changed content and corruption. Configuration fields equal to their defaults are left
 * out.
 *
 * When the text is longer than the limit, responses that cannot change any result are shortened,
 * then the text is written again: first the response of every *incorrect* short-text answer
 * becomes `""` (an empty answer is always scored incorrect; a response that is not a content id
 * cannot be a choice, so only short-text responses are touched), then the whitespace runs of
 * correct text responses are collapsed (scoring collapses them too). The results, and the replay
 * check of a restore, are unchanged; the checksum is recomputed over the shortened state.
 *
 * @throws {@link JaugeValidationError} for a malformed snapshot or one whose checksum does not
 * match, and (path `suspend_data`) when the text stays longer than the limit.
 */
export function encodeSuspendData(snapshot: AssessmentSnapshot, options: SuspendDataOptions = {}): string {
  const limit = options.limit ?? SCORM12_SUSPEND_DATA_MAX;
  if (!Number.isInteger(limit) || limit < 1) throw new JaugeValidationError('suspend data options', [{ path: 'limit', message: `expected an integer ≥ 1, found ${describeValue(limit)}` }]);
  const checked = checkSnapshot(snapshot);
  if (!checked.snapshot) throw new JaugeValidationError('assessment snapshot', checked.issues);
  const { checksum, ...state } = checked.snapshot;
  if (fnv1a(canonicalJson(state)) !== checksum) {
    throw new JaugeValidationError('assessment snapshot', [{ path: 'checksum', message: 'expected the checksum of the snapshot content, found another value (the snapshot was corrupted or edited)' }]);
  }
  let text = write(state, checksum);
  if (text.length <= limit) return text;
  const shorter = rewrite(state, (entry) =>
    !entry.correct && typeof entry.response === 'string' && !(entry.response.length <= MAX_ID_LENGTH && ID.test(entry.response)) ? '' : entry.response,
  );
  text = write(shorter.state, shorter.checksum);
  if (text.length <= limit) return text;
  const shortest = rewrite(shorter.state, (entry) => (entry.correct && typeof entry.response === 'string' ? entry.response.replace(/\s+/gu, ' ').trim() : entry.response));
  text = write(shortest.state, shortest.checksum);
  if (text.length <= limit) return text;
  throw new JaugeValidationError('suspend data', [{ path: 'suspend_data', message: `expected at most ${limit} characters, found ${text.length}` }]);
}

// ---------------------------------------------------------------------------------------------
// Decoding

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Decodes resume data written by {@link encodeSuspendData} back into an assessment snapshot,
 * taking the framework and bank ids from the content. Only the form is checked here (with a path
 * for every problem, such as `suspend_data.log[3].itemId`); pass the snapshot to
 * `restoreAssessment` (from `@jauge/core`), which checks the checksum, the content versions and replays the
 * history.
 *
 * @throws {@link JaugeValidationError} for anything that is not well-formed suspend data of this
 * content (never another error).
 */
export function decodeSuspendData(text: string, content: { framework: Framework; items: ItemBank }): AssessmentSnapshot {
  const what = 'suspend data';
  if (!isRecord(content) || !isRecord(content.framework) || !Array.isArray(content.framework.domains) || !isRecord(content.items) || !Array.isArray(content.items.items)) {
    throw new JaugeValidationError(what, [{ path: 'content', message: `expected { framework, items } (parsed content), found ${describeValue(content)}` }]);
  }
  const input: unknown = text;
  if (typeof input !== 'string') throw new JaugeValidationError(what, [{ path: 'suspend_data', message: `expected a string, found ${describeValue(input)}` }]);
  if (!input.startsWith(MARKER)) {
    const other = /^J(\d+)/.exec(input);
    const message = other
      ? `expected suspend data of format ${MARKER}, found format J${other[1]} (written by another version of Jauge)`
      : `expected Jauge suspend data (starting with "${MARKER}"), found ${describeValue(input)}`;
    throw new JaugeValidationError(what, [{ path: 'suspend_data', message }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(input.slice(MARKER.length));
  } catch {
    throw new JaugeValidationError(what, [{ path: 'suspend_data', message: `expected JSON after "${MARKER}", found text that does not parse (truncated or corrupted)` }]);
  }
  if (!Array.isArray(data) || data.length !== FIELDS.length) {
    throw new JaugeValidationError(what, [{ path: 'suspend_data', message: `expected an array of ${FIELDS.length} fields after "${MARKER}", found ${describeValue(data)}` }]);
  }

  const issues: ValidationIssue[] = [];
  const at = (field: (typeof FIELDS)[number]) => data[FIELDS.indexOf(field)] as unknown;
  const fail = (path: string, expected: string, value: unknown) => issues.push({ path: `suspend_data${path}`, message: `expected ${expected}, found ${describeValue(value)}` });
  const string = (value: unknown, path: string, max: number): value is string => {
    if (typeof value === 'string' && value.length > 0 && value.length <= max) return true;
    fail(path, `a string of 1 to ${max} characters`, value);
    return false;
  };
  const hex = (value: unknown, path: string): value is string => {
    if (typeof value === 'string' && HEX8.test(value)) return true;
    fail(path, '8 hexadecimal digits', value);
    return false;
  };
  const itemsById = new Map<string, Item>(content.items.items.map((item) => [item.id, item]));
  const item = (value: unknown, path: string, kind: 'scored' | 'self-rating' | 'any'): value is string => {
    if (!string(value, path, MAX_ID_LENGTH)) return false;
    const found = itemsById.get(value);
    if (!found) fail(path, `an item of bank "${content.items.id}"`, value);
    else if (kind === 'self-rating' && found.type !== 'self-rating') fail(path, 'a self-rating item', value);
    else if (kind === 'scored' && found.type === 'self-rating') fail(path, 'a scored item', value);
    else return true;
    return false;
  };
  const idList = (value: unknown, path: string): value is string[] => {
    if (!Array.isArray(value) || value.length > 20) {
      fail(path, 'an array of at most 20 ids', value);
      return false;
    }
    const before = issues.length;
    value.forEach((id, i) => string(id, `${path}[${i}]`, MAX_ID_LENGTH));
    return issues.length === before;
  };

  const frameworkVersion = at('frameworkVersion');
  string(frameworkVersion, '.frameworkVersion', 40);
  const bankVersion = at('bankVersion');
  string(bankVersion, '.bankVersion', 40);
  const fingerprint = at('fingerprint');
  hex(fingerprint, '.fingerprint');
  const checksum = at('checksum');
  hex(checksum, '.checksum');
  const seed = at('seed');
  if (typeof seed !== 'number' || !Number.isInteger(seed) || Math.abs(seed) > 2 ** 53) fail('.seed', 'an integer of at most 2^53 in absolute value', seed);

  const domains = at('domains');
  const domainIds = new Set(content.framework.domains.map((domain) => domain.id));
  if (!Array.isArray(domains) || domains.length === 0 || domains.length > 100) fail('.domains', 'an array of 1 to 100 domain ids', domains);
  else domains.forEach((id, i) => {
    if (typeof id !== 'string' || !domainIds.has(id)) fail(`.domains[${i}]`, `a domain of framework "${content.framework.id}"`, id);
  });

  const configDelta = at('config');
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG };
  if (configDelta !== 0) {
    if (!isRecord(configDelta)) fail('.config', '0 or an object', configDelta);
    else {
      const unknown = Object.keys(configDelta).filter((key) => !(CONFIG_KEYS as string[]).includes(key));
      if (unknown.length > 0) issues.push({ path: 'suspend_data.config', message: `unknown field${unknown.length === 1 ? '' : 's'} ${unknown.map((key) => JSON.stringify(key)).join(', ')}` });
      for (const key of CONFIG_KEYS) {
        if (!Object.prototype.hasOwnProperty.call(configDelta, key)) continue;
        const value = configDelta[key];
        const path = `.config.${key}`;
        if (INTEGER_KEYS.has(key)) {
          if (!Number.isSafeInteger(value)) fail(path, 'an integer', value);
        } else if (key === 'selfRating') {
          if (typeof value !== 'boolean') fail(path, 'a boolean', value);
        } else if (key === 'exposureControl') {
          if (typeof value !== 'string' || !EXPOSURE_CONTROLS.includes(value)) fail(path, EXPOSURE_CONTROLS.map((c) => JSON.stringify(c)).join(' or '), value);
        } else if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a number', value);
        config[key] = value;
      }
    }
  }

  const stopCode = at('stopReason');
  if (!Number.isInteger(stopCode) || (stopCode as number) < 0 || (stopCode as number) >= STOP_REASONS.length) fail('.stopReason', `an integer from 0 to ${STOP_REASONS.length - 1}`, stopCode);

  const rawPending = at('pending');
  let pending: PendingItem | null = null;
  if (rawPending !== 0) {
    if (!Array.isArray(rawPending) || rawPending.length < 2 || rawPending.length > 5) fail('.pending', '0 or an array of 2 to 5 fields', rawPending);
    else {
      const [kind, itemId, order = 0, thenId = 0, thenOrder = 0] = rawPending as unknown[];
      if (kind !== 0 && kind !== 1) fail('.pending.kind', '0 (scored) or 1 (self-rating)', kind);
      else if (item(itemId, '.pending.itemId', kind === 1 ? 'self-rating' : 'scored')) {
        pending = { itemId, kind: kind === 1 ? 'self-rating' : 'scored' };
        if (order !== 0 && idList(order, '.pending.optionOrder')) pending.optionOrder = order;
        if (thenId !== 0 && item(thenId, '.pending.then.itemId', 'scored')) {
          pending.then = { itemId: thenId };
          if (thenOrder !== 0 && idList(thenOrder, '.pending.then.optionOrder')) pending.then.optionOrder = thenOrder;
        } else if (thenId === 0 && thenOrder !== 0) fail('.pending.then.itemId', 'an item id before an option order', thenId);
      }
    }
  }

  const rawLog = at('log');
  const log: SessionEntry[] = [];
  if (!Array.isArray(rawLog) || rawLog.length > 1000) fail('.log', 'an array of at most 1000 entries', rawLog);
  else {
    rawLog.forEach((entry: unknown, i) => {
      const path = `.log[${i}]`;
      if (!Array.isArray(entry) || entry.length < 1 || entry.length > 3) {
        fail(path, '[item] (skip), [item, step] (self-rating) or [item, response, 0 or 1] (answer)', entry);
        return;
      }
      const [itemId, response, correct] = entry as unknown[];
      if (entry.length === 1) {
        if (item(itemId, `${path}.itemId`, 'any')) log.push({ itemId, kind: 'skip' });
      } else if (entry.length === 2) {
        const ok = item(itemId, `${path}.itemId`, 'self-rating');
        if (string(response, `${path}.response`, MAX_ID_LENGTH) && ok) log.push({ itemId, kind: 'self-rating', response });
      } else {
        const ok = item(itemId, `${path}.itemId`, 'scored');
        let valid = false;
        if (typeof response === 'string') {
          valid = response.length <= MAX_TEXT_RESPONSE;
          if (!valid) fail(`${path}.response`, `a text of at most ${MAX_TEXT_RESPONSE} characters`, response);
        } else valid = idList(response, `${path}.response`);
        if (correct !== 0 && correct !== 1) fail(`${path}.correct`, '0 or 1', correct);
        else if (ok && valid) log.push({ itemId, kind: 'answer', response: response as string | string[], correct: correct === 1 });
      }
    });
  }
  if (issues.length > 0) throw new JaugeValidationError(what, issues);

  const state: SessionState = {
    format: 'jauge-assessment',
    version: SNAPSHOT_VERSION,
    framework: { id: content.framework.id, version: frameworkVersion as string },
    bank: { id: content.items.id, version: bankVersion as string, fingerprint: fingerprint as string },
    config: { ...(config as Omit<ResolvedConfig, 'domains'>), domains: domains as string[] },
    seed: seed as number,
    log,
    pending,
    stopReason: STOP_REASONS[stopCode as number]!,
  };
  const snapshot: AssessmentSnapshot = { ...state, checksum: checksum as string };
  // A last check with the snapshot validator itself (bounds it knows and this decoder might not).
  const final = checkSnapshot(snapshot);
  if (!final.snapshot) throw new JaugeValidationError(what, final.issues.map((issue) => ({ path: issue.path ? `suspend_data.${issue.path}` : 'suspend_data', message: issue.message })));
  return snapshot;
}
