import { logProbability } from '../irt/probability.js';
import type { Quadrature } from './quadrature.js';
import type { DimensionData } from './response-data.js';

/**
 * Tables of log P(θ_q) and log(1 − P(θ_q)) for every item and node (`[i·Q + q]`), so the E step
 * adds instead of calling exp/log per answer. @internal
 */
export function logProbabilityTables(
  quadrature: Quadrature,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  d: Float64Array,
  logP: Float64Array,
  logQ: Float64Array,
): void {
  const { theta } = quadrature;
  const Q = theta.length;
  for (let i = 0; i < b.length; i++) {
    const item = { a: a[i]!, b: b[i]!, c: c[i]!, d: d[i]! };
    for (let q = 0; q < Q; q++) {
      logP[i * Q + q] = logProbability(theta[q]!, item, true);
      logQ[i * Q + q] = logProbability(theta[q]!, item, false);
    }
  }
}

/**
 * The E step of Bock & Aitkin (1981): for every response pattern, the posterior of θ over the
 * nodes, L(x | θ_q) w_q / Σ L w; the expected numbers of correct (`r1`) and incorrect (`r0`)
 * answers to each item at each node are accumulated (weighted by the pattern's count). Returns
 * the marginal log-likelihood Σ_j n_j log Σ_q w_q L(x_j | θ_q) of the current parameters.
 * @internal
 */
export function expectationStep(
  data: DimensionData,
  quadrature: Quadrature,
  logP: Float64Array,
  logQ: Float64Array,
  r1: Float64Array,
  r0: Float64Array,
): number {
  const { logWeight } = quadrature;
  const Q = logWeight.length;
  const { start, item, correct, weight } = data;
  r1.fill(0);
  r0.fill(0);
  const posterior = new Float64Array(Q);
  let total = 0;
  for (let j = 0; j < data.patterns; j++) {
    posterior.set(logWeight);
    const from = start[j]!;
    const to = start[j + 1]!;
    for (let k = from; k < to; k++) {
      const table = correct[k] === 1 ? logP : logQ;
      const offset = item[k]! * Q;
      for (let q = 0; q < Q; q++) posterior[q]! += table[offset + q]!;
    }
    let top = Number.NEGATIVE_INFINITY;
    for (let q = 0; q < Q; q++) if (posterior[q]! > top) top = posterior[q]!;
    let sum = 0;
    for (let q = 0; q < Q; q++) {
      const value = Math.exp(posterior[q]! - top);
      posterior[q] = value;
      sum += value;
    }
    const n = weight[j]!;
    total += n * (top + Math.log(sum));
    const scale = n / sum;
    for (let q = 0; q < Q; q++) posterior[q]! *= scale;
    for (let k = from; k < to; k++) {
      const counts = correct[k] === 1 ? r1 : r0;
      const offset = item[k]! * Q;
      for (let q = 0; q < Q; q++) counts[offset + q]! += posterior[q]!;
    }
  }
  return total;
}
