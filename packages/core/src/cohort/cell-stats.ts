import { type CellStats, LEVEL_COUNT, SE_SQ_SCALE } from './competence-map.js';

/**
 * Layout of one cell accumulator (a `Float64Array`, whose integers are exact up to 2⁵³):
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
export function emptyCell(): Float64Array {
  return new Float64Array(CELL_WIDTH);
}

/** levelSe² as the integer number of 1/{@link SE_SQ_SCALE} level² units. @internal */
export function seSqUnits(levelSe: number): number {
  return Math.round(levelSe * levelSe * SE_SQ_SCALE);
}

/** Adds one agent's level to a cell. @internal */
export function addToCell(cell: Float64Array, level: number, seUnits: number, targeted: boolean, below: boolean): void {
  cell[level - 1]! += 1;
  cell[SE_SQ]! += seUnits;
  if (targeted) {
    cell[TARGETED]! += 1;
    if (below) cell[BELOW]! += 1;
  }
}

/** Adds cell `b` into cell `a`. @internal */
export function addCells(a: Float64Array, b: Float64Array): void {
  for (let k = 0; k < CELL_WIDTH; k++) a[k]! += b[k]!;
}

/** Number of agents in a cell. @internal */
export function cellCount(cell: Float64Array): number {
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
export function cellStats(id: string, domain: string | undefined, cell: Float64Array): CellStats | undefined {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  const distribution: number[] = [];
  for (let k = 0; k < LEVEL_COUNT; k++) {
    const count = cell[k]!;
    distribution.push(count);
    n += count;
    sum += (k + 1) * count;
    sumSq += (k + 1) * (k + 1) * count;
  }
  if (n === 0) return undefined;
  for (const value of cell) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`A competence map sum exceeded 2^53 (${value}): split the population.`);
  }
  // Sample variance from integer sums: (n Σx² − (Σx)²) / (n (n − 1)); the numerator is an exact
  // integer for n below ~10⁷, and beyond that still a deterministic function of the integers.
  const variance = n > 1 ? Math.max(0, n * sumSq - sum * sum) / (n * (n - 1)) : 0;
  const measurement = cell[SE_SQ]! / SE_SQ_SCALE / n;
  const targeted = cell[TARGETED]!;
  const below = cell[BELOW]!;
  return {
    id,
    ...(domain !== undefined ? { domain } : {}),
    suppressed: false,
    n,
    meanLevel: sum / n,
    meanLevelSe: Math.sqrt(Math.max(variance, measurement) / n),
    sdLevel: Math.sqrt(variance),
    distribution,
    seSq: cell[SE_SQ]!,
    targeted,
    below,
    belowShare: targeted > 0 ? below / targeted : null,
  };
}

/** The accumulator of published statistics (the inverse of {@link cellStats}). @internal */
export function cellFromStats(stats: CellStats): Float64Array {
  const cell = emptyCell();
  for (let k = 0; k < LEVEL_COUNT; k++) cell[k] = stats.distribution[k]!;
  cell[SE_SQ] = stats.seSq;
  cell[TARGETED] = stats.targeted;
  cell[BELOW] = stats.below;
  return cell;
}
