import type { AbilityModel } from '../cat/ability-model.js';
import type { ItemPool } from '../cat/item-pool.js';
import type { SessionState } from '../cat/session.js';
import type { StopReason } from '../cat/strategies.js';
import { indexFramework } from '../framework/framework-index.js';
import type { Framework } from '../framework/framework.schema.js';
import type { Item } from '../framework/item-bank.schema.js';
import { probability } from '../irt/probability.js';
import { type LevelEstimate, levelEstimate } from './levels.js';

/** A domain's result: its level with uncertainty, and what it rests on. */
export interface DomainResult extends LevelEstimate {
  id: string;
  title: string;
  /** Scored items of this domain answered or skipped. */
  answered: number;
  correct: number;
  skipped: number;
  /** The agent's own view of this domain (self-rating), if given: the scale step and its level. */
  selfRating?: { step: string; level: number };
}

/** A competence's result (shrunk toward its domain: few items per competence). */
export interface CompetenceResult extends LevelEstimate {
  id: string;
  title: string;
  domain: string;
  answered: number;
}

/** One item of the test, as reported after it: what it was, the outcome, and why. */
export interface AnsweredItem {
  itemId: string;
  type: Item['type'];
  domain: string;
  competence?: string;
  level?: number;
  /** The scenario shown before the question, if any. */
  context?: string;
  stem: string;
  outcome: 'correct' | 'incorrect' | 'skipped' | 'rated';
  explanation?: string;
  sources?: { publisher: string; title: string; url?: string }[];
}

/** The result of an assessment (complete or partial). */
export interface AssessmentResult {
  framework: { id: string; version: string };
  bank: { id: string; version: string };
  complete: boolean;
  /** Why the test stopped (`null` while it runs). */
  stopReason: StopReason | null;
  /** The mean ability over the domains in scope, with its uncertainty. */
  overall: LevelEstimate;
  domains: DomainResult[];
  competences: CompetenceResult[];
  answered: AnsweredItem[];
  counts: { answered: number; correct: number; skipped: number };
}

/** Spread of a competence's ability around its domain's (θ units), for per-competence shrinkage. */
export const COMPETENCE_SD = 0.5;

interface BuildInput {
  framework: Framework;
  items: Map<string, Item>;
  pool: ItemPool;
  model: AbilityModel;
  state: SessionState;
  scope: number[];
}

/**
 * Builds the result from the session. Per competence, θ_c = θ_domain + N(0, COMPETENCE_SD²): the
 * prior of a competence is the domain's posterior computed *without* that competence's items
 * (approximated as normal), widened by COMPETENCE_SD, then updated with the competence's own items
 * on a grid. A competence without items reports its domain's estimate with the wider SE.
 */
export function buildResult({ framework, items, pool, model, state, scope }: BuildInput): AssessmentResult {
  const index = indexFramework(framework);
  const estimates = model.estimates(scope);
  const answered: AnsweredItem[] = [];
  const perDomain = new Map<string, { answered: number; correct: number; skipped: number }>();
  const perCompetence = new Map<string, { i: number; correct: boolean }[]>();
  const selfRatings = new Map<string, string>();
  for (const entry of state.log) {
    const item = items.get(entry.itemId);
    if (!item) continue;
    if (item.type === 'self-rating') {
      if (entry.kind === 'self-rating') selfRatings.set(item.domain, entry.response);
      answered.push({ itemId: item.id, type: item.type, domain: item.domain, stem: item.stem, outcome: 'rated' });
      continue;
    }
    const place = index.skills.get(item.skill)!;
    const correct = entry.kind === 'answer' && entry.correct;
    const counts = perDomain.get(place.domain.id) ?? { answered: 0, correct: 0, skipped: 0 };
    counts.answered++;
    if (correct) counts.correct++;
    if (entry.kind === 'skip') counts.skipped++;
    perDomain.set(place.domain.id, counts);
    const list = perCompetence.get(place.competence.id) ?? [];
    list.push({ i: pool.byId.get(item.id)!, correct });
    perCompetence.set(place.competence.id, list);
    answered.push({
      itemId: item.id,
      type: item.type,
      domain: place.domain.id,
      competence: place.competence.id,
      level: item.level,
      ...(item.context ? { context: item.context } : {}),
      stem: item.stem,
      outcome: entry.kind === 'skip' ? 'skipped' : correct ? 'correct' : 'incorrect',
      explanation: item.explanation,
      ...(item.sources ? { sources: item.sources.map((source) => ({ ...source })) } : {}),
    });
  }

  const domains: DomainResult[] = scope.map((d, k) => {
    const id = pool.domainIds[d]!;
    const domain = index.domains.get(id)!;
    const estimate = estimates.domains[k]!;
    const counts = perDomain.get(id) ?? { answered: 0, correct: 0, skipped: 0 };
    const step = selfRatings.get(id);
    const stepLevel = framework.selfRatingScale.find((s) => s.id === step)?.level;
    return {
      id,
      title: domain.title,
      ...levelEstimate(estimate.theta, estimate.se, framework),
      ...counts,
      ...(step && stepLevel !== undefined ? { selfRating: { step, level: stepLevel } } : {}),
    };
  });

  const competences: CompetenceResult[] = [];
  scope.forEach((d, k) => {
    const domainId = pool.domainIds[d]!;
    const domainEstimate = estimates.domains[k]!;
    for (const competence of index.domains.get(domainId)!.competences) {
      const own = perCompetence.get(competence.id) ?? [];
      const estimate = competenceEstimate(domainEstimate, own, model, pool);
      competences.push({ id: competence.id, title: competence.title, domain: domainId, answered: own.length, ...levelEstimate(estimate.theta, estimate.se, framework) });
    }
  });

  const totals = { answered: 0, correct: 0, skipped: 0 };
  for (const counts of perDomain.values()) {
    totals.answered += counts.answered;
    totals.correct += counts.correct;
    totals.skipped += counts.skipped;
  }
  return {
    framework: { ...state.framework },
    bank: { id: state.bank.id, version: state.bank.version },
    complete: state.stopReason !== null,
    stopReason: state.stopReason,
    overall: levelEstimate(estimates.overall.theta, estimates.overall.se, framework),
    domains,
    competences,
    answered,
    counts: totals,
  };
}

