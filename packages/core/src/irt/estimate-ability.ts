import type { AbilityEstimate } from './ability-estimate.js';
import { describeValue } from './describe-value.js';
import { findMaximum } from './find-maximum.js';
import { testInformation } from './information.js';
import { assertResponses } from './item-response.js';
import type { ItemResponse } from './item-response.js';
import { logLikelihood, logLikelihoodDerivatives } from './log-likelihood.js';
import { assertNormalPrior, STANDARD_NORMAL_PRIOR } from './normal-prior.js';
import type { NormalPrior } from './normal-prior.js';
import {
  createPosteriorGrid,
  DEFAULT_GRID_SPAN,
  posteriorEdgeWeight,
  posteriorSummary,
  updatePosterior,
} from './posterior-grid.js';

/** How `estimateAbility` estimates θ. */
export type EstimationMethod = 'EAP' | 'MAP' | 'MLE';

/** Options of `estimateAbility`. */
export interface EstimateAbilityOptions {
  /** Estimator: expected a posteriori, maximum a posteriori or maximum likelihood. Defaults to `'EAP'`. */
  method?: EstimationMethod;
  /** Normal prior of EAP and MAP (MLE ignores it). Defaults to N(0, 1). */
  prior?: NormalPrior;
  /**
   * `[lower, upper]`: the interval MLE searches, and the value it returns when the MLE does not
   * exist. Defaults to `[-6, 6]` for MLE. MAP is unbounded unless `bounds` is given (the
   * posterior mode always exists); EAP ignores it (its grid follows the prior).
   */
  bounds?: readonly [number, number];
}

/** The interval of the MLE when `bounds` is not given. */
export const DEFAULT_MLE_BOUNDS: readonly [number, number] = Object.freeze([-6, 6] as const);

const METHODS: readonly EstimationMethod[] = ['EAP', 'MAP', 'MLE'];

/**
 * Estimates the ability θ from scored answers under the 4PL model (see `probability`).
 *
 * - **EAP** (default): posterior mean, with the posterior SD as standard error (Bock & Mislevy
 *   1982). Trapezoid quadrature on a grid that follows the prior (see `createPosteriorGrid`:
 *   mean ± 8 sd, step ≤ 0.08 on the θ scale), widened (span doubled, same step) while the
 *   posterior is not negligible at its ends, which happens when the answers contradict the
 *   prior. Within 1e-9 of the exact posterior mean and SD on the reference patterns (up to 60
 *   informative items). No answers: the prior mean and SD.
 * - **MAP**: posterior mode, by a scan of the log posterior then safeguarded Newton;
 *   se = 1 / √(−ℓ″(θ̂) + 1 / sd²) (observed information plus prior precision).
 * - **MLE**: maximiser of the log-likelihood on `bounds` (default [−6, 6]), found the same way;
 *   se = 1 / √I(θ̂) with I the test information (Lord 1980). The MLE does not exist (it is ±∞)
 *   when every answer is correct or every answer is wrong: θ is then the bound in that direction
 *   (upper for all correct, lower for all wrong) and se = 1 / √I(bound), finite. With no
 *   answers, θ is the middle of `bounds` and se is `Infinity`. With guessing (c > 0) the
 *   likelihood of a mixed pattern can also peak at a bound; the bound is returned.
 *
 * @param responses - the scored answers, in any order.
 * @param options - method, prior, bounds.
 * @throws RangeError for an invalid option or response, e.g.
 *   `Expected prior.sd > 0, received -1` or `Expected item.a > 0 at responses[3], received 0`.
 *
 * @example
 * ```ts
 * import { estimateAbility } from '@jauge/core';
 * const responses = [
 *   { item: { a: 1.2, b: -0.5 }, correct: true },
 *   { item: { a: 0.9, b: 0.8, c: 0.2 }, correct: false },
 * ];
 * estimateAbility(responses); // EAP with a N(0, 1) prior
 * estimateAbility(responses, { method: 'MLE' });
 * ```
 */
export function estimateAbility(
  responses: readonly ItemResponse[],
  options: EstimateAbilityOptions = {},
): AbilityEstimate {
  const { method = 'EAP', prior = STANDARD_NORMAL_PRIOR, bounds } = options;
  if (!METHODS.includes(method)) {
    throw new RangeError(`Expected method 'EAP', 'MAP' or 'MLE', received ${describeValue(method)}`);
  }
  assertNormalPrior(prior);
  if (bounds !== undefined) assertBounds(bounds);
  assertResponses(responses);
  if (method === 'MLE') return mle(responses, bounds ?? DEFAULT_MLE_BOUNDS);
  if (responses.length === 0) return { theta: prior.mean, se: prior.sd };
  return method === 'MAP' ? map(responses, prior, bounds) : eap(responses, prior);
}

