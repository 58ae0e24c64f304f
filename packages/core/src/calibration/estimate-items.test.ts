import { describe, expect, it } from 'vitest';
import { rmse, simulateAnswers, type SimulatedItem } from '../../test/fixtures/calibration/simulate-answers.js';
import { gaussian } from '../cat/simulate.js';
import type { ItemParams } from '../irt/item-params.js';
import { probability } from '../irt/probability.js';
import { createRandom } from '../random.js';
import type { AnswerRecord } from './answer-record.js';
import { createAnswerCollector } from './answer-collector.js';
import { estimateItemParameters } from './estimate-items.js';
import { dimensionData, dimensionDataFromMatrix, type DimensionData } from './response-data.js';

/** The DimensionData of answer records on items `ids` (all of them, in that order). */
function toDimension(records: readonly AnswerRecord[], ids: readonly string[]): DimensionData {
  const collector = createAnswerCollector(ids);
  records.forEach((record, n) => collector.addRecord(record, `records[${n}]`));
  return dimensionData(collector.finish(), ids.map((_, i) => i));
}

/** Rows of a pattern table: each pattern repeated `count` times. */
function rowsOf(patterns: readonly [string, number][]): (0 | 1)[][] {
  return patterns.flatMap(([pattern, count]) => Array.from({ length: count }, () => [...pattern].map((x) => (x === '1' ? 1 : 0))));
}

/**
 * Marginal log-likelihood by fine trapezoid integration over θ ∈ [−10, 10] (801 nodes), with the
 * N(0, 1) density: independent of the calibration's 49-node grid.
 */
function marginalLogLikelihood(rows: readonly (readonly (0 | 1 | null)[])[], items: readonly ItemParams[]): number {
  const nodes = 801;
  const step = 20 / (nodes - 1);
  const patterns = new Map<string, { row: readonly (0 | 1 | null)[]; count: number }>();
  for (const row of rows) {
    const key = row.join(',');
    const known = patterns.get(key);
    if (known) known.count++;
    else patterns.set(key, { row, count: 1 });
  }
  const theta = Array.from({ length: nodes }, (_, k) => -10 + k * step);
  const density = theta.map((t, k) => ((k === 0 || k === nodes - 1 ? 0.5 : 1) * step * Math.exp(-0.5 * t * t)) / Math.sqrt(2 * Math.PI));
  const p = items.map((item) => theta.map((t) => probability(t, item)));
  let total = 0;
  for (const { row, count } of patterns.values()) {
    let integral = 0;
    for (let k = 0; k < nodes; k++) {
      let value = density[k]!;
      for (let i = 0; i < row.length; i++) {
        const x = row[i];
        if (x === 1) value *= p[i]![k]!;
        else if (x === 0) value *= 1 - p[i]![k]!;
      }
      integral += value;
    }
    total += count * Math.log(integral);
  }
  return total;
}

describe('estimateItemParameters — a tiny Rasch data set checked by brute force', () => {
  // Three items, 86 agents, a = 1 fixed, no priors. The table is symmetric under "reverse the
  // items and swap right and wrong", so the MML solution has b₂ = 0 and b₃ = −b₁ exactly.
  const patterns: [string, number][] = [
    ['000', 10], ['111', 10], ['100', 20], ['110', 20], ['010', 8], ['101', 8], ['001', 5], ['011', 5],
  ];
  const rows = rowsOf(patterns);
  const estimates = estimateItemParameters(dimensionDataFromMatrix(rows), { model: 'rasch', raschA: 1, priorB: null, tolerance: 1e-9 });

  it('has the symmetry of the data: b₂ = 0 and b₁ = −b₃', () => {
    expect(estimates.convergence.converged).toBe(true);
    expect(Math.abs(estimates.b[1]!)).toBeLessThan(1e-7);
    expect(Math.abs(estimates.b[0]! + estimates.b[2]!)).toBeLessThan(1e-7);
    expect(estimates.b[0]!).toBeLessThan(-0.5); // item 1 is the easiest
    expect([...estimates.a]).toEqual([1, 1, 1]);
  });

  it('is the maximiser of the marginal likelihood found by a zooming grid search (step down to 0.0005)', () => {
    let best = [0, 0, 0];
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const step of [0.5, 0.125, 0.03125, 0.0078125, 0.001953125, 0.00048828125]) {
      const centre = best;
      for (let i = -4; i <= 4; i++) {
        for (let j = -4; j <= 4; j++) {
          for (let k = -4; k <= 4; k++) {
            const b = [centre[0]! + i * step, centre[1]! + j * step, centre[2]! + k * step];
            const value = marginalLogLikelihood(rows, b.map((x) => ({ a: 1, b: x })));
            if (value > bestValue) {
              bestValue = value;
              best = b;
            }
          }
        }
      }
    }
    for (let i = 0; i < 3; i++) expect(Math.abs(estimates.b[i]! - best[i]!), `b${i + 1}`).toBeLessThan(5e-4);
    // The brute-force optimum is b = (−0.8654, 0, 0.8654) to the grid's precision: a guard on the numbers themselves.
    expect(Math.abs(best[0]! + 0.8654)).toBeLessThan(5e-4);
    expect(estimates.b[0]).toBeCloseTo(-0.865406, 6);
    const atEstimates = marginalLogLikelihood(rows, [...estimates.b].map((b) => ({ a: 1, b })));
    expect(atEstimates).toBeGreaterThanOrEqual(bestValue - 1e-6);
    expect(Math.abs(estimates.convergence.logLikelihood - atEstimates)).toBeLessThan(1e-5);
  });

  it('reports SE(b) = 1 / √(−∂²ℓ/∂b²) of the marginal likelihood (finite differences, other items fixed)', () => {
    for (let i = 0; i < 3; i++) {
      const h = 1e-3;
      const at = (delta: number) => marginalLogLikelihood(rows, [...estimates.b].map((b, k) => ({ a: 1, b: k === i ? b + delta : b })));
      const second = (at(h) - 2 * at(0) + at(-h)) / (h * h);
      expect(Math.abs(estimates.seB[i]! * Math.sqrt(-second) - 1), `item ${i + 1}`).toBeLessThan(1e-3);
    }
    expect(Number.isNaN(estimates.seA[0]!)).toBe(true); // a is fixed
  });
});

