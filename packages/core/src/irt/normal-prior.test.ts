import { describe, expect, it } from 'vitest';
import { assertNormalPrior, STANDARD_NORMAL_PRIOR } from './normal-prior.js';
import type { NormalPrior } from './normal-prior.js';

describe('normal prior', () => {
  it('defaults to a frozen N(0, 1)', () => {
    expect(STANDARD_NORMAL_PRIOR).toEqual({ mean: 0, sd: 1 });
    expect(Object.isFrozen(STANDARD_NORMAL_PRIOR)).toBe(true);
  });

  it('rejects a non-positive or non-finite sd and a non-finite mean, saying what it received', () => {
    expect(() => assertNormalPrior({ mean: 0, sd: -1 })).toThrow(new RangeError('Expected prior.sd > 0, received -1'));
    expect(() => assertNormalPrior({ mean: 0, sd: 0 })).toThrow(new RangeError('Expected prior.sd > 0, received 0'));
    expect(() => assertNormalPrior({ mean: 0, sd: Number.POSITIVE_INFINITY })).toThrow(
      new RangeError('Expected prior.sd to be a finite number, received Infinity'),
    );
    expect(() => assertNormalPrior({ mean: Number.NaN, sd: 1 })).toThrow(
      new RangeError('Expected prior.mean to be a finite number, received NaN'),
    );
    expect(() => assertNormalPrior(null as unknown as NormalPrior)).toThrow(
      new RangeError('Expected prior to be an object { mean, sd }, received null'),
    );
  });
});
