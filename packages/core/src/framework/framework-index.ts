import type { Competence, Domain, Framework, Skill, Topic } from './framework.schema.js';

/** Where a skill sits in its framework. */
export interface SkillPlace {
  skill: Skill;
  topic: Topic;
  competence: Competence;
  domain: Domain;
}

/** Lookup tables of a framework, built once per framework object. */
export interface FrameworkIndex {
  domains: Map<string, Domain>;
  competences: Map<string, { competence: Competence; domain: Domain }>;
  topics: Map<string, { topic: Topic; competence: Competence; domain: Domain }>;
  skills: Map<string, SkillPlace>;
}

const cache = new WeakMap<Framework, FrameworkIndex>();

/** Builds (once, then cached) the id → node tables of a framework. */
export function indexFramework(framework: Framework): FrameworkIndex {
  const cached = cache.get(framework);
  if (cached) return cached;
  const index: FrameworkIndex = { domains: new Map(), competences: new Map(), topics: new Map(), skills: new Map() };
  for (const domain of framework.domains) {
    index.domains.set(domain.id, domain);
    for (const competence of domain.competences) {
      index.competences.set(competence.id, { competence, domain });
      for (const topic of competence.topics) {
        index.topics.set(topic.id, { topic, competence, domain });
        for (const skill of topic.skills) index.skills.set(skill.id, { skill, topic, competence, domain });
      }
    }
  }
  cache.set(framework, index);
  return index;
}

/** What kind of node an id designates in a framework, if any. */
export function nodeKind(index: FrameworkIndex, id: string): 'domain' | 'competence' | 'topic' | 'skill' | undefined {
  if (index.domains.has(id)) return 'domain';
  if (index.competences.has(id)) return 'competence';
  if (index.topics.has(id)) return 'topic';
  if (index.skills.has(id)) return 'skill';
  return undefined;
}
