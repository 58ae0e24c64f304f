import { describe, expect, it } from 'vitest';
import { miniFramework } from '../../test/mini-content.js';
import type { Catalogue } from '../framework/catalogue.schema.js';
import { aggregateResults } from './aggregate-results.js';
import { parseCsv } from './csv.js';
import { competenceMapToCsv, trainingPlanToCsv } from './export-csv.js';
import type { GroupedResult } from './grouped-result.js';
import { resultWithLevels } from './testing/synthetic-results.js';
import { planTrainings } from './training-plan.js';

const framework = miniFramework();
const agents = (service: string, count: number, trainings: string[]): GroupedResult[] =>
  Array.from({ length: count }, () => ({ result: resultWithLevels(framework, { domains: { alpha: 2 } }), group: { direction: 'D1', service }, trainings }));
const catalogue: Catalogue = {
  id: 'catalogue',
  version: '1.0.0',
  lang: 'fr',
  trainings: [
    { id: 'cyber', title: 'Les bases de la cybersécurité', provider: 'ANSSI', url: 'https://secnumacademie.gouv.fr/', format: 'mooc', levels: { min: 1, max: 3 }, language: 'fr', competences: ['alpha.c1'] },
  ],
};
const records = [
  ...agents('Accueil', 6, ['cyber']),
  ...agents('Budget', 8, ['cyber', 'tableur']),
  ...agents('Budget', 2, ['rgpd']),
  ...agents('Cabinet', 2, ['cyber']),
  ...agents('Courrier', 7, []),
];

describe('planTrainings', () => {
  it('lists per group the trainings to open with the agents concerned, groups by decreasing need', () => {
    const plan = planTrainings(aggregateResults(records, { groupBy: ['direction', 'service'] }), { catalogue });
    expect(plan.groups.map((g) => [g.key.service, g.n, g.need, g.trainings.map((t) => `${t.id}:${t.agents}`)])).toEqual([
      ['Budget', 10, 18, ['cyber:8', 'tableur:8', 'rgpd:2']],
    ]);
    expect(plan.groups[0]!.trainings[0]).toEqual({ id: 'cyber', title: 'Les bases de la cybersécurité', provider: 'ANSSI', format: 'mooc', url: 'https://secnumacademie.gouv.fr/', agents: 8, share: 0.8 });
    // Cabinet (2 agents) is suppressed, and Accueil, its smallest sibling, with it; they count in
    // the whole population only. Courrier is published but needs nothing.
    expect(plan.suppressed).toEqual([
      { key: { direction: 'D1', service: 'Accueil' }, reason: 'complementary' },
      { key: { direction: 'D1', service: 'Cabinet' }, reason: 'below-minimum' },
    ]);
    expect(plan.overall?.trainings.map((t) => [t.id, t.agents])).toEqual([
      ['cyber', 16],
      ['tableur', 8],
      ['rgpd', 2],
    ]);
  });

  it('keeps only trainings with enough agents, and plans per direction with depth 1', () => {
    const map = aggregateResults(records, { groupBy: ['direction', 'service'] });
    expect(planTrainings(map, { minAgents: 7 }).groups.map((g) => g.trainings.map((t) => t.id))).toEqual([['cyber', 'tableur']]);
    expect(planTrainings(map, { minAgents: 9 }).groups).toEqual([]);
    const byDirection = planTrainings(map, { depth: 1 });
    expect(byDirection.groups).toEqual([expect.objectContaining({ key: { direction: 'D1' }, n: 25, need: 26 })]);
    expect(planTrainings(map, { depth: 0 }).groups).toEqual([]);
  });

  it('exports as CSV, whole population first', () => {
    const plan = planTrainings(aggregateResults(records, { groupBy: ['direction', 'service'] }), { catalogue });
    const { rows } = parseCsv(trainingPlanToCsv(plan, { separator: ';' }));
    expect(rows[0]!.cells).toEqual(['direction', 'service', 'group_n', 'rank', 'training', 'title', 'provider', 'format', 'url', 'agents', 'share']);
    expect(rows[1]!.cells).toEqual(['', '', '25', '1', 'cyber', 'Les bases de la cybersécurité', 'ANSSI', 'mooc', 'https://secnumacademie.gouv.fr/', '16', '0,64']);
    expect(rows[4]!.cells.slice(0, 5)).toEqual(['D1', 'Budget', '10', '1', 'cyber']);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('competenceMapToCsv', () => {
  it('writes one line per row and scope, suppressed rows without any figure, hostile names neutralised', () => {
    const hostile = [...agents('=cmd|calc', 10, []), ...agents('Petit', 2, []), ...agents('Grand', 9, [])];
    const map = aggregateResults(hostile, { groupBy: ['direction', 'service'] });
    const { rows, errors } = parseCsv(competenceMapToCsv(map));
    expect(errors).toEqual([]);
    expect(rows[0]!.cells).toEqual([
      'direction', 'service', 'row', 'scope', 'id', 'domain', 'status', 'reason', 'n', 'mean_level', 'mean_level_se', 'sd_level',
      'level_1', 'level_2', 'level_3', 'level_4', 'level_5', 'level_6', 'level_7', 'level_8', 'targeted', 'below', 'below_share',
    ]);
    const lines = rows.slice(1).map((r) => r.cells);
    expect(lines.filter((c) => c[1] === 'Petit')).toEqual([['D1', 'Petit', 'group', 'overall', 'overall', '', 'suppressed', 'below-minimum', ...Array(15).fill('')]]);
    expect(lines.some((c) => c[1] === "'=cmd|calc" && c[3] === 'domain' && c[4] === 'alpha' && c[8] === '10' && c[13] === '10')).toBe(true);
    expect(lines.find((c) => c[1] === 'Grand')!.slice(6, 9)).toEqual(['suppressed', 'complementary', '']);
    expect(lines.find((c) => c[2] === 'total' && c[3] === 'overall')!.slice(6, 9)).toEqual(['published', '', '21']);
  });
});
