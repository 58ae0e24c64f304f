import { describeValue } from '../irt/describe-value.js';
import type { ItemParams } from '../irt/item-params.js';
import { expectationStep, logProbabilityTables } from './e-step.js';
import { logNormal, maximize2pl, maximizeRasch, type MStepInput, type Normal } from './m-step.js';
import { normalQuadrature, type Quadrature } from './quadrature.js';
import type { DimensionData } from './response-data.js';
import { itemStandardErrors } from './standard-errors.js';

/** The response model of a calibration: one common discrimination (Rasch) or one per item (2PL). */
export type CalibrationModel = 'rasch' | '2pl';

/** Default prior SD of b around the item's current b. */
export const DEFAULT_PRIOR_B_SD = 2;
/** Default prior of log a: N(log 1.2, 0.5²) (1.2 is the discrimination of the expert priors). */
export const DEFAULT_PRIOR_LOG_A: Readonly<{ mean: number; sd: number }> = Object.freeze({ mean: Math.log(1.2), sd: 0.5 });
/** Default convergence tolerance: largest change of a log a or a b between two EM steps. */
export const DEFAULT_TOLERANCE = 1e-4;
/** Default largest number of EM steps. */
export const DEFAULT_MAX_ITERATIONS = 2000;

/** Options of {@link estimateItemParameters}. */
export interface EstimateItemsOptions {
  /** `'2pl'` (default) or `'rasch'`. */
  model?: CalibrationModel;
  /** Starting values, one per item; `c` and `d` are kept fixed (default 0 and 1). Defaults to a = 1, b = 0. */
  start?: readonly ItemParams[];
  /** Prior of b: N(mean[i], sd²), mean defaulting to the starting b. `null` for none. Defaults to sd = 2. */
  priorB?: { mean?: readonly number[]; sd: number } | null;
  /** Prior of log a (each item's in the 2PL, the common one in Rasch). `null` for none. Defaults to N(log 1.2, 0.5²). */
  priorLogA?: { mean: number; sd: number } | null;
  /** Rasch only: keep the common a fixed at this value instead of estimating it. */
  raschA?: number;
  /** Quadrature of the N(0, 1) population. Defaults to 49 nodes on [−6, 6]. */
  quadrature?: Quadrature;
  /** Largest number of EM steps. Defaults to 2000. */
  maxIterations?: number;
  /** Stop when no log a or b moves by more than this in an EM step. Defaults to 1e-4. */
  tolerance?: number;
  /** `'squarem'` (default): SQUAREM extrapolation of the EM steps (Varadhan & Roland 2008); `'none'`: plain EM. */
  acceleration?: 'squarem' | 'none';
  /** Called after every EM step. */
  onIteration?: (progress: EmProgress) => void;
}

/** Progress of the EM algorithm, reported after every step. */
export interface EmProgress {
  /** EM steps done. */
  iteration: number;
  /** Largest change of a log a or a b in the last step. */
  maxChange: number;
  /** Marginal log-likelihood before the last step. */
  logLikelihood: number;
}

/** How the EM algorithm ended. */
export interface Convergence {
  /** Whether the largest change fell below the tolerance before the iteration limit. */
  converged: boolean;
  /** EM steps done (with SQUAREM, every evaluation of the EM map counts). */
  iterations: number;
  /** Largest change of a log a or a b in the last EM step. */
  maxChange: number;
  /** The tolerance used. */
  tolerance: number;
  /** Marginal log-likelihood at the estimates. */
  logLikelihood: number;
  /** Log posterior at the estimates: log-likelihood plus log priors (up to a constant). */
  logPosterior: number;
}

/** The item parameters estimated on one ability scale, with their standard errors. */
export interface ItemEstimates {
  model: CalibrationModel;
  /** Discrimination of each item (all equal for Rasch), on the N(0, 1) scale of the calibration population. */
  a: Float64Array;
  /** Difficulty of each item, on the same scale. */
  b: Float64Array;
  /** Lower asymptote of each item (fixed). */
  c: Float64Array;
  /** Upper asymptote of each item (fixed). */
  d: Float64Array;
  /** Standard error of a (NaN when a is fixed). */
  seA: Float64Array;
  /** Standard error of b. */
  seB: Float64Array;
  convergence: Convergence;
  /** The quadrature used (the population N(0, 1)). */
  quadrature: Quadrature;
}

const MIN_LOG_A = Math.log(0.02);
const MAX_LOG_A = Math.log(20);
const MAX_ABS_B = 20;

