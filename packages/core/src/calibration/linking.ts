import { describeValue } from '../irt/describe-value.js';
import type { ItemParams } from '../irt/item-params.js';
import { logistic, probability } from '../irt/probability.js';
import { normalQuadrature, type Quadrature } from './quadrature.js';

/** How a calibration is put on the scale of the previous bank. */
export type LinkingMethod = 'stocking-lord' | 'mean-sigma' | 'none';

/**
 * The linear map from the calibration scale to the previous scale, θ_old = A θ_new + B: item
 * parameters become a / A and A b + B, and the calibration population N(0, 1) becomes N(B, A²).
 */
export interface LinkingConstants {
  method: LinkingMethod;
  /** Slope A (> 0). */
  A: number;
  /** Intercept B. */
  B: number;
  /** Number of anchor items used. */
  anchors: number;
  /** Stocking–Lord only: the weighted mean squared difference of the test characteristic curves at the solution. */
  criterion?: number;
}

/** An anchor item: its parameters in the previous bank, and as just estimated on the calibration scale. */
export interface LinkingAnchor {
  previous: ItemParams;
  estimate: ItemParams;
}

/** The identity link (no anchors, or linking turned off). */
export function identityLink(method: LinkingMethod = 'none', anchors = 0): LinkingConstants {
  return { method, A: 1, B: 0, anchors };
}

/** An item's parameters moved from the calibration scale to the previous scale (a / A, A b + B; c, d unchanged). */
export function linkItem<T extends ItemParams>(item: T, link: Pick<LinkingConstants, 'A' | 'B'>): T {
  return { ...item, a: item.a / link.A, b: link.A * item.b + link.B };
}

/**
 * Linking constants from anchor items (Kolen & Brennan 2014, ch. 6):
 *
 * - **mean–sigma**: A = sd(b_old) / sd(b_new), B = mean(b_old) − A · mean(b_new) (with one anchor,
 *   or equal new b, A = 1: a shift only);
 * - **Stocking–Lord** (default): (A, B) minimising Σ_q w_q [Σ_i P_i^old(A θ_q + B) − Σ_i P_i^new(θ_q)]²,
 *   the squared gap between the anchors' test characteristic curves weighted by the calibration
 *   population N(0, 1) (quadrature nodes and weights), by Levenberg–Marquardt from the mean–sigma
 *   solution. It uses a and b together and is less sensitive than mean–sigma to one poorly
 *   estimated difficulty.
 *
 * When the new parameters are an exact linear transform of the old ones, both methods recover it.
 *
 * @throws RangeError for an unknown method.
 */
export function linkingConstants(anchors: readonly LinkingAnchor[], method: LinkingMethod = 'stocking-lord', quadrature: Quadrature = normalQuadrature()): LinkingConstants {
  if (method !== 'stocking-lord' && method !== 'mean-sigma' && method !== 'none') {
    throw new RangeError(`Expected linking 'stocking-lord', 'mean-sigma' or 'none', received ${describeValue(method)}`);
  }
  if (method === 'none' || anchors.length === 0) return identityLink(method, anchors.length);
  const meanSigma = meanSigmaLink(anchors);
  if (method === 'mean-sigma') return { method, ...meanSigma, anchors: anchors.length };
  return { method, ...stockingLord(anchors, meanSigma, quadrature), anchors: anchors.length };
}

function meanSigmaLink(anchors: readonly LinkingAnchor[]): { A: number; B: number } {
  const n = anchors.length;
  const meanOld = anchors.reduce((s, x) => s + x.previous.b, 0) / n;
  const meanNew = anchors.reduce((s, x) => s + x.estimate.b, 0) / n;
  const sdOld = Math.sqrt(anchors.reduce((s, x) => s + (x.previous.b - meanOld) ** 2, 0) / n);
  const sdNew = Math.sqrt(anchors.reduce((s, x) => s + (x.estimate.b - meanNew) ** 2, 0) / n);
  const A = sdOld > 0 && sdNew > 0 ? sdOld / sdNew : 1;
  return { A, B: meanOld - A * meanNew };
}

function stockingLord(anchors: readonly LinkingAnchor[], start: { A: number; B: number }, quadrature: Quadrature): { A: number; B: number; criterion: number } {
  const { theta, weight } = quadrature;
  const Q = theta.length;
  const target = new Float64Array(Q);
  for (let q = 0; q < Q; q++) for (const anchor of anchors) target[q]! += probability(theta[q]!, anchor.estimate);
  const evaluate = (A: number, B: number, gradient?: Float64Array): number => {
    let value = 0;
    let jAA = 0;
    let jAB = 0;
    let jBB = 0;
    let gA = 0;
    let gB = 0;
    for (let q = 0; q < Q; q++) {
      const point = A * theta[q]! + B;
      let tcc = 0;
      let slope = 0;
      for (const { previous } of anchors) {
        tcc += probability(point, previous);
        const c = previous.c ?? 0;
        const d = previous.d ?? 1;
        const z = previous.a * (point - previous.b);
        slope += previous.a * (d - c) * logistic(z) * logistic(-z);
      }
      const residual = tcc - target[q]!;
      const w = weight[q]!;
      value += w * residual * residual;
      if (gradient) {
        const dA = slope * theta[q]!;
        const dB = slope;
        gA += w * residual * dA;
        gB += w * residual * dB;
        jAA += w * dA * dA;
        jAB += w * dA * dB;
        jBB += w * dB * dB;
      }
    }
    if (gradient) gradient.set([gA, gB, jAA, jAB, jBB]);
    return value;
  };
  let A = start.A > 0 && Number.isFinite(start.A) ? start.A : 1;
  let B = Number.isFinite(start.B) ? start.B : 0;
  const g = new Float64Array(5);
  let current = evaluate(A, B, g);
  let lambda = 1e-3;
  for (let iteration = 0; iteration < 500 && current > 0; iteration++) {
    const gA = g[0]!;
    const gB = g[1]!;
    const jAA = g[2]!;
    const jAB = g[3]!;
    const jBB = g[4]!;
    const mAA = jAA * (1 + lambda);
    const mBB = jBB * (1 + lambda);
    const det = mAA * mBB - jAB * jAB;
    if (!(det > 0)) break;
    const stepA = -(mBB * gA - jAB * gB) / det;
    const stepB = -(mAA * gB - jAB * gA) / det;
    const nextA = A + stepA;
    const nextB = B + stepB;
    const value = nextA > 0 ? evaluate(nextA, nextB) : Number.POSITIVE_INFINITY;
    if (value <= current) {
      A = nextA;
      B = nextB;
      const improvement = current - value;
      current = evaluate(A, B, g);
      lambda = Math.max(lambda / 10, 1e-12);
      if (Math.max(Math.abs(stepA), Math.abs(stepB)) < 1e-12 || improvement <= 1e-16 * Math.max(current, 1e-300)) break;
    } else {
      lambda *= 10;
      if (lambda > 1e12) break;
    }
  }
  return { A, B, criterion: current };
}
