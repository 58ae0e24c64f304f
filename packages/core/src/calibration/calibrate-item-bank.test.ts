import { describe, expect, it } from 'vitest';
import { simulateAnswers } from '../../test/fixtures/calibration/simulate-answers.js';
import { syntheticContent } from '../../test/synthetic-bank.js';
import { JaugeValidationError } from '../errors.js';
import type { ScoredItem } from '../framework/item-bank.schema.js';
import { createRandom } from '../random.js';
import { parseItemBank } from '../framework/parse-item-bank.js';
import type { AnswerRecord } from './answer-record.js';
import { createAnswerCollector } from './answer-collector.js';
import { calibrateItemBank, type CalibrationProgress } from './calibrate-item-bank.js';

const { framework, items: bank } = syntheticContent({ domains: 2, itemsPerDomain: 30, seed: 3, selfRating: true });
const scored = bank.items.filter((item): item is ScoredItem => item.type !== 'self-rating');

function collect(records: readonly AnswerRecord[]) {
  const collector = createAnswerCollector(bank);
  records.forEach((record, n) => collector.addRecord(record, `records[${n}]`));
  return collector.finish();
}

/** Answers per domain (the engine's abilities are per domain): one simulation per domain, merged by agent. */
function simulate(options: { agents: number; seed: number; groups?: Parameters<typeof simulateAnswers>[0]['groups']; override?: Record<string, { a: number; b: number }> }) {
  const perDomain = ['d0', 'd1'].map((domain, d) =>
    simulateAnswers({
      items: scored.filter((item) => item.id.startsWith(`${domain}-`)).map((item) => ({ id: item.id, irt: options.override?.[item.id] ?? item.irt })),
      agents: options.agents,
      seed: options.seed + d,
      testLength: 12,
      design: 'random',
      ...(options.groups ? { groups: options.groups } : {}),
    }).records,
  );
  return perDomain[0]!.map((record, j) => ({ ...record, responses: [...record.responses, ...perDomain[1]![j]!.responses] }));
}

describe('calibrateItemBank — the calibrated bank', () => {
  // d0-q29 is nobody's: removed from every record. d1-q5 has a reversed key (stronger agents fail).
  const records = simulate({ agents: 3000, seed: 21, override: { 'd1-q5': { a: -1.2, b: 0 } } }).map((record) => ({
    ...record,
    responses: record.responses.filter((response) => response.item !== 'd0-q29'),
  }));
  const answers = collect(records);
  const progress: CalibrationProgress[] = [];
  const { bank: calibrated, report } = calibrateItemBank(answers, { bank, framework, date: '2027-03-15', onProgress: (p) => progress.push(p) });

  it('is a valid bank of the same shape, with calibration method, date and sample size on every answered item', () => {
    expect(() => parseItemBank(calibrated, framework)).not.toThrow();
    expect(calibrated.items.map((item) => item.id)).toEqual(bank.items.map((item) => item.id));
    const item = calibrated.items.find((x) => x.id === 'd0-q3') as ScoredItem;
    expect(item.calibration).toMatchObject({ method: '2pl-mml', date: '2027-03-15', sampleSize: report.items.find((x) => x.id === 'd0-q3')!.responses });
    expect(item.calibration!.notes).toMatch(/^MML \(Bock–Aitkin\), 2PL, \d+ answers; SE\(a\) [\d.]+, SE\(b\) [\d.]+; linked by stocking-lord on 29 anchors \(A [\d.]+, B -?[\d.]+\)$/);
    expect(item.status).toBe('reviewed'); // status is left to the content team
    expect(item.irt).not.toEqual((bank.items.find((x) => x.id === 'd0-q3') as ScoredItem).irt);
    expect(Number.isInteger(item.irt.b * 10_000)).toBe(true);
  });

  it('leaves an item nobody answered unchanged, and the input bank untouched', () => {
    const before = bank.items.find((x) => x.id === 'd0-q29');
    expect(calibrated.items.find((x) => x.id === 'd0-q29')).toEqual(before);
    expect(report.items.find((x) => x.id === 'd0-q29')).toMatchObject({ responses: 0, estimate: null, flags: ['no-responses'] });
    expect((bank.items[0] as ScoredItem).calibration).toBeUndefined();
  });

  it('calibrates each domain on its own scale and reports convergence and linking', () => {
    expect(report.dimensions.map((d) => d.id)).toEqual(['d0', 'd1']);
    for (const dimension of report.dimensions) {
      expect(dimension.convergence.converged).toBe(true);
      expect(dimension.agents).toBe(3000);
      expect(dimension.linking.anchors).toBeGreaterThan(25);
    }
    expect(report.answers).toMatchObject({ agents: 3000, rejectedRecords: 0 });
    expect(report.summary.calibrated).toBe(59);
    expect(report.summary.unchanged).toBe(1);
    expect(progress.length).toBeGreaterThan(4);
    expect(progress.at(-1)).toMatchObject({ dimension: 'd1', index: 1, dimensions: 2 });
    expect(progress.at(-1)!.maxChange).toBeLessThan(1e-4);
  });

  it('flags the item with a reversed key as negative (and tiny) discrimination, and no well-behaved item so', () => {
    const reversed = report.items.find((x) => x.id === 'd1-q5')!;
    expect(reversed.flags).toContain('negative-discrimination');
    expect(reversed.flags).toContain('tiny-discrimination');
    expect(reversed.fit!.discriminationIndex).toBeLessThan(-0.1);
    const others = report.items.filter((x) => x.id !== 'd1-q5');
    expect(others.filter((x) => x.flags.includes('negative-discrimination'))).toEqual([]);
    expect(others.filter((x) => x.flags.includes('underfit') || x.flags.includes('overfit')).length).toBeLessThanOrEqual(2);
    for (const item of others.filter((x) => x.fit)) {
      expect(item.fit!.infit).toBeGreaterThan(0.8);
      expect(item.fit!.infit).toBeLessThan(1.2);
      expect(item.fit!.discriminationIndex).toBeGreaterThan(0);
    }
  });

  it('fits the Rasch model with one common discrimination per domain', () => {
    const rasch = calibrateItemBank(answers, { bank, framework, date: '2027-03-15', model: 'rasch' });
    for (const dimension of rasch.report.dimensions) expect(dimension.commonA!.a).toBeGreaterThan(0.5);
    const d0 = rasch.bank.items.filter((item): item is ScoredItem => item.type !== 'self-rating' && item.id.startsWith('d0-') && item.id !== 'd0-q29');
    expect(new Set(d0.map((item) => item.irt.a)).size).toBe(1);
    expect(d0[0]!.calibration!.method).toBe('rasch-mml');
  });
});