/**
 * Estimates item parameters by marginal maximum likelihood (Bock & Aitkin 1981) on one ability
 * scale, θ ~ N(0, 1) on a quadrature grid: the E step spreads each response pattern over the
 * nodes by its posterior, the M step maximises each item's expected complete-data log-likelihood
 * by Newton's method, with priors (maximum a posteriori: b ~ N(b₀, 2²) and log a ~ N(log 1.2, 0.5²)
 * by default, Mislevy 1986) so that items answered by few agents stay stable. The guessing c and
 * the upper asymptote d are kept at their starting values. Works on sparse adaptive data: each
 * agent contributes only the items they saw (the adaptive design is ignorable for likelihood
 * inference, Mislevy & Wu 1996). EM steps are accelerated with SQUAREM, with a fallback to the
 * plain step whenever the extrapolation lowers the log posterior. Standard errors come from the
 * observed information of each item (Louis 1982; see `itemStandardErrors`).
 *
 * @throws RangeError for an invalid option, e.g. `Expected tolerance > 0, received 0`.
 *
 * @example
 * ```ts
 * import { dimensionDataFromMatrix, estimateItemParameters } from '@jauge/core/calibration';
 * const data = dimensionDataFromMatrix([[1, 0, null], [1, 1, 0], [0, null, 0]]);
 * const { b, seB, convergence } = estimateItemParameters(data, { model: 'rasch', priorB: null });
 * ```
 */
