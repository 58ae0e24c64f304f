import { addCells, addStatsToCell, type Cell, cellCount, cellStats, emptyCell } from './cell-stats.js';
import type { CompetenceMap, MapCell, PublishedRow, TrainingCount } from './competence-map.js';

/** One scope of a row: the overall result, a domain or a competence. @internal */
export interface Scope {
  kind: 'overall' | 'domain' | 'competence';
  id: string;
  domain?: string;
}

/** A competence seen so far: its scope index, its domain, and a stamp for duplicate detection. @internal */
export interface CompetenceEntry {
  index: number;
  domain: string;
  stamp: number;
}

/** The accumulators of one row. @internal */
export interface RowAccumulator {
  values: string[];
  /** By scope index; `undefined` where nobody was assessed yet. */
  cells: (Cell | undefined)[];
  trainings: Map<string, number>;
}

/** Separator of group values in row lookup keys (control characters are refused in values). */
const KEY_SEPARATOR = '\u001f';

/** The lookup key of a row from its group values. @internal */
export function rowKey(values: readonly string[]): string {
  return values.length === 1 ? values[0]! : values.join(KEY_SEPARATOR);
}

/**
 * Everything a raw competence map holds, in accumulator form: memory is one row per group, each
 * with one small array per scope, whatever the number of results.
 * @internal
 */
export class MapState {
  framework: { id: string; version: string } | null = null;
  readonly profiles = new Set<string>();
  rejected = 0;
  readonly scopes: Scope[] = [{ kind: 'overall', id: 'overall' }];
  readonly domainIndex = new Map<string, number>();
  readonly competenceIndex = new Map<string, CompetenceEntry>();
  readonly rows = new Map<string, RowAccumulator>();
  // The same rows, by group value one field after the other: finding a record's row then takes one
  // lookup per field with the record's own strings, without building a joined key.
  private readonly tree = new Map<string, unknown>();

  constructor(readonly groupBy: readonly string[]) {}

  /** The row of these group values (created empty if new). */
  row(values: readonly string[]): RowAccumulator {
    let level = this.tree;
    const last = values.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(values[i]!) as Map<string, unknown> | undefined;
      if (!next) level.set(values[i]!, (next = new Map()));
      level = next;
    }
    let row = level.get(values[last]!) as RowAccumulator | undefined;
    if (!row) {
      row = { values: [...values], cells: [], trainings: new Map() };
      level.set(values[last]!, row);
      this.rows.set(rowKey(values), row);
    }
    return row;
  }

  domainScope(id: string): number {
    let index = this.domainIndex.get(id);
    if (index === undefined) {
      index = this.scopes.push({ kind: 'domain', id }) - 1;
      this.domainIndex.set(id, index);
    }
    return index;
  }

  /** The scope of a competence; registers it (with its domain) on first sight. */
  competenceScope(id: string, domain: string): number {
    let entry = this.competenceIndex.get(id);
    if (entry === undefined) {
      entry = { index: this.scopes.push({ kind: 'competence', id, domain }) - 1, domain, stamp: 0 };
      this.competenceIndex.set(id, entry);
    }
    return entry.index;
  }

  /** The accumulator of a scope in a row (created empty if new). */
  cell(row: RowAccumulator, scope: number): Cell {
    let cell = row.cells[scope];
    if (!cell) {
      cell = emptyCell();
      row.cells[scope] = cell;
    }
    return cell;
  }
}

function compareValues(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

function addRow(state: MapState, target: RowAccumulator, source: RowAccumulator): void {
  source.cells.forEach((cell, scope) => {
    if (cell) addCells(state.cell(target, scope), cell);
  });
  for (const [id, count] of source.trainings) target.trainings.set(id, (target.trainings.get(id) ?? 0) + count);
}

/**
 * Builds the raw map of a state: groups sorted by key, subtotals for every proper prefix of
 * `groupBy`, totals, scopes sorted by id. The single place where a map is made, so that equal
 * accumulators always give deeply equal maps (and equal JSON texts).
 * @internal
 */
export function buildCompetenceMap(state: MapState): CompetenceMap {
  const depth = state.groupBy.length;
  const groups = [...state.rows.values()].sort((a, b) => compareValues(a.values, b.values));
  const totals: RowAccumulator = { values: [], cells: [], trainings: new Map() };
  const subtotals = new Map<string, RowAccumulator>();
  for (const group of groups) {
    addRow(state, totals, group);
    for (let level = 1; level < depth; level++) {
      const values = group.values.slice(0, level);
      const key = `${level}${KEY_SEPARATOR}${rowKey(values)}`;
      let row = subtotals.get(key);
      if (!row) {
        row = { values, cells: [], trainings: new Map() };
        subtotals.set(key, row);
      }
      addRow(state, row, group);
    }
  }
  const order = state.scopes
    .map((scope, index) => ({ scope, index }))
    .filter(({ scope }) => scope.kind !== 'overall')
    .sort((x, y) => (x.scope.id < y.scope.id ? -1 : x.scope.id > y.scope.id ? 1 : 0));
  const toRow = (row: RowAccumulator): PublishedRow => {
    const key: Record<string, string> = {};
    row.values.forEach((value, i) => (key[state.groupBy[i]!] = value));
    const overall = row.cells[0] ? cellStats('overall', undefined, row.cells[0]) : undefined;
    const domains: MapCell[] = [];
    const competences: MapCell[] = [];
    for (const { scope, index } of order) {
      const cell = row.cells[index];
      const stats = cell ? cellStats(scope.id, scope.domain, cell) : undefined;
      if (stats) (scope.kind === 'domain' ? domains : competences).push(stats);
    }
    const trainings: TrainingCount[] = [...row.trainings]
      .map(([id, agents]) => ({ id, agents }))
      .sort((a, b) => b.agents - a.agents || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { key, suppressed: false, n: row.cells[0] ? cellCount(row.cells[0]) : 0, ...(overall ? { overall } : {}), domains, competences, trainings };
  };
  return {
    format: 'jauge-competence-map',
    version: 1,
    framework: state.framework ? { ...state.framework } : null,
    groupBy: [...state.groupBy],
    minGroupSize: 1,
    profiles: [...state.profiles].sort(),
    rejected: state.rejected,
    totals: toRow(totals),
    subtotals: [...subtotals.values()].sort((a, b) => a.values.length - b.values.length || compareValues(a.values, b.values)).map(toRow),
    groups: groups.map(toRow),
  };
}

/**
 * Adds the groups of a raw map to a state (from their integers; subtotals and totals are
 * recomputed when the state is built again). The caller has checked that the map is raw and
 * compatible (same `groupBy`, same framework).
 * @internal
 */
export function addMapToState(state: MapState, map: CompetenceMap): void {
  for (const id of map.profiles) state.profiles.add(id);
  state.rejected += map.rejected;
  for (const group of map.groups) {
    if (group.suppressed) continue;
    const row = state.row(state.groupBy.map((field) => group.key[field]!));
    if (group.overall) addStatsToCell(state.cell(row, 0), group.overall);
    for (const cell of group.domains) if (!cell.suppressed) addStatsToCell(state.cell(row, state.domainScope(cell.id)), cell);
    for (const cell of group.competences) {
      if (!cell.suppressed) addStatsToCell(state.cell(row, state.competenceScope(cell.id, cell.domain ?? '')), cell);
    }
    for (const { id, agents } of group.trainings) row.trainings.set(id, (row.trainings.get(id) ?? 0) + agents);
  }
}
