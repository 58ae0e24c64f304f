import { describe, expect, it } from 'vitest';
import { at, describeValue } from './describe-value.js';

describe('describeValue', () => {
  it('spells numbers as JavaScript does and quotes strings', () => {
    expect(describeValue(-1)).toBe('-1');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(describeValue('1')).toBe('"1"');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(true)).toBe('true');
  });

  it('names objects by kind and shortens arrays', () => {
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue([6, -6])).toBe('[6, -6]');
    expect(describeValue([1, 2, 3, 4, 5])).toBe('[1, 2, 3, 4, …]');
    expect(describeValue(() => 0)).toBe('a function');
  });

  it('formats an optional location', () => {
    expect(at('responses[3]')).toBe(' at responses[3]');
    expect(at(undefined)).toBe('');
  });
});
