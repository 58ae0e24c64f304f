import { describe, expect, it } from 'vitest';
import { assertItemParams } from './item-params.js';
import type { ItemParams } from './item-params.js';

/** Lets a test pass what a JavaScript caller or a corrupt file could pass. */
function loose(value: unknown): ItemParams {
  return value as ItemParams;
}

describe('assertItemParams', () => {
  it('accepts 1PL, 2PL, 3PL and 4PL items', () => {
    expect(() => assertItemParams({ a: 1, b: 0 })).not.toThrow();
    expect(() => assertItemParams({ a: 1.3, b: -2, c: 0.2 })).not.toThrow();
    expect(() => assertItemParams({ a: 1.3, b: -2, c: 0, d: 1 })).not.toThrow();
    expect(() => assertItemParams({ a: 0.4, b: 3, c: 0.25, d: 0.9 })).not.toThrow();
  });

  it('says which parameter, what was expected, where, and what was received', () => {
    expect(() => assertItemParams({ a: 0, b: 0 }, 'responses[3]')).toThrow(
      new RangeError('Expected item.a > 0 at responses[3], received 0'),
    );
    expect(() => assertItemParams({ a: -1.5, b: 0 })).toThrow(new RangeError('Expected item.a > 0, received -1.5'));
    expect(() => assertItemParams({ a: Number.NaN, b: 0 }, 'items[0]')).toThrow(
      new RangeError('Expected item.a to be a finite number at items[0], received NaN'),
    );
    expect(() => assertItemParams(loose({ a: 1, b: '0' }), 'responses[1]')).toThrow(
      new RangeError('Expected item.b to be a finite number at responses[1], received "0"'),
    );
    expect(() => assertItemParams({ a: 1, b: 0, c: 1 }, 'responses[0]')).toThrow(
      new RangeError('Expected item.c in [0, 1) at responses[0], received 1'),
    );
    expect(() => assertItemParams({ a: 1, b: 0, c: -0.1 })).toThrow(
      new RangeError('Expected item.c in [0, 1), received -0.1'),
    );
    expect(() => assertItemParams({ a: 1, b: 0, c: 0.25, d: 0.2 }, 'responses[7]')).toThrow(
      new RangeError('Expected item.d in (0.25, 1] at responses[7], received 0.2'),
    );
    expect(() => assertItemParams({ a: 1, b: 0, d: 1.01 })).toThrow(new RangeError('Expected item.d in (0, 1], received 1.01'));
    expect(() => assertItemParams(loose(null), 'responses[2]')).toThrow(
      new RangeError('Expected item to be an object { a, b, c?, d? } at responses[2], received null'),
    );
  });
});
