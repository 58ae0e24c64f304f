import type { Rules } from '../framework/rules.schema.js';
import type { Recommendation } from './recommend.js';

/** An ordered plan of trainings. */
export interface LearningPath {
  steps: Recommendation[];
  /** Sum of the known durations, in minutes. */
  totalMinutes: number;
  /** Steps whose duration is not known (not counted in `totalMinutes`). */
  unknownDurations: number;
}

/**
 * Turns recommendations into a learning path: at most `limit` trainings (default 5), chosen by
 * rank, each training once even when it covers several domains, then ordered so that a training
 * comes after those that build what its prerequisite needs, and otherwise by level (easiest first)
 * and rank.
 */
export function learningPath(recommendations: readonly Recommendation[], options: { limit?: number; rules?: Rules } = {}): LearningPath {
  const limit = options.limit ?? 5;
  const chosen: Recommendation[] = [];
  const seen = new Set<string>();
  for (const recommendation of recommendations) {
    if (chosen.length >= limit) break;
    if (seen.has(recommendation.training.id)) continue;
    seen.add(recommendation.training.id);
    chosen.push(recommendation);
  }
  const rulesById = new Map((options.rules?.rules ?? []).map((rule) => [rule.id, rule]));
  const goalTargets = (r: Recommendation) => new Set(rulesById.get(r.rule)?.goal.targets ?? r.training.competences);
  const prerequisiteTargets = (r: Recommendation) => rulesById.get(r.rule)?.prerequisite?.targets ?? [];
  // b depends on a when a teaches (goal) something b assumes (prerequisite) at a lower level.
  const dependsOn = (b: Recommendation, a: Recommendation) =>
    a !== b && a.training.levels.min < b.training.levels.min && prerequisiteTargets(b).some((t) => goalTargets(a).has(t));
  const rank = new Map(chosen.map((r, i) => [r, i]));
  const ordered: Recommendation[] = [];
  const remaining = [...chosen];
  while (remaining.length > 0) {
    const ready = remaining.filter((b) => !remaining.some((a) => dependsOn(b, a)));
    const pool = ready.length > 0 ? ready : remaining; // a cycle cannot happen (levels strictly increase), but stay total
    pool.sort((x, y) => x.training.levels.min - y.training.levels.min || rank.get(x)! - rank.get(y)!);
    const next = pool[0]!;
    ordered.push(next);
    remaining.splice(remaining.indexOf(next), 1);
  }
  let totalMinutes = 0;
  let unknownDurations = 0;
  for (const step of ordered) {
    if (step.training.durationMinutes === undefined) unknownDurations++;
    else totalMinutes += step.training.durationMinutes;
  }
  return { steps: ordered, totalMinutes, unknownDurations };
}
