import { describe, expect, it } from 'vitest';
import { irtReference, patternNamed, relativeError, responsesOf } from '../../test/fixtures/irt/irt-reference.js';
import { estimateAbility } from './estimate-ability.js';
import type { EstimateAbilityOptions } from './estimate-ability.js';
import { testInformation } from './information.js';
import type { ItemResponse } from './item-response.js';
import { probability } from './probability.js';

const patterns = irtReference.patterns;

describe('estimateAbility — EAP (default)', () => {
  it('is within 1e-4 of the exact posterior mean and SD (mpmath quadrature over ℝ) for every pattern', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(25);
    for (const pattern of patterns) {
      const estimate = estimateAbility(responsesOf(pattern), { prior: pattern.prior });
      expect(Math.abs(estimate.theta - pattern.eap.theta), pattern.name).toBeLessThan(1e-4);
      expect(Math.abs(estimate.se - pattern.eap.se), pattern.name).toBeLessThan(1e-4);
    }
  });

  it('is in fact within 1e-9, narrow posteriors after 60 informative items included (guards the grid)', () => {
    for (const pattern of patterns) {
      const estimate = estimateAbility(responsesOf(pattern), { prior: pattern.prior });
      expect(Math.abs(estimate.theta - pattern.eap.theta), pattern.name).toBeLessThan(1e-9);
      expect(Math.abs(estimate.se - pattern.eap.se), pattern.name).toBeLessThan(1e-9);
    }
    const narrowest = Math.min(...patterns.map((pattern) => pattern.eap.se));
    expect(narrowest).toBeLessThan(0.13);
  });

  it('uses N(0, 1) by default', () => {
    const pattern = patternNamed('20 3PL mixed N(0,1)');
    expect(estimateAbility(responsesOf(pattern))).toEqual(estimateAbility(responsesOf(pattern), { prior: { mean: 0, sd: 1 } }));
  });

  it('follows the prior: with N(3, 2) it matches the exact mean, where a fixed grid on [−6, 6] is off by ~0.3', () => {
    const pattern = patternNamed('5 4PL mixed N(3,2)');
    const responses = responsesOf(pattern);
    const estimate = estimateAbility(responses, { prior: pattern.prior });
    expect(Math.abs(estimate.theta - pattern.eap.theta)).toBeLessThan(1e-4);
    expect(Math.abs(fixedGridEap(responses, pattern.prior) - pattern.eap.theta)).toBeGreaterThan(0.2);
  });

  it('reports the posterior SD as standard error, not 1 / √(information + prior precision)', () => {
    const pattern = patternNamed('5 2PL all correct N(0,1)');
    const responses = responsesOf(pattern);
    const { theta, se } = estimateAbility(responses);
    const items = responses.map((response) => response.item);
    const asymptotic = 1 / Math.sqrt(testInformation(theta, items) + 1);
    expect(Math.abs(se - pattern.eap.se)).toBeLessThan(1e-9);
    expect(Math.abs(asymptotic - pattern.eap.se)).toBeGreaterThan(0.01);
  });

  it('returns the prior mean and SD exactly when there is no response', () => {
    expect(estimateAbility([])).toEqual({ theta: 0, se: 1 });
    expect(estimateAbility([], { prior: { mean: -1, sd: 0.5 } })).toEqual({ theta: -1, se: 0.5 });
  });
});

describe('estimateAbility — MAP', () => {
  it('is within 1e-6 of the exact posterior mode, se = 1 / √(observed information + 1 / sd²)', () => {
    for (const pattern of patterns) {
      const estimate = estimateAbility(responsesOf(pattern), { method: 'MAP', prior: pattern.prior });
      expect(Math.abs(estimate.theta - pattern.map.theta), pattern.name).toBeLessThan(1e-6);
      expect(Math.abs(estimate.se - pattern.map.se), pattern.name).toBeLessThan(1e-6);
    }
  });

  it('clamps to bounds only when bounds are given', () => {
    const pattern = patternNamed('60 2PL all correct N(0,1)'); // mode ≈ 3.23
    const responses = responsesOf(pattern);
    expect(estimateAbility(responses, { method: 'MAP' }).theta).toBeCloseTo(pattern.map.theta, 9);
    expect(estimateAbility(responses, { method: 'MAP', bounds: [-3, 3] }).theta).toBe(3);
  });
});

