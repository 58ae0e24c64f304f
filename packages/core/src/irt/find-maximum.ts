/** A smooth function of θ to maximise, with its first two derivatives. */
export interface Objective {
  /** f(θ). */
  value(theta: number): number;
  /** f′(θ) and f″(θ). */
  derivatives(theta: number): { first: number; second: number };
}

/** Default spacing of the scan that locates the global maximum, on the θ scale. */
export const SCAN_STEP = 0.05;
/** The scan never evaluates more than this many nodes (wide intervals get a coarser scan). */
export const SCAN_MAX_NODES = 4000;

/**
 * Global maximiser of a smooth function on [lower, upper] (which it may attain at a bound).
 *
 * 1. Scan: evaluate f on equally spaced nodes (step 0.05, at most 4001 nodes) and keep the
 *    best one, so that a 3PL / 4PL likelihood with several local maxima is not trapped in the
 *    wrong one (Yen, Burket & Sykes 1991: the 3PL likelihood equation can have several roots).
 * 2. Refine: in the two cells around the best node, solve f′ = 0 by Newton's method safeguarded
 *    by bisection (rtsafe, Press et al. 2007, §9.4): every step keeps a sign-changing bracket
 *    and a Newton step leaving it, or not halving the previous step, is replaced by bisection.
 *    Golden-section search is the last resort if no sign change is found.
 *
 * @internal Used by `estimateAbility` (MAP, MLE); not re-exported from `@jauge/core`.
 * @returns the maximiser, to about 1e-12.
 */
export function findMaximum(objective: Objective, lower: number, upper: number): number {
  if (!(upper > lower)) return lower;
  const nodes = Math.min(SCAN_MAX_NODES, Math.max(2, Math.ceil((upper - lower) / SCAN_STEP)));
  const node = (k: number): number => (k >= nodes ? upper : lower + ((upper - lower) * k) / nodes);
  let best = 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let k = 0; k <= nodes; k++) {
    const value = objective.value(node(k));
    if (value > bestValue) {
      bestValue = value;
      best = k;
    }
  }
  const slope = (theta: number): number => objective.derivatives(theta).first;
  const lo = node(Math.max(0, best - 1));
  const hi = node(Math.min(nodes, best + 1));
  const mid = node(best);
  const gMid = slope(mid);
  if (gMid === 0) return mid;
  if (gMid > 0) {
    if (best === nodes) return upper; // still rising at the upper bound
    if (slope(hi) < 0) return newtonBisect(objective, mid, hi);
  } else {
    if (best === 0) return lower; // already falling at the lower bound
    if (slope(lo) > 0) return newtonBisect(objective, lo, mid);
  }
  return goldenSection(objective, lo, hi);
}

/** Root of f′ in (lo, hi), given f′(lo) > 0 > f′(hi): safeguarded Newton (rtsafe). */
function newtonBisect(objective: Objective, lo: number, hi: number): number {
  let x = 0.5 * (lo + hi);
  let dx = hi - lo;
  let dxOld = dx;
  for (let iteration = 0; iteration < 200; iteration++) {
    const { first, second } = objective.derivatives(x);
    if (first === 0) return x;
    if (first > 0) lo = x;
    else hi = x;
    const newton = second < 0 ? x - first / second : Number.NaN;
    dxOld = dx;
    if (newton > lo && newton < hi && Math.abs(newton - x) < 0.5 * Math.abs(dxOld)) {
      dx = newton - x;
      x = newton;
    } else {
      dx = 0.5 * (hi - lo);
      x = lo + dx;
    }
    if (Math.abs(dx) <= 1e-13 * (1 + Math.abs(x)) || hi - lo <= 1e-13 * (1 + Math.abs(x))) return x;
  }
  return x;
}

/** Maximiser of a unimodal f on [lo, hi] by golden-section search (Kiefer 1953). */
function goldenSection(objective: Objective, lo: number, hi: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - ratio * (hi - lo);
  let x2 = lo + ratio * (hi - lo);
  let f1 = objective.value(x1);
  let f2 = objective.value(x2);
  while (hi - lo > 1e-12 * (1 + Math.abs(lo))) {
    if (f1 >= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - ratio * (hi - lo);
      f1 = objective.value(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + ratio * (hi - lo);
      f2 = objective.value(x2);
    }
  }
  return 0.5 * (lo + hi);
}
