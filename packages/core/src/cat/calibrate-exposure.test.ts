import { describe, expect, it } from 'vitest';
import { syntheticContent } from '../../test/synthetic-bank.js';
import { calibrateExposure } from './calibrate-exposure.js';
import { simulateCohort } from './simulate.js';

describe('Sympson–Hetter exposure control', () => {
  const content = syntheticContent({ domains: 2, itemsPerDomain: 30, seed: 4 });
  const config = { maxItems: 12, minItems: 12, easyStartItems: 0 };

  it('calibrates k so that the most exposed item falls toward the target, and the engine honours it', { timeout: 60_000 }, () => {
    const before = simulateCohort({ ...content, agents: 300, seed: 8, config });
    const calibration = calibrateExposure({ ...content, agents: 200, iterations: 6, target: 0.3, seed: 3, config });
    expect(Object.keys(calibration.k).length).toBeGreaterThan(0);
    for (const k of Object.values(calibration.k)) expect(k).toBeLessThan(1);
    const bank = { ...content.items, items: content.items.items.map((item) => (item.type !== 'self-rating' && calibration.k[item.id] !== undefined ? { ...item, exposure: { k: calibration.k[item.id]! } } : item)) };
    const after = simulateCohort({ framework: content.framework, items: bank, agents: 300, seed: 8, config });
    expect(before.exposure.max).toBeGreaterThan(0.5);
    // Six iterations halve the worst exposure (the benchmark runs more: docs/benchmarks.md).
    expect(after.exposure.max).toBeLessThan(before.exposure.max - 0.4);
    expect(after.exposure.max).toBeLessThan(0.5);
    // Precision is kept: the overall RMSE grows by less than 15 %.
    expect(after.overall.rmse).toBeLessThan(before.overall.rmse * 1.15);
  });
});
