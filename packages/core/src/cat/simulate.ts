import type { Framework } from '../framework/framework.schema.js';
import type { ItemBank, ScoredItem } from '../framework/item-bank.schema.js';
import { probability } from '../irt/probability.js';
import { createRandom, type Random } from '../random.js';
import type { AssessmentResult } from '../scoring/result.js';
import { type AssessmentOptions, createAssessment } from './assessment.js';
import type { AssessmentConfig } from './config.js';
import { compilePool } from './item-pool.js';

/** The population simulated agents are drawn from. */
export interface PopulationOptions {
  /**
   * Mean of the domain abilities: one number for every domain, or a mean per domain id (a domain
   * left out has mean 0), e.g. to simulate a service stronger in cybersecurity. Defaults to 0.
   */
  mean?: number | Readonly<Record<string, number>>;
  /** Standard deviation of every domain ability. Defaults to 1. */
  sd?: number;
  /** Correlation between two domain abilities of an agent. Defaults to 0.6. */
  domainCorrelation?: number;
  /** Probability of answering "Je ne sais pas" instead of responding. Defaults to 0. */
  skipRate?: number;
}

/** Options of {@link simulateCohort}. */
export interface SimulateCohortOptions {
  framework: Framework;
  items: ItemBank;
  /** Number of simulated agents. */
  agents: number;
  /** Seed of the whole simulation (abilities, responses, engine). Defaults to 1. */
  seed?: number;
  config?: AssessmentConfig;
  population?: PopulationOptions;
  /** Strategies to use instead of the defaults (e.g. an instrumented selector). */
  strategies?: AssessmentOptions['strategies'];
  /** Called with each agent's true abilities and result (e.g. to build a demo cohort). Nothing is kept otherwise. */
  onAgent?: (agent: SimulatedAgent) => void;
}

/** One simulated agent: the true ability per domain (in scope order) and the result of the test. */
export interface SimulatedAgent {
  index: number;
  trueTheta: Record<string, number>;
  result: AssessmentResult;
}

/** Accuracy of one estimate over the cohort. */
export interface AccuracyMetrics {
  /** Mean of (estimate − truth). */
  bias: number;
  /** Root mean square error. */
  rmse: number;
  /** Mean reported standard error (compare with rmse: an honest SE is close to it). */
  meanSe: number;
  /** Share of agents whose reported level equals their true level. */
  levelAgreement: number;
}

/** What a simulation measures: accuracy, test length, item exposure and test overlap. */
export interface SimulationReport {
  agents: number;
  /** Accuracy of the overall ability (mean over domains in scope). */
  overall: AccuracyMetrics;
  /** Accuracy per domain. */
  domains: Record<string, AccuracyMetrics>;
  testLength: { mean: number; median: number; min: number; max: number };
  stopReasons: Record<string, number>;
  /** Highest share of agents who saw one item, and the mean over items. */
  exposure: { max: number; mean: number; itemsNeverUsed: number };
  /** Expected share of items two agents have in common (Chen, Ankenmann & Spray 2003). */
  overlap: number;
}

/** Draws correlated domain abilities: θ_d = mean + sd (√ρ g + √(1 − ρ) e_d). */
export function drawAbilities(random: Random, domains: readonly string[], population: PopulationOptions = {}): Record<string, number> {
  const { mean = 0, sd = 1, domainCorrelation = 0.6 } = population;
  const g = gaussian(random);
  const out: Record<string, number> = {};
  for (const id of domains) {
    const centre = typeof mean === 'number' ? mean : (mean[id] ?? 0);
    out[id] = centre + sd * (Math.sqrt(domainCorrelation) * g + Math.sqrt(1 - domainCorrelation) * gaussian(random));
  }
  return out;
}

