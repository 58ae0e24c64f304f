import type { AbilityEstimate } from './ability-estimate.js';
import { describeValue } from './describe-value.js';
import type { ItemParams } from './item-params.js';
import { assertNormalPrior, STANDARD_NORMAL_PRIOR } from './normal-prior.js';
import type { NormalPrior } from './normal-prior.js';
import { logProbability } from './probability.js';

/**
 * The posterior distribution of θ on a fixed grid of quadrature points, updated answer by answer
 * (the "EAP on a fixed grid" estimator of adaptive tests; Bock & Mislevy 1982). It holds the
 * unnormalised log posterior, so long tests neither underflow nor lose precision.
 */
export interface PosteriorGrid {
  /** The prior the grid was built for. */
  readonly prior: Readonly<NormalPrior>;
  /** Equally spaced θ nodes, symmetric about `prior.mean`. */
  readonly theta: Float64Array;
  /** Unnormalised log posterior at each node: log prior + log-likelihood of the answers so far. */
  readonly logPosterior: Float64Array;
  /** Distance between two nodes. */
  readonly step: number;
}

/** How to lay out the nodes of a {@link PosteriorGrid}. */
export interface PosteriorGridOptions {
  /**
   * Half-width of the grid in prior standard deviations: nodes span
   * [mean − span · sd, mean + span · sd]. Defaults to 8 (the prior density there is e⁻³², and
   * even a long run of correct answers leaves the posterior well inside).
   */
  span?: number;
  /**
   * Number of nodes (≥ 3). Defaults to 201 nodes, or more for wide priors so that the step never
   * exceeds 0.08 on the θ scale (401 nodes for sd = 2): see `defaultGridPoints`.
   */
  points?: number;
}

/** Default half-width of the grid, in prior standard deviations. */
export const DEFAULT_GRID_SPAN = 8;
/** Default minimum number of nodes. */
export const DEFAULT_GRID_POINTS = 201;
/** Largest default step on the θ scale. */
export const DEFAULT_GRID_MAX_STEP = 0.08;

/**
 * Default node count: at least 201, and odd with a step ≤ 0.08 on the θ scale.
 *
 * Why: the trapezoid rule on a uniform grid converges geometrically for smooth, decaying
 * integrands; for a posterior of SD s its relative error is about 2 exp(−2π² s² / h²)
 * (Trefethen & Weideman 2014, SIAM Review 56). A test can narrow the posterior to s ≈ 0.12
 * (60 informative items), and that, not the prior, bounds the step: h = 0.08 keeps the error
 * near 1e-19.
 * The step therefore has to follow the θ scale, so wide priors get more nodes.
 */
export function defaultGridPoints(prior: NormalPrior, span: number = DEFAULT_GRID_SPAN): number {
  const halfSteps = Math.ceil((span * prior.sd) / DEFAULT_GRID_MAX_STEP);
  return Math.max(DEFAULT_GRID_POINTS, 2 * halfSteps + 1);
}

/**
 * Creates a posterior grid holding the prior N(mean, sd²): nodes equally spaced on
 * [mean − span · sd, mean + span · sd], log posterior −(θ − mean)² / (2 sd²).
 *
 * @param prior - normal prior. Defaults to N(0, 1).
 * @param options - layout of the nodes (see {@link PosteriorGridOptions}).
 * @throws RangeError if the prior, `span` or `points` is invalid.
 *
 * @example
 * ```ts
 * import { createPosteriorGrid, posteriorSummary, updatePosterior } from '@jauge/core';
 * const grid = createPosteriorGrid({ mean: 0, sd: 1 });
 * updatePosterior(grid, { a: 1.4, b: 0.2 }, true);
 * posteriorSummary(grid); // { theta: 0.27…, se: 0.9… }
 * ```
 */
