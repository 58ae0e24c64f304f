import type { Catalogue, Training } from '../framework/catalogue.schema.js';
import type { Framework } from '../framework/framework.schema.js';
import type { GoalTrigger, PrerequisiteTrigger, Rule, Rules } from '../framework/rules.schema.js';
import type { TargetProfile } from '../framework/target-profile.schema.js';
import type { AssessmentResult } from '../scoring/result.js';
import { goalSentence, prerequisiteSentence, profileGapSentence, type ReasonLang, uncertainSentence } from './explain.js';
import { probabilityBelow, type TargetLevel, targetLevel } from './target-levels.js';

/** The cut points of the reference framework, used when no framework is given. */
export const DEFAULT_CUT_POINTS: readonly number[] = Object.freeze([-1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 4.5]);

/** Options of {@link recommend}. */
export interface RecommendOptions {
  catalogue: Catalogue;
  /** Recommendation rules; when absent, each training gets an implicit rule (goal: its competences below `levels.max + 1`). */
  rules?: Rules;
  /** The agent's target profile: rules restricted to other profiles are ignored, and gaps are measured against its requirements. */
  profile?: TargetProfile;
  /** The framework (for topic targets and its cut points). */
  framework?: Framework;
  /** What to do when the deciding level is within its uncertainty of the threshold: `flag` it (default) or `hold` the recommendation back. */
  uncertainty?: 'flag' | 'hold';
  /** A level is "near" a threshold when the probability of being on the other side exceeds this. Defaults to 0.25. */
  nearProbability?: number;
  /** At most this many recommendations. Defaults to no limit. */
  limit?: number;
  /** Language of the sentences. Defaults to `fr`. */
  lang?: ReasonLang;
}

/** One structured reason of a recommendation, with the sentence built from it. */
export interface RecommendationReason {
  kind: 'profile-gap' | 'goal' | 'prerequisite';
  target: { id: string; kind: TargetLevel['kind']; title: string };
  /** The agent's measured level and its uncertainty (levels). */
  level: number;
  levelSe: number;
  /** The threshold: the level required by the profile, the goal's `below`, or the prerequisite's `atLeast`. */
  threshold: number;
  /** Probability that the true level is on the other side of the threshold. */
  doubt: number;
  near: boolean;
  /** The rule that produced it. */
  rule: string;
  text: string;
}

/** A training proposed to the agent, with why. */
export interface Recommendation {
  training: Training;
  /** The rule (or implicit rule) that proposed it. */
  rule: string;
  score: number;
  priority: number;
  /** Largest gap (levels) between what is required and what is measured. */
  gap: number;
  /** True when the deciding level is close to its threshold given its uncertainty. */
  uncertain: boolean;
  reasons: RecommendationReason[];
  /** The reasons as one paragraph. */
  text: string;
}

function implicitRules(catalogue: Catalogue): Rule[] {
  return catalogue.trainings.map((training) => ({
    id: `implicite-${training.id}`,
    training: training.id,
    priority: 3,
    goal: { targets: [...training.competences], below: Math.min(9, training.levels.max + 1), match: 'any' as const },
    ...(training.levels.min > 1 ? { prerequisite: { targets: [...training.competences], atLeast: training.levels.min - 1, match: 'any' as const } } : {}),
  }));
}

interface Evaluated {
  holds: boolean;
  reasons: RecommendationReason[];
  gap: number;
}

function evaluateGoal(rule: Rule, goal: GoalTrigger, result: AssessmentResult, options: RecommendOptions, cuts: readonly number[], lang: ReasonLang): Evaluated {
  const match = goal.match ?? 'any';
  const levels = goal.targets.map((id) => targetLevel(result, id, options.framework, lang)).filter((t): t is TargetLevel => t !== undefined);
  if (levels.length === 0) return { holds: false, reasons: [], gap: 0 };
  const below = levels.filter((t) => t.level < goal.below);
  const holds = match === 'all' ? below.length === levels.length : below.length > 0;
  const near = options.nearProbability ?? 0.25;
  const reasons: RecommendationReason[] = [];
  let gap = 0;
  for (const t of below) {
    const requirement = options.profile ? requirementFor(options.profile, t, options.framework) : undefined;
    const threshold = requirement ?? goal.below;
    if (requirement !== undefined && t.level >= requirement) continue; // the profile asks for no more than this
    const doubt = 1 - probabilityBelow(t, threshold, cuts);
    const kind = requirement !== undefined ? 'profile-gap' : 'goal';
    gap = Math.max(gap, threshold - t.level);
    reasons.push({
      kind,
      target: { id: t.id, kind: t.kind, title: t.title },
      level: t.level,
      levelSe: t.levelSe,
      threshold,
      doubt,
      near: doubt > near,
      rule: rule.id,
      text: kind === 'profile-gap' ? profileGapSentence(t, t.level, t.levelSe, threshold, lang) : goalSentence(t, t.level, t.levelSe, threshold, lang),
    });
  }
  // With a profile, a goal holds only where the profile actually requires more than measured.
  const profileHolds = options.profile === undefined || reasons.length > 0;
  return { holds: holds && profileHolds, reasons, gap };
}

