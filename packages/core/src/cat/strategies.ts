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
 * more than `maxAboveEstimate` above the estimate, an easy opening, and randomesque exposure control
 * (Kingsbury & Zara 1989): a seeded uniform choice among the `randomesque` most informative items.
 * Constraints are relaxed in that order of importance when they would leave nothing to ask.
 */
export function maxInfoSelector(initializer: Initializer = easyStartInitializer): Selector {
  let info = new Float64Array(0);
  return {
    select(context) {
      const { pool, config } = context;
      const n = pool.items.length;
      const used = new Uint8Array(n);
      for (const i of context.administered) used[i] = 1;
      const inScope = new Uint8Array(pool.domainIds.length);
      for (const d of context.scope) inScope[d] = 1;
      const available = (i: number) => used[i] === 0 && inScope[pool.domainOf[i]!] === 1;
      const last = context.administered[context.administered.length - 1];
      const lastTopic = last === undefined ? -1 : pool.topicOf[last]!;
      const opening = initializer.opening(context);

      const domainHas = (d: number) => {
        for (let i = 0; i < n; i++) if (available(i) && pool.domainOf[i] === d) return true;
        return false;
      };
      const domain = nextDomain(context, domainHas);
      if (domain === undefined) return undefined;
      const theta = context.estimates[domain]!.theta;
      if (info.length !== n) info = new Float64Array(n);
      informationAt(theta, pool.a, pool.b, pool.c, pool.d, info);

      const filters: ((i: number) => boolean)[] = [
        (i) => !opening || initializer.allowsAtOpening(context, i),
        (i) => pool.topicOf[i] !== lastTopic,
        (i) => pool.b[i]! <= theta + config.maxAboveEstimate,
      ];
      // Relax the least important constraints first (the cap above the estimate, then the topic rule).
      for (let keep = filters.length; keep >= 0; keep--) {
        const candidates: number[] = [];
        for (let i = 0; i < n; i++) {
          if (!available(i) || pool.domainOf[i] !== domain) continue;
          let ok = true;
          for (let f = 0; f < keep && ok; f++) ok = filters[f]!(i);
          if (ok) candidates.push(i);
        }
        if (candidates.length === 0) continue;
        candidates.sort((x, y) => info[y]! - info[x]! || x - y);
        // Randomesque set: the `randomesque` most informative items, widened to every item whose
        // information is within `exposureTolerance` of the best (near-equivalent items share exposure).
        const floor = info[candidates[0]!]! * (1 - config.exposureTolerance);
        let top = Math.min(config.randomesque, candidates.length);
        while (top < candidates.length && info[candidates[top]!]! >= floor) top++;
        return candidates[Math.floor(context.random() * top)]!;
      }
      return undefined;
    },
  };
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
