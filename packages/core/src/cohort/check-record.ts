import type { FrameworkIndex } from '../framework/framework-index.js';
import { describeValue } from '../framework/issues.js';
import { type GroupedResult, MAX_GROUP_VALUE_LENGTH, MAX_LEVEL_SE } from './grouped-result.js';
import type { CompetenceEntry } from './map-state.js';

/** What a record is checked against. @internal */
export interface RecordContext {
  groupBy: readonly string[];
  /** The expected framework (from the options, else from the first valid record). */
  framework: { id: string; version: string } | null;
  /** Present when the `framework` option is given: ids are checked against it. */
  index?: FrameworkIndex;
  /** Competences seen so far (one lookup gives the domain, duplicate stamp and scope index). */
  competences: ReadonlyMap<string, CompetenceEntry>;
  /** Incremented once per record checked (duplicate detection without allocating). */
  stamp: number;
  /**
   * Filled by a successful check: the scope index of each competence of the record, or −1 for a
   * competence seen for the first time.
   */
  scopes: Int32Array;
  /** The competence ids and entries at each position in the previous record (records of one framework list them in the same order). */
  recent: { ids: unknown[]; entries: (CompetenceEntry | undefined)[] };
}

type Report = (path: string, message: string) => void;

// Control characters are refused in group values: they break CSV cells and row keys. A loop, not
// a regular expression: this runs for every group value of every record.
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// Paths are built only when something is wrong: this runs once per result, millions of times.
const at = (prefix: string, i: number, field = '') => `${prefix}${i < 0 ? '' : `[${i}]`}${field}`;

function checkLevel(value: unknown, prefix: string, i: number, report: Report): void {
  if (!isObject(value)) {
    report(at(prefix, i), `expected { level, levelSe }, found ${describeValue(value)}`);
    return;
  }
  const { level, levelSe } = value;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 8) report(at(prefix, i, '.level'), `expected an integer level 1–8, found ${describeValue(level)}`);
  if (typeof levelSe !== 'number' || !(levelSe >= 0 && levelSe <= MAX_LEVEL_SE)) {
    report(at(prefix, i, '.levelSe'), `expected an uncertainty in levels between 0 and ${MAX_LEVEL_SE}, found ${describeValue(levelSe)}`);
  }
}

function checkId(value: unknown, prefix: string, i: number, field: string, report: Report): value is string {
  if (typeof value === 'string' && value.length > 0 && value.length <= 120) return true;
  report(at(prefix, i, field), `expected an id, found ${describeValue(value)}`);
  return false;
}

/**
 * Checks one record strictly and reports every problem with its path relative to the record
 * (`group.service`, `result.domains[2].level`). Nothing is fixed up: a record with a problem is
 * not aggregated at all.
 * @internal
 */
