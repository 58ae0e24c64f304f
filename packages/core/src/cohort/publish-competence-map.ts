import { JaugeValidationError } from '../errors.js';
import type { CompetenceMap, MapCell, MapRow, PublishedRow, SuppressionReason, SuppressionSummary } from './competence-map.js';
import { type Hierarchy, protectTable } from './complementary-suppression.js';

/** Options of {@link publishCompetenceMap}. */
export interface PublishOptions {
  /** Groups and cells with fewer agents are suppressed, with their complements. Defaults to 5. */
  minGroupSize?: number;
}

function keyOf(row: MapRow, groupBy: readonly string[], depth: number): string {
  return JSON.stringify(groupBy.slice(0, depth).map((field) => row.key[field]));
}

/**
 * Publishes a raw map: suppresses every group, subtotal or cell of fewer than `minGroupSize` agents
 * (reason `below-minimum`), then enough neighbouring cells that none of them can be computed by
 * subtracting published cells from a published total (reason `complementary`), repeating until
 * stable. Suppressed rows keep only their key and reason; suppressed cells only their id and
 * reason. The whole-row table (counts, overall level, trainings) is protected first; then each
 * domain and competence table, in which the cells of hidden rows start hidden.
 *
 * @throws {@link JaugeValidationError} if the map is already published (`minGroupSize` > 1).
 */
export function publishCompetenceMap(map: CompetenceMap, options: PublishOptions = {}): CompetenceMap {
  const { minGroupSize = 5 } = options;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
    throw new JaugeValidationError('publication options', [{ path: 'minGroupSize', message: `expected an integer ≥ 1, found ${String(minGroupSize)}` }]);
  }
  if (map.minGroupSize !== 1) {
    throw new JaugeValidationError('competence map', [
      { path: 'minGroupSize', message: `expected a raw map (minGroupSize 1) to publish, found one already published with minGroupSize ${map.minGroupSize}` },
    ]);
  }
  if (minGroupSize === 1) return map;
  const rows: MapRow[] = [map.totals, ...map.subtotals, ...map.groups];
  const published = rows as PublishedRow[]; // a raw map has no suppressed row
  const depthOf = (row: MapRow) => map.groupBy.filter((field) => row.key[field] !== undefined).length;
  const depth = rows.map(depthOf);
  const index = new Map(rows.map((row, i) => [`${depth[i]}:${keyOf(row, map.groupBy, depth[i]!)}`, i]));
  const children: number[][] = rows.map(() => []);
  rows.forEach((row, i) => {
    if (depth[i] === 0) return;
    const parent = index.get(`${depth[i]! - 1}:${keyOf(row, map.groupBy, depth[i]! - 1)}`);
    if (parent !== undefined) children[parent]!.push(i);
  });
  const tree: Hierarchy = { children, depth };
  const k = minGroupSize;

  const rowHidden = protectTable(tree, published.map((row) => row.n), k);
  const cellHidden = new Map<string, Map<number, SuppressionReason>>();
  const tables = new Map<string, number[]>();
  published.forEach((row, i) => {
    for (const [kind, cells] of [['d', row.domains], ['c', row.competences]] as const) {
      for (const cell of cells) {
        const table = `${kind}:${cell.id}`;
        let counts = tables.get(table);
        if (!counts) tables.set(table, (counts = rows.map(() => 0)));
        counts[i] = cell.suppressed ? 0 : cell.n;
      }
    }
  });
  for (const [table, counts] of tables) cellHidden.set(table, protectTable(tree, counts, k, rowHidden));

  const summary: SuppressionSummary = { rows: { belowMinimum: 0, complementary: 0 }, cells: { belowMinimum: 0, complementary: 0 } };
  const count = (bucket: { belowMinimum: number; complementary: number }, reason: SuppressionReason) => {
    if (reason === 'below-minimum') bucket.belowMinimum++;
    else bucket.complementary++;
  };
  const out = published.map((row, i): MapRow => {
    const rowReason = rowHidden.get(i);
    if (rowReason) {
      count(summary.rows, rowReason);
      return { key: { ...row.key }, suppressed: true, reason: rowReason };
    }
    const cells = (kind: 'd' | 'c', list: MapCell[]): MapCell[] =>
      list.map((cell) => {
        const reason = cellHidden.get(`${kind}:${cell.id}`)?.get(i);
        if (!reason) return cell;
        count(summary.cells, reason);
        return { id: cell.id, ...(cell.domain !== undefined ? { domain: cell.domain } : {}), suppressed: true, reason };
      });
    return { ...row, key: { ...row.key }, domains: cells('d', row.domains), competences: cells('c', row.competences) };
  });
  const subtotalCount = map.subtotals.length;
  return {
    ...map,
    framework: map.framework ? { ...map.framework } : null,
    groupBy: [...map.groupBy],
    minGroupSize: k,
    profiles: [...map.profiles],
    totals: out[0]!,
    subtotals: out.slice(1, 1 + subtotalCount),
    groups: out.slice(1 + subtotalCount),
    suppression: summary,
  };
}
