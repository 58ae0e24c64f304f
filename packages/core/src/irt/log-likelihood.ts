import type { ItemResponse } from './item-response.js';
import { logistic, logProbability } from './probability.js';

/**
 * Log-likelihood of a response pattern at θ, assuming local independence (Lord 1980):
 *
 *   ℓ(θ) = Σᵢ [xᵢ log Pᵢ(θ) + (1 − xᵢ) log(1 − Pᵢ(θ))]
 *
 * with Pᵢ the 4PL probability (see `probability`). Accurate for any θ (no `log(0)` where the
 * exact value is finite). An empty pattern gives 0.
 *
 * @param theta - ability θ.
 * @param responses - the scored answers.
 */
export function logLikelihood(theta: number, responses: readonly ItemResponse[]): number {
  let total = 0;
  for (const { item, correct } of responses) total += logProbability(theta, item, correct);
  return total;
}

/** First and second derivatives of the log-likelihood with respect to θ. */
export interface LogLikelihoodDerivatives {
  /** dℓ/dθ, the score. */
  first: number;
  /** d²ℓ/dθ²; its opposite is the observed information. */
  second: number;
}

/**
 * First and second derivatives of the log-likelihood with respect to θ, used by the MAP and
 * MLE Newton steps. With z = a (θ − b), σ = σ(z), σ̄ = 1 − σ = σ(−z), P′ = a (d − c) σ σ̄
 * and P″ = a² (d − c) σ σ̄ (σ̄ − σ) (Magis 2013), each response adds
 *
 * - correct:   ℓ′ = P′ / P,  ℓ″ = P″ / P − (P′ / P)² = a² r σ̄ [(σ̄ − σ) − r σ̄],  r = (d − c) σ / P
 * - incorrect: ℓ′ = −P′ / Q, ℓ″ = −P″ / Q − (P′ / Q)² = −a² r̄ σ [(σ̄ − σ) + r̄ σ], r̄ = (d − c) σ̄ / Q
 *
 * where r, r̄ ∈ [0, 1] are computed without cancellation (r = 1 when c = 0, r̄ = 1 when d = 1).
 *
 * @param theta - ability θ.
 * @param responses - the scored answers.
 */
export function logLikelihoodDerivatives(theta: number, responses: readonly ItemResponse[]): LogLikelihoodDerivatives {
  let first = 0;
  let second = 0;
  for (const { item, correct } of responses) {
    const { a } = item;
    const c = item.c ?? 0;
    const d = item.d ?? 1;
    const z = a * (theta - item.b);
    const s = logistic(z);
    const t = logistic(-z);
    const span = d - c;
    if (correct) {
      const p = c + span * s;
      const r = p > 0 ? (span * s) / p : 1;
      first += a * r * t;
      second += a * a * r * t * (t - s - r * t);
    } else {
      const q = 1 - d + span * t;
      const r = q > 0 ? (span * t) / q : 1;
      first -= a * r * s;
      second -= a * a * r * s * (t - s + r * s);
    }
  }
  return { first, second };
}
