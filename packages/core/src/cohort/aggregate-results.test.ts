import { describe, expect, it } from 'vitest';
import { miniFramework } from '../../test/mini-content.js';
import { simulateCohort } from '../cat/simulate.js';
import type { TargetProfile } from '../framework/target-profile.schema.js';
import { framework as referenceFramework, items as referenceItems } from '../reference/index.js';
import { aggregateResults, createCohortAggregator } from './aggregate-results.js';
import type { CellStats, CompetenceMap, MapCell, MapRow, PublishedRow } from './competence-map.js';
import type { GroupedResult } from './grouped-result.js';
import { resultWithLevels } from './testing/synthetic-results.js';
import { issuesOf } from '../../test/issues.js';

const framework = miniFramework();

const record = (group: Record<string, string>, levels: Parameters<typeof resultWithLevels>[1] = {}, trainings?: string[]): GroupedResult => ({
  result: resultWithLevels(framework, levels),
  group,
  ...(trainings ? { trainings } : {}),
});

const published = (row: MapRow | undefined): PublishedRow => {
  if (!row || row.suppressed) throw new Error(`expected a published row, found ${JSON.stringify(row)}`);
  return row;
};
const stats = (cells: MapCell[], id: string): CellStats => {
  const cell = cells.find((c) => c.id === id);
  if (!cell || cell.suppressed) throw new Error(`expected published statistics for ${id}`);
  return cell;
};
const rowOf = (map: CompetenceMap, key: Record<string, string>) => map.groups.find((row) => JSON.stringify(row.key) === JSON.stringify(key));