/** Largest posterior density at the grid ends, relative to the peak, that EAP accepts. */
const EDGE_TOLERANCE = 1e-12;
/** Widest EAP grid, in prior SDs (reached only when the answers flatly contradict the prior). */
const MAX_SPAN = DEFAULT_GRID_SPAN * 2 ** 6;

function eap(responses: readonly ItemResponse[], prior: NormalPrior): AbilityEstimate {
  for (let span = DEFAULT_GRID_SPAN; ; span *= 2) {
    const grid = createPosteriorGrid(prior, { span });
    for (const { item, correct } of responses) updatePosterior(grid, item, correct);
    if (span >= MAX_SPAN || posteriorEdgeWeight(grid) <= EDGE_TOLERANCE) return posteriorSummary(grid);
  }
}

function map(
  responses: readonly ItemResponse[],
  prior: NormalPrior,
  bounds: readonly [number, number] | undefined,
): AbilityEstimate {
  const { mean, sd } = prior;
  const precision = 1 / (sd * sd);
  let [lower, upper] = modeInterval(responses, prior);
  if (bounds !== undefined) {
    lower = Math.min(Math.max(lower, bounds[0]), bounds[1]);
    upper = Math.max(Math.min(upper, bounds[1]), bounds[0]);
  }
  const theta = findMaximum(
    {
      value: (t) => logLikelihood(t, responses) - 0.5 * precision * (t - mean) ** 2,
      derivatives: (t) => {
        const { first, second } = logLikelihoodDerivatives(t, responses);
        return { first: first - precision * (t - mean), second: second - precision };
      },
    },
    lower,
    upper,
  );
  return { theta, se: seFromInformation(precision - logLikelihoodDerivatives(theta, responses).second) };
}

/**
 * An interval holding every stationary point of the log posterior, so the scan of
 * `findMaximum` can be short. Each answer's score is bounded (r ≤ 1 and σ(∓z) ≤ min(1, e^∓z) in
 * `logLikelihoodDerivatives`): 0 ≤ ℓᵢ′ ≤ a min(1, e^(−a(θ−b))) if correct,
 * −a min(1, e^(a(θ−b))) ≤ ℓᵢ′ ≤ 0 if wrong. Hence the log posterior falls above the root U of
 * Σ_correct a min(1, e^(−a(U−b))) = (U − mean) / sd² and rises below the root L of
 * Σ_wrong a min(1, e^(a(L−b))) = (mean − L) / sd²; both are found by bisection.
 */
function modeInterval(responses: readonly ItemResponse[], prior: NormalPrior): [number, number] {
  const { mean, sd } = prior;
  const variance = sd * sd;
  const pull = (theta: number, correct: boolean): number => {
    let total = 0;
    for (const response of responses) {
      if (response.correct !== correct) continue;
      const { a, b } = response.item;
      total += a * Math.min(1, Math.exp(correct ? -a * (theta - b) : a * (theta - b)));
    }
    return total;
  };
  const upper = outerRoot((t) => pull(t, true) - (t - mean) / variance, mean, mean + variance * pull(mean, true));
  const lower = outerRoot((t) => pull(t, false) - (mean - t) / variance, mean, mean - variance * pull(mean, false));
  return [lower, upper];
}

/** Bisection for a sign change of f between `inside` (f ≥ 0) and `outside` (f ≤ 0); returns the outer end. */
function outerRoot(f: (theta: number) => number, inside: number, outside: number): number {
  for (let iteration = 0; iteration < 60 && inside !== outside; iteration++) {
    const middle = 0.5 * (inside + outside);
    if (f(middle) >= 0) inside = middle;
    else outside = middle;
  }
  return outside;
}

function mle(responses: readonly ItemResponse[], bounds: readonly [number, number]): AbilityEstimate {
  const [lower, upper] = bounds;
  if (responses.length === 0) return { theta: 0.5 * (lower + upper), se: Number.POSITIVE_INFINITY };
  const items = responses.map((response) => response.item);
  const correct = responses.filter((response) => response.correct).length;
  let theta: number;
  if (correct === responses.length) theta = upper;
  else if (correct === 0) theta = lower;
  else {
    theta = findMaximum(
      { value: (t) => logLikelihood(t, responses), derivatives: (t) => logLikelihoodDerivatives(t, responses) },
      lower,
      upper,
    );
  }
  return { theta, se: seFromInformation(testInformation(theta, items)) };
}

/** 1 / √information, `Infinity` when there is no information. */
function seFromInformation(information: number): number {
  return information > 0 ? 1 / Math.sqrt(information) : Number.POSITIVE_INFINITY;
}

function assertBounds(bounds: readonly [number, number]): void {
  const ok =
    Array.isArray(bounds) &&
    bounds.length === 2 &&
    bounds.every((value: unknown) => typeof value === 'number' && Number.isFinite(value)) &&
    bounds[0] < bounds[1];
  if (!ok) {
    throw new RangeError(
      `Expected bounds [lower, upper] of finite numbers with lower < upper, received ${describeValue(bounds)}`,
    );
  }
}
