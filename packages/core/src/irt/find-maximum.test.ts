import { describe, expect, it } from 'vitest';
import { findMaximum } from './find-maximum.js';
import type { Objective } from './find-maximum.js';

/** f(θ) = −(θ² − 4)² + θ: local maximum near −1.97, global maximum near 2.03. */
const twoPeaks: Objective = {
  value: (t) => -((t * t - 4) ** 2) + t,
  derivatives: (t) => ({ first: -4 * t * (t * t - 4) + 1, second: -12 * t * t + 16 }),
};

describe('findMaximum', () => {
  it('finds the global maximum of a function with two peaks, wherever the interval starts', () => {
    for (const [lower, upper] of [
      [-5, 5],
      [-2.5, 40],
      [-3, 2.2],
    ] as const) {
      const x = findMaximum(twoPeaks, lower, upper);
      expect(x).toBeGreaterThan(2);
      expect(Math.abs(twoPeaks.derivatives(x).first)).toBeLessThan(1e-10);
    }
  });

  it('returns the bound when the function still rises (or already falls) there', () => {
    const rising: Objective = { value: (t) => t, derivatives: () => ({ first: 1, second: 0 }) };
    expect(findMaximum(rising, -1, 2)).toBe(2);
    const falling: Objective = { value: (t) => -t, derivatives: () => ({ first: -1, second: 0 }) };
    expect(findMaximum(falling, -1, 2)).toBe(-1);
    const left = findMaximum(twoPeaks, -5, 0); // only the local peak is inside
    expect(left).toBeLessThan(-1.9);
    expect(Math.abs(twoPeaks.derivatives(left).first)).toBeLessThan(1e-10);
    expect(findMaximum(twoPeaks, 2.5, 4)).toBe(2.5);
  });

  it('is exact to ~1e-12 on a concave function', () => {
    const quadratic: Objective = {
      value: (t) => -((t - 1.234567) ** 2),
      derivatives: (t) => ({ first: -2 * (t - 1.234567), second: -2 }),
    };
    expect(Math.abs(findMaximum(quadratic, -6, 6) - 1.234567)).toBeLessThan(1e-12);
  });

  it('falls back to golden-section search when the derivatives give no bracket', () => {
    const wrongSlope: Objective = { value: (t) => -((t - 0.4) ** 2), derivatives: () => ({ first: 1, second: 0 }) };
    expect(Math.abs(findMaximum(wrongSlope, -6, 6) - 0.4)).toBeLessThan(1e-9);
  });

  it('returns the lower end of an empty interval', () => {
    expect(findMaximum(twoPeaks, 1, 1)).toBe(1);
  });
});
