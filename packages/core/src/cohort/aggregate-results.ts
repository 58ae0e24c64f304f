import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import { type FrameworkIndex, indexFramework } from '../framework/framework-index.js';
import type { Framework } from '../framework/framework.schema.js';
import type { TargetProfile } from '../framework/target-profile.schema.js';
import { addToCell, seSqUnits } from './cell-stats.js';
import { checkRecord, type RecordContext } from './check-record.js';
import type { CompetenceMap } from './competence-map.js';
import { type GroupedResult, isIdentifierField } from './grouped-result.js';
import { buildCompetenceMap, MapState } from './map-state.js';
import { publishCompetenceMap } from './publish-competence-map.js';
import { type CompiledProfile, compileProfile } from './target-gaps.js';

/** Options of {@link aggregateResults} and {@link createCohortAggregator}. */
export interface AggregateOptions {
  /** Group fields, outermost first (`['direction', 'service']`): rows per group, subtotals per prefix. */
  groupBy: readonly string[];
  /**
   * Groups (and cells) with fewer agents are suppressed, with their complements. Defaults to 5.
   * Use 1 for a raw map: unsuppressed, exact, mergeable (shards); publish it with
   * {@link publishCompetenceMap} afterwards.
   */
  minGroupSize?: number;
  /** Checks domain and competence ids against it (and resolves topic requirements of profiles). */
  framework?: Framework;
  /** The target profile for "below target", or a function choosing one per record (e.g. by job role). */
  profile?: TargetProfile | ((record: GroupedResult) => TargetProfile | undefined);
  /** Trainings recommended to a record's agent; defaults to the record's own `trainings`. */
  recommendations?: (record: GroupedResult) => readonly string[];
  /**
   * What an invalid record does. `throw` (default): every record is still read, then one
   * {@link JaugeValidationError} lists the problems (paths start with the record's index) and no
   * map is returned. `skip`: the record is left out, counted in `map.rejected`, and reported to
   * `onInvalid`.
   */
  invalid?: 'throw' | 'skip';
  /** Called for each invalid record with its problems (paths relative to the record) and its index. */
  onInvalid?: (issues: ValidationIssue[], index: number) => void;
}

/** At most this many problems are kept for the error of `invalid: 'throw'` (memory stays bounded). */
export const MAX_REPORTED_ISSUES = 100;

/** A push-style aggregator: the streaming core of {@link aggregateResults}. */
export interface CohortAggregator {
  /** Adds one record; returns whether it was valid (and aggregated). */
  add(record: unknown): boolean;
  /** Records read so far, and how many were invalid. */
  readonly counts: { read: number; rejected: number };
  /** The map of the records added (throws the collected problems with `invalid: 'throw'`). */
  finish(): CompetenceMap;
}

function checkOptions(options: AggregateOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { groupBy, minGroupSize = 5, invalid = 'throw' } = options as Partial<AggregateOptions>;
  if (!Array.isArray(groupBy) || groupBy.length === 0) issues.push({ path: 'groupBy', message: 'expected a non-empty array of group field names' });
  else {
    groupBy.forEach((field: unknown, i) => {
      if (typeof field !== 'string' || field.length === 0) issues.push({ path: `groupBy[${i}]`, message: 'expected a field name' });
      else if (groupBy.indexOf(field) !== i) issues.push({ path: `groupBy[${i}]`, message: `duplicate field "${field}"` });
      else if (isIdentifierField(field)) {
        issues.push({ path: `groupBy[${i}]`, message: `"${field}" looks like a personal identifier; a competence map never holds one (group by service, site, role…)` });
      }
    });
  }
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) issues.push({ path: 'minGroupSize', message: `expected an integer ≥ 1, found ${String(minGroupSize)}` });
  if (invalid !== 'throw' && invalid !== 'skip') issues.push({ path: 'invalid', message: `expected "throw" or "skip", found ${String(invalid)}` });
  return issues;
}

