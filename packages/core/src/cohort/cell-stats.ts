import { type CellStats, LEVEL_COUNT, SE_SQ_SCALE } from './competence-map.js';

/**
 * One cell accumulator: a small array of numbers (integers, exact up to 2⁵³). A plain array, not a
 * typed one: there are many small ones, and plain arrays are much cheaper to allocate.
 * @internal
 */
export type Cell = number[];

/**
 * Layout of one cell accumulator:
 * `[0..7]` agents per level, then Σ levelSe² (fixed point), agents targeted, agents below target.
 * @internal
 */
export const SE_SQ = LEVEL_COUNT;
/** @internal */
export const TARGETED = LEVEL_COUNT + 1;
/** @internal */
export const BELOW = LEVEL_COUNT + 2;
/** @internal */
export const CELL_WIDTH = LEVEL_COUNT + 3;

/** A fresh, empty cell accumulator. @internal */
export function emptyCell(): Cell {
  return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
}

/** levelSe² as the integer number of 1/{@link SE_SQ_SCALE} level² units. @internal */
export function seSqUnits(levelSe: number): number {
  return Math.round(levelSe * levelSe * SE_SQ_SCALE);
}

/** Adds one agent's level to a cell. @internal */
export function addToCell(cell: Cell, level: number, seUnits: number, targeted: boolean, below: boolean): void {
  cell[level - 1]! += 1;
  cell[SE_SQ]! += seUnits;
  if (targeted) {
    cell[TARGETED]! += 1;
    if (below) cell[BELOW]! += 1;
  }
}

/** Adds cell `b` into cell `a`. @internal */
export function addCells(a: Cell, b: Cell): void {
  for (let k = 0; k < CELL_WIDTH; k++) a[k]! += b[k]!;
}

/** Number of agents in a cell. @internal */
export function cellCount(cell: Cell): number {
  let n = 0;
  for (let k = 0; k < LEVEL_COUNT; k++) n += cell[k]!;
  return n;
}

/**
 * The published statistics of a cell, computed from its integers only, always by this function:
 * equal integers give bit-identical floats, which is what makes merged maps equal to single-pass
 * maps. `undefined` for an empty cell.
 * @internal
 */
export function cellStats(id: string, domain: string | undefined, cell: Cell): CellStats | undefined {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < LEVEL_COUNT; k++) {
    const count = cell[k]!;
    n += count;
    sum += (k + 1) * count;
    sumSq += (k + 1) * (k + 1) * count;
  }
  if (n === 0) return undefined;
  for (let k = 0; k < CELL_WIDTH; k++) {
    if (!Number.isSafeInteger(cell[k])) throw new RangeError(`A competence map sum exceeded 2^53 (${cell[k]}): split the population.`);
  }
  // Sample variance from integer sums: (n Σx² − (Σx)²) / (n (n − 1)); the numerator is an exact
  // integer for n below ~10⁷, and beyond that still a deterministic function of the integers.
  const variance = n > 1 ? Math.max(0, n * sumSq - sum * sum) / (n * (n - 1)) : 0;
  const measurement = cell[SE_SQ]! / SE_SQ_SCALE / n;
  const targeted = cell[TARGETED]!;
  const below = cell[BELOW]!;
  const distribution = cell.slice(0, LEVEL_COUNT);
  const meanLevel = sum / n;
  const meanLevelSe = Math.sqrt(Math.max(variance, measurement) / n);
  const sdLevel = Math.sqrt(variance);
  const belowShare = targeted > 0 ? below / targeted : null;
  // Two literal shapes rather than a conditional spread: this runs for every cell of every merge.
  return domain === undefined
    ? { id, suppressed: false, n, meanLevel, meanLevelSe, sdLevel, distribution, seSq: cell[SE_SQ]!, targeted, below, belowShare }
    : { id, domain, suppressed: false, n, meanLevel, meanLevelSe, sdLevel, distribution, seSq: cell[SE_SQ]!, targeted, below, belowShare };
}

/** Adds published statistics into an accumulator (the inverse of {@link cellStats}). @internal */
export function addStatsToCell(cell: Cell, stats: CellStats): void {
  for (let k = 0; k < LEVEL_COUNT; k++) cell[k]! += stats.distribution[k]!;
  cell[SE_SQ]! += stats.seSq;
  cell[TARGETED]! += stats.targeted;
  cell[BELOW]! += stats.below;
}
