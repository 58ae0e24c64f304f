import type { CompetenceMap, MapCell, MapRow } from './competence-map.js';
import { type CsvValue, type CsvWriteOptions, writeCsv } from './csv.js';
import type { TrainingPlan } from './training-plan.js';

const round = (x: number | null | undefined, digits = 3): number | null => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * Writes a competence map as CSV, one line per row and scope (long format, ready for a pivot
 * table): the group fields, `row` (`total`, `subtotal`, `group`), `scope` (`overall`, `domain`,
 * `competence`), `id`, `domain`, `status` (`published`, `suppressed`), `reason`, `n`,
 * `mean_level`, `mean_level_se`, `sd_level`, `level_1`…`level_8` (agents per level), `targeted`,
 * `below`, `below_share`. A suppressed row is one `overall` line with no figure.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { competenceMapToCsv, type CompetenceMap } from '@jauge/core';
 * declare const map: CompetenceMap;
 * await writeFile('carte.csv', competenceMapToCsv(map, { separator: ';', bom: true }));
 * ```
 */
export function competenceMapToCsv(map: CompetenceMap, options: CsvWriteOptions = {}): string {
  const header = [
    ...map.groupBy,
    'row',
    'scope',
    'id',
    'domain',
    'status',
    'reason',
    'n',
    'mean_level',
    'mean_level_se',
    'sd_level',
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((level) => `level_${level}`),
    'targeted',
    'below',
    'below_share',
  ];
  const lines: CsvValue[][] = [header];
  const emit = (row: MapRow, kind: string) => {
    const key = map.groupBy.map((field) => row.key[field] ?? '');
    const line = (scope: string, cell: MapCell | { id: string; suppressed: true; reason: string; domain?: string }) =>
      lines.push([
        ...key,
        kind,
        scope,
        cell.id,
        cell.domain ?? '',
        cell.suppressed ? 'suppressed' : 'published',
        cell.suppressed ? cell.reason : '',
        ...(cell.suppressed
          ? Array<CsvValue>(15).fill(null)
          : [cell.n, round(cell.meanLevel), round(cell.meanLevelSe), round(cell.sdLevel), ...cell.distribution, cell.targeted, cell.below, round(cell.belowShare)]),
      ]);
    if (row.suppressed) {
      line('overall', { id: 'overall', suppressed: true, reason: row.reason });
      return;
    }
    if (row.overall) line('overall', row.overall);
    for (const cell of row.domains) line('domain', cell);
    for (const cell of row.competences) line('competence', cell);
  };
  emit(map.totals, 'total');
  for (const row of map.subtotals) emit(row, 'subtotal');
  for (const row of map.groups) emit(row, 'group');
  return writeCsv(lines, options);
}

/**
 * Writes a training-needs plan as CSV, one line per group and training, groups by decreasing
 * need: the group fields, `group_n`, `rank`, `training`, `title`, `provider`, `format`, `url`,
 * `agents`, `share`. The whole population comes first, with empty group fields.
 */
export function trainingPlanToCsv(plan: TrainingPlan, options: CsvWriteOptions = {}): string {
  const fields = plan.groupBy.slice(0, plan.depth);
  const lines: CsvValue[][] = [[...fields, 'group_n', 'rank', 'training', 'title', 'provider', 'format', 'url', 'agents', 'share']];
  const groups = [...(plan.overall ? [plan.overall] : []), ...plan.groups];
  for (const group of groups) {
    group.trainings.forEach((t, rank) => {
      lines.push([...fields.map((field) => group.key[field] ?? ''), group.n, rank + 1, t.id, t.title, t.provider, t.format, t.url, t.agents, round(t.share)]);
    });
  }
  return writeCsv(lines, options);
}
