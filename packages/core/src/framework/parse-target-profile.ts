import { indexFramework } from './framework-index.js';
import type { Framework } from './framework.schema.js';
import { type TargetProfile, TargetProfileSchema, type TargetProfiles, TargetProfilesSchema } from './target-profile.schema.js';
import { checkUnique, validate } from './validate.js';

function checkProfile(profile: TargetProfile, path: string, framework: Framework, report: (path: string, message: string) => void): void {
  const index = indexFramework(framework);
  const targets: [string, string][] = [];
  profile.requirements.forEach((requirement, r) => {
    const rPath = `${path}requirements[${r}]`;
    const { competence, topic } = requirement;
    if ((competence === undefined) === (topic === undefined)) {
      report(rPath, 'expected exactly one of "competence" or "topic"');
      return;
    }
    if (competence !== undefined) {
      if (!index.competences.has(competence)) report(`${rPath}.competence`, `expected the id of a competence of framework "${framework.id}", found "${competence}"`);
      targets.push([competence, `${rPath}.competence`]);
    }
    if (topic !== undefined) {
      if (!index.topics.has(topic)) report(`${rPath}.topic`, `expected the id of a topic of framework "${framework.id}", found "${topic}"`);
      targets.push([topic, `${rPath}.topic`]);
    }
  });
  checkUnique(targets, report, 'requirement target');
  profile.focus?.forEach((id, f) => {
    if (!index.domains.has(id)) report(`${path}focus[${f}]`, `expected the id of a domain of framework "${framework.id}", found "${id}"`);
  });
}

/**
 * Validates one target profile (a job role's required level per competence or topic) against a
 * framework: requirements point to existing competences or topics, once each, with levels 1–8.
 *
 * @throws {@link JaugeValidationError} listing every problem with its path.
 */
export function parseTargetProfile(input: unknown, framework: Framework): TargetProfile {
  return validate(TargetProfileSchema, input, 'target profile', (profile, report) => checkProfile(profile, '', framework, report));
}

/**
 * Validates a file of target profiles (unique profile ids, each profile as in
 * {@link parseTargetProfile}).
 *
 * @throws {@link JaugeValidationError} listing every problem with its path.
 */
export function parseTargetProfiles(input: unknown, framework: Framework): TargetProfiles {
  return validate(TargetProfilesSchema, input, 'target profiles', (file, report) => {
    checkUnique(file.profiles.map((profile, p) => [profile.id, `profiles[${p}].id`]), report, 'profile');
    file.profiles.forEach((profile, p) => checkProfile(profile, `profiles[${p}].`, framework, report));
  });
}