/**
 * Creates a push-style aggregator over records of one framework. Memory grows with the number of
 * groups and scopes, never with the number of records. {@link aggregateResults} is this over an
 * iterable; use it directly to feed records from a queue, a stream or a Learning Record Store.
 *
 * @throws {@link JaugeValidationError} for invalid options (unknown `invalid` mode, an
 * identifier-like `groupBy` field, a profile requirement on a topic without `framework`…).
 */
export function createCohortAggregator(options: AggregateOptions): CohortAggregator {
  const issues = checkOptions(options);
  const { groupBy, minGroupSize = 5, framework, profile, recommendations, invalid = 'throw', onInvalid } = options;
  const profiles = new Map<TargetProfile, CompiledProfile>();
  const compile = (target: TargetProfile, path: string): CompiledProfile | ValidationIssue[] => {
    const cached = profiles.get(target);
    if (cached) return cached;
    const compiled = compileProfile(target, framework, path);
    if (!Array.isArray(compiled)) profiles.set(target, compiled);
    return compiled;
  };
  if (profile && typeof profile !== 'function') {
    const compiled = compile(profile, 'profile');
    if (Array.isArray(compiled)) issues.push(...compiled);
  }
  if (issues.length > 0) throw new JaugeValidationError('aggregation options', issues);

  const state = new MapState([...groupBy]);
  if (framework) state.framework = { id: framework.id, version: framework.version };
  const index: FrameworkIndex | undefined = framework ? indexFramework(framework) : undefined;
  const context: RecordContext = {
    groupBy,
    framework: framework ? { id: framework.id, version: framework.version } : null,
    ...(index ? { index } : {}),
    competences: state.competenceIndex,
    stamp: 0,
    scopes: new Int32Array(64),
    recent: { ids: [], entries: [] },
  };
  const collected: ValidationIssue[] = [];
  let read = 0;
  let hidden = 0;
  // Per-record scratch: for each domain scope, 1 = targeted, 2 = targeted and below.
  let domainFlags = new Uint8Array(16);

  const reject = (problems: ValidationIssue[], at: number): false => {
    state.rejected++;
    onInvalid?.(problems, at);
    for (const problem of problems) {
      if (collected.length < MAX_REPORTED_ISSUES) collected.push({ path: `[${at}]${problem.path ? `.${problem.path}` : ''}`, message: problem.message });
      else hidden++;
    }
    return false;
  };

  const add = (record: unknown): boolean => {
    const at = read++;
    let problems: ValidationIssue[] | undefined;
    if (!checkRecord(record, context, (path, message) => (problems ??= []).push({ path, message }))) return reject(problems ?? [], at);
    let target: CompiledProfile | undefined;
    if (typeof profile === 'function') {
      const chosen = profile(record);
      const compiled = chosen ? compile(chosen, 'profile') : undefined;
      if (Array.isArray(compiled)) return reject(compiled.map((issue) => ({ path: '', message: `profile chosen for this record: ${issue.path}: ${issue.message}` })), at);
      target = compiled;
    } else if (profile) target = profiles.get(profile);
    let trainings = record.trainings;
    if (recommendations) {
      const given: unknown = recommendations(record);
      if (!Array.isArray(given) || !given.every((id) => typeof id === 'string' && id.length > 0)) {
        return reject([{ path: 'trainings', message: 'expected the recommendations option to return an array of training ids' }], at);
      }
      trainings = given as string[];
    }
    const { result } = record;
    if (!context.framework) context.framework = { id: result.framework.id, version: result.framework.version };
    state.framework ??= context.framework;
    if (target) state.profiles.add(target.id);

    const values: string[] = [];
    for (const field of groupBy) values.push(record.group[field]!);
    const row = state.row(values);
    let overallFlag = 0;
    const touched: number[] = [];
    const competences = result.competences ?? [];
    const scopes = context.scopes;
    for (let c = 0; c < competences.length; c++) {
      const competence = competences[c]!;
      const required = target?.required.get(competence.id);
      const below = required !== undefined && competence.level < required;
      const scope = scopes[c]! >= 0 ? scopes[c]! : state.competenceScope(competence.id, competence.domain);
      addToCell(state.cell(row, scope), competence.level, seSqUnits(competence.levelSe), required !== undefined, below);
      if (required === undefined) continue;
      const d = state.domainScope(competence.domain);
      if (d >= domainFlags.length) {
        const grown = new Uint8Array(2 * d + 16);
        grown.set(domainFlags);
        domainFlags = grown;
      }
      if (domainFlags[d] === 0) touched.push(d);
      domainFlags[d] = Math.max(domainFlags[d]!, below ? 2 : 1);
      overallFlag = Math.max(overallFlag, below ? 2 : 1);
    }
    for (const domain of result.domains) {
      const d = state.domainScope(domain.id);
      const flag = domainFlags[d] ?? 0;
      addToCell(state.cell(row, d), domain.level, seSqUnits(domain.levelSe), flag > 0, flag === 2);
    }
    for (const d of touched) domainFlags[d] = 0;
    addToCell(state.cell(row, 0), result.overall.level, seSqUnits(result.overall.levelSe), overallFlag > 0, overallFlag === 2);
    if (trainings) {
      trainings.forEach((id, t) => {
        if (trainings.indexOf(id) === t) row.trainings.set(id, (row.trainings.get(id) ?? 0) + 1);
      });
    }
    return true;
  };

  return {
    add,
    get counts() {
      return { read, rejected: state.rejected };
    },
    finish(): CompetenceMap {
      if (invalid === 'throw' && collected.length > 0) {
        const all = hidden > 0 ? [...collected, { path: '', message: `… and ${hidden} more problems (${state.rejected} invalid records of ${read})` }] : collected;
        throw new JaugeValidationError('cohort results', all);
      }
      const raw = buildCompetenceMap(state);
      return minGroupSize > 1 ? publishCompetenceMap(raw, { minGroupSize }) : raw;
    },
  };
}

