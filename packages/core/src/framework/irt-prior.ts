import type { Framework } from './framework.schema.js';
import type { Irt } from './item-bank.schema.js';

/** Discrimination given to every item before any calibration (a moderate, typical value). */
export const PRIOR_DISCRIMINATION = 1.2;

/**
 * The expert-prior IRT parameters of an item, derived from its level by the documented rule of
 * `docs/decisions/0003-irt-priors-and-cut-points.md` (no calibration data exists yet):
 *
 * - difficulty `b` = the lower cut point of the item's level on the framework's θ scale
 *   (level L starts at `cutPoints[L − 2]`; level 1 at one level-width below `cutPoints[0]`), so an
 *   agent exactly at the start of level L succeeds on a level-L item half of the time (guessing
 *   aside), and "level L" means "succeeds on level-L items more often than not";
 * - discrimination `a` = {@link PRIOR_DISCRIMINATION};
 * - lower asymptote `c` = 1 / (2k) for a single-choice item with k options (blind guessing,
 *   halved because "Je ne sais pas" is offered), 0 for the other types (a full set of checked
 *   boxes, an ordering or a typed answer is rarely guessed);
 * - upper asymptote `d` = 1.
 */
export function priorItemParameters(
  item: { level: number; type: string; options?: readonly unknown[] },
  framework: Pick<Framework, 'cutPoints'>,
): Irt {
  const cuts = framework.cutPoints;
  const first = cuts[0] ?? -1.5;
  const width = (cuts[1] ?? first + 1) - first;
  const b = item.level <= 1 ? first - width : (cuts[item.level - 2] ?? first);
  const irt: Irt = { a: PRIOR_DISCRIMINATION, b: round(b) };
  if (item.type === 'single-choice' && item.options && item.options.length > 1) irt.c = round(1 / (2 * item.options.length));
  return irt;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
