import { logProbabilityTables } from './e-step.js';
import type { MantelHaenszelStratum } from './mantel-haenszel.js';
import type { Quadrature } from './quadrature.js';
import type { DimensionData } from './response-data.js';

/** Parameters of the items of one dimension (calibration scale). @internal */
export interface DimensionItems {
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
}

/**
 * How well an item's answers agree with the model, from each agent's other answers. For each
 * answer x to the item, P̄ is its posterior predictive probability given the agent's *other*
 * answers (leave-one-out posterior of θ on the quadrature nodes): under the model, x given the
 * other answers is exactly Bernoulli(P̄), so the mean squares below have expectation 1 whatever
 * the test length — which matters on short adaptive tests, where residuals at a point estimate
 * of θ are biased by its shrinkage.
 */
export interface ItemFit {
  /** Number of answers. */
  n: number;
  /** Share of correct answers. */
  proportionCorrect: number;
  /** Information-weighted mean square Σ (x − P̄)² / Σ P̄(1 − P̄) (Wright & Masters 1982); 1 under the model. */
  infit: number;
  /** Unweighted mean square, mean of (x − P̄)² / (P̄(1 − P̄)), sensitive to unexpected answers far from the item; 1 under the model. */
  outfit: number;
  /** Infit standardised with its exact variance under the model, Σ P̄(1 − P̄)(1 − 2P̄)² (≈ N(0, 1)). */
  infitZ: number;
  /** Outfit standardised with its exact variance, Σ (1 − 2P̄)² / (P̄(1 − P̄)) (≈ N(0, 1)). */
  outfitZ: number;
  /**
   * Correlation between the answer and the agent's ability estimated from the other answers
   * (leave-one-out EAP): the adaptive-test counterpart of the item–rest correlation. Positive for
   * a working item (small on adaptive data, where every agent gets items near their level);
   * negative when stronger agents fail the item more often (a wrong key, a trick question).
   */
  discriminationIndex: number;
}

/** The ability distribution of a group of agents on the calibration scale, from their posteriors. */
export interface GroupAbility {
  /** Number of agents. */
  n: number;
  /** Mean of the agents' EAP estimates. */
  mean: number;
  /** √(variance of the EAP + mean posterior variance): the group's ability SD (law of total variance). */
  sd: number;
}

/**
 * Item fit (see {@link ItemFit}) of every item of a dimension, and the ability distribution of each
 * group (index in `data.group`, `groups` of them) from the agents' posteriors. One pass over the
 * response patterns. @internal
 */
export function itemFit(data: DimensionData, quadrature: Quadrature, items: DimensionItems, groups: number): { fit: ItemFit[]; groups: GroupAbility[] } {
  const { theta, logWeight } = quadrature;
  const Q = theta.length;
  const I = items.b.length;
  const logP = new Float64Array(I * Q);
  const logQ = new Float64Array(I * Q);
  logProbabilityTables(quadrature, items.a, items.b, items.c, items.d, logP, logQ);
  const p = logP.map(Math.exp);
  const sums = Array.from({ length: I }, () => new Float64Array(11));
  const groupSums = Array.from({ length: groups }, () => new Float64Array(4));
  const logPosterior = new Float64Array(Q);
  const loo = new Float64Array(Q);
  for (let j = 0; j < data.patterns; j++) {
    const from = data.start[j]!;
    const to = data.start[j + 1]!;
    const n = data.weight[j]!;
    logPosterior.set(logWeight);
    for (let k = from; k < to; k++) {
      const table = data.correct[k] === 1 ? logP : logQ;
      const offset = data.item[k]! * Q;
      for (let q = 0; q < Q; q++) logPosterior[q]! += table[offset + q]!;
    }
    const g = data.group[j]!;
    if (g >= 0 && g < groups) {
      const { mean, variance } = moments(logPosterior, theta, loo);
      const s = groupSums[g]!;
      s[0]! += n;
      s[1]! += n * mean;
      s[2]! += n * mean * mean;
      s[3]! += n * variance;
    }
    for (let k = from; k < to; k++) {
      const i = data.item[k]!;
      const x = data.correct[k]!;
      const table = x === 1 ? logP : logQ;
      const offset = i * Q;
      let top = Number.NEGATIVE_INFINITY;
      for (let q = 0; q < Q; q++) {
        const value = logPosterior[q]! - table[offset + q]!;
        loo[q] = value;
        if (value > top) top = value;
      }
      let w0 = 0;
      let wP = 0;
      let wT = 0;
      for (let q = 0; q < Q; q++) {
        const w = Math.exp(loo[q]! - top);
        w0 += w;
        wP += w * p[offset + q]!;
        wT += w * theta[q]!;
      }
      const predicted = Math.min(1 - 1e-12, Math.max(1e-12, wP / w0));
      const ability = wT / w0;
      const variance = predicted * (1 - predicted);
      const residual2 = (x - predicted) ** 2;
      const s = sums[i]!;
      s[0]! += n;
      s[1]! += n * x;
      s[2]! += n * residual2;
      s[3]! += n * variance;
      s[4]! += (n * residual2) / variance;
      s[5]! += n * variance * (1 - 2 * predicted) ** 2;
      s[6]! += (n * (1 - 2 * predicted) ** 2) / variance;
      s[7]! += n * ability;
      s[8]! += n * ability * ability;
      s[9]! += n * x * ability;
      s[10]! += n * x * x;
    }
  }
  const fit = sums.map((s): ItemFit => {
    const n = s[0]!;
    const meanX = s[1]! / n;
    const meanT = s[7]! / n;
    const covariance = s[9]! / n - meanX * meanT;
    const varX = s[10]! / n - meanX * meanX;
    const varT = s[8]! / n - meanT * meanT;
    return {
      n,
      proportionCorrect: meanX,
      infit: s[2]! / s[3]!,
      outfit: s[4]! / n,
      infitZ: s[5]! > 0 ? (s[2]! - s[3]!) / Math.sqrt(s[5]!) : 0,
      outfitZ: s[6]! > 0 ? (s[4]! - n) / Math.sqrt(s[6]!) : 0,
      discriminationIndex: varX > 0 && varT > 0 ? covariance / Math.sqrt(varX * varT) : 0,
    };
  });
  const groupAbilities = groupSums.map((s): GroupAbility => {
    const n = s[0]!;
    const mean = n > 0 ? s[1]! / n : 0;
    const variance = n > 0 ? s[2]! / n - mean * mean + s[3]! / n : 1;
    return { n, mean, sd: Math.sqrt(Math.max(variance, 1e-6)) };
  });
  return { fit, groups: groupAbilities };
}