/**
 * Aggregates results tagged with group fields into a {@link CompetenceMap}: per group, subtotal
 * and for the whole population, and per domain and competence, the count, mean level with its
 * uncertainty, distribution over levels, share below the target profile and most recommended
 * trainings. Streams: memory is bounded by the number of groups, not of results. Returns a
 * Promise for an async iterable (a Node stream, an LRS cursor).
 *
 * With `minGroupSize` > 1 (default 5) the map is published: small groups and enough neighbours
 * to stop subtraction are suppressed (see `docs/cohort-privacy.md`). With 1 it is raw and
 * mergeable with {@link mergeCompetenceMaps}.
 *
 * @example
 * ```ts
 * import { aggregateResults, type GroupedResult } from '@jauge/core';
 * import { profiles } from '@jauge/core/reference';
 * declare const records: GroupedResult[];
 * const map = aggregateResults(records, { groupBy: ['direction', 'service'], profile: profiles.profiles[0] });
 * for (const row of map.groups) if (!row.suppressed) console.log(row.key, row.n, row.overall?.meanLevel);
 * ```
 * @throws {@link JaugeValidationError} for invalid options, or (with `invalid: 'throw'`) listing
 * the problems of every invalid record, paths starting with its index (`[12].group.service`).
 */
export function aggregateResults(results: AsyncIterable<GroupedResult>, options: AggregateOptions): Promise<CompetenceMap>;
export function aggregateResults(results: Iterable<GroupedResult>, options: AggregateOptions): CompetenceMap;
export function aggregateResults(
  results: Iterable<GroupedResult> | AsyncIterable<GroupedResult>,
  options: AggregateOptions,
): CompetenceMap | Promise<CompetenceMap>;
export function aggregateResults(
  results: Iterable<GroupedResult> | AsyncIterable<GroupedResult>,
  options: AggregateOptions,
): CompetenceMap | Promise<CompetenceMap> {
  const aggregator = createCohortAggregator(options);
  if (results !== null && typeof results === 'object' && Symbol.asyncIterator in results) {
    return (async () => {
      for await (const record of results) aggregator.add(record);
      return aggregator.finish();
    })();
  }
  if (results === null || typeof results !== 'object' || !(Symbol.iterator in results)) {
    throw new JaugeValidationError('cohort results', [{ path: '', message: 'expected an iterable or async iterable of { result, group } records' }]);
  }
  for (const record of results) aggregator.add(record);
  return aggregator.finish();
}
