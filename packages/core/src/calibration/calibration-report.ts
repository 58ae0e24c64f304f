import type { ValidationIssue } from '../errors.js';
import type { Irt } from '../framework/item-bank.schema.js';
import type { CalibrationModel, Convergence } from './estimate-items.js';
import type { GroupAbility, ItemFit } from './item-fit.js';
import type { LinkingConstants, LinkingMethod } from './linking.js';
import type { MantelHaenszelResult } from './mantel-haenszel.js';

/**
 * Why an item deserves a look after calibration:
 *
 * - `no-responses`: nobody answered it; its parameters are unchanged;
 * - `few-responses`: fewer answers than `minResponses`; its parameters lean on the priors;
 * - `negative-discrimination`: stronger agents fail it significantly more often (discrimination
 *   index < 0 at the 5 % level) — a wrong key, an ambiguous or trick question;
 * - `tiny-discrimination`: 2PL a below `minDiscrimination` on the population scale: it hardly
 *   tells agents apart;
 * - `too-easy` / `too-hard`: b more than `extremeDifficulty` population SDs below / above the mean
 *   ability: almost everyone succeeds / fails;
 * - `underfit` / `overfit`: infit or outfit mean square outside the fit range and significant
 *   (|z| > 2): noisier / more predictable answers than the model expects;
 * - `dif`: ETS class C differential item functioning between the two groups (Mantel–Haenszel),
 *   each group having at least `minDifGroupSize` answers.
 */
export type ItemFlag =
  | 'no-responses'
  | 'few-responses'
  | 'negative-discrimination'
  | 'tiny-discrimination'
  | 'too-easy'
  | 'too-hard'
  | 'underfit'
  | 'overfit'
  | 'dif';

/** Every flag, in the order reports list them. */
export const ITEM_FLAGS: readonly ItemFlag[] = Object.freeze([
  'negative-discrimination',
  'dif',
  'underfit',
  'tiny-discrimination',
  'overfit',
  'too-easy',
  'too-hard',
  'few-responses',
  'no-responses',
]);

/** The calibration of one item. */
export interface ItemCalibration {
  id: string;
  /** The ability scale (domain) the item was calibrated on. */
  dimension: string;
  /** Whether the item served as a linking anchor. */
  anchor: boolean;
  /** Number of answers to the item. */
  responses: number;
  /** Share of correct answers (`null` without answers). Adaptive tests aim near 0.5 for everyone. */
  proportionCorrect: number | null;
  /** IRT parameters before calibration (the previous bank). */
  previous: Irt;
  /** Estimate on the calibration scale, where the population is N(0, 1) (`null` without answers). */
  estimate: { a: number; b: number } | null;
  /** IRT parameters after linking, on the previous bank's scale: what the calibrated bank holds. */
  calibrated: Irt;
  /** Standard errors of `calibrated.a` (null when a is fixed) and `calibrated.b`. */
  se: { a: number | null; b: number } | null;
  /** Item fit (see {@link ItemFit}); `null` without answers. */
  fit: ItemFit | null;
  /** Mantel–Haenszel DIF between the reference and focal groups; `null` when not analysed. */
  dif: MantelHaenszelResult | null;
  /** Why the item deserves a look; empty when nothing stands out. */
  flags: ItemFlag[];
}

/** The calibration of one ability scale (a domain, or the whole bank). */
export interface DimensionCalibration {
  id: string;
  /** Agents with at least one answer on this scale. */
  agents: number;
  /** Distinct response patterns (what the EM iterates over). */
  patterns: number;
  /** Items with at least one answer. */
  items: number;
  /** How the EM algorithm ended (last round). */
  convergence: Convergence;
  /** Estimation rounds: after linking, priors are moved to the calibration scale and EM is run again until the constants settle. */
  rounds: number;
  /** The map from the calibration scale to the previous bank's scale. */
  linking: LinkingConstants;
  /** The calibration population on the previous scale: N(B, A²). */
  population: { mean: number; sd: number };
  /** Rasch: the common discrimination on the previous scale and its SE. */
  commonA?: { a: number; se: number | null };
  /** Ability distribution of each group on the previous scale (agents, mean, SD). */
  groups: ({ group: string } & GroupAbility)[];
}

/** Everything a calibration found: settings, convergence, linking, parameters, fit, flags and DIF. */
export interface CalibrationReport {
  model: CalibrationModel;
  /** The `calibration.method` written into the items. */
  method: 'rasch-mml' | '2pl-mml';
  date: string;
  bank: { id: string; version: string };
  answers: {
    /** Agents kept. */
    agents: number;
    /** Answers kept. */
    responses: number;
    /** Records left out, and the first problems found in them. */
    rejectedRecords: number;
    rejected: ValidationIssue[];
  };
  settings: {
    quadrature: { points: number; range: number };
    priorB: { sd: number } | null;
    priorLogA: { mean: number; sd: number } | null;
    raschA: number | null;
    tolerance: number;
    linking: LinkingMethod;
    minResponses: number;
    minDiscrimination: number;
    extremeDifficulty: number;
    fitRange: [number, number];
    minDifGroupSize: number;
  };
  /** The DIF comparison made, if any (with a note when it could not be made). */
  dif: { reference: string; focal: string } | { skipped: string };
  dimensions: DimensionCalibration[];
  items: ItemCalibration[];
  /** Number of items calibrated, and of items carrying each flag. */
  summary: { calibrated: number; unchanged: number; flagged: number; flags: Record<ItemFlag, number> };
}