function competenceEstimate(
  domain: { theta: number; se: number },
  own: { i: number; correct: boolean }[],
  model: AbilityModel,
  pool: ItemPool,
): { theta: number; se: number } {
  // Remove the competence's own items from the domain posterior (normal approximation: divide
  // the domain posterior by the competence's likelihood, evaluated through its information).
  let precision = 1 / (domain.se * domain.se);
  let priorMean = domain.theta;
  const theta = model.theta;
  const logLik = new Float64Array(theta.length);
  for (const { i, correct } of own) {
    const item = { a: pool.a[i]!, b: pool.b[i]!, c: pool.c[i]!, d: pool.d[i]! };
    for (let k = 0; k < theta.length; k++) {
      const p = probability(theta[k]!, item);
      logLik[k]! += Math.log(correct ? p : 1 - p);
    }
  }
  if (own.length > 0) {
    // Quadratic approximation of the competence's log-likelihood at the domain estimate t0
    // (slope s, curvature −I): the domain posterior without it is N(t0 − s / (P − I), 1 / (P − I)).
    const h = 0.05;
    const f = (t: number) => interpolate(theta, logLik, t);
    const t0 = domain.theta;
    const slope = (f(t0 + h) - f(t0 - h)) / (2 * h);
    const info = Math.max(0, -(f(t0 + h) - 2 * f(t0) + f(t0 - h)) / (h * h));
    const rest = Math.max(precision - info, 0.25); // never less informative than N(·, 2²)
    priorMean = t0 - slope / rest;
    precision = rest;
  }
  const priorSd = Math.sqrt(1 / precision + COMPETENCE_SD * COMPETENCE_SD);
  if (own.length === 0) return { theta: priorMean, se: priorSd };
  let top = Number.NEGATIVE_INFINITY;
  const post = new Float64Array(theta.length);
  for (let k = 0; k < theta.length; k++) {
    const z = (theta[k]! - priorMean) / priorSd;
    post[k] = logLik[k]! - 0.5 * z * z;
    if (post[k]! > top) top = post[k]!;
  }
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let k = 0; k < theta.length; k++) {
    const w = Math.exp(post[k]! - top);
    w0 += w;
    w1 += w * theta[k]!;
    w2 += w * theta[k]! * theta[k]!;
  }
  const mean = w1 / w0;
  return { theta: mean, se: Math.sqrt(Math.max(0, w2 / w0 - mean * mean)) };
}

function interpolate(xs: Float64Array, ys: Float64Array, x: number): number {
  const n = xs.length;
  const step = (xs[n - 1]! - xs[0]!) / (n - 1);
  const pos = Math.min(n - 1.000001, Math.max(0, (x - xs[0]!) / step));
  const k = Math.floor(pos);
  const t = pos - k;
  return ys[k]! * (1 - t) + ys[k + 1]! * t;
}
