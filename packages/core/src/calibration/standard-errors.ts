import { logitDerivatives } from './item-derivatives.js';
import type { Normal } from './m-step.js';
import type { Quadrature } from './quadrature.js';
import type { DimensionData } from './response-data.js';
import { logProbabilityTables } from './e-step.js';

/** Parameters at convergence and what the model fixed. @internal */
export interface FittedItems {
  model: 'rasch' | '2pl';
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
  priorB: Normal[];
  priorLogA: Normal;
  /** Rasch with a given a: a is not estimated. */
  fixedA: boolean;
}

/** Standard errors of the item parameters, and the marginal log-likelihood at the estimates. @internal */
export interface StandardErrors {
  seA: Float64Array;
  seB: Float64Array;
  logLikelihood: number;
}

/**
 * Standard errors from the observed information of the marginal log posterior, by Louis' (1982)
 * identity, one item at a time: I = Σ_j ( E_j[−∂²ℓ_ij] − Var_j[∂ℓ_ij] ) + prior precision, where
 * E_j and Var_j are over agent j's posterior of θ on the quadrature nodes and ℓ_ij is the
 * log-likelihood of j's answer to item i. For the 2PL the block is (log a_i, b_i), inverted as a
 * 2 × 2 matrix (SE(a) = a · SE(log a), delta method); for the Rasch model the information is
 * taken arrow-shaped: the common log a row (with the covariance of each agent's total score) and
 * one b_i per item (covariances between two items' b through the agents they share are left out),
 * inverted exactly. The other items' parameters are
 * treated as known, as usual for per-item SEs of an EM calibration.
 * @internal
 */