export function estimateItemParameters(data: DimensionData, options: EstimateItemsOptions = {}): ItemEstimates {
  const model = options.model ?? '2pl';
  if (model !== 'rasch' && model !== '2pl') throw new RangeError(`Expected model 'rasch' or '2pl', received ${describeValue(model)}`);
  const I = data.items;
  const start: readonly ItemParams[] = options.start ?? Array.from({ length: I }, () => ({ a: 1, b: 0 }));
  if (start.length !== I) throw new RangeError(`Expected ${I} starting values (one per item), received ${start.length}`);
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance > 0)) throw new RangeError(`Expected tolerance > 0, received ${describeValue(tolerance)}`);
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new RangeError(`Expected maxIterations to be an integer ≥ 1, received ${describeValue(maxIterations)}`);
  const raschA = options.raschA;
  if (raschA !== undefined && !(raschA > 0 && Number.isFinite(raschA))) throw new RangeError(`Expected raschA > 0, received ${describeValue(raschA)}`);
  const fixedA = model === 'rasch' && raschA !== undefined;
  const quadrature = options.quadrature ?? normalQuadrature();
  const Q = quadrature.theta.length;
  const bPrior = options.priorB === undefined ? { sd: 2 } : options.priorB;
  const priorB: Normal[] = start.map((item, i) => ({ mean: bPrior?.mean?.[i] ?? item.b, sd: bPrior === null ? Number.POSITIVE_INFINITY : bPrior.sd }));
  if (bPrior !== null && !(bPrior.sd > 0)) throw new RangeError(`Expected priorB.sd > 0, received ${describeValue(bPrior.sd)}`);
  const aPrior = options.priorLogA === undefined ? DEFAULT_PRIOR_LOG_A : options.priorLogA;
  if (aPrior !== null && !(aPrior.sd > 0 && Number.isFinite(aPrior.mean))) {
    throw new RangeError(`Expected priorLogA { mean, sd > 0 }, received { mean: ${describeValue(aPrior.mean)}, sd: ${describeValue(aPrior.sd)} }`);
  }
  const priorLogA: Normal = aPrior === null || fixedA ? { mean: 0, sd: Number.POSITIVE_INFINITY } : { mean: aPrior.mean, sd: aPrior.sd };
  const c = Float64Array.from(start, (item) => item.c ?? 0);
  const d = Float64Array.from(start, (item) => item.d ?? 1);

  // x = [log a_1 … log a_I, b_1 … b_I]; in Rasch every log a is the common one.
  let x = new Float64Array(2 * I);
  const commonStart = fixedA ? Math.log(raschA!) : Math.log(start.reduce((sum, item) => sum + item.a, 0) / Math.max(1, I) || 1);
  for (let i = 0; i < I; i++) {
    x[i] = model === 'rasch' ? commonStart : Math.log(start[i]!.a);
    x[I + i] = start[i]!.b;
  }
  const a = new Float64Array(I);
  const logP = new Float64Array(I * Q);
  const logQ = new Float64Array(I * Q);
  const input: MStepInput = { theta: quadrature.theta, r1: new Float64Array(I * Q), r0: new Float64Array(I * Q), c, d, priorB, priorLogA };

  const logPrior = (point: Float64Array): number => {
    let value = model === 'rasch' ? (fixedA ? 0 : logNormal(point[0] ?? 0, priorLogA)) : 0;
    for (let i = 0; i < I; i++) {
      value += logNormal(point[I + i]!, priorB[i]!);
      if (model === '2pl') value += logNormal(point[i]!, priorLogA);
    }
    return value;
  };
  let iterations = 0;
  let lastLogLikelihood = Number.NaN;
  /** One EM step from `point` into `next`; returns the log posterior at `point`. */
  const emStep = (point: Float64Array, next: Float64Array): number => {
    for (let i = 0; i < I; i++) a[i] = Math.exp(point[i]!);
    const b = point.subarray(I);
    logProbabilityTables(quadrature, a, b, c, d, logP, logQ);
    const logLikelihood = expectationStep(data, quadrature, logP, logQ, input.r1, input.r0);
    next.set(point);
    const alpha = next.subarray(0, I);
    const bNext = next.subarray(I);
    if (model === '2pl') for (let i = 0; i < I; i++) maximize2pl(input, i, alpha, bNext);
    else if (I > 0) maximizeRasch(input, alpha, bNext, fixedA);
    iterations++;
    lastLogLikelihood = logLikelihood;
    return logLikelihood + logPrior(point);
  };
  const largestChange = (from: Float64Array, to: Float64Array): number => {
    let change = 0;
    for (let k = 0; k < from.length; k++) change = Math.max(change, Math.abs(to[k]! - from[k]!));
    return change;
  };
  const report = (change: number): void => options.onIteration?.({ iteration: iterations, maxChange: change, logLikelihood: lastLogLikelihood });

  const x1 = new Float64Array(2 * I);
  const x2 = new Float64Array(2 * I);
  const extrapolated = new Float64Array(2 * I);
  const x3 = new Float64Array(2 * I);
  let converged = false;
  let maxChange = Number.POSITIVE_INFINITY;
  let stepMax = 1;
  const accelerate = options.acceleration !== 'none';
  while (iterations < maxIterations) {
    const objective0 = emStep(x, x1);
    maxChange = largestChange(x, x1);
    report(maxChange);
    if (maxChange < tolerance) {
      x.set(x1);
      converged = true;
      break;
    }
    if (!accelerate || iterations + 2 > maxIterations) {
      x.set(x1);
      continue;
    }
    emStep(x1, x2);
    maxChange = largestChange(x1, x2);
    report(maxChange);
    if (maxChange < tolerance) {
      x.set(x2);
      converged = true;
      break;
    }
    // SQUAREM (SqS3): r = F(x) − x, v = F(F(x)) − 2F(x) + x, step α = −‖r‖/‖v‖ in [−stepMax, −1].
    let rr = 0;
    let vv = 0;
    for (let k = 0; k < x.length; k++) {
      const r = x1[k]! - x[k]!;
      const v = x2[k]! - 2 * x1[k]! + x[k]!;
      rr += r * r;
      vv += v * v;
    }
    const step = Math.max(-stepMax, Math.min(-1, vv > 0 ? -Math.sqrt(rr / vv) : -1));
    for (let k = 0; k < x.length; k++) {
      const r = x1[k]! - x[k]!;
      const v = x2[k]! - 2 * x1[k]! + x[k]!;
      const value = x[k]! - 2 * step * r + step * step * v;
      extrapolated[k] = k < I ? clamp(value, MIN_LOG_A, MAX_LOG_A) : clamp(value, -MAX_ABS_B, MAX_ABS_B);
    }
    const objective = emStep(extrapolated, x3);
    report(largestChange(extrapolated, x3));
    if (Number.isFinite(objective) && objective >= objective0 - 1e-9 * Math.abs(objective0)) {
      x.set(x3);
      if (step === -stepMax) stepMax *= 4;
    } else {
      x.set(x2);
      if (step === -stepMax) stepMax = Math.max(1, stepMax / 4);
    }
  }
  const result = { model, a: new Float64Array(I), b: Float64Array.from(x.subarray(I)), c, d };
  for (let i = 0; i < I; i++) result.a[i] = Math.exp(x[i]!);
  const errors = itemStandardErrors(data, quadrature, { ...result, priorB, priorLogA, fixedA });
  return {
    ...result,
    seA: errors.seA,
    seB: errors.seB,
    quadrature,
    convergence: {
      converged,
      iterations,
      maxChange,
      tolerance,
      logLikelihood: errors.logLikelihood,
      logPosterior: errors.logLikelihood + logPrior(x),
    },
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
