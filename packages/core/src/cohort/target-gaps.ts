import type { ValidationIssue } from '../errors.js';
import { indexFramework } from '../framework/framework-index.js';
import type { Framework } from '../framework/framework.schema.js';
import type { TargetProfile } from '../framework/target-profile.schema.js';

/** A target profile reduced to the level it requires per competence. @internal */
export interface CompiledProfile {
  id: string;
  /** Competence id → required level. */
  required: Map<string, number>;
}

/**
 * Compiles a target profile: each competence requires the highest level asked of it or of one of
 * its topics. A topic has no estimate of its own (one or two items at most), so its competence's
 * level stands for it, as in the recommendations. Topic requirements need the framework.
 * @internal
 */
export function compileProfile(profile: TargetProfile, framework: Framework | undefined, path: string): CompiledProfile | ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const required = new Map<string, number>();
  const index = framework ? indexFramework(framework) : undefined;
  if (typeof profile !== 'object' || profile === null || !Array.isArray(profile.requirements) || typeof profile.id !== 'string') {
    return [{ path, message: 'expected a target profile { id, requirements: [{ competence | topic, level }] }' }];
  }
  profile.requirements.forEach((requirement, r) => {
    const at = `${path}.requirements[${r}]`;
    const level = requirement.level;
    if (!Number.isInteger(level) || level < 1 || level > 8) {
      issues.push({ path: `${at}.level`, message: `expected an integer level 1–8, found ${String(level)}` });
      return;
    }
    let competence = requirement.competence;
    if (competence === undefined && requirement.topic !== undefined) {
      if (!index) {
        issues.push({ path: `${at}.topic`, message: 'a requirement on a topic needs the `framework` option (to find its competence)' });
        return;
      }
      competence = index.topics.get(requirement.topic)?.competence.id;
      if (competence === undefined) {
        issues.push({ path: `${at}.topic`, message: `expected a topic of framework "${framework!.id}", found "${requirement.topic}"` });
        return;
      }
    }
    if (competence === undefined) {
      issues.push({ path: at, message: 'expected a "competence" or a "topic"' });
      return;
    }
    if (index && !index.competences.has(competence)) {
      issues.push({ path: `${at}.competence`, message: `expected a competence of framework "${framework!.id}", found "${competence}"` });
      return;
    }
    required.set(competence, Math.max(level, required.get(competence) ?? 0));
  });
  return issues.length > 0 ? issues : { id: profile.id, required };
}