describe('estimateAbility — MLE', () => {
  const withMle = patterns.filter((pattern) => pattern.mle !== undefined);

  it('is within 1e-6 of the exact root of the likelihood equation, se = 1 / √I(θ̂), for mixed patterns', () => {
    const interior = withMle.filter((pattern) => pattern.mle?.kind === 'interior');
    expect(interior.length).toBeGreaterThanOrEqual(12);
    for (const pattern of interior) {
      const estimate = estimateAbility(responsesOf(pattern), { method: 'MLE' });
      expect(Math.abs(estimate.theta - (pattern.mle?.theta ?? Number.NaN)), pattern.name).toBeLessThan(1e-6);
      expect(Math.abs(estimate.se - (pattern.mle?.se ?? Number.NaN)), pattern.name).toBeLessThan(1e-6);
    }
  });

  it('returns the bound in the direction of an all-correct / all-wrong pattern, with se = 1 / √I(bound)', () => {
    const boundary = withMle.filter((pattern) => pattern.mle?.kind === 'boundary');
    expect(boundary.length).toBeGreaterThanOrEqual(8);
    for (const pattern of boundary) {
      const responses = responsesOf(pattern);
      const estimate = estimateAbility(responses, { method: 'MLE' });
      const expected = pattern.correct[0] === true ? 6 : -6;
      expect(estimate.theta, pattern.name).toBe(expected);
      expect(pattern.mle?.theta).toBe(expected);
      expect(relativeError(estimate.se, pattern.mle?.se ?? Number.NaN), pattern.name).toBeLessThan(1e-9);
      expect(Number.isFinite(estimate.se)).toBe(true);
    }
  });

  it('uses the given bounds, and gives the middle of the bounds with se = Infinity without responses', () => {
    const responses = responsesOf(patternNamed('20 2PL all correct N(0,1)'));
    expect(estimateAbility(responses, { method: 'MLE', bounds: [-4, 3.5] }).theta).toBe(3.5);
    expect(estimateAbility([], { method: 'MLE' })).toEqual({ theta: 0, se: Number.POSITIVE_INFINITY });
    expect(estimateAbility([], { method: 'MLE', bounds: [-2, 4] })).toEqual({ theta: 1, se: Number.POSITIVE_INFINITY });
  });

  it('clamps a mixed pattern whose likelihood peaks outside the bounds', () => {
    const pattern = patternNamed('60 1PL mixed N(0,1)'); // MLE ≈ −1.37
    expect(estimateAbility(responsesOf(pattern), { method: 'MLE', bounds: [-1, 6] }).theta).toBe(-1);
  });
});

describe('estimateAbility — validation', () => {
  const good: ItemResponse[] = [{ item: { a: 1, b: 0 }, correct: true }];
  const expectError = (run: () => unknown, message: string): void => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(new RangeError(message));
  };

  it('says what it expected and what it received', () => {
    expectError(() => estimateAbility(good, { prior: { mean: 0, sd: -1 } }), 'Expected prior.sd > 0, received -1');
    expectError(
      () => estimateAbility([...good, ...good, ...good, { item: { a: 0, b: 0.5 }, correct: false }]),
      'Expected item.a > 0 at responses[3], received 0',
    );
    expectError(
      () => estimateAbility([{ item: { a: 1, b: 0, c: 0.3, d: 0.2 }, correct: true }], { method: 'MAP' }),
      'Expected item.d in (0.3, 1] at responses[0], received 0.2',
    );
    expectError(
      () => estimateAbility(good, { method: 'ML' } as unknown as EstimateAbilityOptions),
      `Expected method 'EAP', 'MAP' or 'MLE', received "ML"`,
    );
    expectError(
      () => estimateAbility(good, { method: 'MLE', bounds: [6, -6] }),
      'Expected bounds [lower, upper] of finite numbers with lower < upper, received [6, -6]',
    );
    expectError(
      () => estimateAbility(good, { prior: { mean: Number.NaN, sd: 1 } }),
      'Expected prior.mean to be a finite number, received NaN',
    );
  });
});

/** EAP on a fixed grid [−6, 6], step 0.01 (what a prior-blind estimator does). */
function fixedGridEap(responses: readonly ItemResponse[], prior: { mean: number; sd: number }): number {
  let weight = 0;
  let moment = 0;
  for (let k = 0; k <= 1200; k++) {
    const theta = -6 + k * 0.01;
    let density = Math.exp(-((theta - prior.mean) ** 2) / (2 * prior.sd ** 2));
    for (const { item, correct } of responses) {
      const p = probability(theta, item);
      density *= correct ? p : 1 - p;
    }
    weight += density;
    moment += density * theta;
  }
  return moment / weight;
}
