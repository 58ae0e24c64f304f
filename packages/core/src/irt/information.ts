import type { ItemParams } from './item-params.js';
import { logistic } from './probability.js';

/**
 * Fisher information of one item at θ under the 4PL model (Magis 2013, eq. 4):
 *
 *   I(θ) = a² (P − c)² (d − P)² / ((d − c)² P (1 − P))
 *
 * which is P′² / (P Q) for a Bernoulli response. It reduces to a² P Q for the 2PL and to the
 * familiar 3PL formula a² (Q / P) (P − c)² / (1 − c)² only when d = 1. Using that 3PL formula
 * with d < 1 (as jsCAT does) overstates the information of items with an upper asymptote (by
 * 41 % at θ = b for a = 1.7, c = 0.2, d = 0.85) and, worse, does not vanish as θ → ∞: far too
 * easy items keep a² (1 − d)(d − c)² / (d (1 − c)²) and would still be selected.
 *
 * Computed as a² σ(z) σ(−z) · [(d − c) σ(z) / P] · [(d − c) σ(−z) / Q] with z = a (θ − b): every
 * factor is a ratio of sums of positive terms, so the result keeps full relative precision even
 * where P or Q is tiny, and tends to 0 (never `NaN`) for extreme θ.
 *
 * @param theta - ability θ.
 * @param item - item parameters a, b, c, d (c = 0, d = 1 by default).
 * @returns I(θ) ≥ 0.
 */
export function itemInformation(theta: number, item: ItemParams): number {
  return information4pl(theta, item.a, item.b, item.c ?? 0, item.d ?? 1);
}

/**
 * Test information at θ: the sum of the item informations, I(θ) = Σᵢ Iᵢ(θ) (Lord 1980). Its
 * inverse square root is the asymptotic standard error of the maximum-likelihood estimate.
 *
 * @param theta - ability θ.
 * @param items - the items administered (an empty list gives 0).
 */
export function testInformation(theta: number, items: readonly ItemParams[]): number {
  let total = 0;
  for (const item of items) total += itemInformation(theta, item);
  return total;
}

/**
 * Fisher information of many items at one θ, in one pass over parallel typed arrays and
 * without allocation: `out[i] = I(θ; a[i], b[i], c[i], d[i])` with the formula of
 * `itemInformation`. Item selection (maximum information) calls this at every step, with the
 * item bank stored column-wise.
 *
 * @param theta - ability θ.
 * @param a - discriminations.
 * @param b - difficulties.
 * @param c - lower asymptotes (0 for 1PL / 2PL items).
 * @param d - upper asymptotes (1 for 1PL / 2PL / 3PL items).
 * @param out - receives the informations; may be reused across calls.
 * @returns `out`.
 * @throws RangeError if `b`, `c`, `d` or `out` is not as long as `a`.
 */
export function informationAt(
  theta: number,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  d: Float64Array,
  out: Float64Array,
): Float64Array {
  const n = a.length;
  if (b.length !== n || c.length !== n || d.length !== n || out.length !== n) {
    throw new RangeError(
      `Expected b, c, d and out to have the length of a (${n}), received ${b.length}, ${c.length}, ${d.length} and ${out.length}`,
    );
  }
  for (let i = 0; i < n; i++) out[i] = information4pl(theta, a[i]!, b[i]!, c[i]!, d[i]!);
  return out;
}

/** The 4PL information from scalar parameters (shared by the object and columnar forms). */
function information4pl(theta: number, a: number, b: number, c: number, d: number): number {
  const z = a * (theta - b);
  const s = logistic(z); // σ(z)
  const t = logistic(-z); // σ(−z) = 1 − σ(z), without cancellation
  const span = d - c;
  const p = c + span * s;
  const q = 1 - d + span * t;
  // (d − c) σ / P → 1 when P → 0 (only possible with c = 0), and likewise for Q.
  const rCorrect = p > 0 ? (span * s) / p : 1;
  const rIncorrect = q > 0 ? (span * t) / q : 1;
  return a * a * s * t * rCorrect * rIncorrect;
}
