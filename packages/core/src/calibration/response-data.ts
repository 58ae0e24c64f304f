import type { ValidationIssue } from '../errors.js';

/**
 * Scored answers of many agents in compressed sparse rows: agent `j` answered the items
 * `item[start[j]]` … `item[start[j + 1] − 1]`, with `correct[k]` 1 for a correct answer and 0
 * otherwise. Compact (5 bytes per answer), so 50,000 agents × 36 answers take 9 MB.
 */
export interface ResponseData {
  /** Ids of the items; `item[k]` indexes this list (the scored items of the bank, in bank order). */
  readonly itemIds: readonly string[];
  /** Group labels met in the records; `group[j]` indexes this list, −1 for an agent without group. */
  readonly groups: readonly string[];
  /** Number of agents kept. */
  readonly agents: number;
  /** Row starts, `agents + 1` entries. */
  readonly start: Int32Array;
  /** Item index of each answer. */
  readonly item: Int32Array;
  /** 1 for a correct answer, 0 for an incorrect one or a skip. */
  readonly correct: Uint8Array;
  /** Group index of each agent, −1 when none. */
  readonly group: Int32Array;
  /** Records left out, each with where (`line 12: responses[3].item`) and why (the first 1,000). */
  readonly rejected: readonly ValidationIssue[];
  /** Number of records left out (all of them, even past the first 1,000 issues). */
  readonly rejectedRecords: number;
}

/**
 * The answers to the items of one dimension (one ability scale, e.g. one domain), with identical
 * response patterns of the same group merged and counted in `weight`: what the EM algorithm
 * iterates over. Item indices are local to the dimension.
 */
export interface DimensionData {
  /** Number of items of the dimension (local indices 0 … items − 1). */
  readonly items: number;
  /** Number of distinct response patterns. */
  readonly patterns: number;
  /** Number of agents behind each pattern. */
  readonly weight: Float64Array;
  /** Group index of each pattern (−1: none). */
  readonly group: Int32Array;
  /** Row starts, `patterns + 1` entries. */
  readonly start: Int32Array;
  /** Local item index of each answer. */
  readonly item: Int32Array;
  /** 1 for a correct answer, 0 otherwise. */
  readonly correct: Uint8Array;
}

/**
 * Builds the {@link DimensionData} of the items `members` (global indices into
 * `data.itemIds`, in the order that defines the local indices): every agent's answers to those
 * items, identical patterns (same items, same answers, same group) merged.
 */
export function dimensionData(data: ResponseData, members: readonly number[]): DimensionData {
  const local = new Int32Array(data.itemIds.length).fill(-1);
  members.forEach((global, i) => {
    local[global] = i;
  });
  const patternIndex = new Map<string, number>();
  const weight: number[] = [];
  const group: number[] = [];
  const start: number[] = [0];
  const item: number[] = [];
  const correct: number[] = [];
  const codes: number[] = [];
  for (let j = 0; j < data.agents; j++) {
    codes.length = 0;
    for (let k = data.start[j]!; k < data.start[j + 1]!; k++) {
      const i = local[data.item[k]!]!;
      if (i >= 0) codes.push(2 * i + data.correct[k]!);
    }
    if (codes.length === 0) continue;
    codes.sort((x, y) => x - y);
    const key = `${data.group[j]!}|${codes.join(',')}`;
    const known = patternIndex.get(key);
    if (known !== undefined) {
      weight[known]! += 1;
      continue;
    }
    patternIndex.set(key, weight.length);
    weight.push(1);
    group.push(data.group[j]!);
    for (const code of codes) {
      item.push(code >> 1);
      correct.push(code & 1);
    }
    start.push(item.length);
  }
  return {
    items: members.length,
    patterns: weight.length,
    weight: Float64Array.from(weight),
    group: Int32Array.from(group),
    start: Int32Array.from(start),
    item: Int32Array.from(item),
    correct: Uint8Array.from(correct),
  };
}

/**
 * The {@link DimensionData} of a persons × items matrix: `1` correct, `0` incorrect, `null` (or
 * `undefined`) not presented. Handy for analyses outside an item bank (e.g. the comparison with
 * R's eRm in `scripts/check-erm.sh`) and for tests.
 *
 * @param rows - one row per person, all of the same length.
 * @param groups - optional group index per person (−1 for none).
 */
export function dimensionDataFromMatrix(rows: readonly (readonly (0 | 1 | null | undefined)[])[], groups?: readonly number[]): DimensionData {
  const items = rows[0]?.length ?? 0;
  const itemIds = Array.from({ length: items }, (_, i) => String(i));
  const start = [0];
  const item: number[] = [];
  const correct: number[] = [];
  rows.forEach((row, j) => {
    if (row.length !== items) throw new RangeError(`Expected every row to have ${items} entries, received ${row.length} at rows[${j}]`);
    row.forEach((value, i) => {
      if (value === null || value === undefined) return;
      if (value !== 0 && value !== 1) throw new RangeError(`Expected 0, 1 or null at rows[${j}][${i}], received ${String(value)}`);
      item.push(i);
      correct.push(value);
    });
    start.push(item.length);
  });
  const data: ResponseData = {
    itemIds,
    groups: [],
    agents: rows.length,
    start: Int32Array.from(start),
    item: Int32Array.from(item),
    correct: Uint8Array.from(correct),
    group: Int32Array.from(groups ?? rows.map(() => -1)),
    rejected: [],
    rejectedRecords: 0,
  };
  return dimensionData(data, itemIds.map((_, i) => i));
}
