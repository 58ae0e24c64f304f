import { describe, expect, it } from 'vitest';
import { irtReference, relativeError } from '../../test/fixtures/irt/irt-reference.js';
import { informationAt, itemInformation, testInformation } from './information.js';
import type { ItemParams } from './item-params.js';
import { probability } from './probability.js';

/** The 3PL information formula jsCAT applies to every item, 4PL included (wrong when d < 1). */
function threePlFormula(theta: number, item: ItemParams): number {
  const c = item.c ?? 0;
  const p = probability(theta, item);
  return item.a ** 2 * ((1 - p) / p) * ((p - c) ** 2 / (1 - c) ** 2);
}

describe('itemInformation', () => {
  it('matches the mpmath reference P′² / (P(1 − P)) to 1e-12 relative, from θ = −30 to 30', () => {
    for (const { item, theta, information } of irtReference.items) {
      expect(relativeError(itemInformation(theta, item), information), `I(${theta}) of ${JSON.stringify(item)}`).toBeLessThan(
        1e-12,
      );
    }
  });

  it('is a² P (1 − P) for a 2PL item and a²/4 at θ = b', () => {
    expect(itemInformation(0.7, { a: 1.8, b: 0.7 })).toBeCloseTo(1.8 ** 2 / 4, 15);
    const p = probability(-0.3, { a: 1.1, b: 0.4 });
    expect(itemInformation(-0.3, { a: 1.1, b: 0.4 })).toBeCloseTo(1.1 ** 2 * p * (1 - p), 15);
  });

  it('is 0, not NaN, when exp overflows', () => {
    expect(itemInformation(-1e4, { a: 2, b: 0 })).toBe(0);
    expect(itemInformation(1e4, { a: 2, b: 0, c: 0.2, d: 0.9 })).toBe(0);
  });
});

describe('the 3PL information formula (jsCAT) on 4PL items', () => {
  const pinned = irtReference.items.filter(({ item }) => item.a === 1.7 && item.b === 0.3 && item.d === 0.85);

  it('is reproduced faithfully by this test (so the comparison below is meaningful)', () => {
    for (const { item, theta, information3plFormula } of irtReference.items) {
      if (Math.abs(theta) > 6) continue; // 1 − P cancels in the plain formula far out
      expect(relativeError(threePlFormula(theta, item), information3plFormula)).toBeLessThan(1e-9);
    }
  });

  it('agrees with the 4PL information when d = 1', () => {
    for (const { item, theta, information } of irtReference.items) {
      if ((item.d ?? 1) === 1 && Math.abs(theta) <= 6) {
        expect(relativeError(threePlFormula(theta, item), information)).toBeLessThan(1e-9);
      }
    }
  });

  it('overstates the information of an item with d = 0.85 (by 41 % at θ = b), which itemInformation does not', () => {
    expect(pinned.length).toBe(9);
    const atB = pinned.find(({ theta }) => theta === 0.3);
    if (atB === undefined) throw new Error('missing θ = b case');
    expect(relativeError(itemInformation(atB.theta, atB.item), atB.information)).toBeLessThan(1e-12);
    expect(atB.information3plFormula / atB.information).toBeCloseTo(1.41015625, 12);
    expect(threePlFormula(atB.theta, atB.item) / itemInformation(atB.theta, atB.item)).toBeCloseTo(1.41015625, 12);
    for (const { item, theta, information } of pinned) {
      if (theta >= -0.7 && theta <= 6) expect(threePlFormula(theta, item)).toBeGreaterThan(information * 1.05);
    }
  });

  it('keeps far too easy items informative: a² (1 − d)(d − c)² / (d (1 − c)²) as θ → ∞, not 0', () => {
    const item = { a: 1.7, b: 0.3, c: 0.2, d: 0.85 };
    const limit = (1.7 ** 2 * 0.15 * 0.65 ** 2) / (0.85 * 0.8 ** 2);
    expect(threePlFormula(12, item)).toBeCloseTo(limit, 8);
    expect(itemInformation(12, item)).toBeLessThan(1e-7);
    const atFour = pinned.find(({ theta }) => theta === 4);
    expect(atFour !== undefined && atFour.information3plFormula / atFour.information).toBeGreaterThan(1000);
  });
});

describe('testInformation', () => {
  it('sums the item informations (0 for no item)', () => {
    const items: ItemParams[] = [
      { a: 1, b: 0 },
      { a: 1.5, b: 1, c: 0.2 },
      { a: 0.8, b: -1, c: 0.1, d: 0.95 },
    ];
    const sum = items.reduce((total, item) => total + itemInformation(0.4, item), 0);
    expect(testInformation(0.4, items)).toBeCloseTo(sum, 15);
    expect(testInformation(0.4, [])).toBe(0);
  });
});

describe('informationAt', () => {
  it('fills out[i] with the information of item i, exactly as itemInformation', () => {
    const cases = irtReference.items.filter(({ theta }) => theta === 1.9);
    const column = (pick: (item: ItemParams) => number): Float64Array => Float64Array.from(cases, ({ item }) => pick(item));
    const out = new Float64Array(cases.length);
    const returned = informationAt(
      1.9,
      column((item) => item.a),
      column((item) => item.b),
      column((item) => item.c ?? 0),
      column((item) => item.d ?? 1),
      out,
    );
    expect(returned).toBe(out);
    cases.forEach(({ item, information }, i) => {
      expect(out[i]).toBe(itemInformation(1.9, item));
      expect(relativeError(out[i] ?? Number.NaN, information)).toBeLessThan(1e-12);
    });
  });

  it('rejects columns of different lengths', () => {
    const three = new Float64Array(3);
    expect(() => informationAt(0, three, three, three, new Float64Array(2), three)).toThrow(
      new RangeError('Expected b, c, d and out to have the length of a (3), received 3, 3, 2 and 3'),
    );
  });
});