describe('aggregateResults: statistics', () => {
  it('counts, mean level, its uncertainty and the distribution of a group, by hand', () => {
    const levels = [2, 3, 3, 4, 6];
    const map = aggregateResults(
      levels.map((level) => record({ service: 'RH' }, { domains: { alpha: level, beta: 1 } })),
      { groupBy: ['service'], minGroupSize: 1 },
    );
    const row = published(rowOf(map, { service: 'RH' }));
    expect(row.n).toBe(5);
    const alpha = stats(row.domains, 'alpha');
    expect(alpha.n).toBe(5);
    expect(alpha.distribution).toEqual([0, 1, 2, 1, 0, 1, 0, 0]);
    expect(alpha.meanLevel).toBeCloseTo(3.6, 12);
    // Sample variance of 2, 3, 3, 4, 6 is 2.3; levelSe 0.5 everywhere gives 0.25 < 2.3.
    expect(alpha.sdLevel).toBeCloseTo(Math.sqrt(2.3), 12);
    expect(alpha.meanLevelSe).toBeCloseTo(Math.sqrt(2.3 / 5), 12);
    expect(alpha.seSq).toBe(5 * 2500);
    // A uniform group: the spread is 0, the measurement uncertainty remains.
    const beta = stats(row.domains, 'beta');
    expect(beta.sdLevel).toBe(0);
    expect(beta.meanLevelSe).toBeCloseTo(Math.sqrt(0.25 / 5), 12);
    // Competences default to their domain's level in the helper.
    expect(stats(row.competences, 'alpha.c2')).toMatchObject({ domain: 'alpha', n: 5, meanLevel: 3.6 });
  });

  it('builds subtotals for each prefix of groupBy and totals for everyone', () => {
    const records = [
      ...Array.from({ length: 3 }, () => record({ direction: 'D1', service: 'A' }, { domains: { alpha: 2 } })),
      ...Array.from({ length: 2 }, () => record({ direction: 'D1', service: 'B' }, { domains: { alpha: 4 } })),
      ...Array.from({ length: 4 }, () => record({ direction: 'D2', service: 'A' }, { domains: { alpha: 5 } })),
    ];
    const map = aggregateResults(records, { groupBy: ['direction', 'service'], minGroupSize: 1 });
    expect(map.groups.map((row) => row.key)).toEqual([
      { direction: 'D1', service: 'A' },
      { direction: 'D1', service: 'B' },
      { direction: 'D2', service: 'A' },
    ]);
    expect(map.subtotals.map((row) => [row.key, published(row).n])).toEqual([
      [{ direction: 'D1' }, 5],
      [{ direction: 'D2' }, 4],
    ]);
    const totals = published(map.totals);
    expect(totals.key).toEqual({});
    expect(stats(totals.domains, 'alpha').distribution).toEqual([0, 3, 0, 2, 4, 0, 0, 0]);
  });

  it('an empty input gives an empty map: a count of 0, no level, nothing suppressed', () => {
    const raw = aggregateResults([], { groupBy: ['service'], minGroupSize: 1 });
    expect(raw).toMatchObject({ framework: null, groups: [], subtotals: [], totals: { suppressed: false, n: 0, domains: [], competences: [] } });
    expect(published(raw.totals).overall).toBeUndefined();
    expect(JSON.stringify(raw)).not.toMatch(/NaN|null,"n"/);
    const map = aggregateResults([], { groupBy: ['service'] });
    expect(map.groups).toEqual([]);
    expect(map.totals).toEqual({ key: {}, suppressed: false, n: 0, domains: [], competences: [], trainings: [] });
  });

  it('one group only: the group and the totals are the same numbers', () => {
    const records = Array.from({ length: 7 }, (_, i) => record({ service: 'Seul' }, { domains: { alpha: 1 + (i % 4) } }));
    const map = aggregateResults(records, { groupBy: ['service'] });
    const row = published(map.groups[0]);
    const { key: _a, ...group } = row;
    const { key: _b, ...totals } = published(map.totals);
    expect(group).toEqual(totals);
    expect(map.suppression).toEqual({ rows: { belowMinimum: 0, complementary: 0 }, cells: { belowMinimum: 0, complementary: 0 } });
  });

  it('counts agents below the target profile per competence, domain and overall', () => {
    const profile: TargetProfile = {
      id: 'tout-agent',
      title: 'Tout agent',
      requirements: [
        { competence: 'alpha.c1', level: 3 },
        { topic: 'beta.c1.t1', level: 4 },
      ],
    };
    const records = [
      record({ s: 'x' }, { domains: { alpha: 3, beta: 4 } }), // meets both
      record({ s: 'x' }, { domains: { alpha: 2, beta: 4 } }), // below on alpha.c1
      record({ s: 'x' }, { domains: { alpha: 3, beta: 3 } }), // below on beta.c1 (through its topic)
    ];
    const map = aggregateResults(records, { groupBy: ['s'], minGroupSize: 1, profile, framework });
    const row = published(map.groups[0]);
    expect(stats(row.competences, 'alpha.c1')).toMatchObject({ targeted: 3, below: 1, belowShare: 1 / 3 });
    expect(stats(row.competences, 'alpha.c2')).toMatchObject({ targeted: 0, below: 0, belowShare: null });
    expect(stats(row.competences, 'beta.c1')).toMatchObject({ targeted: 3, below: 1 });
    expect(stats(row.domains, 'alpha')).toMatchObject({ targeted: 3, below: 1 });
    expect(row.overall).toMatchObject({ targeted: 3, below: 2 });
    expect(map.profiles).toEqual(['tout-agent']);
  });

  it('a profile per record (by job role) counts each agent against their own profile', () => {
    const strict: TargetProfile = { id: 'si', title: 'SI', requirements: [{ competence: 'alpha.c1', level: 6 }] };
    const records = [record({ role: 'si' }, { domains: { alpha: 4 } }), record({ role: 'rh' }, { domains: { alpha: 4 } })];
    const map = aggregateResults(records, { groupBy: ['role'], minGroupSize: 1, profile: (r) => (r.group.role === 'si' ? strict : undefined) });
    expect(stats(published(rowOf(map, { role: 'si' })).competences, 'alpha.c1')).toMatchObject({ targeted: 1, below: 1 });
    expect(stats(published(rowOf(map, { role: 'rh' })).competences, 'alpha.c1')).toMatchObject({ targeted: 0, below: 0 });
    expect(published(map.totals).overall).toMatchObject({ targeted: 1, below: 1, belowShare: 1 });
  });

  it('counts trainings once per agent, from the records or from the recommendations option', () => {
    const records = [record({ s: 'x' }, {}, ['mooc-cyber', 'mooc-cyber', 'rgpd']), record({ s: 'x' }, {}, ['rgpd']), record({ s: 'x' })];
    const map = aggregateResults(records, { groupBy: ['s'], minGroupSize: 1 });
    expect(published(map.groups[0]).trainings).toEqual([
      { id: 'rgpd', agents: 2 },
      { id: 'mooc-cyber', agents: 1 },
    ]);
    const viaOption = aggregateResults(records, { groupBy: ['s'], minGroupSize: 1, recommendations: (r) => (r.result.overall.level < 4 ? ['socle'] : []) });
    expect(published(viaOption.groups[0]).trainings).toEqual([{ id: 'socle', agents: 3 }]);
  });

  it('keeps only the groupBy fields: nothing else of a record enters the map', () => {
    const records = Array.from({ length: 6 }, (_, i) => ({ ...record({ service: 'RH', email: `agent${i}@example.gouv.fr`, matricule: `M${i}` }), agentId: `A${i}` }));
    const text = JSON.stringify(aggregateResults(records, { groupBy: ['service'] }));
    expect(text).not.toMatch(/example\.gouv|M\d|A\d|email|matricule|agentId/);
  });

  it('accepts real AssessmentResult objects from the adaptive engine', () => {
    const records: GroupedResult[] = [];
    simulateCohort({ framework: referenceFramework, items: referenceItems, agents: 12, seed: 3, config: { minItems: 12, maxItems: 12 }, onAgent: ({ index, result }) => records.push({ result, group: { site: index % 2 ? 'Lyon' : 'Paris' } }) });
    const map = aggregateResults(records, { groupBy: ['site'], framework: referenceFramework, minGroupSize: 1 });
    expect(published(map.totals).n).toBe(12);
    expect(published(map.totals).domains).toHaveLength(referenceFramework.domains.length);
    expect(map.framework).toEqual({ id: referenceFramework.id, version: referenceFramework.version });
  });

  it('takes an async iterable and returns a promise', async () => {
    async function* stream() {
      for (let i = 0; i < 6; i++) yield record({ service: 'RH' }, { domains: { alpha: 1 + i } });
    }
    const pending = aggregateResults(stream(), { groupBy: ['service'] });
    expect(pending).toBeInstanceOf(Promise);
    const map = await pending;
    expect(published(map.groups[0]).n).toBe(6);
  });
});