/** Lower edges of the ability strata of the DIF analysis (bands of 0.5 on the calibration scale, open-ended at ±3). */
export const DIF_STRATA_EDGES: readonly number[] = Object.freeze([-2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3]);

/**
 * Mantel–Haenszel strata of every item of a dimension between a reference and a focal group
 * (indices in `data.group`). The matching variable is the agent's ability estimated from their
 * *other* answers (leave-one-out EAP, as a total score excluding the item would be on a fixed
 * form), computed under their own group's ability distribution: an EAP under a common prior is
 * pulled toward the overall mean, which would make a lower-scoring group look disadvantaged by
 * every item (the regression correction of CATSIB, Nandakumar & Roussos 2004). @internal
 */
export function difStrata(
  data: DimensionData,
  quadrature: Quadrature,
  items: DimensionItems,
  reference: number,
  focal: number,
  populations: readonly [GroupAbility, GroupAbility],
): MantelHaenszelStratum[][] {
  const { theta } = quadrature;
  const Q = theta.length;
  const I = items.b.length;
  const logP = new Float64Array(I * Q);
  const logQ = new Float64Array(I * Q);
  logProbabilityTables(quadrature, items.a, items.b, items.c, items.d, logP, logQ);
  const strata = Array.from({ length: I }, () =>
    Array.from({ length: DIF_STRATA_EDGES.length + 1 }, () => ({ referenceCorrect: 0, referenceIncorrect: 0, focalCorrect: 0, focalIncorrect: 0 })),
  );
  const logPrior = populations.map(({ mean, sd }) => Float64Array.from(theta, (t) => -0.5 * ((t - mean) / sd) ** 2));
  const logPosterior = new Float64Array(Q);
  for (let j = 0; j < data.patterns; j++) {
    const g = data.group[j]!;
    if (g !== reference && g !== focal) continue;
    const from = data.start[j]!;
    const to = data.start[j + 1]!;
    const n = data.weight[j]!;
    logPosterior.set(logPrior[g === reference ? 0 : 1]!);
    for (let k = from; k < to; k++) {
      const table = data.correct[k] === 1 ? logP : logQ;
      const offset = data.item[k]! * Q;
      for (let q = 0; q < Q; q++) logPosterior[q]! += table[offset + q]!;
    }
    for (let k = from; k < to; k++) {
      const i = data.item[k]!;
      const x = data.correct[k]!;
      const table = x === 1 ? logP : logQ;
      const offset = i * Q;
      let top = Number.NEGATIVE_INFINITY;
      for (let q = 0; q < Q; q++) top = Math.max(top, logPosterior[q]! - table[offset + q]!);
      let w0 = 0;
      let wT = 0;
      for (let q = 0; q < Q; q++) {
        const w = Math.exp(logPosterior[q]! - table[offset + q]! - top);
        w0 += w;
        wT += w * theta[q]!;
      }
      const ability = wT / w0;
      let stratum = 0;
      while (stratum < DIF_STRATA_EDGES.length && ability >= DIF_STRATA_EDGES[stratum]!) stratum++;
      const cell = strata[i]![stratum]!;
      if (g === reference) {
        if (x === 1) cell.referenceCorrect += n;
        else cell.referenceIncorrect += n;
      } else if (x === 1) cell.focalCorrect += n;
      else cell.focalIncorrect += n;
    }
  }
  return strata;
}

/** Posterior mean and variance from a log posterior on the nodes (uses `scratch`). */
function moments(logPosterior: Float64Array, theta: Float64Array, scratch: Float64Array): { mean: number; variance: number } {
  let top = Number.NEGATIVE_INFINITY;
  for (let q = 0; q < theta.length; q++) top = Math.max(top, logPosterior[q]!);
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let q = 0; q < theta.length; q++) {
    const w = Math.exp(logPosterior[q]! - top);
    scratch[q] = w;
    w0 += w;
    w1 += w * theta[q]!;
    w2 += w * theta[q]! * theta[q]!;
  }
  const mean = w1 / w0;
  return { mean, variance: Math.max(0, w2 / w0 - mean * mean) };
}
