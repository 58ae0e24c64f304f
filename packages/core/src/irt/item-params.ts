import { at, describeValue } from './describe-value.js';

/**
 * Parameters of a dichotomous (right / wrong) item under the four-parameter logistic model,
 * with scaling constant D = 1 (Barton & Lord 1981; Magis 2013):
 *
 *   P(θ) = c + (d − c) / (1 + exp(−a (θ − b)))
 *
 * The 1PL, 2PL and 3PL models are special cases (a = 1; c = 0, d = 1; d = 1). Parameters are
 * on the logistic metric: multiply normal-ogive discriminations by 1.702 before using them here.
 * Calibrate them with a dedicated tool (e.g. the R package mirt); Jauge only uses them.
 */
export interface ItemParams {
  /** Discrimination, a > 0: the slope of P at θ = b is a (d − c) / 4. Typically 0.5 to 2.5. */
  a: number;
  /** Difficulty, on the ability scale: P(b) is halfway between c and d. Typically −3 to 3. */
  b: number;
  /** Lower asymptote ("guessing"), in [0, 1): P(θ) → c as θ → −∞. Defaults to 0. */
  c?: number;
  /** Upper asymptote ("slipping"), in (c, 1]: P(θ) → d as θ → +∞. Defaults to 1. */
  d?: number;
}

/**
 * Checks that item parameters are usable and throws a `RangeError` naming the parameter, the
 * expected range, the location and the received value otherwise, e.g.
 * `Expected item.a > 0 at responses[3], received 0`.
 *
 * The IRT functions themselves do not validate (they sit in hot loops and trust parsed item
 * banks); `estimateAbility` calls this on every response.
 *
 * @param item - the parameters to check.
 * @param where - where the item comes from, appended as ` at <where>` (e.g. `responses[3]`).
 * @throws RangeError if `a` is not a finite number > 0, `b` is not finite, `c` is not in [0, 1)
 *   or `d` is not in (c, 1].
 */
export function assertItemParams(item: ItemParams, where?: string): void {
  const loc = at(where);
  if (typeof item !== 'object' || item === null) {
    throw new RangeError(`Expected item to be an object { a, b, c?, d? }${loc}, received ${describeValue(item)}`);
  }
  const { a, b, c, d } = item;
  if (!isFiniteNumber(a)) throw new RangeError(`Expected item.a to be a finite number${loc}, received ${describeValue(a)}`);
  if (a <= 0) throw new RangeError(`Expected item.a > 0${loc}, received ${describeValue(a)}`);
  if (!isFiniteNumber(b)) throw new RangeError(`Expected item.b to be a finite number${loc}, received ${describeValue(b)}`);
  if (c !== undefined && !(isFiniteNumber(c) && c >= 0 && c < 1)) {
    throw new RangeError(`Expected item.c in [0, 1)${loc}, received ${describeValue(c)}`);
  }
  const lower = c ?? 0;
  if (d !== undefined && !(isFiniteNumber(d) && d > lower && d <= 1)) {
    throw new RangeError(`Expected item.d in (${lower}, 1]${loc}, received ${describeValue(d)}`);
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
