import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miniFramework } from '../../test/mini-content.js';
import { JaugeValidationError } from '../errors.js';
import { aggregateResults } from './aggregate-results.js';
import type { CellStats, CompetenceMap, MapRow } from './competence-map.js';
import type { GroupedResult } from './grouped-result.js';
import { publishCompetenceMap } from './publish-competence-map.js';
import { resultWithLevels } from './testing/synthetic-results.js';

const framework = miniFramework();
const groupBy = ['direction', 'service'];

/** `count` agents of one service, with a level per agent cycling through `levels`. */
function service(direction: string, name: string, count: number, levels = [2, 3, 4], withBeta = true): GroupedResult[] {
  return Array.from({ length: count }, (_, i) => {
    const level = levels[i % levels.length]!;
    const result = resultWithLevels(framework, { overall: level, domains: { alpha: level, beta: level } });
    return {
      group: { direction, service: name },
      result: withBeta ? result : { ...result, domains: result.domains.filter((d) => d.id !== 'beta'), competences: result.competences!.filter((c) => c.domain !== 'beta') },
    };
  });
}

const label = (row: MapRow) => Object.values(row.key).join('/') || 'total';
const status = (map: CompetenceMap) => Object.fromEntries([map.totals, ...map.subtotals, ...map.groups].map((row) => [label(row), row.suppressed ? row.reason : row.n]));

/**
 * The differencing attack, on every table of a published map: for each published parent, the
 * parent's distribution minus its published children's is what subtraction reveals. It must be
 * nothing, or the sum of at least two hidden cells covering at least k agents.
 */
function attack(map: CompetenceMap): void {
  const k = map.minGroupSize;
  const rows = [map.totals, ...map.subtotals, ...map.groups];
  const depth = (row: MapRow) => Object.keys(row.key).length;
  const isChild = (parent: MapRow, child: MapRow) => depth(child) === depth(parent) + 1 && Object.entries(parent.key).every(([f, v]) => child.key[f] === v);
  const tables: ((row: MapRow) => CellStats | 'hidden' | undefined)[] = [
    (row) => (row.suppressed ? 'hidden' : row.overall),
    ...['alpha', 'beta', 'alpha.c1', 'beta.c1'].map((id) => (row: MapRow) => {
      if (row.suppressed) return 'hidden' as const;
      const cell = [...row.domains, ...row.competences].find((c) => c.id === id);
      return cell?.suppressed ? ('hidden' as const) : cell;
    }),
  ];
  for (const table of tables) {
    for (const parent of rows) {
      const top = table(parent);
      if (top === 'hidden' || top === undefined) continue;
      const kids = rows.filter((row) => isChild(parent, row));
      if (kids.length === 0) continue;
      const residual = [...top.distribution];
      let hiddenKids = 0;
      for (const kid of kids) {
        const cell = table(kid);
        if (cell === 'hidden') hiddenKids++;
        else if (cell) cell.distribution.forEach((x, i) => (residual[i]! -= x));
      }
      const agents = residual.reduce((a, b) => a + b, 0);
      if (agents === 0) continue;
      expect(agents, `${label(parent)}: subtraction reveals ${agents} agents`).toBeGreaterThanOrEqual(k);
      expect(hiddenKids, `${label(parent)}: subtraction reveals one hidden cell`).toBeGreaterThanOrEqual(2);
    }
  }
}

describe('publishCompetenceMap', () => {
  const records = [
    ...service('D1', 'Accueil', 3),
    ...service('D1', 'Budget', 9),
    ...service('D1', 'Courrier', 14),
    ...service('D2', 'Achats', 6),
    ...service('D2', 'Juridique', 8),
  ];

  it('suppresses a small group and its smallest sibling, and says why', () => {
    const map = aggregateResults(records, { groupBy });
    expect(status(map)).toEqual({ total: 40, D1: 26, D2: 14, 'D1/Accueil': 'below-minimum', 'D1/Budget': 'complementary', 'D1/Courrier': 14, 'D2/Achats': 6, 'D2/Juridique': 8 });
    expect(map.suppression).toEqual({ rows: { belowMinimum: 1, complementary: 1 }, cells: { belowMinimum: 0, complementary: 0 } });
    attack(map);
  });

  it('leaks no count or level of a suppressed row or cell', () => {
    const map = aggregateResults(records, { groupBy });
    for (const row of map.groups.filter((r) => r.suppressed)) expect(Object.keys(row).sort()).toEqual(['key', 'reason', 'suppressed']);
    const text = JSON.stringify(map.groups.filter((r) => r.suppressed));
    expect(text).not.toMatch(/"n"|distribution|meanLevel/);
  });

  it('suppresses a small cell inside a published group (few agents assessed on a domain), with a complement', () => {
    const map = aggregateResults(
      [...service('D1', 'A', 8, [3], true).slice(0, 2), ...service('D1', 'A', 6, [3], false), ...service('D1', 'B', 9), ...service('D1', 'C', 7)],
      { groupBy },
    );
    const row = map.groups.find((r) => r.key.service === 'A')!;
    expect(row.suppressed).toBe(false);
    if (row.suppressed) return;
    expect(row.n).toBe(8);
    expect(row.domains).toEqual([expect.objectContaining({ id: 'alpha', n: 8 }), { id: 'beta', suppressed: true, reason: 'below-minimum' }]);
    const complement = map.groups.find((r) => r.key.service === 'C')!;
    expect(!complement.suppressed && complement.domains.find((c) => c.id === 'beta')).toEqual({ id: 'beta', suppressed: true, reason: 'complementary' });
    attack(map);
  });

  it('publishes a raw map later with the same result as aggregating with minGroupSize', () => {
    const raw = aggregateResults(records, { groupBy, minGroupSize: 1 });
    expect(publishCompetenceMap(raw, { minGroupSize: 5 })).toEqual(aggregateResults(records, { groupBy, minGroupSize: 5 }));
    expect(publishCompetenceMap(raw, { minGroupSize: 1 })).toBe(raw);
    expect(() => publishCompetenceMap(publishCompetenceMap(raw))).toThrow(JaugeValidationError);
  });

  it('resists subtraction on every table, for random hierarchies and thresholds (property-based)', () => {
    const arb = fc.record({
      services: fc.array(fc.record({ direction: fc.constantFrom('D1', 'D2', 'D3'), count: fc.integer({ min: 1, max: 12 }), betaShare: fc.integer({ min: 0, max: 12 }) }), { minLength: 1, maxLength: 10 }),
      k: fc.integer({ min: 2, max: 8 }),
    });
    fc.assert(
      fc.property(arb, ({ services, k }) => {
        const all = services.flatMap(({ direction, count, betaShare }, s) => [
          ...service(direction, `S${s}`, Math.min(count, betaShare), [1, 3, 5, 8], true),
          ...service(direction, `S${s}`, Math.max(0, count - betaShare), [2, 4], false),
        ]);
        const map = aggregateResults(all, { groupBy, minGroupSize: k });
        for (const row of [map.totals, ...map.subtotals, ...map.groups]) {
          if (row.suppressed) continue;
          expect(row.n).toBeGreaterThanOrEqual(k);
          for (const cell of [...row.domains, ...row.competences]) if (!cell.suppressed) expect(cell.n).toBeGreaterThanOrEqual(k);
        }
        attack(map);
      }),
      { numRuns: 150 },
    );
  });
});
