/**
 * The shapes of a competence map. Every statistic that merging adds is an integer (counts per
 * level, fixed-point sum of squared uncertainties, counts against the target profile, training
 * counts), so two maps merge exactly; the means and shares beside them are recomputed from those
 * integers by one function, so equal integers always give equal, bit-identical floats.
 */

/** Why a row or a cell is not published. */
export type SuppressionReason =
  /** It holds fewer agents than `minGroupSize` (primary suppression). */
  | 'below-minimum'
  /** It is large enough, but hidden so that a suppressed neighbour cannot be computed by subtraction. */
  | 'complementary';

/** Statistics of the levels of one scope (overall, a domain or a competence) in one row. */
export interface CellStats {
  /** `overall`, a domain id or a competence id. */
  id: string;
  /** The competence's domain (competence cells only). */
  domain?: string;
  suppressed: false;
  /** Number of agents with a level in this scope. */
  n: number;
  /** Mean level (1–8). */
  meanLevel: number;
  /**
   * Standard error of the mean level: √(max(s², mean levelSe²) / n), where s² is the sample
   * variance of the levels (it already contains the measurement error), floored by the mean
   * squared measurement uncertainty (which keeps it honest for n = 1 or a uniform group).
   */
  meanLevelSe: number;
  /** Sample standard deviation of the levels (0 when n = 1). */
  sdLevel: number;
  /** Number of agents at each level: index 0 is level 1, index 7 level 8. */
  distribution: number[];
  /** Σ levelSe² in units of 1/{@link SE_SQ_SCALE} level² (an integer, for exact merging). */
  seSq: number;
  /** Agents for whom the target profile requires something in this scope. */
  targeted: number;
  /** Of those, agents below the requirement (on at least one competence of the scope). */
  below: number;
  /** `below / targeted`, or `null` when no agent was targeted. */
  belowShare: number | null;
}

/** A cell that is not published: no count, no level. */
export interface SuppressedCell {
  id: string;
  domain?: string;
  suppressed: true;
  reason: SuppressionReason;
}

/** A cell of a published row: its statistics, or the reason they are hidden. */
export type MapCell = CellStats | SuppressedCell;

/** How many agents of a row a training was recommended to. */
export interface TrainingCount {
  id: string;
  agents: number;
}

/** A row of a map: a group (or a subtotal, or the whole population) with its statistics. */
export interface PublishedRow {
  /** The `groupBy` fields of the row (a prefix of them for a subtotal, none for the totals). */
  key: Record<string, string>;
  suppressed: false;
  /** Number of results in the row. */
  n: number;
  /** Absent only when `n` is 0 (an empty input). */
  overall?: CellStats;
  /** Domains, by id. A domain nobody in the row was assessed on is absent. */
  domains: MapCell[];
  /** Competences, by id. */
  competences: MapCell[];
  /** Trainings recommended in the row, most recommended first (ties by id). */
  trainings: TrainingCount[];
}

/** A row that is not published: its key and why, nothing else. */
export interface SuppressedRow {
  key: Record<string, string>;
  suppressed: true;
  reason: SuppressionReason;
}

/** A row of a map. */
export type MapRow = PublishedRow | SuppressedRow;

/** Counts of what suppression hid in a published map. */
export interface SuppressionSummary {
  rows: { belowMinimum: number; complementary: number };
  /** Cells hidden inside published rows. */
  cells: { belowMinimum: number; complementary: number };
}

/**
 * A competence map: per group of agents (and per subtotal of the `groupBy` hierarchy, and for the
 * whole population), the count, mean level with its uncertainty, distribution over levels and share
 * below the target profile of the overall result, each domain and each competence, and the trainings
 * most recommended. A *raw* map (`minGroupSize` 1) is exact and mergeable; a *published* map
 * (`minGroupSize` > 1) has small groups and their complements suppressed and cannot be merged.
 */
export interface CompetenceMap {
  format: 'jauge-competence-map';
  version: 1;
  /** The framework of the results (`null` for a map of no result). */
  framework: { id: string; version: string } | null;
  /** The grouping fields, outermost first (`['direction', 'service']`): a hierarchy. */
  groupBy: string[];
  /** 1 for a raw map; the threshold applied for a published one. */
  minGroupSize: number;
  /** Ids of the target profiles the `targeted` / `below` counts refer to, sorted. */
  profiles: string[];
  /** Records skipped as invalid (with `invalid: 'skip'`). */
  rejected: number;
  /** The whole population. */
  totals: MapRow;
  /** Rows for each proper prefix of `groupBy` (e.g. per direction), sorted by key; empty with one field. */
  subtotals: MapRow[];
  /** One row per group (all `groupBy` fields), sorted by key. */
  groups: MapRow[];
  /** What was suppressed (published maps only). */
  suppression?: SuppressionSummary;
}

/** Scale of the fixed-point `seSq` sums: levelSe² is counted in units of 1/10,000 level². */
export const SE_SQ_SCALE = 10_000;

/** Number of levels. */
export const LEVEL_COUNT = 8;
