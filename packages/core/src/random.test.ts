import { describe, expect, it } from 'vitest';
import { createRandom, nextRandom, randomState } from './random.js';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another one for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
  });

  it('is uniform enough: mean ≈ 0.5 and each decile ≈ 10 % over 100,000 draws', () => {
    const random = createRandom(7);
    const deciles = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
      deciles[Math.floor(x * 10)]! += 1;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    for (const count of deciles) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('can resume from a copied state', () => {
    const state = randomState(1);
    nextRandom(state);
    const copy = [...state] as typeof state;
    expect(nextRandom(copy)).toBe(nextRandom(state));
  });
});
