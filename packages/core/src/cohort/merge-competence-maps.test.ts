import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miniFramework } from '../../test/mini-content.js';
import { JaugeValidationError } from '../errors.js';
import type { TargetProfile } from '../framework/target-profile.schema.js';
import { framework as referenceFramework } from '../reference/index.js';
import { aggregateResults } from './aggregate-results.js';
import type { CompetenceMap } from './competence-map.js';
import type { GroupedResult } from './grouped-result.js';
import { mergeAllCompetenceMaps, mergeCompetenceMaps } from './merge-competence-maps.js';
import { parseCompetenceMap } from './parse-competence-map.js';
import { syntheticResults } from './testing/synthetic-results.js';

const framework = miniFramework();
const groupBy = ['direction', 'service'];
const profile: TargetProfile = { id: 'p', title: 'P', requirements: [{ competence: 'alpha.c1', level: 4 }, { competence: 'beta.c1', level: 3 }] };
const raw = (records: GroupedResult[]): CompetenceMap => aggregateResults(records, { groupBy, minGroupSize: 1, profile, framework });

const level = fc.integer({ min: 1, max: 8 });
// Any double in [0, 10]: levelSe² is summed in fixed point, so even awkward floats merge exactly.
const se = fc.double({ min: 0, max: 10, noNaN: true });
const recordArb: fc.Arbitrary<GroupedResult> = fc
  .record({
    direction: fc.constantFrom('D1', 'D2', 'D3'),
    service: fc.constantFrom('A', 'B', 'C', 'Ç'),
    levels: fc.array(level, { minLength: 6, maxLength: 6 }),
    ses: fc.array(se, { minLength: 6, maxLength: 6 }),
    withBeta: fc.boolean(),
    trainings: fc.subarray(['t1', 't2', 't3', 't4']),
  })
  .map(({ direction, service, levels, ses, withBeta, trainings }) => ({
    group: { direction, service },
    trainings,
    result: {
      framework: { id: framework.id, version: framework.version },
      overall: { level: levels[0]!, levelSe: ses[0]! },
      domains: [{ id: 'alpha', level: levels[1]!, levelSe: ses[1]! }, ...(withBeta ? [{ id: 'beta', level: levels[2]!, levelSe: ses[2]! }] : [])],
      competences: [
        { id: 'alpha.c1', domain: 'alpha', level: levels[3]!, levelSe: ses[3]! },
        { id: 'alpha.c2', domain: 'alpha', level: levels[4]!, levelSe: ses[4]! },
        ...(withBeta ? [{ id: 'beta.c1', domain: 'beta', level: levels[5]!, levelSe: ses[5]! }] : []),
      ],
    },
  }));
const mapArb = fc.array(recordArb, { maxLength: 25 }).map(raw);

/** Deep equality and identical JSON text (same key order, bit-identical floats). */
function expectSame(actual: CompetenceMap, expected: CompetenceMap): void {
  expect(actual).toEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

describe('mergeCompetenceMaps: laws (property-based)', () => {
  it('is commutative', () => {
    fc.assert(fc.property(mapArb, mapArb, (a, b) => expectSame(mergeCompetenceMaps(a, b), mergeCompetenceMaps(b, a))));
  });

  it('is associative', () => {
    fc.assert(fc.property(mapArb, mapArb, mapArb, (a, b, c) => expectSame(mergeCompetenceMaps(mergeCompetenceMaps(a, b), c), mergeCompetenceMaps(a, mergeCompetenceMaps(b, c)))));
  });

  it('has the map of no result as identity', () => {
    const empty = raw([]);
    fc.assert(
      fc.property(mapArb, (a) => {
        expectSame(mergeCompetenceMaps(empty, a), a);
        expectSame(mergeCompetenceMaps(a, empty), a);
      }),
    );
  });

  it('merging shards in any split and order equals one pass over all results', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(recordArb, fc.nat(5)), { maxLength: 60 }), fc.boolean(), (tagged, reverse) => {
        const all = tagged.map(([record]) => record);
        const shards = Array.from({ length: 6 }, (_, s) => raw(tagged.filter(([, shard]) => shard === s).map(([record]) => record)));
        if (reverse) shards.reverse();
        expectSame(shards.reduce(mergeCompetenceMaps), raw(all));
      }),
    );
  });
});

describe('mergeCompetenceMaps: shards', () => {
  it('100 shard maps merge to exactly the single-pass map (reference framework, 20,000 results)', () => {
    const options = { groupBy, minGroupSize: 1, framework: referenceFramework };
    const gen = () => syntheticResults({ framework: referenceFramework, count: 20_000, seed: 7, trainings: ['a', 'b', 'c', 'd'] });
    const single = aggregateResults(gen(), options);
    const shards: GroupedResult[][] = Array.from({ length: 100 }, () => []);
    let i = 0;
    for (const record of gen()) shards[(i++ * 7919) % 100]!.push(record);
    const maps = shards.map((records) => aggregateResults(records, options));
    expectSame(maps.reduce(mergeCompetenceMaps), single);
    expectSame(mergeAllCompetenceMaps(maps)!, single);
    // Through JSON, as shards travel between machines.
    const viaJson = maps.map((map) => parseCompetenceMap(JSON.stringify(map)));
    expectSame(viaJson.reduceRight((acc, map) => mergeCompetenceMaps(map, acc)), single);
  });

  it('refuses a published map, another groupBy and another framework, saying why', () => {
    const records = Array.from({ length: 6 }, () => fc.sample(recordArb, { numRuns: 1, seed: 1 })[0]!);
    const a = raw(records);
    const published = aggregateResults(records, { groupBy, minGroupSize: 5 });
    const issues = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof JaugeValidationError) return error.issues;
      }
      throw new Error('expected a JaugeValidationError');
    };
    expect(issues(() => mergeCompetenceMaps(a, published))).toEqual([
      {
        path: '[1].minGroupSize',
        message: 'expected a raw map (minGroupSize 1), found a published one (minGroupSize 5): aggregate shards with minGroupSize 1, merge, then publish',
      },
    ]);
    const bySite = aggregateResults(records, { groupBy: ['direction'], minGroupSize: 1 });
    expect(issues(() => mergeCompetenceMaps(a, bySite))[0]!.path).toBe('[1].groupBy');
    const other = { ...a, framework: { id: 'autre', version: '1.0.0' } };
    expect(mergeAllCompetenceMaps([])).toBeUndefined();
    expect(issues(() => mergeAllCompetenceMaps([a, a, a, published]))[0]!.path).toBe('[3].minGroupSize');
    expect(issues(() => mergeCompetenceMaps(a, other))).toEqual([
      { path: '[1].framework', message: 'expected framework "mini" 1.0.0 as in the first map that has one, found "autre" 1.0.0' },
    ]);
  });
});
