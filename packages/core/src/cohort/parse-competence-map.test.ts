import { describe, expect, it } from 'vitest';
import { miniFramework } from '../../test/mini-content.js';
import { JaugeValidationError } from '../errors.js';
import { aggregateResults } from './aggregate-results.js';
import type { GroupedResult } from './grouped-result.js';
import { parseCompetenceMap } from './parse-competence-map.js';
import { resultWithLevels } from './testing/synthetic-results.js';

const framework = miniFramework();
const records: GroupedResult[] = Array.from({ length: 12 }, (_, i) => ({
  result: resultWithLevels(framework, { domains: { alpha: 1 + (i % 6) } }),
  group: { direction: `D${i % 2}`, service: `S${i % 3}` },
}));

function issuesOf(input: unknown) {
  try {
    parseCompetenceMap(input);
  } catch (error) {
    if (error instanceof JaugeValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a JaugeValidationError');
}

describe('parseCompetenceMap', () => {
  it('accepts raw and published maps, as objects or JSON text', () => {
    const raw = aggregateResults(records, { groupBy: ['direction', 'service'], minGroupSize: 1 });
    expect(parseCompetenceMap(JSON.stringify(raw))).toEqual(raw);
    const published = aggregateResults(records, { groupBy: ['direction', 'service'], minGroupSize: 3 });
    expect(parseCompetenceMap(published)).toEqual(published);
  });

  it('reports inconsistent counts, foreign keys and hidden cells in a raw map, with paths', () => {
    const map = JSON.parse(JSON.stringify(aggregateResults(records, { groupBy: ['direction', 'service'], minGroupSize: 1 })));
    map.groups[0].domains[0].n += 1;
    map.groups[1].key = { direction: 'D0' };
    map.groups[2] = { key: map.groups[2].key, suppressed: true, reason: 'below-minimum' };
    map.groups[3].overall.below = 5;
    expect(issuesOf(map)).toEqual([
      { path: 'groups[0].domains[0].n', message: 'expected the sum of the distribution (2), found 3' },
      { path: 'groups[1].key', message: 'expected the fields ["direction","service"], found ["direction"]' },
      { path: 'groups[2].suppressed', message: 'a raw map (minGroupSize 1) suppresses nothing' },
      { path: 'groups[3].overall', message: 'expected below ≤ targeted ≤ n, found 5, 0, 2' },
    ]);
    expect(issuesOf({ format: 'autre' })[0]).toEqual({ path: 'format', message: 'expected "jauge-competence-map", found the string "autre"' });
  });
});
