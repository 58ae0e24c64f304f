import { logProbability } from '../irt/probability.js';
import { logitDerivatives } from './item-derivatives.js';

/** A normal prior N(mean, sd²); `sd = Infinity` means none. @internal */
export interface Normal {
  mean: number;
  sd: number;
}

/**
 * The expected counts of the E step and the fixed parts of the model, shared by the M steps.
 * `r1[i·Q + q]` and `r0[i·Q + q]` are the expected numbers of correct and incorrect answers to
 * item i from agents at node θ_q. @internal
 */
export interface MStepInput {
  theta: Float64Array;
  r1: Float64Array;
  r0: Float64Array;
  c: Float64Array;
  d: Float64Array;
  /** Prior of b per item (means differ, SDs are equal). */
  priorB: Normal[];
  /** Prior of log a (per item for the 2PL, of the common a for Rasch). */
  priorLogA: Normal;
}

const derivatives = new Float64Array(3);
const MAX_NEWTON = 50;
const STEP_TOLERANCE = 1e-10;
/** Largest Newton step (a longer one is shortened): log a by 1, b by 2. */
const MAX_STEP_LOG_A = 1;
const MAX_STEP_B = 2;

/** Expected complete-data log-likelihood of item i at (a, b), plus the log prior of b. @internal */
export function itemObjective(input: MStepInput, i: number, a: number, b: number): number {
  const { theta, r1, r0, c, d, priorB } = input;
  const Q = theta.length;
  const item = { a, b, c: c[i]!, d: d[i]! };
  let value = 0;
  for (let q = 0; q < Q; q++) {
    const n1 = r1[i * Q + q]!;
    const n0 = r0[i * Q + q]!;
    if (n1 > 0) value += n1 * logProbability(theta[q]!, item, true);
    if (n0 > 0) value += n0 * logProbability(theta[q]!, item, false);
  }
  return value + logNormal(b, priorB[i]!);
}

/** log density of a normal prior, up to a constant (0 without prior). @internal */
export function logNormal(x: number, prior: Normal): number {
  return Number.isFinite(prior.sd) ? -0.5 * ((x - prior.mean) / prior.sd) ** 2 : 0;
}

/**
 * M step of one 2PL item (c and d fixed): maximises the expected complete-data log-likelihood
 * plus the log priors of log a and b by Newton's method on (log a, b), with the observed Hessian
 * when it is negative definite and Fisher scoring otherwise, each step halved until the
 * objective does not decrease. Writes the result into `alpha[i]` (log a) and `b[i]`.
 * @internal
 */
