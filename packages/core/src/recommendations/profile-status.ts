import type { Framework } from '../framework/framework.schema.js';
import type { TargetProfile } from '../framework/target-profile.schema.js';
import type { AssessmentResult } from '../scoring/result.js';
import { DEFAULT_CUT_POINTS } from './recommend.js';
import { probabilityBelow, targetLevel } from './target-levels.js';

/** How a result compares with a target profile ("profil atteint"). */
export interface ProfileStatus {
  profile: string;
  /** True when every requirement is met by the reported levels. */
  reached: boolean;
  met: number;
  total: number;
  requirements: {
    target: string;
    title: string;
    required: number;
    level: number;
    met: boolean;
    /** Probability that the true level is on the other side of the requirement. */
    doubt: number;
  }[];
}

/** Compares a result with a target profile, requirement by requirement, with the doubt on each. */
export function profileStatus(result: AssessmentResult, profile: TargetProfile, framework?: Framework): ProfileStatus {
  const cuts = framework?.cutPoints ?? DEFAULT_CUT_POINTS;
  const requirements: ProfileStatus['requirements'] = [];
  for (const requirement of profile.requirements) {
    const id = requirement.competence ?? requirement.topic;
    const target = id ? targetLevel(result, id, framework) : undefined;
    if (!target) continue; // outside the assessed scope (e.g. a domain left out of the test)
    const met = target.level >= requirement.level;
    const below = probabilityBelow(target, requirement.level, cuts);
    requirements.push({ target: target.id, title: target.title, required: requirement.level, level: target.level, met, doubt: met ? below : 1 - below });
  }
  const met = requirements.filter((r) => r.met).length;
  return { profile: profile.id, reached: requirements.length > 0 && met === requirements.length, met, total: requirements.length, requirements };
}