export function createPosteriorGrid(
  prior: NormalPrior = STANDARD_NORMAL_PRIOR,
  options: PosteriorGridOptions = {},
): PosteriorGrid {
  assertNormalPrior(prior);
  const span = options.span ?? DEFAULT_GRID_SPAN;
  if (typeof span !== 'number' || !Number.isFinite(span) || span <= 0) {
    throw new RangeError(`Expected options.span to be a finite number > 0, received ${describeValue(span)}`);
  }
  const points = options.points ?? defaultGridPoints(prior, span);
  if (!Number.isInteger(points) || points < 3) {
    throw new RangeError(`Expected options.points to be an integer ≥ 3, received ${describeValue(points)}`);
  }
  const { mean, sd } = prior;
  const half = (points - 1) / 2;
  const step = (span * sd) / half;
  const theta = new Float64Array(points);
  const logPosterior = new Float64Array(points);
  for (let k = 0; k < points; k++) {
    const u = (k - half) * step; // exact symmetry about the mean
    theta[k] = mean + u;
    logPosterior[k] = -(u * u) / (2 * sd * sd);
  }
  return { prior: Object.freeze({ mean, sd }), theta, logPosterior, step };
}

/**
 * Adds one answer to the posterior, **in place**: log P(θₖ) (correct) or log(1 − P(θₖ))
 * (incorrect) is added at every node in one pass, without allocating. Returns the same grid for
 * chaining; use `clonePosteriorGrid` first to keep the previous state. The item is not
 * validated (the hot path trusts a parsed item bank).
 *
 * @param grid - the posterior to update.
 * @param item - parameters of the item answered.
 * @param correct - whether the answer was correct.
 * @returns `grid`.
 */
export function updatePosterior(grid: PosteriorGrid, item: ItemParams, correct: boolean): PosteriorGrid {
  const { theta, logPosterior } = grid;
  for (let k = 0; k < theta.length; k++) logPosterior[k]! += logProbability(theta[k]!, item, correct);
  return grid;
}

/**
 * Posterior mean (the EAP estimate) and posterior standard deviation (its standard error) by
 * the trapezoid rule on the grid (Bock & Mislevy 1982):
 *
 *   θ̂ = Σ wₖ θₖ / Σ wₖ,  se² = Σ wₖ (θₖ − θ̂)² / Σ wₖ,  wₖ = τₖ exp(ℓₖ − max ℓ)
 *
 * with τₖ = 1/2 at both ends and 1 elsewhere. Subtracting the largest log posterior before
 * exponentiating, and centring the moments on that node, keeps it stable for any number of
 * answers. One pass, no allocation besides the result.
 *
 * @throws RangeError if the log posterior is not finite somewhere (e.g. `NaN` item parameters).
 */
export function posteriorSummary(grid: PosteriorGrid): AbilityEstimate {
  const { theta, logPosterior } = grid;
  const n = theta.length;
  let top = Number.NEGATIVE_INFINITY;
  let mode = 0;
  for (let k = 0; k < n; k++) {
    const value = logPosterior[k]!;
    if (!(value > Number.NEGATIVE_INFINITY && value < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`Expected a finite log posterior at node ${k}, received ${describeValue(value)}`);
    }
    if (value > top) {
      top = value;
      mode = k;
    }
  }
  const centre = theta[mode]!;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let k = 0; k < n; k++) {
    const weight = (k === 0 || k === n - 1 ? 0.5 : 1) * Math.exp(logPosterior[k]! - top);
    const u = theta[k]! - centre;
    w0 += weight;
    w1 += weight * u;
    w2 += weight * u * u;
  }
  const shift = w1 / w0;
  return { theta: centre + shift, se: Math.sqrt(Math.max(0, w2 / w0 - shift * shift)) };
}

/**
 * Posterior density at the ends of the grid relative to its peak: exp(max(ℓ₀, ℓₙ₋₁) − max ℓ).
 * The error the cut-off tail causes in `posteriorSummary` is of the order of this weight (about
 * 1e-14 for the prior alone with the default span). It grows when the answers
 * contradict the prior (e.g. a long run of correct answers under a narrow, low prior) and the
 * posterior runs against an end of the grid; the summary is then biased toward the prior mean,
 * and the grid should be rebuilt with a wider `span` from the stored answers (as
 * `estimateAbility` does).
 */
export function posteriorEdgeWeight(grid: PosteriorGrid): number {
  const { logPosterior } = grid;
  let top = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < logPosterior.length; k++) top = Math.max(top, logPosterior[k]!);
  const edge = Math.max(logPosterior[0]!, logPosterior[logPosterior.length - 1]!);
  return Math.exp(edge - top);
}

/** Copies a posterior grid (nodes shared, log posterior copied), e.g. to keep a history. */
export function clonePosteriorGrid(grid: PosteriorGrid): PosteriorGrid {
  return { ...grid, logPosterior: Float64Array.from(grid.logPosterior) };
}