/** A standard normal draw (Box–Muller). */
export function gaussian(random: Random): number {
  let u = random();
  while (u <= Number.MIN_VALUE) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A response that is correct (the key) or incorrect (a wrong but well-formed response). */
export function simulatedResponse(item: ScoredItem, correct: boolean): string | string[] {
  switch (item.type) {
    case 'single-choice':
      return correct ? item.answer : item.options.find((option) => option.id !== item.answer)!.id;
    case 'multiple-choice': {
      if (correct) return [...item.answer];
      const wrong = item.options.find((option) => !item.answer.includes(option.id));
      return wrong ? [...item.answer, wrong.id] : item.answer.slice(1);
    }
    case 'ordering':
      return correct ? [...item.answer] : [...item.answer].reverse();
    case 'short-text':
      return correct ? item.answer[0]! : '—';
  }
}

/**
 * Runs `agents` simulated agents through the adaptive test, each answering from true abilities
 * drawn from a correlated normal population with the items' own IRT parameters, and measures what
 * an administration needs to choose its test: accuracy per domain (bias, RMSE, mean SE, level
 * agreement), test length, item exposure and overlap. Memory does not grow with `agents`.
 *
 * @example
 * ```ts
 * import { simulateCohort } from '@jauge/core';
 * import { framework, items } from '@jauge/core/reference';
 * const report = simulateCohort({ framework, items, agents: 200, config: { maxItems: 30 } });
 * console.log(report.overall.rmse, report.testLength.median, report.exposure.max);
 * ```
 */
export function simulateCohort(options: SimulateCohortOptions): SimulationReport {
  const { framework, items, agents, seed = 1, config, population = {}, onAgent, strategies } = options;
  const random = createRandom(seed);
  const pool = compilePool(framework, items);
  const byId = new Map(items.items.map((item) => [item.id, item]));
  const exposure = new Map<string, number>();
  const lengths: number[] = [];
  const stopReasons: Record<string, number> = {};
  const sums = new Map<string, { error: number; squared: number; se: number; agree: number }>();
  const add = (key: string, estimate: number, truth: number, se: number, agree: boolean) => {
    const s = sums.get(key) ?? { error: 0, squared: 0, se: 0, agree: 0 };
    s.error += estimate - truth;
    s.squared += (estimate - truth) ** 2;
    s.se += se;
    s.agree += agree ? 1 : 0;
    sums.set(key, s);
  };
  let scope: string[] = [];
  for (let n = 0; n < agents; n++) {
    const assessment = createAssessment({ framework, items, seed: Math.floor(random() * 2 ** 31), ...(config ? { config } : {}), ...(strategies ? { strategies } : {}) });
    if (scope.length === 0) scope = assessment.toJSON().config.domains;
    const truth = drawAbilities(random, scope, population);
    for (let item = assessment.nextItem(); item; item = assessment.nextItem()) {
      if (item.type === 'self-rating') {
        assessment.answer(item.id, item.scale![Math.min(item.scale!.length - 1, 2)]!.id);
        continue;
      }
      exposure.set(item.id, (exposure.get(item.id) ?? 0) + 1);
      if (random() < (population.skipRate ?? 0)) {
        assessment.skip(item.id);
        continue;
      }
      const source = byId.get(item.id) as ScoredItem;
      const correct = random() < probability(truth[item.domain.id]!, source.irt);
      assessment.answer(item.id, simulatedResponse(source, correct));
    }
    const result = assessment.result();
    lengths.push(result.counts.answered);
    stopReasons[result.stopReason ?? 'none'] = (stopReasons[result.stopReason ?? 'none'] ?? 0) + 1;
    const trueOverall = scope.reduce((sum, id) => sum + truth[id]!, 0) / scope.length;
    const levelOfTruth = (theta: number) => framework.cutPoints.filter((cut) => theta >= cut).length + 1;
    add('overall', result.overall.theta, trueOverall, result.overall.se, result.overall.level === levelOfTruth(trueOverall));
    for (const domain of result.domains) add(domain.id, domain.theta, truth[domain.id]!, domain.se, domain.level === levelOfTruth(truth[domain.id]!));
    onAgent?.({ index: n, trueTheta: truth, result });
  }
  const metrics = (key: string): AccuracyMetrics => {
    const s = sums.get(key) ?? { error: 0, squared: 0, se: 0, agree: 0 };
    return { bias: s.error / agents, rmse: Math.sqrt(s.squared / agents), meanSe: s.se / agents, levelAgreement: s.agree / agents };
  };
  const sorted = [...lengths].sort((x, y) => x - y);
  const meanLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, agents);
  const rates = pool.items.filter((item) => scope.includes(pool.domainIds[pool.domainOf[pool.byId.get(item.id)!]!]!)).map((item) => (exposure.get(item.id) ?? 0) / agents);
  const sumSquares = rates.reduce((a, r) => a + r * r, 0);
  const overlap = agents > 1 && meanLength > 0 ? (agents / (agents - 1)) * (sumSquares / meanLength) - 1 / (agents - 1) : 0;
  return {
    agents,
    overall: metrics('overall'),
    domains: Object.fromEntries(scope.map((id) => [id, metrics(id)])),
    testLength: { mean: meanLength, median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 },
    stopReasons,
    exposure: { max: Math.max(0, ...rates), mean: rates.reduce((a, b) => a + b, 0) / Math.max(1, rates.length), itemsNeverUsed: rates.filter((r) => r === 0).length },
    overlap,
  };
}
