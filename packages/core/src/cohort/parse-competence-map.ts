import { validate } from '../framework/validate.js';
import type { CompetenceMap, MapRow } from './competence-map.js';
import { CompetenceMapSchema } from './competence-map.schema.js';

/**
 * Validates a competence map read from JSON (a shard from another machine, a published file):
 * structure, and consistency: each cell's `n` is the sum of its distribution, `below` ≤ `targeted`
 * ≤ `n`, a row's `n` is its overall cell's, group keys hold exactly the `groupBy` fields and
 * subtotal keys a proper prefix of them, no key twice, and a raw map (`minGroupSize` 1) hides
 * nothing. Accepts the object or its JSON text.
 *
 * @throws {@link JaugeValidationError} listing every problem with its path.
 */
export function parseCompetenceMap(input: unknown): CompetenceMap {
  return validate(CompetenceMapSchema, input, 'competence map', (map, report) => {
    const checkRow = (row: MapRow, path: string, depth: number | 'prefix'): boolean => {
      const fields = Object.keys(row.key);
      const expected = depth === 'prefix' ? map.groupBy.slice(0, fields.length) : map.groupBy.slice(0, depth);
      const prefixOk = depth === 'prefix' ? fields.length >= 1 && fields.length < map.groupBy.length : true;
      if (!prefixOk || fields.length !== expected.length || expected.some((field) => row.key[field] === undefined)) {
        const wanted = depth === 'prefix' ? `a proper prefix of ${JSON.stringify(map.groupBy)}` : JSON.stringify(expected);
        report(`${path}.key`, `expected the fields ${wanted}, found ${JSON.stringify(fields)}`);
        return false;
      }
      if (row.suppressed) {
        if (map.minGroupSize === 1) report(`${path}.suppressed`, 'a raw map (minGroupSize 1) suppresses nothing');
        return true;
      }
      if (row.overall ? row.overall.n !== row.n : row.n !== 0) report(`${path}.n`, `expected the overall cell's count, found ${row.n}`);
      const cells = [...(row.overall ? [['overall', row.overall] as const] : []), ...row.domains.map((c, i) => [`domains[${i}]`, c] as const), ...row.competences.map((c, i) => [`competences[${i}]`, c] as const)];
      for (const [where, cell] of cells) {
        if (cell.suppressed) {
          if (map.minGroupSize === 1) report(`${path}.${where}.suppressed`, 'a raw map (minGroupSize 1) suppresses nothing');
          continue;
        }
        const sum = cell.distribution.reduce((a, b) => a + b, 0);
        if (sum !== cell.n) report(`${path}.${where}.n`, `expected the sum of the distribution (${sum}), found ${cell.n}`);
        if (cell.targeted > cell.n || cell.below > cell.targeted) report(`${path}.${where}`, `expected below ≤ targeted ≤ n, found ${cell.below}, ${cell.targeted}, ${cell.n}`);
      }
      return true;
    };
    const seen = new Set<string>();
    const unique = (row: MapRow, path: string) => {
      const key = JSON.stringify(Object.keys(row.key).length) + JSON.stringify(map.groupBy.map((field) => row.key[field] ?? null));
      if (seen.has(key)) report(`${path}.key`, `duplicate row ${JSON.stringify(row.key)}`);
      seen.add(key);
    };
    checkRow(map.totals, 'totals', 0);
    map.subtotals.forEach((row, i) => {
      if (checkRow(row, `subtotals[${i}]`, 'prefix')) unique(row, `subtotals[${i}]`);
    });
    map.groups.forEach((row, i) => {
      if (checkRow(row, `groups[${i}]`, map.groupBy.length)) unique(row, `groups[${i}]`);
    });
  });
}
