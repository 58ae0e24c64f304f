import type { Framework } from '../framework/framework.schema.js';
import type { ItemBank } from '../framework/item-bank.schema.js';
import type { AssessmentConfig } from './config.js';
import { compilePool } from './item-pool.js';
import { type PopulationOptions, simulateCohort } from './simulate.js';
import { maxInfoSelector } from './strategies.js';

/** Options of {@link calibrateExposure}. */
export interface CalibrateExposureOptions {
  framework: Framework;
  items: ItemBank;
  /** Highest share of agents who may see one item. Defaults to 0.25. */
  target?: number;
  /** Simulated agents per iteration. Defaults to 2,000. */
  agents?: number;
  /** Iterations. Defaults to 10. */
  iterations?: number;
  seed?: number;
  config?: AssessmentConfig;
  population?: PopulationOptions;
}

/** The calibrated Sympson–Hetter parameters and how exposure evolved. */
export interface ExposureCalibration {
  /** Item id → k (only items with k < 1). */
  k: Record<string, number>;
  /** Highest exposure rate after each iteration. */
  maxExposure: number[];
}

/**
 * Calibrates Sympson–Hetter exposure parameters by simulation (Sympson & Hetter 1985, with the
 * iterative adjustment of Stocking & Lewis): start with k = 1; simulate agents; multiply each
 * item's k by 0.95 · target / (its observed exposure rate), capped at 1; repeat. The result goes
 * into the bank as `exposure.k`.
 */
export function calibrateExposure(options: CalibrateExposureOptions): ExposureCalibration {
  const { framework, items, target = 0.25, agents = 2000, iterations = 10, seed = 1, population } = options;
  const pool = compilePool(framework, items);
  const n = pool.items.length;
  const k = new Float64Array(n).fill(1);
  const maxExposure: number[] = [];
  const config: AssessmentConfig = { ...options.config, exposureControl: 'sympson-hetter' };
  for (let iteration = 0; iteration < iterations; iteration++) {
    const given = new Float64Array(n);
    const selector = maxInfoSelector(undefined, { k });
    simulateCohort({
      framework,
      items,
      agents,
      seed: seed + iteration,
      config,
      ...(population ? { population } : {}),
      strategies: { selector },
      onAgent: ({ result }) => {
        for (const a of result.answered) {
          const i = pool.byId.get(a.itemId);
          if (i !== undefined) given[i]! += 1;
        }
      },
    });
    let max = 0;
    for (let i = 0; i < n; i++) {
      max = Math.max(max, given[i]! / agents);
      const rate = given[i]! / agents;
      // Multiplicative update toward 95 % of the target (a margin for sampling noise): items given
      // too often get a lower k, items below target whose k was lowered recover toward 1.
      if (rate > 0) k[i] = Math.min(1, (k[i]! * 0.95 * target) / rate);
    }
    maxExposure.push(max);
  }
  const out: Record<string, number> = {};
  pool.items.forEach((item, i) => {
    if (k[i]! < 1) out[item.id] = Math.round(k[i]! * 1000) / 1000;
  });
  return { k: out, maxExposure };
}