export function maximize2pl(input: MStepInput, i: number, alpha: Float64Array, b: Float64Array): void {
  const { theta, r1, r0, c, d, priorB, priorLogA } = input;
  const Q = theta.length;
  const ci = c[i]!;
  const di = d[i]!;
  const pb = priorB[i]!;
  const precB = Number.isFinite(pb.sd) ? 1 / pb.sd ** 2 : 0;
  const precA = Number.isFinite(priorLogA.sd) ? 1 / priorLogA.sd ** 2 : 0;
  let al = alpha[i]!;
  let bi = b[i]!;
  let current = itemObjective(input, i, Math.exp(al), bi) + logNormal(al, priorLogA);
  for (let iteration = 0; iteration < MAX_NEWTON; iteration++) {
    const a = Math.exp(al);
    let gA = 0;
    let gB = 0;
    let hAA = 0;
    let hAB = 0;
    let hBB = 0;
    let fAA = 0;
    let fAB = 0;
    let fBB = 0;
    for (let q = 0; q < Q; q++) {
      const n1 = r1[i * Q + q]!;
      const n0 = r0[i * Q + q]!;
      const n = n1 + n0;
      if (n === 0) continue;
      const z = a * (theta[q]! - bi);
      logitDerivatives(z, ci, di, n1, n0, derivatives);
      const l1 = derivatives[0]!;
      const l2 = derivatives[1]!;
      const w = n * derivatives[2]!;
      gA += l1 * z;
      gB += l1;
      hAA += l2 * z * z + l1 * z;
      hAB += l2 * z + l1;
      hBB += l2;
      fAA += w * z * z;
      fAB += w * z;
      fBB += w;
    }
    // Chain rule: ∂z/∂(log a) = z, ∂z/∂b = −a.
    gB *= -a;
    hAB *= -a;
    hBB *= a * a;
    fAB *= -a;
    fBB *= a * a;
    gA -= (al - priorLogA.mean) * precA;
    gB -= (bi - pb.mean) * precB;
    // M = −Hessian of the objective (observed), or the Fisher information if that is not positive definite.
    let mAA = -hAA + precA;
    let mAB = -hAB;
    let mBB = -hBB + precB;
    if (!(mAA > 0 && mAA * mBB - mAB * mAB > 0)) {
      mAA = fAA + precA;
      mAB = fAB;
      mBB = fBB + precB;
    }
    const det = mAA * mBB - mAB * mAB;
    if (!(det > 0)) break;
    let stepA = (mBB * gA - mAB * gB) / det;
    let stepB = (mAA * gB - mAB * gA) / det;
    const shrink = Math.max(1, Math.abs(stepA) / MAX_STEP_LOG_A, Math.abs(stepB) / MAX_STEP_B);
    stepA /= shrink;
    stepB /= shrink;
    let t = 1;
    let accepted = false;
    while (t > 1e-8) {
      const nextA = al + t * stepA;
      const nextB = bi + t * stepB;
      const value = itemObjective(input, i, Math.exp(nextA), nextB) + logNormal(nextA, priorLogA);
      if (value >= current - 1e-12 * Math.abs(current)) {
        al = nextA;
        bi = nextB;
        current = value;
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted || Math.max(Math.abs(t * stepA), Math.abs(t * stepB)) < STEP_TOLERANCE) break;
  }
  alpha[i] = al;
  b[i] = bi;
}

/**
 * M step of the Rasch model: every item shares one discrimination a (the SD of the population in
 * logits, since θ ~ N(0, 1)), each has its own b. Newton's method on (log a, b₁ … b_I) with the
 * arrow-shaped Hessian solved in O(I) (Schur complement on log a), observed Hessian when it is
 * negative definite and Fisher scoring otherwise, steps halved until the objective does not
 * decrease; with `fixedA` only the b are estimated. Writes the result into `alpha` (all entries
 * equal) and `b`.
 * @internal
 */
export function maximizeRasch(input: MStepInput, alpha: Float64Array, b: Float64Array, fixedA: boolean): void {
  const { theta, r1, r0, c, d, priorB, priorLogA } = input;
  const Q = theta.length;
  const items = b.length;
  const precA = fixedA || !Number.isFinite(priorLogA.sd) ? 0 : 1 / priorLogA.sd ** 2;
  const gB = new Float64Array(items);
  const obsBB = new Float64Array(items);
  const obsAB = new Float64Array(items);
  const fisBB = new Float64Array(items);
  const fisAB = new Float64Array(items);
  const stepB = new Float64Array(items);
  const trial = new Float64Array(items);
  let al = alpha[0] ?? 0;
  const objective = (alValue: number, bValues: Float64Array): number => {
    const a = Math.exp(alValue);
    let value = fixedA ? 0 : logNormal(alValue, priorLogA);
    for (let i = 0; i < items; i++) value += itemObjective(input, i, a, bValues[i]!);
    return value;
  };
  let current = objective(al, b);
  for (let iteration = 0; iteration < MAX_NEWTON; iteration++) {
    const a = Math.exp(al);
    let gA = fixedA ? 0 : -(al - priorLogA.mean) * precA;
    let obsAA = precA;
    let fisAA = precA;
    for (let i = 0; i < items; i++) {
      const pb = priorB[i]!;
      const precB = Number.isFinite(pb.sd) ? 1 / pb.sd ** 2 : 0;
      let sumL1 = 0;
      let sumL2 = 0;
      let sumL2z = 0;
      let sumW = 0;
      let sumWz = 0;
      for (let q = 0; q < Q; q++) {
        const n1 = r1[i * Q + q]!;
        const n0 = r0[i * Q + q]!;
        const n = n1 + n0;
        if (n === 0) continue;
        const z = a * (theta[q]! - b[i]!);
        logitDerivatives(z, c[i]!, d[i]!, n1, n0, derivatives);
        const l1 = derivatives[0]!;
        const l2 = derivatives[1]!;
        const w = n * derivatives[2]!;
        sumL1 += l1;
        sumL2 += l2;
        sumL2z += l2 * z;
        sumW += w;
        sumWz += w * z;
        if (!fixedA) {
          gA += l1 * z;
          obsAA -= l2 * z * z + l1 * z;
          fisAA += w * z * z;
        }
      }
      // Chain rule: ∂z/∂(log a) = z, ∂z/∂b = −a; M = −Hessian (observed) or Fisher information.
      gB[i] = -a * sumL1 - (b[i]! - pb.mean) * precB;
      obsBB[i] = -a * a * sumL2 + precB;
      obsAB[i] = a * (sumL2z + sumL1);
      fisBB[i] = a * a * sumW + precB;
      fisAB[i] = -a * sumWz;
    }
    let stepA = 0;
    let mBB = obsBB;
    let mAB = obsAB;
    let schur = obsAA;
    let rhs = gA;
    let definite = true;
    for (let i = 0; i < items && definite; i++) definite = obsBB[i]! > 0;
    if (definite && !fixedA) {
      for (let i = 0; i < items; i++) {
        schur -= (obsAB[i]! * obsAB[i]!) / obsBB[i]!;
        rhs -= (obsAB[i]! * gB[i]!) / obsBB[i]!;
      }
      definite = schur > 0;
    }
    if (!definite) {
      mBB = fisBB;
      mAB = fisAB;
      schur = fisAA;
      rhs = gA;
      if (!fixedA) {
        for (let i = 0; i < items; i++) {
          schur -= (fisAB[i]! * fisAB[i]!) / fisBB[i]!;
          rhs -= (fisAB[i]! * gB[i]!) / fisBB[i]!;
        }
      }
    }
    if (!fixedA) stepA = schur > 0 ? rhs / schur : 0;
    let largest = Math.abs(stepA) / MAX_STEP_LOG_A;
    for (let i = 0; i < items; i++) {
      stepB[i] = mBB[i]! > 0 ? (gB[i]! - (fixedA ? 0 : mAB[i]! * stepA)) / mBB[i]! : 0;
      largest = Math.max(largest, Math.abs(stepB[i]!) / MAX_STEP_B);
    }
    const shrink = Math.max(1, largest);
    stepA /= shrink;
    for (let i = 0; i < items; i++) stepB[i]! /= shrink;
    let t = 1;
    let accepted = false;
    while (t > 1e-8) {
      for (let i = 0; i < items; i++) trial[i] = b[i]! + t * stepB[i]!;
      const value = objective(al + t * stepA, trial);
      if (value >= current - 1e-12 * Math.abs(current)) {
        current = value;
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) break;
    al += t * stepA;
    let moved = Math.abs(t * stepA);
    for (let i = 0; i < items; i++) {
      moved = Math.max(moved, Math.abs(t * stepB[i]!));
      b[i] = trial[i]!;
    }
    if (moved < STEP_TOLERANCE) break;
  }
  alpha.fill(al);
}