describe('estimateItemParameters — 2PL stationarity and standard errors', () => {
  const random = createRandom(11);
  const truth = [0.8, 1.2, 1.6, 1.0, 2.0].map((a, i) => ({ a, b: -1.5 + 0.75 * i }));
  const rows = Array.from({ length: 400 }, () => {
    const theta = gaussian(random);
    return truth.map((item) => (random() < probability(theta, item) ? 1 : 0) as 0 | 1);
  });
  const data = dimensionDataFromMatrix(rows);
  const estimates = estimateItemParameters(data, { tolerance: 1e-10, start: truth.map(() => ({ a: 1.2, b: 0 })) });
  const logPosterior = (alpha: number[], b: number[]): number =>
    marginalLogLikelihood(rows, alpha.map((x, i) => ({ a: Math.exp(x), b: b[i]! }))) +
    alpha.reduce((s, x) => s - 0.5 * ((x - Math.log(1.2)) / 0.5) ** 2, 0) +
    b.reduce((s, x) => s - 0.5 * (x / 2) ** 2, 0); // default priors: start b = 0, sd 2
  const alpha = [...estimates.a].map(Math.log);
  const b = [...estimates.b];

  it('zeroes the gradient of the log posterior computed independently (priors b ~ N(0, 2²), log a ~ N(log 1.2, 0.5²))', () => {
    const h = 1e-5;
    const gradient = (x: number[], y: number[]): number[] => {
      const out: number[] = [];
      for (let i = 0; i < 5; i++) {
        const up = [...x];
        const down = [...x];
        up[i]! += h;
        down[i]! -= h;
        out.push((logPosterior(up, y) - logPosterior(down, y)) / (2 * h));
        const right = [...y];
        const left = [...y];
        right[i]! += h;
        left[i]! -= h;
        out.push((logPosterior(x, right) - logPosterior(x, left)) / (2 * h));
      }
      return out;
    };
    const atEstimates = gradient(alpha, b);
    for (const g of atEstimates) expect(Math.abs(g)).toBeLessThan(2e-3);
    // Control: 0.05 away from the solution the gradient is clearly not zero.
    const moved = gradient(alpha, b.map((x, i) => (i === 2 ? x + 0.05 : x)));
    expect(Math.max(...moved.map(Math.abs))).toBeGreaterThan(0.5);
  });

  it('gives SE(a), SE(b) from the observed information of each item (Louis), within 1 % of finite differences', () => {
    const h = 1e-3;
    for (let i = 0; i < 5; i++) {
      const f = (dA: number, dB: number) =>
        logPosterior(alpha.map((x, k) => (k === i ? x + dA : x)), b.map((x, k) => (k === i ? x + dB : x)));
      const f0 = f(0, 0);
      const hAA = (f(h, 0) - 2 * f0 + f(-h, 0)) / (h * h);
      const hBB = (f(0, h) - 2 * f0 + f(0, -h)) / (h * h);
      const hAB = (f(h, h) - f(h, -h) - f(-h, h) + f(-h, -h)) / (4 * h * h);
      const det = hAA * hBB - hAB * hAB;
      const seAlpha = Math.sqrt(-hBB / det);
      const seB = Math.sqrt(-hAA / det);
      expect(Math.abs(estimates.seB[i]! / seB - 1), `SE(b) item ${i}`).toBeLessThan(0.01);
      expect(Math.abs(estimates.seA[i]! / (estimates.a[i]! * seAlpha) - 1), `SE(a) item ${i}`).toBeLessThan(0.01);
    }
  });

  it('reaches the same solution with plain EM, in more steps', () => {
    const plain = estimateItemParameters(data, { tolerance: 1e-10, acceleration: 'none', start: truth.map(() => ({ a: 1.2, b: 0 })), maxIterations: 5000 });
    expect(plain.convergence.converged).toBe(true);
    for (let i = 0; i < 5; i++) expect(Math.abs(plain.b[i]! - estimates.b[i]!)).toBeLessThan(1e-6);
    expect(plain.convergence.iterations).toBeGreaterThan(estimates.convergence.iterations);
  });

  it('reports non-convergence when the iteration limit is reached', () => {
    const short = estimateItemParameters(data, { maxIterations: 2, start: truth.map(() => ({ a: 1.2, b: 0 })) });
    expect(short.convergence.converged).toBe(false);
    expect(short.convergence.iterations).toBe(2);
    expect(short.convergence.maxChange).toBeGreaterThan(1e-4);
  });
});

