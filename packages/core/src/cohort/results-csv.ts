import { indexFramework } from '../framework/framework-index.js';
import type { Framework } from '../framework/framework.schema.js';
import { type CsvWriteOptions, writeCsv } from './csv.js';
import type { GroupedResult } from './grouped-result.js';

/**
 * The CSV layout of results (one row per result), read by `importResults` and written by
 * {@link resultsToCsv}:
 *
 * - `framework`, `framework:version` (optional: default to the framework given);
 * - `overall`, `overall:se`: the overall level (1–8) and its uncertainty in levels;
 * - `domain:<id>`, `domain:<id>:se`: a domain's level and uncertainty (both empty: not assessed);
 * - `competence:<id>`, `competence:<id>:se`: the same for a competence;
 * - `trainings`: recommended training ids separated by spaces or `|`;
 * - every other column is a group field (`direction`, `service`, `site`…), unless `groupColumns`
 *   lists the ones to keep (the others are then ignored).
 * @internal
 */
export interface CsvColumns {
  count: number;
  group: [field: string, column: number][];
  framework?: number;
  frameworkVersion?: number;
  overall: { level: number; se: number };
  domains: { id: string; level: number; se: number }[];
  competences: { id: string; domain: string; level: number; se: number }[];
  trainings?: number;
}

const RESERVED = /^(?:framework|overall|domain|competence|trainings)(?::|$)/;

/** Reads the header of a results CSV; returns the problems when it cannot be used. @internal */
export function readCsvHeader(cells: readonly string[], framework: Framework, groupColumns?: readonly string[]): CsvColumns | string[] {
  const problems: string[] = [];
  const index = indexFramework(framework);
  const positions = new Map<string, number>();
  cells.forEach((name, c) => {
    if (positions.has(name)) problems.push(`column "${name}" appears twice (columns ${positions.get(name)! + 1} and ${c + 1})`);
    else positions.set(name, c);
  });
  const pair = (base: string): { level: number; se: number } | undefined => {
    const level = positions.get(base);
    const se = positions.get(`${base}:se`);
    if (level === undefined && se === undefined) return undefined;
    if (level === undefined || se === undefined) {
      problems.push(`columns "${base}" and "${base}:se" go together (every level comes with its uncertainty); found only "${level === undefined ? `${base}:se` : base}"`);
      return undefined;
    }
    return { level, se };
  };
  const overall = pair('overall');
  if (!overall && !problems.some((p) => p.includes('"overall"'))) problems.push('expected the columns "overall" and "overall:se"');
  const domains: CsvColumns['domains'] = [];
  const competences: CsvColumns['competences'] = [];
  const group: CsvColumns['group'] = [];
  for (const [name, c] of positions) {
    const match = /^(domain|competence):(.+?)(:se)?$/.exec(name);
    if (match) {
      const [, kind, id] = match as unknown as [string, 'domain' | 'competence', string];
      if (kind === 'domain' && !index.domains.has(id)) problems.push(`column "${name}": expected a domain of framework "${framework.id}", found "${id}"`);
      else if (kind === 'competence' && !index.competences.has(id)) problems.push(`column "${name}": expected a competence of framework "${framework.id}", found "${id}"`);
      else if (!match[3]) {
        const columns = pair(name);
        if (!columns) continue;
        if (kind === 'domain') domains.push({ id, ...columns });
        else competences.push({ id, domain: index.competences.get(id)!.domain.id, ...columns });
      } else if (!positions.has(name.slice(0, -3))) pair(name.slice(0, -3));
      continue;
    }
    if (RESERVED.test(name)) {
      if (!['framework', 'framework:version', 'overall', 'overall:se', 'trainings'].includes(name)) problems.push(`column "${name}" uses a reserved prefix but is not a known column`);
      continue;
    }
    if (name === '') problems.push(`column ${c + 1} has no name`);
    else if (!groupColumns || groupColumns.includes(name)) group.push([name, c]);
  }
  for (const name of groupColumns ?? []) if (!positions.has(name)) problems.push(`group column "${name}" is missing`);
  if (problems.length > 0 || !overall) return problems;
  const optional = (name: string) => positions.get(name);
  const frameworkColumn = optional('framework');
  const versionColumn = optional('framework:version');
  const trainings = optional('trainings');
  return {
    count: cells.length,
    group,
    ...(frameworkColumn !== undefined ? { framework: frameworkColumn } : {}),
    ...(versionColumn !== undefined ? { frameworkVersion: versionColumn } : {}),
    overall,
    domains,
    competences,
    ...(trainings !== undefined ? { trainings } : {}),
  };
}

/** Options of {@link resultsToCsv}. */
export interface ResultsCsvOptions extends CsvWriteOptions {
  framework: Framework;
  /** The group fields to write, in order (default: every field met, in order of appearance). */
  groupFields?: readonly string[];
}

/**
 * Writes results as CSV in the layout `importResults` reads (one row per result: group fields,
 * `overall`, then each domain and competence of the framework with its `:se` column, then
 * `trainings`). Individual results are personal data: keep such files inside the administration.
 */
export function resultsToCsv(records: Iterable<GroupedResult>, options: ResultsCsvOptions): string {
  const { framework } = options;
  const list = [...records];
  const fields = options.groupFields ?? [...new Set(list.flatMap((record) => Object.keys(record.group)))];
  const domains = framework.domains.map((d) => d.id);
  const competences = framework.domains.flatMap((d) => d.competences.map((c) => c.id));
  const header = [
    ...fields,
    'overall',
    'overall:se',
    ...domains.flatMap((id) => [`domain:${id}`, `domain:${id}:se`]),
    ...competences.flatMap((id) => [`competence:${id}`, `competence:${id}:se`]),
    'trainings',
  ];
  // Numbers are written with a `.` here whatever the separator: these files are for machines.
  const rows = list.map((record) => {
    const { result } = record;
    const byId = new Map<string, { level: number; levelSe: number }>();
    for (const d of result.domains) byId.set(`d:${d.id}`, d);
    for (const c of result.competences ?? []) byId.set(`c:${c.id}`, c);
    const pair = (key: string) => {
      const found = byId.get(key);
      return found ? [String(found.level), String(found.levelSe)] : ['', ''];
    };
    return [
      ...fields.map((field) => record.group[field] ?? ''),
      String(result.overall.level),
      String(result.overall.levelSe),
      ...domains.flatMap((id) => pair(`d:${id}`)),
      ...competences.flatMap((id) => pair(`c:${id}`)),
      (record.trainings ?? []).join(' '),
    ];
  });
  return writeCsv([header, ...rows], options);
}