export function itemStandardErrors(data: DimensionData, quadrature: Quadrature, fitted: FittedItems): StandardErrors {
  const { a, b, c, d, priorB, priorLogA, model, fixedA } = fitted;
  const { theta, logWeight } = quadrature;
  const Q = theta.length;
  const I = b.length;
  const logP = new Float64Array(I * Q);
  const logQ = new Float64Array(I * Q);
  logProbabilityTables(quadrature, a, b, c, d, logP, logQ);
  // Per item and node: z, and ℓ′, ℓ″ for a correct (1) and an incorrect (0) answer.
  const zTable = new Float64Array(I * Q);
  const l1Correct = new Float64Array(I * Q);
  const l2Correct = new Float64Array(I * Q);
  const l1Wrong = new Float64Array(I * Q);
  const l2Wrong = new Float64Array(I * Q);
  const out = new Float64Array(3);
  for (let i = 0; i < I; i++) {
    for (let q = 0; q < Q; q++) {
      const z = a[i]! * (theta[q]! - b[i]!);
      zTable[i * Q + q] = z;
      logitDerivatives(z, c[i]!, d[i]!, 1, 0, out);
      l1Correct[i * Q + q] = out[0]!;
      l2Correct[i * Q + q] = out[1]!;
      logitDerivatives(z, c[i]!, d[i]!, 0, 1, out);
      l1Wrong[i * Q + q] = out[0]!;
      l2Wrong[i * Q + q] = out[1]!;
    }
  }
  // Information blocks: AA, AB, BB per item (log a, b), plus the common log a of Rasch.
  const infoAA = new Float64Array(I);
  const infoAB = new Float64Array(I);
  const infoBB = new Float64Array(I);
  let commonAA = 0;
  const posterior = new Float64Array(Q);
  const sumScoreA = new Float64Array(Q); // Rasch: Σ_k ∂ℓ_k/∂log a at each node
  const rasch = model === 'rasch';
  let logLikelihood = 0;
  for (let j = 0; j < data.patterns; j++) {
    const from = data.start[j]!;
    const to = data.start[j + 1]!;
    posterior.set(logWeight);
    for (let k = from; k < to; k++) {
      const table = data.correct[k] === 1 ? logP : logQ;
      const offset = data.item[k]! * Q;
      for (let q = 0; q < Q; q++) posterior[q]! += table[offset + q]!;
    }
    let top = Number.NEGATIVE_INFINITY;
    for (let q = 0; q < Q; q++) top = Math.max(top, posterior[q]!);
    let sum = 0;
    for (let q = 0; q < Q; q++) {
      posterior[q] = Math.exp(posterior[q]! - top);
      sum += posterior[q]!;
    }
    for (let q = 0; q < Q; q++) posterior[q]! /= sum;
    const n = data.weight[j]!;
    logLikelihood += n * (top + Math.log(sum));
    const common = rasch && !fixedA;
    let meanS = 0;
    if (common) {
      // The pattern's total score for the common log a at each node (first pass).
      sumScoreA.fill(0);
      for (let k = from; k < to; k++) {
        const l1Table = data.correct[k] === 1 ? l1Correct : l1Wrong;
        const offset = data.item[k]! * Q;
        for (let q = 0; q < Q; q++) sumScoreA[q]! += l1Table[offset + q]! * zTable[offset + q]!;
      }
      for (let q = 0; q < Q; q++) meanS += posterior[q]! * sumScoreA[q]!;
    }
    let expectedMinusHA = 0;
    for (let k = from; k < to; k++) {
      const i = data.item[k]!;
      const ai = a[i]!;
      const right = data.correct[k] === 1;
      const l1Table = right ? l1Correct : l1Wrong;
      const l2Table = right ? l2Correct : l2Wrong;
      const offset = i * Q;
      let eSA = 0;
      let eSB = 0;
      let eSAA = 0;
      let eSAB = 0;
      let eSBB = 0;
      let eHAA = 0;
      let eHAB = 0;
      let eHBB = 0;
      for (let q = 0; q < Q; q++) {
        const p = posterior[q]!;
        const z = zTable[offset + q]!;
        const l1 = l1Table[offset + q]!;
        const l2 = l2Table[offset + q]!;
        const sA = l1 * z;
        const sB = -ai * l1;
        eSA += p * sA;
        eSB += p * sB;
        eSAA += p * sA * sA;
        eSAB += p * (common ? sumScoreA[q]! : sA) * sB;
        eSBB += p * sB * sB;
        eHAA += p * (l2 * z * z + l1 * z);
        eHAB += p * -ai * (l2 * z + l1);
        eHBB += p * ai * ai * l2;
      }
      infoAA[i]! += n * (-eHAA - (eSAA - eSA * eSA));
      infoAB[i]! += n * (-eHAB - (eSAB - (common ? meanS : eSA) * eSB));
      infoBB[i]! += n * (-eHBB - (eSBB - eSB * eSB));
      expectedMinusHA -= eHAA;
    }
    if (common) {
      // The common log a: Var of the pattern's total score, not the sum of per-item variances.
      let square = 0;
      for (let q = 0; q < Q; q++) square += posterior[q]! * sumScoreA[q]! * sumScoreA[q]!;
      commonAA += n * (expectedMinusHA - (square - meanS * meanS));
    }
  }
  const precA = Number.isFinite(priorLogA.sd) ? 1 / priorLogA.sd ** 2 : 0;
  const seA = new Float64Array(I);
  const seB = new Float64Array(I);
  if (!rasch) {
    for (let i = 0; i < I; i++) {
      const pb = priorB[i]!;
      const mAA = infoAA[i]! + precA;
      const mAB = infoAB[i]!;
      const mBB = infoBB[i]! + (Number.isFinite(pb.sd) ? 1 / pb.sd ** 2 : 0);
      const det = mAA * mBB - mAB * mAB;
      seA[i] = det > 0 && mBB > 0 ? a[i]! * Math.sqrt(mBB / det) : Number.NaN;
      seB[i] = det > 0 && mAA > 0 ? Math.sqrt(mAA / det) : Number.NaN;
    }
    return { seA, seB, logLikelihood };
  }
  // Rasch: arrow-shaped information [[s, m_i], [m_i, D_i]]; inverse diagonal by Schur complement.
  const D = new Float64Array(I);
  for (let i = 0; i < I; i++) {
    const pb = priorB[i]!;
    D[i] = infoBB[i]! + (Number.isFinite(pb.sd) ? 1 / pb.sd ** 2 : 0);
  }
  let schur = Number.NaN;
  if (!fixedA) {
    schur = commonAA + precA;
    for (let i = 0; i < I; i++) schur -= (infoAB[i]! * infoAB[i]!) / D[i]!;
  }
  for (let i = 0; i < I; i++) {
    const varB = 1 / D[i]! + (fixedA || !(schur > 0) ? 0 : (infoAB[i]! / D[i]!) ** 2 / schur);
    seB[i] = D[i]! > 0 ? Math.sqrt(varB) : Number.NaN;
    seA[i] = fixedA ? Number.NaN : schur > 0 ? a[i]! / Math.sqrt(schur) : Number.NaN;
  }
  return { seA, seB, logLikelihood };
}