describe('estimateItemParameters — parameter recovery on seeded simulated data', () => {
  const random = createRandom(2024);
  const items: SimulatedItem[] = Array.from({ length: 40 }, (_, i) => {
    const irt = { a: 1.2 * Math.exp(0.3 * gaussian(random)), b: 1.2 * gaussian(random) };
    return { id: `q${i}`, irt, selectWith: { a: 1.2, b: irt.b + 0.4 * gaussian(random) } };
  });
  const ids = items.map((item) => item.id);
  const trueA = items.map((item) => item.irt.a);
  const trueB = items.map((item) => item.irt.b);
  const rms = (values: ArrayLike<number>) => Math.sqrt(Array.from(values).reduce((s, x) => s + x * x, 0) / values.length);

  it('recovers 2PL a and b from sparse random designs (3,000 agents × 12 of 40 items), with honest SEs', () => {
    const { records } = simulateAnswers({ items, agents: 3000, seed: 1, testLength: 12, design: 'random' });
    const estimates = estimateItemParameters(toDimension(records, ids), { start: items.map((item) => item.selectWith!) });
    expect(estimates.convergence.converged).toBe(true);
    const errorB = rmse(estimates.b, trueB);
    const errorA = rmse(estimates.a, trueA);
    // Extreme items (|b| up to 3, few agents near them) dominate these RMSEs; the priors are at 0.4.
    expect(errorB).toBeLessThan(0.16);
    expect(errorA).toBeLessThan(0.2);
    // The reported SEs match the actual errors (ratio 1 ± 0.4 over 40 items).
    expect(errorB / rms(estimates.seB)).toBeGreaterThan(0.6);
    expect(errorB / rms(estimates.seB)).toBeLessThan(1.4);
    expect(errorA / rms(estimates.seA)).toBeGreaterThan(0.6);
    expect(errorA / rms(estimates.seA)).toBeLessThan(1.4);
  });

  it('recovers them from adaptive tests that select with the (wrong) prior parameters (3,000 agents × 12 items)', () => {
    const { records } = simulateAnswers({ items, agents: 3000, seed: 2, testLength: 12, design: 'adaptive' });
    const data = toDimension(records, ids);
    const estimates = estimateItemParameters(data, { start: items.map((item) => item.selectWith!) });
    expect(estimates.convergence.converged).toBe(true);
    expect(rmse(estimates.b, trueB)).toBeLessThan(0.18);
    expect(rmse(estimates.a, trueA)).toBeLessThan(0.25);
    // Better than the priors the test selected with.
    expect(rmse(estimates.b, trueB)).toBeLessThan(0.5 * rmse(items.map((item) => item.selectWith!.b), trueB));
  });

  it('recovers the Rasch common a and the difficulties', () => {
    const rasch = items.map((item) => ({ ...item, irt: { a: 1.3, b: item.irt.b } }));
    const { records } = simulateAnswers({ items: rasch, agents: 3000, seed: 3, testLength: 12, design: 'random' });
    const estimates = estimateItemParameters(toDimension(records, ids), { model: 'rasch' });
    expect(Math.abs(estimates.a[0]! - 1.3)).toBeLessThan(0.06);
    expect(new Set(estimates.a).size).toBe(1);
    expect(rmse(estimates.b, trueB)).toBeLessThan(0.1);
    expect(Math.abs(estimates.a[0]! - 1.3)).toBeLessThan(3 * estimates.seA[0]!);
  });
});

describe('estimateItemParameters — options', () => {
  const data = dimensionDataFromMatrix([[1, 0], [0, 1], [1, 1]]);
  it('rejects invalid options with what was expected and received', () => {
    expect(() => estimateItemParameters(data, { tolerance: 0 })).toThrow(new RangeError('Expected tolerance > 0, received 0'));
    expect(() => estimateItemParameters(data, { start: [{ a: 1, b: 0 }] })).toThrow(new RangeError('Expected 2 starting values (one per item), received 1'));
    expect(() => estimateItemParameters(data, { model: 'rasch', raschA: -1 })).toThrow(new RangeError('Expected raschA > 0, received -1'));
    expect(() => estimateItemParameters(data, { model: '3pl' as never })).toThrow(new RangeError(`Expected model 'rasch' or '2pl', received "3pl"`));
  });

  it('keeps c and d fixed at their starting values', () => {
    const fitted = estimateItemParameters(data, { start: [{ a: 1, b: 0, c: 0.2 }, { a: 1, b: 0, d: 0.9 }] });
    expect([...fitted.c]).toEqual([0.2, 0]);
    expect([...fitted.d]).toEqual([1, 0.9]);
  });
});
