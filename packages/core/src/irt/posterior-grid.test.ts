import { describe, expect, it } from 'vitest';
import { irtReference, patternNamed, responsesOf } from '../../test/fixtures/irt/irt-reference.js';
import type { ReferencePattern } from '../../test/fixtures/irt/irt-reference.js';
import { estimateAbility } from './estimate-ability.js';
import type { PosteriorGrid, PosteriorGridOptions } from './posterior-grid.js';
import {
  clonePosteriorGrid,
  createPosteriorGrid,
  defaultGridPoints,
  posteriorEdgeWeight,
  posteriorSummary,
  updatePosterior,
} from './posterior-grid.js';

/** Feeds a pattern's answers one by one, as the adaptive engine does. */
function incremental(pattern: ReferencePattern, options?: PosteriorGridOptions): PosteriorGrid {
  const grid = createPosteriorGrid(pattern.prior, options);
  for (const { item, correct } of responsesOf(pattern)) updatePosterior(grid, item, correct);
  return grid;
}

describe('createPosteriorGrid', () => {
  it('follows the prior: mean ± 8 sd, 201 nodes for N(0, 1), step ≤ 0.08 on the θ scale', () => {
    const standard = createPosteriorGrid();
    expect(standard.theta.length).toBe(201);
    expect(standard.theta[0]).toBe(-8);
    expect(standard.theta[200]).toBe(8);
    expect(standard.theta[100]).toBe(0);
    expect(standard.step).toBeCloseTo(0.08, 15);

    const wide = createPosteriorGrid({ mean: 3, sd: 2 });
    expect(wide.theta.length).toBe(401);
    expect(wide.theta[0]).toBe(-13);
    expect(wide.theta[400]).toBe(19);
    expect(wide.theta[200]).toBe(3);
    expect(defaultGridPoints({ mean: 3, sd: 2 })).toBe(401);

    const narrow = createPosteriorGrid({ mean: -1, sd: 0.5 });
    expect(narrow.theta.length).toBe(201);
    expect(narrow.theta[0]).toBe(-5);
    expect(narrow.theta[200]).toBe(3);
  });

  it('holds the log prior, 0 at the mean', () => {
    const grid = createPosteriorGrid({ mean: 1, sd: 0.5 }, { points: 5, span: 2 });
    expect(Array.from(grid.theta)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(Array.from(grid.logPosterior)).toEqual([-2, -0.5, -0, -0.5, -2]);
  });

  it('says what it expected and received', () => {
    expect(() => createPosteriorGrid({ mean: 0, sd: -1 })).toThrow(new RangeError('Expected prior.sd > 0, received -1'));
    expect(() => createPosteriorGrid(undefined, { points: 2 })).toThrow(
      new RangeError('Expected options.points to be an integer ≥ 3, received 2'),
    );
    expect(() => createPosteriorGrid(undefined, { span: 0 })).toThrow(
      new RangeError('Expected options.span to be a finite number > 0, received 0'),
    );
  });
});

describe('updatePosterior + posteriorSummary', () => {
  it('agree with estimateAbility (EAP, same prior) to < 1e-6 for every pattern the grid contains', () => {
    let compared = 0;
    for (const pattern of irtReference.patterns) {
      const grid = incremental(pattern);
      if (posteriorEdgeWeight(grid) > 1e-7) continue; // see the prior-conflict test below
      const fromGrid = posteriorSummary(grid);
      const batch = estimateAbility(responsesOf(pattern), { prior: pattern.prior });
      expect(Math.abs(fromGrid.theta - batch.theta), pattern.name).toBeLessThan(1e-6);
      expect(Math.abs(fromGrid.se - batch.se), pattern.name).toBeLessThan(1e-6);
      expect(Math.abs(fromGrid.theta - pattern.eap.theta), pattern.name).toBeLessThan(1e-6);
      compared += 1;
    }
    expect(compared).toBe(irtReference.patterns.length - 1);
  });

  it('still agree to < 1e-6 on a coarser 161-node grid (step 0.1 prior SD) for priors with sd ≤ 1', () => {
    for (const pattern of irtReference.patterns) {
      if (pattern.prior.sd > 1) continue;
      const grid = incremental(pattern, { points: 161 });
      if (posteriorEdgeWeight(grid) > 1e-7) continue;
      const { theta, se } = posteriorSummary(grid);
      expect(Math.abs(theta - pattern.eap.theta), pattern.name).toBeLessThan(1e-6);
      expect(Math.abs(se - pattern.eap.se), pattern.name).toBeLessThan(1e-6);
    }
  });

  it('flags, through posteriorEdgeWeight, answers that push the posterior against the end of the grid', () => {
    const conflict = patternNamed('60 2PL all correct N(-1,0.5)'); // exact EAP ≈ 2.05, grid ends at 3
    const grid = incremental(conflict);
    expect(posteriorEdgeWeight(grid)).toBeGreaterThan(1e-3);
    expect(Math.abs(posteriorSummary(grid).theta - conflict.eap.theta)).toBeGreaterThan(1e-4);
    const wider = incremental(conflict, { span: 16 });
    expect(posteriorEdgeWeight(wider)).toBeLessThan(1e-12);
    expect(Math.abs(posteriorSummary(wider).theta - conflict.eap.theta)).toBeLessThan(1e-6);
    expect(posteriorEdgeWeight(incremental(patternNamed('60 informative mixed N(0,1)')))).toBeLessThan(1e-100);
  });

  it('updates in place and returns the same grid; clonePosteriorGrid keeps a snapshot', () => {
    const grid = createPosteriorGrid();
    const before = clonePosteriorGrid(grid);
    const returned = updatePosterior(grid, { a: 1.4, b: 0.2 }, true);
    expect(returned).toBe(grid);
    expect(before.logPosterior).not.toBe(grid.logPosterior);
    expect(posteriorSummary(before).theta).toBeCloseTo(0, 15);
    expect(posteriorSummary(before).se).toBeCloseTo(1, 12);
    expect(posteriorSummary(grid).theta).toBeGreaterThan(0.2);
    const batch = estimateAbility([{ item: { a: 1.4, b: 0.2 }, correct: true }]);
    expect(posteriorSummary(grid).theta).toBeCloseTo(batch.theta, 12);
    expect(posteriorSummary(grid).se).toBeCloseTo(batch.se, 12);
  });

  it('is insensitive to the scale of the log posterior (subtracts the maximum before exp)', () => {
    const grid = incremental(patternNamed('20 4PL mixed N(0,1)'));
    const reference = posteriorSummary(grid);
    for (let k = 0; k < grid.logPosterior.length; k++) grid.logPosterior[k]! -= 1e6;
    const shifted = posteriorSummary(grid);
    expect(Math.abs(shifted.theta - reference.theta)).toBeLessThan(1e-9);
    expect(Math.abs(shifted.se - reference.se)).toBeLessThan(1e-9);
  });

  it('stays finite after hundreds of answers, and rejects a NaN log posterior', () => {
    const grid = createPosteriorGrid();
    for (let i = 0; i < 400; i++) updatePosterior(grid, { a: 1.2, b: ((i % 9) - 4) / 2 }, i % 3 !== 0);
    const { theta, se } = posteriorSummary(grid);
    expect(Number.isFinite(theta) && Number.isFinite(se) && se > 0).toBe(true);
    updatePosterior(grid, { a: Number.NaN, b: 0 }, true);
    expect(() => posteriorSummary(grid)).toThrow(new RangeError('Expected a finite log posterior at node 0, received NaN'));
  });
});
