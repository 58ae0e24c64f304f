import { describe, expect, it } from 'vitest';
import { rmse, simulateAnswers } from '../../test/fixtures/calibration/simulate-answers.js';
import { syntheticContent } from '../../test/synthetic-bank.js';
import type { ScoredItem } from '../framework/item-bank.schema.js';
import { gaussian } from '../cat/simulate.js';
import { createRandom } from '../random.js';
import { createAnswerCollector } from './answer-collector.js';
import { calibrateItemBank } from './calibrate-item-bank.js';
import { linkingConstants, linkItem } from './linking.js';

describe('linkingConstants', () => {
  const previous = [
    { a: 1.2, b: -1.5, c: 0.2 },
    { a: 0.8, b: -0.4 },
    { a: 1.6, b: 0.3 },
    { a: 1.0, b: 1.1, c: 0.25 },
    { a: 2.1, b: 2.0 },
  ];
  // The same items estimated on a scale where θ_new = (θ_old − B) / A, with A = 1.3, B = 0.4.
  const anchors = previous.map((item) => ({ previous: item, estimate: { ...item, a: item.a * 1.3, b: (item.b - 0.4) / 1.3 } }));

  it('recovers a known slope and intercept exactly, by mean–sigma and by Stocking–Lord', () => {
    const meanSigma = linkingConstants(anchors, 'mean-sigma');
    expect(meanSigma.A).toBeCloseTo(1.3, 12);
    expect(meanSigma.B).toBeCloseTo(0.4, 12);
    const stockingLord = linkingConstants(anchors, 'stocking-lord');
    expect(stockingLord.A).toBeCloseTo(1.3, 8);
    expect(stockingLord.B).toBeCloseTo(0.4, 8);
    expect(stockingLord.criterion).toBeLessThan(1e-16);
    expect(stockingLord.anchors).toBe(5);
    for (const { previous: old, estimate } of anchors) {
      const linked = linkItem(estimate, stockingLord);
      expect(linked.a).toBeCloseTo(old.a, 7);
      expect(linked.b).toBeCloseTo(old.b, 7);
      expect(linked.c).toBe(old.c);
    }
  });

  it('uses a and b together: Stocking–Lord shrugs off one wild difficulty that moves mean–sigma', () => {
    const noisy = anchors.map((anchor, i) => (i === 4 ? { ...anchor, estimate: { ...anchor.estimate, a: 0.3, b: anchor.estimate.b + 3 } } : anchor));
    const meanSigma = linkingConstants(noisy, 'mean-sigma');
    const stockingLord = linkingConstants(noisy, 'stocking-lord');
    expect(Math.abs(meanSigma.A - 1.3)).toBeGreaterThan(0.3);
    expect(Math.abs(stockingLord.A - 1.3)).toBeLessThan(Math.abs(meanSigma.A - 1.3));
  });

  it('is the identity without anchors or when turned off', () => {
    expect(linkingConstants([], 'stocking-lord')).toEqual({ method: 'stocking-lord', A: 1, B: 0, anchors: 0 });
    expect(linkingConstants(anchors, 'none')).toEqual({ method: 'none', A: 1, B: 0, anchors: 5 });
    expect(() => linkingConstants(anchors, 'haebara' as never)).toThrow(new RangeError(`Expected linking 'stocking-lord', 'mean-sigma' or 'none', received "haebara"`));
  });
});

describe('calibrateItemBank — linking keeps the previous scale', () => {
  // The previous bank holds the true parameters on its scale, where this cohort is N(0.5, 1.3²);
  // the calibration sees the cohort as N(0, 1), so linking must find A ≈ 1.3, B ≈ 0.5. Ten new
  // (draft) items start from a wrong guess and are not anchors.
  const { framework, items: bank } = syntheticContent({ domains: 1, itemsPerDomain: 40, seed: 5 });
  const random = createRandom(9);
  const truth = new Map<string, { a: number; b: number }>();
  bank.items.forEach((item, i) => {
    const scored = item as ScoredItem;
    scored.irt = { a: 1.2 * Math.exp(0.25 * gaussian(random)), b: 0.5 + 1.3 * gaussian(random) };
    truth.set(item.id, { ...scored.irt });
    if (i >= 30) {
      scored.status = 'draft';
      scored.irt = { a: 1.2, b: 0.5 };
    }
  });
  const { records } = simulateAnswers({
    items: bank.items.map((item) => ({ id: item.id, irt: truth.get(item.id)! })),
    agents: 4000,
    seed: 4,
    testLength: 15,
    design: 'random',
    population: { mean: 0.5, sd: 1.3 },
  });
  const collector = createAnswerCollector(bank);
  records.forEach((record, n) => collector.addRecord(record, `records[${n}]`));
  const answers = collector.finish();

  it('finds the shift and scale of the cohort from the anchors (Stocking–Lord, the default)', () => {
    const { report, bank: calibrated } = calibrateItemBank(answers, { bank, framework, date: '2027-03-15' });
    const [dimension] = report.dimensions;
    expect(dimension!.linking.method).toBe('stocking-lord');
    expect(dimension!.linking.anchors).toBe(30);
    expect(Math.abs(dimension!.linking.A - 1.3)).toBeLessThan(0.08);
    expect(Math.abs(dimension!.linking.B - 0.5)).toBeLessThan(0.08);
    expect(dimension!.population).toEqual({ mean: dimension!.linking.B, sd: dimension!.linking.A });
    const ids = bank.items.map((item) => item.id);
    const newB = ids.map((id) => (calibrated.items.find((item) => item.id === id) as ScoredItem).irt.b);
    const newA = ids.map((id) => (calibrated.items.find((item) => item.id === id) as ScoredItem).irt.a);
    expect(rmse(newB, ids.map((id) => truth.get(id)!.b))).toBeLessThan(0.15);
    expect(rmse(newA, ids.map((id) => truth.get(id)!.a))).toBeLessThan(0.2);
    // The draft items, whose starting guess was far off, land on the previous scale too.
    const drafts = ids.slice(30);
    expect(rmse(drafts.map((id) => newB[ids.indexOf(id)]!), drafts.map((id) => truth.get(id)!.b))).toBeLessThan(0.2);
    expect(report.items.filter((item) => item.anchor).map((item) => item.id)).toEqual(ids.slice(0, 30));
  });

  it('reports the calibration scale unchanged with linking "none" (population N(0, 1))', () => {
    const { report } = calibrateItemBank(answers, { bank, framework, date: '2027-03-15', linking: 'none' });
    expect(report.dimensions[0]!.linking).toMatchObject({ A: 1, B: 0 });
    const item = report.items[0]!;
    expect(item.calibrated.b).toBeCloseTo(item.estimate!.b, 3);
    // On the calibration scale b_new ≈ (b_true − 0.5) / 1.3.
    const ids = bank.items.map((x) => x.id);
    expect(rmse(report.items.map((x) => x.estimate!.b), ids.map((id) => (truth.get(id)!.b - 0.5) / 1.3))).toBeLessThan(0.12);
  });

  it('accepts an explicit anchor list and mean–sigma', () => {
    const anchors = bank.items.slice(0, 10).map((item) => item.id);
    const { report } = calibrateItemBank(answers, { bank, framework, date: '2027-03-15', anchors, linking: 'mean-sigma' });
    expect(report.dimensions[0]!.linking.anchors).toBe(10);
    expect(Math.abs(report.dimensions[0]!.linking.A - 1.3)).toBeLessThan(0.2);
    expect(Math.abs(report.dimensions[0]!.linking.B - 0.5)).toBeLessThan(0.15);
  });
});
