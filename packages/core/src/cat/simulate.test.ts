import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { drawAbilities } from './simulate.js';

const domains = ['a', 'b', 'c'];
const N = 20_000;

function moments(population: Parameters<typeof drawAbilities>[2]) {
  const random = createRandom(7);
  const sums: Record<string, { s: number; s2: number }> = { a: { s: 0, s2: 0 }, b: { s: 0, s2: 0 }, c: { s: 0, s2: 0 } };
  let cross = 0;
  for (let i = 0; i < N; i++) {
    const theta = drawAbilities(random, domains, population);
    for (const d of domains) {
      sums[d]!.s += theta[d]!;
      sums[d]!.s2 += theta[d]! ** 2;
    }
    cross += theta['a']! * theta['b']!;
  }
  const mean = (d: string) => sums[d]!.s / N;
  const sd = (d: string) => Math.sqrt(sums[d]!.s2 / N - mean(d) ** 2);
  return { mean, sd, corrAB: (cross / N - mean('a') * mean('b')) / (sd('a') * sd('b')) };
}

describe('drawAbilities', () => {
  it('draws N(mean, sd²) abilities correlated at ρ (within 4 standard errors over 20,000 agents)', () => {
    const m = moments({ mean: 0.5, sd: 1.2, domainCorrelation: 0.6 });
    for (const d of domains) {
      expect(Math.abs(m.mean(d) - 0.5)).toBeLessThan((4 * 1.2) / Math.sqrt(N));
      expect(Math.abs(m.sd(d) - 1.2)).toBeLessThan(0.05);
    }
    expect(Math.abs(m.corrAB - 0.6)).toBeLessThan(0.03);
  });

  it('takes a mean per domain (a domain left out has mean 0)', () => {
    const m = moments({ mean: { a: 1.5, b: -0.5 } });
    expect(Math.abs(m.mean('a') - 1.5)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(m.mean('b') + 0.5)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(m.mean('c'))).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(m.corrAB - 0.6)).toBeLessThan(0.03);
  });
});
