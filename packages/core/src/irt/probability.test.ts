import { describe, expect, it } from 'vitest';
import { irtReference, relativeError } from '../../test/fixtures/irt/irt-reference.js';
import { logistic, logLogistic, logProbability, probability, probabilityIncorrect } from './probability.js';

describe('probability', () => {
  it('matches the mpmath reference to 1e-12 relative for 1PL/2PL/3PL/4PL items, |a(θ − b)| up to 124', () => {
    expect(irtReference.items.length).toBeGreaterThanOrEqual(90);
    for (const { item, theta, p, q } of irtReference.items) {
      expect(relativeError(probability(theta, item), p), `P(${theta}) of ${JSON.stringify(item)}`).toBeLessThan(1e-12);
      expect(relativeError(probabilityIncorrect(theta, item), q), `Q(${theta}) of ${JSON.stringify(item)}`).toBeLessThan(1e-12);
    }
  });

  it('uses c = 0 and d = 1 by default', () => {
    for (const theta of [-3, -0.4, 0, 1.7]) {
      expect(probability(theta, { a: 1.3, b: 0.2 })).toBe(probability(theta, { a: 1.3, b: 0.2, c: 0, d: 1 }));
    }
    expect(probability(0.5, { a: 2, b: 0.5, c: 0.2, d: 0.9 })).toBeCloseTo(0.55, 15);
  });

  it('tends to exactly c and d, never NaN, for huge |a(θ − b)|', () => {
    const item = { a: 2.5, b: 0.3, c: 0.2, d: 0.9 };
    expect(probability(-1e6, item)).toBe(0.2);
    expect(probability(1e6, item)).toBe(0.9);
    expect(probability(-1e6, { a: 1, b: 0 })).toBe(0);
    expect(probability(1e6, { a: 1, b: 0 })).toBe(1);
    expect(probabilityIncorrect(1e6, { a: 1, b: 0 })).toBe(0);
  });
});

describe('logProbability', () => {
  it('is log P and log(1 − P) to 1e-12 where the reference probabilities are representable', () => {
    for (const { item, theta, p, q } of irtReference.items) {
      const tolerance = 1e-12 * Math.max(1, Math.abs(Math.log(p)), Math.abs(Math.log(q)));
      expect(Math.abs(logProbability(theta, item, true) - Math.log(p))).toBeLessThan(tolerance);
      expect(Math.abs(logProbability(theta, item, false) - Math.log(q))).toBeLessThan(tolerance);
    }
  });

  it('stays finite where P underflows to 0 (log P ≈ a(θ − b))', () => {
    expect(logProbability(-1000, { a: 2, b: 0 }, true)).toBeCloseTo(-2000, 10);
    expect(logProbability(1000, { a: 2, b: 0 }, false)).toBeCloseTo(-2000, 10);
    expect(logProbability(1000, { a: 2, b: 0, d: 0.9 }, false)).toBeCloseTo(Math.log(0.1), 14);
  });
});

describe('logistic helpers', () => {
  it('σ(z) + σ(−z) = 1 and log σ matches log(σ) where both are accurate', () => {
    for (const z of [-30, -2, 0, 0.5, 8, 30]) {
      expect(logistic(z) + logistic(-z)).toBeCloseTo(1, 15);
      expect(logLogistic(z)).toBeCloseTo(Math.log(logistic(z)), 13);
    }
    expect(logLogistic(-800)).toBe(-800);
    expect(logLogistic(800)).toBe(-0);
  });
});