describe('aggregateResults: strict input', () => {
  it('reports a missing groupBy value, with the fields the record has', () => {
    const issues = issuesOf(() => aggregateResults([record({ service: 'RH' }), record({ servise: 'RH' })], { groupBy: ['service'] }));
    expect(issues).toEqual([{ path: '[1].group.service', message: 'missing value for the groupBy field "service" (this record\'s group has "servise")' }]);
  });

  it('reports a result of another framework, bad levels and duplicates, all at once', () => {
    const other = record({ s: 'x' });
    const bad = record({ s: 'x' });
    const issues = issuesOf(() =>
      aggregateResults(
        [
          record({ s: 'x' }),
          { ...other, result: { ...other.result, framework: { id: 'autre', version: '2.0.0' } } },
          { ...bad, result: { ...bad.result, overall: { level: 9, levelSe: -1 }, domains: [bad.result.domains[0]!, bad.result.domains[0]!] } },
        ],
        { groupBy: ['s'] },
      ),
    );
    expect(issues).toEqual([
      { path: '[1].result.framework', message: 'expected a result of framework "mini" 1.0.0, found "autre" 2.0.0' },
      { path: '[2].result.overall.level', message: 'expected an integer level 1–8, found the number 9' },
      { path: '[2].result.overall.levelSe', message: 'expected an uncertainty in levels between 0 and 10, found the number -1' },
      { path: '[2].result.domains[1].id', message: 'duplicate domain "alpha"' },
      { path: '[2].result.competences[2].domain', message: 'expected one of this result\'s domains, found "beta"' },
    ]);
  });

  it('checks ids against the framework when given', () => {
    const r = record({ s: 'x' });
    const wrong = { ...r, result: { ...r.result, competences: [{ id: 'alpha.c9', domain: 'alpha', level: 3, levelSe: 0.4 }, { id: 'beta.c1', domain: 'alpha', level: 3, levelSe: 0.4 }] } };
    expect(issuesOf(() => aggregateResults([wrong], { groupBy: ['s'], framework }))).toEqual([
      { path: '[0].result.competences[0].id', message: 'expected a competence of framework "mini", found "alpha.c9"' },
      { path: '[0].result.competences[1].domain', message: 'expected "beta" (the domain of "beta.c1"), found "alpha"' },
    ]);
  });

  it('refuses an interrupted assessment, a non-record and control characters in group values', () => {
    const r = record({ s: 'x' });
    const issues = issuesOf(() => aggregateResults([{ ...r, result: { ...r.result, complete: false } }, null as never, record({ s: 'a\nb' })], { groupBy: ['s'] }));
    expect(issues.map((issue) => issue.path)).toEqual(['[0].result.complete', '[1]', '[2].group.s']);
  });

  it('refuses identifier-like groupBy fields and bad options', () => {
    expect(issuesOf(() => aggregateResults([], { groupBy: ['service', 'E-mail', 'service'], minGroupSize: 0 }))).toEqual([
      { path: 'groupBy[1]', message: '"E-mail" looks like a personal identifier; a competence map never holds one (group by service, site, role…)' },
      { path: 'groupBy[2]', message: 'duplicate field "service"' },
      { path: 'minGroupSize', message: 'expected an integer ≥ 1, found 0' },
    ]);
    expect(issuesOf(() => aggregateResults([], { groupBy: ['s'], profile: { id: 'p', title: 'P', requirements: [{ topic: 'alpha.c1.t1', level: 3 }] } }))).toEqual([
      { path: 'profile.requirements[0].topic', message: 'a requirement on a topic needs the `framework` option (to find its competence)' },
    ]);
  });

  it("with invalid: 'skip', leaves bad records out, counts and reports them", () => {
    const reported: number[] = [];
    const map = aggregateResults([record({ s: 'x' }), record({}), record({ s: 'x' })], {
      groupBy: ['s'],
      minGroupSize: 1,
      invalid: 'skip',
      onInvalid: (_issues, index) => reported.push(index),
    });
    expect(published(map.totals).n).toBe(2);
    expect(map.rejected).toBe(1);
    expect(reported).toEqual([1]);
  });

  it('keeps memory bounded: at most 100 problems are kept, the rest are counted', () => {
    const aggregator = createCohortAggregator({ groupBy: ['s'] });
    for (let i = 0; i < 500; i++) aggregator.add(record({}));
    const issues = issuesOf(() => aggregator.finish());
    expect(issues).toHaveLength(101);
    expect(issues[100]!.message).toBe('… and 400 more problems (500 invalid records of 500)');
  });
});
