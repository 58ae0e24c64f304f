import { informationAt } from '../irt/information.js';
import type { ThetaEstimate } from './ability-model.js';
import type { ResolvedConfig } from './config.js';
import type { ItemPool } from './item-pool.js';

/** What a strategy may look at: the pool, the configuration and the state of the test so far. */
export interface SelectionContext {
  pool: ItemPool;
  config: ResolvedConfig;
  /** Indices into `pool.domainIds` of the domains in scope. */
  scope: number[];
  /** Pool indices of the items already presented (answered or skipped), in order. */
  administered: number[];
  /** Current estimate of each domain (indexed like `pool.domainIds`). */
  estimates: ThetaEstimate[];
  /** Uniform random numbers in [0, 1), seeded. */
  random: () => number;
  /** The session's seed (for draws that must stay fixed for the whole session). */
  seed: number;
}

/** Chooses the θ at which the opening items are targeted, and which items may open the test. */
export interface Initializer {
  /** True while the test is still in its opening phase. */
  opening(context: SelectionContext): boolean;
  /** Whether pool item `i` may be presented during the opening phase. */
  allowsAtOpening(context: SelectionContext, i: number): boolean;
}

/** Chooses the next item, or `undefined` when nothing suitable is left. */
export interface Selector {
  select(context: SelectionContext): number | undefined;
}

/** Why a test stopped. */
export type StopReason = 'max-items' | 'target-se' | 'bank-exhausted';

/** Decides whether the test is over. */
export interface Stopper {
  stop(context: SelectionContext): StopReason | undefined;
}

/**
 * An easy start: the first `easyStartItems` items come from levels ≤ `easyStartMaxLevel`, so nobody
 * meets a discouraging first question (the top complaint about adaptive tests, Pix PR #6989).
 */
export const easyStartInitializer: Initializer = {
  opening: (context) => context.administered.length < context.config.easyStartItems,
  allowsAtOpening: (context, i) => (context.pool.items[i]?.level ?? Number.POSITIVE_INFINITY) <= context.config.easyStartMaxLevel,
};

/**
 * Content balancing: the next domain is the in-scope domain with the fewest items so far; ties go
 * to the larger standard error, then to a seeded random order (so the first domain varies).
 */
