import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Hierarchy, protectTable } from './complementary-suppression.js';

/** A tree from nested arrays of leaf counts: `[[3, 8], [6, 9]]` is totals → 2 directions → 2 services each. */
function build(shape: unknown): { tree: Hierarchy; n: number[]; names: string[] } {
  const children: number[][] = [];
  const depth: number[] = [];
  const n: number[] = [];
  const names: string[] = [];
  const visit = (node: unknown, d: number, name: string): number => {
    const id = children.length;
    children.push([]);
    depth.push(d);
    n.push(0);
    names.push(name);
    if (typeof node === 'number') n[id] = node;
    else {
      (node as unknown[]).forEach((child, i) => {
        const c = visit(child, d + 1, `${name}${name === 'T' ? '' : '.'}${i + 1}`);
        children[id]!.push(c);
        n[id]! += n[c]!;
      });
    }
    return id;
  };
  visit(shape, 0, 'T');
  return { tree: { children, depth }, n, names };
}

function run(shape: unknown, k: number): Record<string, string> {
  const { tree, n, names } = build(shape);
  const hidden = protectTable(tree, n, k);
  return Object.fromEntries([...hidden].sort(([a], [b]) => a - b).map(([node, reason]) => [`${names[node]}=${n[node]}`, reason]));
}

describe('protectTable: the differencing cases', () => {
  it('one small group: its smallest sibling is hidden too, so the total minus the others gives only their sum', () => {
    expect(run([3, 10, 12, 20], 5)).toEqual({ 'T1=3': 'below-minimum', 'T2=10': 'complementary' });
  });

  it('two small siblings whose sum is still small: a third one is hidden', () => {
    expect(run([1, 2, 10, 12], 5)).toEqual({ 'T1=1': 'below-minimum', 'T2=2': 'below-minimum', 'T3=10': 'complementary' });
  });

  it('a small service inside a published direction: its sibling is hidden', () => {
    expect(run([[3, 8], [6, 9]], 5)).toEqual({ 'T1.1=3': 'below-minimum', 'T1.2=8': 'complementary' });
  });

  it('a small direction: a sibling direction is hidden, then one of its services (else it is their sum)', () => {
    expect(run([[2, 1], [6, 9], [7, 8]], 5)).toEqual({
      'T1=3': 'below-minimum',
      'T1.1=2': 'below-minimum',
      'T1.2=1': 'below-minimum',
      'T2=15': 'complementary',
      'T2.1=6': 'complementary',
    });
  });

  it('hides nothing when every cell is large enough, and everything when the total is small', () => {
    expect(run([[5, 8], [6, 9]], 5)).toEqual({});
    expect(Object.values(run([[1, 1], [1]], 5))).toEqual(Array(6).fill('below-minimum'));
  });
});

// ---- An independent check of the guarantee, by linear algebra --------------------------------

/** Rank of a small matrix (Gaussian elimination with partial pivoting). */
function rank(rows: number[][]): number {
  const m = rows.map((row) => [...row]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[pivot]![c]!)) pivot = i;
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let j = c; j < cols; j++) m[i]![j]! -= f * m[r]![j]!;
    }
    r++;
  }
  return r;
}

const shapeArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.integer({ min: 1, max: 20 }),
  node: fc.array(fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('node')), { minLength: 1, maxLength: 4 }),
})).node;

describe('protectTable: guarantee (property-based)', () => {
  it('hides every small cell; no hidden cell, and no small sum of disjoint hidden cells, follows from the published ones', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer({ min: 2, max: 10 }), (shape, k) => {
        const { tree, n } = build(shape);
        const hidden = protectTable(tree, n, k);
        n.forEach((count, node) => {
          if (count > 0 && count < k) expect(hidden.get(node)).toBe('below-minimum');
        });
        // Unknowns: the hidden cells. One equation per internal cell: parent − Σ children = 0,
        // published values moved to the right-hand side.
        const unknowns = [...hidden.keys()];
        const column = new Map(unknowns.map((node, j) => [node, j]));
        const equations = tree.children.flatMap((kids, parent) => {
          if (kids.length === 0) return [];
          const row = unknowns.map(() => 0);
          if (column.has(parent)) row[column.get(parent)!]! += 1;
          for (const child of kids) if (column.has(child)) row[column.get(child)!]! -= 1;
          return row.some((x) => x !== 0) ? [row] : [];
        });
        const base = rank(equations);
        const derivable = (vector: number[]) => equations.length > 0 && rank([...equations, vector]) === base;
        unknowns.forEach((node, j) => {
          const unit = unknowns.map((_, i) => (i === j ? 1 : 0));
          expect(derivable(unit), `cell ${node} (n = ${n[node]}) can be computed`).toBe(false);
        });
        // Every sum of pairwise disjoint hidden cells (no one inside another) that can be computed
        // covers at least k agents. Brute force over subsets, for small cases.
        if (unknowns.length > 12) return;
        const ancestors = (node: number): Set<number> => {
          const out = new Set<number>();
          tree.children.forEach((kids, parent) => {
            if (kids.includes(node)) for (const a of [parent, ...ancestors(parent)]) out.add(a);
          });
          return out;
        };
        const above = unknowns.map(ancestors);
        for (let mask = 1; mask < 1 << unknowns.length; mask++) {
          const picked = unknowns.map((_, i) => i).filter((i) => mask & (1 << i));
          const disjoint = picked.every((i) => picked.every((j) => i === j || !above[i]!.has(unknowns[j]!)));
          if (!disjoint) continue;
          const agents = picked.reduce((sum, i) => sum + n[unknowns[i]!]!, 0);
          if (agents >= k) continue;
          expect(derivable(unknowns.map((_, i) => (mask & (1 << i) ? 1 : 0))), `hidden cells ${picked.map((i) => unknowns[i])} sum to ${agents} < ${k}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
