import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateItemParameters } from './estimate-items.js';
import { dimensionDataFromMatrix } from './response-data.js';

// Reference: R's eRm 1.0.2 (conditional ML, Σβ = 0) on the data sets of scripts/check-erm.sh,
// committed in test/fixtures/calibration/erm/. CML and MML fix the origin differently, so both
// sets of logit difficulties are centred before comparison.
const fixtures = new URL('../../test/fixtures/calibration/erm/', import.meta.url);

function compare(name: 'complete' | 'booklets') {
  const rows = readFileSync(new URL(`rasch-${name}.txt`, fixtures), 'utf8')
    .trim()
    .split('\n')
    .map((line) => [...line].map((c) => (c === '.' ? null : c === '1' ? 1 : 0)));
  const erm = readFileSync(new URL(`erm-${name}.csv`, fixtures), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[1]));
  const fit = estimateItemParameters(dimensionDataFromMatrix(rows), { model: 'rasch', priorB: null, priorLogA: null, tolerance: 1e-8 });
  const logits = [...fit.b].map((b) => fit.a[0]! * b);
  const centre = (xs: number[]) => xs.map((x) => x - xs.reduce((s, v) => s + v, 0) / xs.length);
  const x = centre(logits);
  const y = centre(erm);
  const differences = x.map((v, i) => Math.abs(v - y[i]!));
  const correlation = x.reduce((s, v, i) => s + v * y[i]!, 0) / Math.sqrt(x.reduce((s, v) => s + v * v, 0) * y.reduce((s, v) => s + v * v, 0));
  return { correlation, mean: differences.reduce((s, d) => s + d, 0) / differences.length, max: Math.max(...differences) };
}

describe('Rasch MML against eRm (conditional ML)', () => {
  it('agrees to 0.005 logit on average on complete data (1,500 agents × 20 items)', () => {
    const { correlation, mean, max } = compare('complete');
    expect(correlation).toBeGreaterThan(0.99999);
    expect(mean).toBeLessThan(0.005);
    expect(max).toBeLessThan(0.01);
  });

  it('agrees within a third of an SE on three linked booklets (1,500 agents, 12 of 24 items each)', () => {
    // CML conditions each booklet on its own scores; MML also uses the booklets' common population.
    const { correlation, mean, max } = compare('booklets');
    expect(correlation).toBeGreaterThan(0.9999);
    expect(mean).toBeLessThan(0.05);
    expect(max).toBeLessThan(0.08);
  });
});