export function nextDomain(context: SelectionContext, eligible: (d: number) => boolean): number | undefined {
  const counts = new Map<number, number>();
  for (const i of context.administered) counts.set(context.pool.domainOf[i]!, (counts.get(context.pool.domainOf[i]!) ?? 0) + 1);
  const order = [...context.scope];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(context.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let best: number | undefined;
  for (const d of order) {
    if (!eligible(d)) continue;
    if (best === undefined) {
      best = d;
      continue;
    }
    const cd = counts.get(d) ?? 0;
    const cb = counts.get(best) ?? 0;
    if (cd < cb || (cd === cb && context.estimates[d]!.se > context.estimates[best]!.se + 1e-9)) best = d;
  }
  return best;
}

/**
 * Maximum Fisher information at the domain's current estimate, with the constraints of Jauge:
 * content balancing across the domains in scope, never two items of the same topic in a row, nothing
 * more than `maxAboveEstimate` above the estimate, an easy opening, and exposure control
 * (`config.exposureControl`: Sympson–Hetter by default, with the bank's calibrated parameters;
 * or the progressive method; or randomesque). Constraints are
 * relaxed, least important first, when they would leave nothing to ask.
 */
export function maxInfoSelector(initializer: Initializer = easyStartInitializer, options: SelectorOptions = {}): Selector {
  let info = new Float64Array(0);
  let used = new Uint8Array(0);
  return {
    select(context) {
      const { pool, config } = context;
      const n = pool.items.length;
      if (used.length !== n) used = new Uint8Array(n);
      else used.fill(0);
      for (const i of context.administered) used[i] = 1;
      const left = new Int32Array(pool.domainIds.length);
      for (let i = 0; i < n; i++) if (used[i] === 0) left[pool.domainOf[i]!]! += 1;
      const domain = nextDomain(context, (d) => left[d]! > 0);
      if (domain === undefined) return undefined;
      const theta = context.estimates[domain]!.theta;
      if (info.length !== n) info = new Float64Array(n);
      informationAt(theta, pool.a, pool.b, pool.c, pool.d, info);

      const candidates: number[] = [];
      for (let i = 0; i < n; i++) if (used[i] === 0 && pool.domainOf[i] === domain) candidates.push(i);
      const last = context.administered[context.administered.length - 1];
      const lastTopic = last === undefined ? -1 : pool.topicOf[last]!;
      const opening = initializer.opening(context);
      const cap = theta + config.maxAboveEstimate;
      // Constraints in order of importance; the least important are relaxed first when nothing is left.
      const passes = (i: number, keep: number) =>
        (keep < 1 || !opening || initializer.allowsAtOpening(context, i)) && (keep < 2 || pool.topicOf[i] !== lastTopic) && (keep < 3 || pool.b[i]! <= cap);
      for (let keep = 3; keep >= 0; keep--) {
        const eligible = keep === 0 ? candidates : candidates.filter((i) => passes(i, keep));
        if (eligible.length === 0) continue;
        let best = 0;
        for (const i of eligible) if (info[i]! > best) best = info[i]!;
        if (config.exposureControl === 'progressive') return progressive(eligible, info, best, context);
        if (config.exposureControl === 'randomesque') return randomesque(eligible, info, best, context);
        return sympsonHetter(eligible, info, options.k ?? pool.k, context, options.onConsidered);
      }
      return undefined;
    },
  };
}

/** Options of {@link maxInfoSelector} (advanced: exposure calibration). */
export interface SelectorOptions {
  /** Sympson–Hetter parameters to use instead of the bank's (indexed like the pool's items). */
  k?: Float64Array;
  /** Called with each item the Sympson–Hetter draw considers (to measure selection rates). */
  onConsidered?: (i: number) => void;
}

/**
 * Sympson–Hetter (1985): each item is given, when selected, with probability k (calibrated offline
 * so that no item is given to more than a target share of agents). Here the draw is made once per
 * session and item — an item that "fails" is set aside for the whole session, as in the original
 * method — from a hash of the session seed, so it needs no state and replays exactly. The most
 * informative item still available is chosen; if every candidate failed, the draws are ignored.
 */
function sympsonHetter(eligible: number[], info: Float64Array, k: Float64Array, context: SelectionContext, onConsidered?: (i: number) => void): number {
  let chosen = -1;
  let fallback = eligible[0]!;
  for (const i of eligible) {
    if (info[i]! > info[fallback]! || (info[i] === info[fallback] && i < fallback)) fallback = i;
    if (k[i]! < 1 && sessionUniform(context.seed, i) >= k[i]!) continue;
    if (chosen < 0 || info[i]! > info[chosen]! || (info[i] === info[chosen] && i < chosen)) chosen = i;
  }
  const picked = chosen >= 0 ? chosen : fallback;
  onConsidered?.(picked);
  return picked;
}

/** A uniform number in [0, 1) fixed for a (session seed, item) pair (splitmix32-style hash). */
export function sessionUniform(seed: number, item: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(item + 1, 0x85ebca77)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return ((z ^ (z >>> 15)) >>> 0) / 4294967296;
}

/**
 * Progressive method (Revuelta & Ponsoda 1998): score = (1 − s) · U · max I + s · I, with U uniform
 * and s the share of the test already done. Early items, chosen while θ is still vague, are spread
 * widely (little precision is lost there); the last items are chosen by information alone.
 */
function progressive(eligible: number[], info: Float64Array, best: number, context: SelectionContext): number {
  const s = Math.min(1, context.administered.length / Math.max(1, context.config.maxItems));
  let chosen = eligible[0]!;
  let top = Number.NEGATIVE_INFINITY;
  for (const i of eligible) {
    const score = (1 - s) * context.random() * best + s * info[i]!;
    if (score > top) {
      top = score;
      chosen = i;
    }
  }
  return chosen;
}

/**
 * Randomesque (Kingsbury & Zara 1989): a uniform choice among the `randomesque` most informative
 * items, widened to every item whose information is within `exposureTolerance` of the best.
 */
function randomesque(eligible: number[], info: Float64Array, best: number, context: SelectionContext): number {
  const floor = best * (1 - context.config.exposureTolerance);
  const near = eligible.filter((i) => info[i]! >= floor);
  let pool = near;
  if (near.length < context.config.randomesque) {
    pool = [...eligible].sort((x, y) => info[y]! - info[x]! || x - y).slice(0, context.config.randomesque);
  } else near.sort((x, y) => x - y);
  return pool[Math.floor(context.random() * pool.length)]!;
}

/**
 * Stops at `maxItems`; or, once `minItems` items were asked, when every domain in scope has a
 * standard error ≤ `targetSe`; or when no item is left.
 */
export const defaultStopper: Stopper = {
  stop(context) {
    const count = context.administered.length;
    if (count >= context.config.maxItems) return 'max-items';
    if (count >= context.config.minItems && context.scope.every((d) => context.estimates[d]!.se <= context.config.targetSe)) return 'target-se';
    return undefined;
  },
};
