import { describeValue } from '../irt/describe-value.js';

/**
 * A discrete approximation of the ability distribution of the calibration population: equally
 * spaced nodes with normal weights (the "quadrature points and weights" of Bock & Aitkin 1981).
 */
export interface Quadrature {
  /** Nodes θ_q, equally spaced on [−range, range]. */
  readonly theta: Float64Array;
  /** Weights w_q ∝ φ(θ_q), summing to 1. */
  readonly weight: Float64Array;
  /** log w_q. */
  readonly logWeight: Float64Array;
}

/** Default number of quadrature nodes (step 0.25 on [−6, 6]). */
export const DEFAULT_QUADRATURE_POINTS = 49;
/** Default half-width of the quadrature grid, in population standard deviations. */
export const DEFAULT_QUADRATURE_RANGE = 6;

/**
 * The N(0, 1) quadrature of the calibration: `points` equally spaced nodes on [−range, range],
 * weights proportional to the normal density and normalised to sum to 1. With 49 nodes on
 * [−6, 6] the rectangle rule integrates the smooth likelihoods of a short test to better than
 * 1e-6 relative (the trapezoid rule converges geometrically for such integrands; Trefethen &
 * Weideman 2014); the population fixes the scale of the calibration (mean 0, SD 1), which
 * linking then maps onto the scale of the previous bank.
 *
 * @throws RangeError for fewer than 5 points or a range that is not a positive finite number.
 */
export function normalQuadrature(points: number = DEFAULT_QUADRATURE_POINTS, range: number = DEFAULT_QUADRATURE_RANGE): Quadrature {
  if (!Number.isInteger(points) || points < 5 || points > 1001) {
    throw new RangeError(`Expected quadrature points to be an integer in [5, 1001], received ${describeValue(points)}`);
  }
  if (typeof range !== 'number' || !Number.isFinite(range) || range <= 0) {
    throw new RangeError(`Expected quadrature range to be a finite number > 0, received ${describeValue(range)}`);
  }
  const theta = new Float64Array(points);
  const weight = new Float64Array(points);
  const logWeight = new Float64Array(points);
  const step = (2 * range) / (points - 1);
  let total = 0;
  for (let q = 0; q < points; q++) {
    const t = -range + q * step;
    theta[q] = t;
    weight[q] = Math.exp(-0.5 * t * t);
    total += weight[q]!;
  }
  for (let q = 0; q < points; q++) {
    weight[q]! /= total;
    logWeight[q] = Math.log(weight[q]!);
  }
  return { theta, weight, logWeight };
}
