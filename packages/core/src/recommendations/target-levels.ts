import type { AssessmentResult } from '../scoring/result.js';
import { normalCdf } from '../scoring/levels.js';
import type { Framework } from '../framework/framework.schema.js';
import { indexFramework } from '../framework/framework-index.js';

/** The measured level of a framework node (domain, competence or topic), with its uncertainty. */
export interface TargetLevel {
  id: string;
  kind: 'domain' | 'competence' | 'topic';
  title: string;
  level: number;
  /** Uncertainty in levels (the result's `levelSe`). */
  levelSe: number;
  theta: number;
  se: number;
}

/**
 * Reads a node's level from a result. Domains and competences are estimated; a topic takes its
 * competence's estimate (topics get one or two items at most, too few for an estimate of their own).
 */
export function targetLevel(result: AssessmentResult, id: string, framework?: Framework, lang = 'fr'): TargetLevel | undefined {
  const found = findTargetLevel(result, id, framework);
  if (!found || lang.startsWith('fr') || !framework) return found;
  // Titles in the result are in the framework's language; take the translation when there is one.
  const index = indexFramework(framework);
  const node = index.domains.get(id) ?? index.competences.get(id)?.competence ?? index.topics.get(id)?.topic;
  const translated = node?.translations?.[lang.slice(0, 2)]?.title;
  return typeof translated === 'string' ? { ...found, title: translated } : found;
}

function findTargetLevel(result: AssessmentResult, id: string, framework?: Framework): TargetLevel | undefined {
  const domain = result.domains.find((d) => d.id === id);
  if (domain) return { id, kind: 'domain', title: domain.title, level: domain.level, levelSe: domain.levelSe, theta: domain.theta, se: domain.se };
  const competence = result.competences.find((c) => c.id === id);
  if (competence) return { id, kind: 'competence', title: competence.title, level: competence.level, levelSe: competence.levelSe, theta: competence.theta, se: competence.se };
  if (!framework) return undefined;
  for (const d of framework.domains) {
    for (const c of d.competences) {
      const topic = c.topics.find((t) => t.id === id);
      if (!topic) continue;
      const parent = result.competences.find((r) => r.id === c.id);
      if (!parent) return undefined;
      return { id, kind: 'topic', title: topic.title, level: parent.level, levelSe: parent.levelSe, theta: parent.theta, se: parent.se };
    }
  }
  return undefined;
}

/**
 * Probability, under the estimate, that the true level is below `level` (i.e. θ is below the cut
 * point where `level` starts).
 */
export function probabilityBelow(target: TargetLevel, level: number, cutPoints: readonly number[]): number {
  if (level <= 1) return 0;
  if (level > cutPoints.length + 1) return 1;
  const cut = cutPoints[level - 2]!;
  return target.se > 0 ? normalCdf((cut - target.theta) / target.se) : target.theta < cut ? 1 : 0;
}