export function checkRecord(record: unknown, context: RecordContext, report: Report): record is GroupedResult {
  let ok = true;
  const fail: Report = (path, message) => {
    ok = false;
    report(path, message);
  };
  if (!isObject(record)) {
    fail('', `expected a record { result, group }, found ${describeValue(record)}`);
    return false;
  }
  const { group, result, trainings } = record;
  if (!isObject(group)) fail('group', `expected an object of group fields (${context.groupBy.join(', ')}), found ${describeValue(group)}`);
  else {
    for (const field of context.groupBy) {
      const value = group[field];
      if (value === undefined || value === '') {
        const present = Object.keys(group);
        fail(`group.${field}`, `missing value for the groupBy field "${field}" (this record's group has ${present.length > 0 ? present.map((f) => `"${f}"`).join(', ') : 'no field'})`);
      } else if (typeof value !== 'string') fail(`group.${field}`, `expected a string, found ${describeValue(value)}`);
      else if (value.length > MAX_GROUP_VALUE_LENGTH) fail(`group.${field}`, `expected at most ${MAX_GROUP_VALUE_LENGTH} characters, found ${value.length}`);
      else if (hasControl(value)) fail(`group.${field}`, 'expected text without control characters (tabs, line breaks)');
    }
  }
  if (trainings !== undefined) {
    if (!Array.isArray(trainings)) fail('trainings', `expected an array of training ids, found ${describeValue(trainings)}`);
    else for (let t = 0; t < trainings.length; t++) checkId(trainings[t], 'trainings', t, '', fail);
  }
  if (!isObject(result)) {
    fail('result', `expected an assessment result, found ${describeValue(result)}`);
    return false;
  }
  const framework = result.framework;
  if (!isObject(framework) || typeof framework.id !== 'string' || typeof framework.version !== 'string') {
    fail('result.framework', `expected { id, version }, found ${describeValue(framework)}`);
  } else if (context.framework && (framework.id !== context.framework.id || framework.version !== context.framework.version)) {
    fail('result.framework', `expected a result of framework "${context.framework.id}" ${context.framework.version}, found "${framework.id}" ${framework.version}`);
  }
  if (result.complete === false) fail('result.complete', 'expected a finished assessment, found an interrupted one (complete: false)');
  checkLevel(result.overall, 'result.overall', -1, fail);
  const index = context.index;
  const domainList: unknown = result.domains;
  // Few domains per result: a linear scan finds duplicates without allocating a set.
  const domains: string[] = [];
  if (!Array.isArray(domainList)) fail('result.domains', `expected an array, found ${describeValue(domainList)}`);
  else {
    for (let d = 0; d < domainList.length; d++) {
      const domain: unknown = domainList[d];
      checkLevel(domain, 'result.domains', d, fail);
      if (!isObject(domain) || !checkId(domain.id, 'result.domains', d, '.id', fail)) continue;
      const id = domain.id;
      if (domains.includes(id)) fail(at('result.domains', d, '.id'), `duplicate domain "${id}"`);
      else if (index && !index.domains.has(id)) fail(at('result.domains', d, '.id'), `expected a domain of framework "${context.framework?.id}", found "${id}"`);
      domains.push(id);
    }
  }
  const competences: unknown = result.competences;
  if (competences !== undefined && !Array.isArray(competences)) fail('result.competences', `expected an array, found ${describeValue(competences)}`);
  else if (competences) {
    const stamp = ++context.stamp;
    if (context.scopes.length < competences.length) context.scopes = new Int32Array(2 * competences.length);
    const C = 'result.competences';
    for (let c = 0; c < competences.length; c++) {
      const competence: unknown = competences[c];
      checkLevel(competence, C, c, fail);
      if (!isObject(competence) || !checkId(competence.id, C, c, '.id', fail) || !checkId(competence.domain, C, c, '.domain', fail)) continue;
      const { id, domain } = competence;
      // Positional cache: comparing two equal strings is cheaper than hashing a fresh one.
      const recent = context.recent;
      let entry: CompetenceEntry | undefined;
      if (recent.ids[c] === id) entry = recent.entries[c];
      else {
        entry = context.competences.get(id);
        recent.ids[c] = entry ? id : undefined;
        recent.entries[c] = entry;
      }
      let duplicate: boolean;
      if (entry) {
        duplicate = entry.stamp === stamp;
        entry.stamp = stamp;
        context.scopes[c] = entry.index;
      } else {
        // First sight (rare): compare with the earlier competences of this record.
        duplicate = false;
        for (let o = 0; o < c && !duplicate; o++) duplicate = (competences[o] as { id?: unknown } | undefined)?.id === id;
        context.scopes[c] = -1;
      }
      if (duplicate) fail(at(C, c, '.id'), `duplicate competence "${id}"`);
      const expected = entry ? entry.domain : index?.competences.get(id)?.domain.id;
      if (index && expected === undefined) fail(at(C, c, '.id'), `expected a competence of framework "${context.framework?.id}", found "${id}"`);
      else if (expected !== undefined && expected !== domain) fail(at(C, c, '.domain'), `expected "${expected}" (the domain of "${id}"), found "${domain}"`);
      else if (!domains.includes(domain)) fail(at(C, c, '.domain'), `expected one of this result's domains, found "${domain}"`);
    }
  }
  return ok;
}