describe('calibrateItemBank — differential item functioning', () => {
  // Group F is 0.5 lower on average than group R; d0-q7 is 1.2 harder for F at equal ability.
  const membership = createRandom(77);
  const members = Array.from({ length: 5000 }, () => membership() < 0.4);
  const records = simulate({ agents: 5000, seed: 31, groups: { reference: 'R', focal: 'F', focalShare: 0.4, members, focalMean: -0.5, difItem: 'd0-q7', shift: 1.2 } });
  const { report } = calibrateItemBank(collect(records), { bank, framework, date: '2027-03-15' });

  it('finds the constructed DIF item (Mantel–Haenszel, ETS class C, against the focal group)', () => {
    expect(report.dif).toEqual({ reference: 'R', focal: 'F' });
    const item = report.items.find((x) => x.id === 'd0-q7')!;
    expect(item.dif!.etsClass).toBe('C');
    expect(item.dif!.favours).toBe('reference');
    expect(item.dif!.delta).toBeLessThan(-1.5);
    expect(item.flags).toContain('dif');
  });

  it('does not confuse the groups\' different mean abilities with DIF on the other items', () => {
    const others = report.items.filter((x) => x.id !== 'd0-q7' && x.dif);
    expect(others.length).toBe(59);
    expect(others.filter((x) => x.dif!.etsClass === 'C')).toEqual([]);
    expect(others.filter((x) => x.dif!.etsClass === 'B').length).toBeLessThanOrEqual(3);
    const meanDelta = others.reduce((sum, x) => sum + x.dif!.delta, 0) / others.length;
    expect(Math.abs(meanDelta)).toBeLessThan(0.15);
    const d1 = report.dimensions[1]!;
    const [r, f] = [d1.groups.find((g) => g.group === 'R')!, d1.groups.find((g) => g.group === 'F')!];
    expect(r.mean - f.mean).toBeGreaterThan(0.35);
    expect(r.mean - f.mean).toBeLessThan(0.65);
  });

  it('can be turned off, or pointed at two named groups', () => {
    const answers = collect(records);
    expect(calibrateItemBank(answers, { bank, framework, date: '2027-03-15', dif: false }).report.dif).toEqual({ skipped: 'turned off' });
    const swapped = calibrateItemBank(answers, { bank, framework, date: '2027-03-15', dif: { reference: 'F', focal: 'R' } }).report;
    expect(swapped.items.find((x) => x.id === 'd0-q7')!.dif!.favours).toBe('focal');
  });
});

describe('calibrateItemBank — options', () => {
  const answers = collect(simulate({ agents: 50, seed: 1 }));
  it('reports every invalid option with its path', () => {
    const run = () =>
      calibrateItemBank(answers, {
        bank,
        framework,
        date: '15/03/2027',
        model: '3pl' as never,
        linking: 'haebara' as never,
        priorBSd: 0,
        fitRange: [1.3, 0.7],
      });
    expect(run).toThrow(JaugeValidationError);
    try {
      run();
    } catch (error) {
      expect((error as JaugeValidationError).issues.map((issue) => issue.path)).toEqual(['date', 'model', 'linking', 'priorBSd', 'fitRange']);
      expect((error as JaugeValidationError).issues[0]!.message).toBe('expected a date such as "2027-03-15", found "15/03/2027"');
    }
  });

  it('rejects unknown anchors and DIF groups, and answers collected for another bank', () => {
    expect(() => calibrateItemBank(answers, { bank, framework, date: '2027-03-15', anchors: ['d0-q1', 'zz'] })).toThrow(/anchors\[1\]: expected the id of a scored item of bank "banque-synthetique", found "zz"/);
    expect(() => calibrateItemBank(answers, { bank, framework, date: '2027-03-15', dif: { reference: 'A', focal: 'B' } })).toThrow(/dif\.reference: expected a group of the answers \(none\), found "A"/);
    const other = createAnswerCollector(['x1']);
    other.addRecord({ agent: 'a', responses: [{ item: 'x1', correct: true }] }, 'records[0]');
    expect(() => calibrateItemBank(other.finish(), { bank, framework, date: '2027-03-15' })).toThrow(/answers\.itemIds\[0\]: expected a scored item of bank "banque-synthetique", found "x1"/);
  });

  it('flags items answered by fewer agents than minResponses and keeps them out of the anchors', () => {
    const { report } = calibrateItemBank(answers, { bank, framework, date: '2027-03-15' });
    const few = report.items.filter((item) => item.flags.includes('few-responses'));
    expect(few.length).toBeGreaterThan(50); // 50 agents × 12 of 30 items: about 20 answers each
    expect(few.every((item) => !item.anchor)).toBe(true);
    expect(report.dimensions.every((d) => d.linking.anchors === 0 && d.linking.A === 1)).toBe(true);
  });
});
