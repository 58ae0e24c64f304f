import { describe, expect, it } from 'vitest';
import { assertResponses } from './item-response.js';
import type { ItemResponse } from './item-response.js';

function loose(value: unknown): ItemResponse[] {
  return value as ItemResponse[];
}

describe('assertResponses', () => {
  it('accepts an empty list and well-formed responses', () => {
    expect(() => assertResponses([])).not.toThrow();
    expect(() => assertResponses([{ item: { a: 1, b: 0, c: 0.2 }, correct: false }])).not.toThrow();
  });

  it('names the first bad response by index, with what was expected and received', () => {
    const good = { item: { a: 1, b: 0 }, correct: true };
    expect(() => assertResponses(loose({}))).toThrow(new RangeError('Expected responses to be an array, received an object'));
    expect(() => assertResponses(loose([good, null]))).toThrow(
      new RangeError('Expected a response { item, correct } at responses[1], received null'),
    );
    expect(() => assertResponses(loose([good, good, good, { item: { a: 0, b: 1 }, correct: true }]))).toThrow(
      new RangeError('Expected item.a > 0 at responses[3], received 0'),
    );
    expect(() => assertResponses(loose([good, { item: { a: 1, b: 1 }, correct: 1 }]))).toThrow(
      new RangeError('Expected correct to be a boolean at responses[1], received 1'),
    );
    expect(() => assertResponses(loose([{ correct: true }]))).toThrow(
      new RangeError('Expected item to be an object { a, b, c?, d? } at responses[0], received undefined'),
    );
  });
});
