import { logistic } from '../irt/probability.js';

/**
 * Derivatives of the log-likelihood of answers to one item with respect to its logit
 * z = a (θ − b), under P = c + (d − c) σ(z), given r₁ correct and r₀ incorrect answers at the
 * same θ (the "expected counts" of the EM algorithm, or a single answer):
 *
 *   ℓ  = r₁ log P + r₀ log(1 − P)
 *   ℓ′ = r₁ P′/P − r₀ P′/(1 − P)
 *   ℓ″ = r₁ (P″/P − (P′/P)²) − r₀ (P″/(1 − P) + (P′/(1 − P))²)
 *
 * with P′ = (d − c) σ(1 − σ), P″ = P′ (1 − 2σ). The ratios P′/P and P′/(1 − P) are computed as
 * 1 − σ and σ when c = 0 and d = 1 respectively, so nothing divides by an underflowed P.
 * The expected (Fisher) weight per answer is P′² / (P (1 − P)) = (P′/P)(P′/(1 − P)).
 *
 * Writes `[ℓ′, ℓ″, Fisher weight per answer]` into `out` (no allocation in the EM loops).
 *
 * @internal
 */
export function logitDerivatives(z: number, c: number, d: number, r1: number, r0: number, out: Float64Array): void {
  const s = logistic(z);
  const t = logistic(-z); // 1 − σ(z), accurate when σ ≈ 1
  const slope = (d - c) * s * t;
  const p = c + (d - c) * s;
  const q = 1 - d + (d - c) * t;
  const rP = c === 0 ? t : slope / p;
  const rQ = d === 1 ? s : slope / q;
  const curvature = s - t; // 2σ − 1, so P″/P′ = −(2σ − 1)
  out[0] = r1 * rP - r0 * rQ;
  out[1] = r1 * (-rP * curvature - rP * rP) - r0 * (-rQ * curvature + rQ * rQ);
  out[2] = rP * rQ;
}
