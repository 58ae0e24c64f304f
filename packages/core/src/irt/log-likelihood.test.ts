import { describe, expect, it } from 'vitest';
import { irtReference, patternNamed, responsesOf } from '../../test/fixtures/irt/irt-reference.js';
import { logLikelihood, logLikelihoodDerivatives } from './log-likelihood.js';

/** |actual − expected| relative to max(1, |expected|). */
function scaledError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
}

describe('logLikelihood and its derivatives', () => {
  it('match mpmath (value and mp.diff derivatives) to 1e-10 for 2PL/3PL/4PL patterns, θ from −9 to 12', () => {
    expect(irtReference.logLikelihood.length).toBeGreaterThanOrEqual(15);
    for (const { pattern, theta, value, first, second } of irtReference.logLikelihood) {
      const responses = responsesOf(patternNamed(pattern));
      const label = `${pattern} at θ = ${theta}`;
      const derivatives = logLikelihoodDerivatives(theta, responses);
      expect(scaledError(logLikelihood(theta, responses), value), label).toBeLessThan(1e-12);
      expect(scaledError(derivatives.first, first), label).toBeLessThan(1e-10);
      expect(scaledError(derivatives.second, second), label).toBeLessThan(1e-10);
    }
  });

  it('are 0 for no response', () => {
    expect(logLikelihood(1.2, [])).toBe(0);
    expect(logLikelihoodDerivatives(1.2, [])).toEqual({ first: 0, second: 0 });
  });

  it('stay finite far in the tails (no log(0), no 0/0)', () => {
    const responses = [
      { item: { a: 2, b: 0 }, correct: true },
      { item: { a: 2, b: 0, c: 0.2, d: 0.9 }, correct: false },
    ];
    for (const theta of [-1e4, 1e4]) {
      expect(Number.isFinite(logLikelihood(theta, responses))).toBe(true);
      const { first, second } = logLikelihoodDerivatives(theta, responses);
      expect(Number.isFinite(first) && Number.isFinite(second)).toBe(true);
    }
    expect(logLikelihoodDerivatives(-1e4, responses.slice(0, 1)).first).toBe(2);
  });
});