function evaluatePrerequisite(rule: Rule, trigger: PrerequisiteTrigger, result: AssessmentResult, options: RecommendOptions, cuts: readonly number[], lang: ReasonLang): Evaluated {
  const match = trigger.match ?? 'all';
  const levels = trigger.targets.map((id) => targetLevel(result, id, options.framework, lang)).filter((t): t is TargetLevel => t !== undefined);
  if (levels.length === 0) return { holds: false, reasons: [], gap: 0 };
  const met = levels.filter((t) => t.level >= trigger.atLeast);
  const holds = match === 'all' ? met.length === levels.length : met.length > 0;
  const near = options.nearProbability ?? 0.25;
  const reasons = met.map((t) => {
    const doubt = probabilityBelow(t, trigger.atLeast, cuts);
    return {
      kind: 'prerequisite' as const,
      target: { id: t.id, kind: t.kind, title: t.title },
      level: t.level,
      levelSe: t.levelSe,
      threshold: trigger.atLeast,
      doubt,
      near: doubt > near,
      rule: rule.id,
      text: prerequisiteSentence(t, t.level, trigger.atLeast, lang),
    };
  });
  return { holds, reasons, gap: 0 };
}

/** The level a profile requires for a target: its own requirement, or the highest among its competences / its competence. */
function requirementFor(profile: TargetProfile, target: TargetLevel, framework?: Framework): number | undefined {
  const direct = profile.requirements.find((r) => r.competence === target.id || r.topic === target.id);
  if (direct) return direct.level;
  if (target.kind === 'domain' && framework) {
    const competences = framework.domains.find((d) => d.id === target.id)?.competences.map((c) => c.id) ?? [];
    const levels = profile.requirements.filter((r) => r.competence && competences.includes(r.competence)).map((r) => r.level);
    return levels.length > 0 ? Math.max(...levels) : undefined;
  }
  if (target.kind === 'domain') {
    const levels = profile.requirements.filter((r) => r.competence?.startsWith(`${target.id}.`)).map((r) => r.level);
    return levels.length > 0 ? Math.max(...levels) : undefined;
  }
  return undefined;
}

/**
 * Proposes trainings: a rule proposes its training when its prerequisite holds (the agent has the
 * basics it assumes) and its goal does not (the agent is below what it teaches) — Pix's training
 * triggers, on estimated levels. With a target profile, a goal counts only where the profile
 * requires more than measured, and the gap is measured against the profile.
 *
 * Ranking: score = gap × priority (1–5, default 3); ties by priority, then by training id, so the
 * same input always gives the same order. A training proposed by several rules appears once, with
 * the reasons of its best rule. When the deciding level is within its uncertainty of a threshold
 * (probability on the other side > `nearProbability`), the recommendation is flagged `uncertain`
 * and says so, or is held back with `uncertainty: 'hold'`. Only trainings of the catalogue are
 * ever returned.
 *
 * @example
 * ```ts
 * import { recommend } from '@jauge/core';
 * import { catalogue, rules, profiles } from '@jauge/core/reference';
 * declare const result: import('@jauge/core').AssessmentResult;
 * const profile = profiles.profiles.find((p) => p.id === 'tout-agent');
 * const list = recommend(result, { catalogue, rules, ...(profile ? { profile } : {}), limit: 3 });
 * for (const r of list) console.log(r.training.title, '—', r.text);
 * ```
 */
export function recommend(result: AssessmentResult, options: RecommendOptions): Recommendation[] {
  const lang = options.lang ?? 'fr';
  const cuts = options.framework?.cutPoints ?? DEFAULT_CUT_POINTS;
  const trainings = new Map(options.catalogue.trainings.map((t) => [t.id, t]));
  const rules = options.rules?.rules ?? implicitRules(options.catalogue);
  const best = new Map<string, Recommendation>();
  for (const rule of rules) {
    const training = trainings.get(rule.training);
    if (!training) continue;
    if (rule.profiles && !(options.profile && rule.profiles.includes(options.profile.id))) continue;
    const goal = evaluateGoal(rule, rule.goal, result, options, cuts, lang);
    if (!goal.holds) continue;
    const prerequisite = rule.prerequisite ? evaluatePrerequisite(rule, rule.prerequisite, result, options, cuts, lang) : { holds: true, reasons: [], gap: 0 };
    if (!prerequisite.holds) continue;
    const reasons = [...goal.reasons, ...prerequisite.reasons];
    const uncertain = reasons.some((r) => r.near);
    if (uncertain && options.uncertainty === 'hold') continue;
    const priority = rule.priority ?? 3;
    const score = goal.gap * priority;
    const text = [...reasons.map((r) => r.text), ...(uncertain ? [uncertainSentence(lang)] : [])].join(' ');
    const candidate: Recommendation = { training, rule: rule.id, score, priority, gap: goal.gap, uncertain, reasons, text };
    const previous = best.get(training.id);
    if (!previous || score > previous.score || (score === previous.score && priority > previous.priority)) best.set(training.id, candidate);
  }
  const list = [...best.values()].sort((x, y) => y.score - x.score || y.priority - x.priority || (x.training.id < y.training.id ? -1 : x.training.id > y.training.id ? 1 : 0));
  return options.limit !== undefined ? list.slice(0, Math.max(0, options.limit)) : list;
}
