import { describe, expect, it } from 'vitest';
import { mantelHaenszel } from './mantel-haenszel.js';

describe('mantelHaenszel', () => {
  it('matches a hand computation on two strata', () => {
    // Stratum 1: A = 10, B = 10, C = 5, D = 15 (N = 40); stratum 2: A = 20, B = 5, C = 15, D = 10 (N = 50).
    const result = mantelHaenszel([
      { referenceCorrect: 10, referenceIncorrect: 10, focalCorrect: 5, focalIncorrect: 15 },
      { referenceCorrect: 20, referenceIncorrect: 5, focalCorrect: 15, focalIncorrect: 10 },
    ]);
    // α = (10·15/40 + 20·10/50) / (10·5/40 + 5·15/50) = 7.75 / 2.75
    expect(result.oddsRatio).toBeCloseTo(7.75 / 2.75, 12);
    // Δ = −2.35 ln α
    expect(result.delta).toBeCloseTo(-2.434817, 5);
    // χ² = (|30 − 25| − 0.5)² / (2.403846 + 2.678571)
    expect(result.chiSquare).toBeCloseTo(20.25 / (150000 / 62400 + 328125 / 122500), 10);
    expect(result.chiSquare).toBeCloseTo(3.98433, 4);
    expect(result.pValue).toBeCloseTo(0.04593, 3);
    // RBG: Var(ln α) = 4.74375/(2·7.75²) + 4.6875/(2·7.75·2.75) + 1.06875/(2·2.75²)
    expect(result.logOddsRatioSe ** 2).toBeCloseTo(4.74375 / 120.125 + 4.6875 / 42.625 + 1.06875 / 15.125, 12);
    expect(result.deltaSe).toBeCloseTo(2.35 * Math.sqrt(0.2201224), 5);
    // |Δ| ≥ 1.5 but (|Δ| − 1)/SE = 1.30 < 1.645: class B, not C; significant, so not A.
    expect(result.etsClass).toBe('B');
    expect(result.favours).toBe('reference');
    expect(result.reference).toBe(45);
    expect(result.focal).toBe(45);
  });

  it('gives class C for the same odds with ten times the answers, and A for identical groups', () => {
    const large = mantelHaenszel([
      { referenceCorrect: 100, referenceIncorrect: 100, focalCorrect: 50, focalIncorrect: 150 },
      { referenceCorrect: 200, referenceIncorrect: 50, focalCorrect: 150, focalIncorrect: 100 },
    ]);
    expect(large.oddsRatio).toBeCloseTo(7.75 / 2.75, 12);
    expect(large.etsClass).toBe('C');
    const none = mantelHaenszel([
      { referenceCorrect: 30, referenceIncorrect: 20, focalCorrect: 15, focalIncorrect: 10 },
      { referenceCorrect: 10, referenceIncorrect: 40, focalCorrect: 5, focalIncorrect: 20 },
    ]);
    expect(none.oddsRatio).toBeCloseTo(1, 12);
    expect(none.delta).toBeCloseTo(0, 12);
    expect(none.etsClass).toBe('A');
    expect(none.favours).toBe('none');
  });

  it('favours the focal group when it succeeds more at equal ability, and skips strata without both groups', () => {
    const result = mantelHaenszel([
      { referenceCorrect: 50, referenceIncorrect: 150, focalCorrect: 100, focalIncorrect: 100 },
      { referenceCorrect: 80, referenceIncorrect: 0, focalCorrect: 0, focalIncorrect: 0 },
      { referenceCorrect: 0, referenceIncorrect: 0, focalCorrect: 1, focalIncorrect: 0 },
    ]);
    expect(result.oddsRatio).toBeCloseTo((50 * 100) / (150 * 100), 12);
    expect(result.delta).toBeGreaterThan(1.5);
    expect(result.favours).toBe('focal');
    expect(result.reference).toBe(200);
    expect(result.focal).toBe(200);
  });
});
