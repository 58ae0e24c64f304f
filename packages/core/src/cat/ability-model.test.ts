import { describe, expect, it } from 'vitest';
import { estimateAbility } from '../irt/estimate-ability.js';
import type { ItemParams } from '../irt/item-params.js';
import { createRandom } from '../random.js';
import { AbilityModel } from './ability-model.js';

type Response = { item: ItemParams; correct: boolean; domain: number };

function responses(seed: number, count: number, domains: number): Response[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    item: { a: 0.7 + random() * 1.5, b: -2 + random() * 4, c: i % 3 === 0 ? 0.15 : 0 },
    correct: random() < 0.55,
    domain: i % domains,
  }));
}

function p(theta: number, item: ItemParams): number {
  const c = item.c ?? 0;
  return c + (1 - c) / (1 + Math.exp(-item.a * (theta - item.b)));
}

describe('AbilityModel', () => {
  it('with one domain, equals the EAP with a N(0, 1) prior (checked against mpmath elsewhere)', () => {
    for (const seed of [1, 2, 3]) {
      const data = responses(seed, 25, 1);
      const model = new AbilityModel(1, 0.6);
      for (const r of data) model.update(0, r.item, r.correct);
      const reference = estimateAbility(data.map(({ item, correct }) => ({ item, correct })));
      const estimate = model.domain(0);
      expect(Math.abs(estimate.theta - reference.theta)).toBeLessThan(1e-4);
      expect(Math.abs(estimate.se - reference.se)).toBeLessThan(1e-4);
    }
  });

  it('with ρ = 0, estimates every domain independently', () => {
    const data = responses(7, 30, 3);
    const model = new AbilityModel(3, 0);
    for (const r of data) model.update(r.domain, r.item, r.correct);
    for (let d = 0; d < 3; d++) {
      const reference = estimateAbility(data.filter((r) => r.domain === d).map(({ item, correct }) => ({ item, correct })));
      expect(Math.abs(model.domain(d).theta - reference.theta)).toBeLessThan(1e-4);
      expect(Math.abs(model.domain(d).se - reference.se)).toBeLessThan(1e-4);
    }
  });

  it('with ρ = 0.6 and two domains, matches a brute-force 2-D integral of the bivariate-normal posterior', () => {
    const rho = 0.6;
    const data = responses(11, 14, 2);
    const model = new AbilityModel(2, rho);
    for (const r of data) model.update(r.domain, r.item, r.correct);
    // Independent reference: dense 2-D trapezoid over (θ0, θ1) with the bivariate normal prior.
    const n = 401;
    const lo = -6;
    const h = 12 / (n - 1);
    let w0 = 0;
    const m = [0, 0];
    const s = [0, 0];
    let mBar = 0;
    let sBar = 0;
    for (let i = 0; i < n; i++) {
      const t0 = lo + i * h;
      for (let j = 0; j < n; j++) {
        const t1 = lo + j * h;
        let logw = -(t0 * t0 - 2 * rho * t0 * t1 + t1 * t1) / (2 * (1 - rho * rho));
        for (const r of data) {
          const pr = p(r.domain === 0 ? t0 : t1, r.item);
          logw += Math.log(r.correct ? pr : 1 - pr);
        }
        const w = Math.exp(logw);
        w0 += w;
        m[0]! += w * t0;
        m[1]! += w * t1;
        s[0]! += w * t0 * t0;
        s[1]! += w * t1 * t1;
        mBar += (w * (t0 + t1)) / 2;
        sBar += (w * ((t0 + t1) / 2) ** 2);
      }
    }
    const estimates = model.estimates([0, 1]);
    for (let d = 0; d < 2; d++) {
      const mean = m[d]! / w0;
      const sd = Math.sqrt(s[d]! / w0 - mean * mean);
      expect(Math.abs(estimates.domains[d]!.theta - mean)).toBeLessThan(2e-3);
      expect(Math.abs(estimates.domains[d]!.se - sd)).toBeLessThan(2e-3);
    }
    const meanBar = mBar / w0;
    expect(Math.abs(estimates.overall.theta - meanBar)).toBeLessThan(2e-3);
    expect(Math.abs(estimates.overall.se - Math.sqrt(sBar / w0 - meanBar * meanBar))).toBeLessThan(2e-3);
  });

  it('shrinks a domain with few answers toward what the others say', () => {
    const model = new AbilityModel(2, 0.6);
    for (let k = 0; k < 12; k++) model.update(0, { a: 1.5, b: 1 + (k % 3) * 0.3 }, true);
    model.update(1, { a: 1.2, b: 0 }, true);
    const alone = new AbilityModel(2, 0);
    alone.update(1, { a: 1.2, b: 0 }, true);
    expect(model.domain(1).theta).toBeGreaterThan(alone.domain(1).theta + 0.3);
    expect(model.domain(1).se).toBeLessThan(alone.domain(1).se);
  });
});
