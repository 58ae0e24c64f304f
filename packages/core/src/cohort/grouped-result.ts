import type { AssessmentResult } from '../scoring/result.js';

/** A level with its uncertainty in levels: all a competence map reads of an estimate. */
export interface LevelSummary {
  /** Level 1–8. */
  level: number;
  /** Uncertainty in levels (`LevelEstimate.levelSe`). */
  levelSe: number;
}

/**
 * The part of an {@link AssessmentResult} that aggregation reads. An `AssessmentResult` is one;
 * {@link summarizeResult} keeps only this (data minimisation: no answers, no titles, no θ).
 */
export interface ResultSummary {
  framework: { id: string; version: string };
  /** `false` for an interrupted assessment, which aggregation refuses. */
  complete?: boolean;
  overall: LevelSummary;
  domains: readonly (LevelSummary & { id: string })[];
  competences?: readonly (LevelSummary & { id: string; domain: string })[];
}

/**
 * One result tagged with the groups of its agent (`direction`, `service`, `role`, `site`…): the
 * input of {@link aggregateResults}. Only the `groupBy` fields of `group` enter a map; nothing
 * else of the record does, and a record carries no agent identifier.
 */
export interface GroupedResult {
  /** An `AssessmentResult`, or its {@link ResultSummary}. */
  result: ResultSummary;
  group: Readonly<Record<string, string>>;
  /** Ids of the trainings recommended to this agent (used when no `recommendations` option is given). */
  trainings?: readonly string[];
}

/**
 * Keeps only what a competence map needs of a result: framework, completion, and the level with
 * its uncertainty of the overall result, each domain and each competence. Use it before a result
 * leaves the agent's browser for aggregation (data minimisation).
 *
 * @example
 * ```ts
 * import { summarizeResult, type Assessment } from '@jauge/core';
 * declare const assessment: Assessment;
 * const record = { result: summarizeResult(assessment.result()), group: { direction: 'DGFiP', service: 'SIP Lyon' } };
 * ```
 */
export function summarizeResult(result: AssessmentResult | ResultSummary): ResultSummary {
  const level = (estimate: LevelSummary): LevelSummary => ({ level: estimate.level, levelSe: estimate.levelSe });
  return {
    framework: { id: result.framework.id, version: result.framework.version },
    ...(result.complete !== undefined ? { complete: result.complete } : {}),
    overall: level(result.overall),
    domains: result.domains.map((d) => ({ id: d.id, ...level(d) })),
    competences: (result.competences ?? []).map((c) => ({ id: c.id, domain: c.domain, ...level(c) })),
  };
}

/** Largest accepted `levelSe` (levels only span 1–8; anything larger is a defect upstream). */
export const MAX_LEVEL_SE = 10;

/** Longest accepted group value. */
export const MAX_GROUP_VALUE_LENGTH = 200;

// Field names that designate a person rather than a group: grouping by them would put an agent
// identifier in a map. Compared after lower-casing and removing accents and non-letters.
const IDENTIFIER_FIELDS = new Set([
  'id', 'agent', 'agentid', 'user', 'userid', 'uid', 'login', 'actor', 'learner', 'learnerid', 'person', 'personid',
  'email', 'mail', 'courriel', 'adressemail', 'name', 'nom', 'prenom', 'firstname', 'lastname', 'fullname', 'nomprenom',
  'matricule', 'nir', 'numerosecu', 'ssn', 'telephone', 'phone', 'ip', 'ipaddress',
]);

/** Whether a group field name looks like a personal identifier (`email`, `matricule`, `agent_id`…). */
export function isIdentifierField(field: string): boolean {
  const folded = field.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return IDENTIFIER_FIELDS.has(folded);
}
