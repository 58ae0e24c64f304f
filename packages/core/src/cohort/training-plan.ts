import { JaugeValidationError } from '../errors.js';
import type { Catalogue, TrainingFormat } from '../framework/catalogue.schema.js';
import type { CompetenceMap, MapRow, SuppressionReason } from './competence-map.js';

/** Options of {@link planTrainings}. */
export interface TrainingPlanOptions {
  /** Gives each training its title, provider, format and link. */
  catalogue?: Catalogue;
  /** Keep a training for a group only from this many agents (e.g. 8 for an in-person session). Defaults to 1. */
  minAgents?: number;
  /**
   * Plan per group (`groupBy.length`, default), per subtotal level (1 = per direction with
   * `['direction', 'service']`), or 0 for the whole population only.
   */
  depth?: number;
}

/** A training to open for a group, with the number of agents it was recommended to. */
export interface PlannedTraining {
  id: string;
  title?: string;
  provider?: string;
  format?: TrainingFormat;
  url?: string;
  agents: number;
  /** `agents` over the group's number of results. */
  share: number;
}

/** The trainings to open for one group, most needed first. */
export interface TrainingPlanGroup {
  key: Record<string, string>;
  /** Results in the group. */
  n: number;
  /** Σ agents over the trainings: the group's total need (an agent may count for several trainings). */
  need: number;
  trainings: PlannedTraining[];
}

/** A training-needs plan: per group, the trainings to open with the agents concerned, ordered by need. */
export interface TrainingPlan {
  framework: { id: string; version: string } | null;
  groupBy: string[];
  depth: number;
  /** The map's suppression threshold (1: a raw map, small groups visible). */
  minGroupSize: number;
  /** Groups with at least one training, by decreasing need (ties by key). */
  groups: TrainingPlanGroup[];
  /** Groups not published in the map: their needs are counted in the whole population only. */
  suppressed: { key: Record<string, string>; reason: SuppressionReason }[];
  /** The whole population. */
  overall: TrainingPlanGroup | null;
}

/**
 * Turns a competence map into a training-needs plan: for each published group, the trainings
 * recommended to its agents, with how many agents each concerns, most needed first, and groups
 * ordered by total need. Suppressed groups are listed without figures (their agents still count
 * in `overall`, if the totals are published). Export with `trainingPlanToCsv` or `JSON.stringify`.
 *
 * @example
 * ```ts
 * import { planTrainings, type CompetenceMap } from '@jauge/core';
 * import { catalogue } from '@jauge/core/reference';
 * declare const map: CompetenceMap;
 * const plan = planTrainings(map, { catalogue, minAgents: 5 });
 * for (const group of plan.groups) console.log(group.key, group.trainings.map((t) => `${t.title}: ${t.agents}`));
 * ```
 */
export function planTrainings(map: CompetenceMap, options: TrainingPlanOptions = {}): TrainingPlan {
  const { catalogue, minAgents = 1, depth = map.groupBy.length } = options;
  if (!Number.isInteger(depth) || depth < 0 || depth > map.groupBy.length) {
    throw new JaugeValidationError('training plan options', [{ path: 'depth', message: `expected an integer from 0 to ${map.groupBy.length}, found ${String(depth)}` }]);
  }
  if (!Number.isInteger(minAgents) || minAgents < 1) {
    throw new JaugeValidationError('training plan options', [{ path: 'minAgents', message: `expected an integer ≥ 1, found ${String(minAgents)}` }]);
  }
  const trainings = new Map((catalogue?.trainings ?? []).map((training) => [training.id, training]));
  const plan = (row: MapRow): TrainingPlanGroup | undefined => {
    if (row.suppressed) return undefined;
    const list = row.trainings
      .filter((t) => t.agents >= minAgents)
      .map(({ id, agents }): PlannedTraining => {
        const training = trainings.get(id);
        return {
          id,
          ...(training ? { title: training.title, provider: training.provider, format: training.format, ...(training.url ? { url: training.url } : {}) } : {}),
          agents,
          share: row.n > 0 ? agents / row.n : 0,
        };
      });
    return { key: { ...row.key }, n: row.n, need: list.reduce((sum, t) => sum + t.agents, 0), trainings: list };
  };
  const rows = depth === 0 ? [] : depth === map.groupBy.length ? map.groups : map.subtotals.filter((row) => Object.keys(row.key).length === depth);
  const groups = rows
    .map(plan)
    .filter((group): group is TrainingPlanGroup => group !== undefined && group.trainings.length > 0)
    .sort((a, b) => b.need - a.need || compareKeys(a.key, b.key, map.groupBy));
  return {
    framework: map.framework ? { ...map.framework } : null,
    groupBy: [...map.groupBy],
    depth,
    minGroupSize: map.minGroupSize,
    groups,
    suppressed: rows.flatMap((row) => (row.suppressed ? [{ key: { ...row.key }, reason: row.reason }] : [])),
    overall: plan(map.totals) ?? null,
  };
}

function compareKeys(a: Record<string, string>, b: Record<string, string>, fields: readonly string[]): number {
  for (const field of fields) {
    const x = a[field] ?? '';
    const y = b[field] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
