import type { SuppressionReason } from './competence-map.js';

/**
 * A hierarchy of additive cells: every internal node's statistics are the sum of its children's
 * (totals = Σ directions, direction = Σ its services). Nodes are numbered in a deterministic order
 * (totals, subtotals by key, groups by key), which breaks ties.
 * @internal
 */
export interface Hierarchy {
  /** Children of each node (empty for a finest group). */
  children: readonly (readonly number[])[];
  /** Depth of each node: 0 for the totals. */
  depth: readonly number[];
}

/**
 * Chooses the cells to suppress in one additive table of a hierarchy (one statistic family: the
 * rows' counts, or one domain's cells), so that no suppressed cell can be recovered from the
 * published ones.
 *
 * 1. Primary: every cell with 0 < n < k (cells already hidden, e.g. because their whole row is,
 *    come in as `initial`).
 * 2. Repeat until nothing changes, visiting internal cells from the deepest up:
 *    - (A) a hidden cell with no hidden child would equal the sum of its published children:
 *      hide its smallest published child;
 *    - (B) a published cell with exactly one hidden child would give it by subtraction: hide the
 *      smallest published sibling (or, with none, the parent itself);
 *    - (C) a published cell whose hidden descendants' recoverable total (their finest hidden
 *      groups, through hidden ancestors) holds fewer than k agents would reveal a small virtual
 *      group: hide the smallest published cell among the children involved.
 *
 * Guarantee (argued in `docs/cohort-privacy.md`): within one table of this hierarchy, no hidden
 * cell is a linear combination of published cells, and every computable sum of hidden cells covers
 * at least k agents. Not a protection against other tables, other publications or bounds.
 * @internal
 */
export function protectTable(
  tree: Hierarchy,
  n: readonly number[],
  k: number,
  initial: ReadonlyMap<number, SuppressionReason> = new Map(),
): Map<number, SuppressionReason> {
  const hidden = new Map(initial);
  n.forEach((count, node) => {
    if (count > 0 && count < k && !hidden.has(node)) hidden.set(node, 'below-minimum');
  });
  if (hidden.size === 0) return hidden;
  const nodes = tree.depth.map((_, node) => node).filter((node) => tree.children[node]!.length > 0);
  nodes.sort((a, b) => tree.depth[b]! - tree.depth[a]! || a - b);
  const smallest = (candidates: number[]): number | undefined => {
    let best: number | undefined;
    for (const c of candidates) {
      if (best === undefined || n[c]! < n[best]! || (n[c] === n[best] && (tree.depth[c]! > tree.depth[best]! || (tree.depth[c] === tree.depth[best] && c < best)))) best = c;
    }
    return best;
  };
  const hide = (node: number): void => void hidden.set(node, 'complementary');
  // Finest hidden cells reachable through hidden cells (what subtraction can add up to), and the
  // published cells next to them (where more hiding would enlarge that total).
  const frontier = (node: number, out: { mass: number; open: number[] }): void => {
    const kids = tree.children[node]!;
    if (kids.length === 0) {
      out.mass += n[node]!;
      return;
    }
    for (const child of kids) {
      if (n[child]! === 0) continue;
      if (hidden.has(child)) frontier(child, out);
      else out.open.push(child);
    }
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of nodes) {
      if (n[node]! === 0) continue;
      const kids = tree.children[node]!.filter((child) => n[child]! > 0);
      const closed = kids.filter((child) => hidden.has(child));
      const open = kids.filter((child) => !hidden.has(child));
      let pick: number | undefined;
      if (hidden.has(node)) {
        if (closed.length === 0) pick = smallest(open); // (A)
      } else if (closed.length === 1) {
        pick = smallest(open) ?? node; // (B)
      } else if (closed.length > 1) {
        const out = { mass: 0, open: [...open] };
        for (const child of closed) frontier(child, out);
        if (out.mass < k) pick = smallest(out.open) ?? node; // (C)
      }
      if (pick !== undefined) {
        hide(pick);
        changed = true;
      }
    }
  }
  return hidden;
}
