import type { ItemParams } from './item-params.js';

/**
 * Probability of a correct response under the four-parameter logistic model with D = 1
 * (Barton & Lord 1981; Magis 2013, eq. 1):
 *
 *   P(θ) = c + (d − c) / (1 + exp(−a (θ − b)))
 *
 * with c = 0 and d = 1 when omitted. Stable for any a (θ − b): it is computed from the nearer
 * asymptote, reaches exactly c and d in the limits and is never `NaN`. Parameters are not validated here (see
 * `assertItemParams`).
 *
 * @param theta - ability θ.
 * @param item - item parameters a, b, c, d.
 * @returns P(θ), in [c, d].
 *
 * @example
 * ```ts
 * import { probability } from '@jauge/core';
 * probability(0, { a: 1, b: 0 }); // 0.5
 * probability(0, { a: 1.2, b: 0, c: 0.2, d: 0.9 }); // 0.55
 * ```
 */
export function probability(theta: number, item: ItemParams): number {
  const c = item.c ?? 0;
  const d = item.d ?? 1;
  const z = item.a * (theta - item.b);
  // Start from the nearer asymptote: exact limits, and no cancellation (the correction is at
  // most half of d − c).
  return z < 0 ? c + (d - c) * logistic(z) : d - (d - c) * logistic(-z);
}

/**
 * Probability of an incorrect response, Q(θ) = 1 − P(θ), computed as
 * (1 − d) + (d − c) σ(−z) or (1 − c) − (d − c) σ(z), z = a (θ − b), so that it keeps full
 * relative precision when P is close to 1 (where `1 - probability(θ)` would cancel).
 *
 * @internal Not re-exported from `@jauge/core`.
 */
export function probabilityIncorrect(theta: number, item: ItemParams): number {
  const c = item.c ?? 0;
  const d = item.d ?? 1;
  const z = item.a * (theta - item.b);
  return z > 0 ? 1 - d + (d - c) * logistic(-z) : 1 - c - (d - c) * logistic(z);
}

/**
 * log P(θ) for a correct response, log Q(θ) = log(1 − P(θ)) for an incorrect one, accurate for
 * any θ: when c = 0, log P = log d + log σ(z), and when d = 1, log Q = log(1 − c) + log σ(−z),
 * with log σ computed without overflow; otherwise P ≥ c > 0 and Q ≥ 1 − d > 0 are safe to log.
 *
 * @internal Not re-exported from `@jauge/core`.
 */
export function logProbability(theta: number, item: ItemParams, correct: boolean): number {
  const c = item.c ?? 0;
  const d = item.d ?? 1;
  const z = item.a * (theta - item.b);
  if (correct) return c > 0 ? Math.log(probability(theta, item)) : Math.log(d) + logLogistic(z);
  return d < 1 ? Math.log(probabilityIncorrect(theta, item)) : Math.log1p(-c) + logLogistic(-z);
}

/**
 * The logistic function σ(z) = 1 / (1 + exp(−z)). Accurate to a few ulps for every z,
 * including 1 − σ(z), which is σ(−z).
 *
 * @internal Not re-exported from `@jauge/core`.
 */
export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * log σ(z) = −log(1 + exp(−z)), without overflow for large negative z (where it tends to z).
 *
 * @internal Not re-exported from `@jauge/core`.
 */
export function logLogistic(z: number): number {
  return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
}
