import { describeValue } from './describe-value.js';

/** A normal prior distribution N(mean, sd²) for the ability θ. */
export interface NormalPrior {
  /** Prior mean of θ (where an examinee is expected to be before any answer). */
  mean: number;
  /** Prior standard deviation of θ, > 0. */
  sd: number;
}

/** The standard normal prior N(0, 1), the default of every Bayesian estimate in Jauge. */
export const STANDARD_NORMAL_PRIOR: Readonly<NormalPrior> = Object.freeze({ mean: 0, sd: 1 });

/**
 * Checks a normal prior and throws a `RangeError` saying what was expected and received,
 * e.g. `Expected prior.sd > 0, received -1`.
 *
 * @internal Not re-exported from `@jauge/core`.
 */
export function assertNormalPrior(prior: NormalPrior): void {
  if (typeof prior !== 'object' || prior === null) {
    throw new RangeError(`Expected prior to be an object { mean, sd }, received ${describeValue(prior)}`);
  }
  const { mean, sd } = prior;
  if (typeof mean !== 'number' || !Number.isFinite(mean)) {
    throw new RangeError(`Expected prior.mean to be a finite number, received ${describeValue(mean)}`);
  }
  if (typeof sd !== 'number' || !Number.isFinite(sd)) {
    throw new RangeError(`Expected prior.sd to be a finite number, received ${describeValue(sd)}`);
  }
  if (sd <= 0) throw new RangeError(`Expected prior.sd > 0, received ${describeValue(sd)}`);
}
