import type { ItemCalibration, ItemFlag } from './calibration-report.js';
import type { CalibrationModel } from './estimate-items.js';

/** Thresholds of the item flags (see `ItemFlag`). */
export interface FlagThresholds {
  /** Fewer answers than this: `few-responses`, and the item is not used as a linking anchor. Defaults to 30. */
  minResponses?: number;
  /** 2PL a below this on the population scale: `tiny-discrimination`. Defaults to 0.3. */
  minDiscrimination?: number;
  /** |b| beyond this many population SDs: `too-easy` / `too-hard`. Defaults to 3. */
  extremeDifficulty?: number;
  /** Acceptable infit / outfit mean squares. Defaults to [0.7, 1.3] (Wright & Linacre 1994, multiple-choice tests). */
  fitRange?: [number, number];
  /**
   * Fewest answers in each group for a class C DIF to raise the `dif` flag (the statistics are
   * reported anyway). Defaults to 100: on smaller groups one item in a few hundred reaches class C
   * by chance (Zwick 2012 recommends at least 100 to 200 per group for Mantel–Haenszel).
   */
  minDifGroupSize?: number;
}

/** Default flag thresholds. */
export const DEFAULT_FLAG_THRESHOLDS: Readonly<Required<FlagThresholds>> = Object.freeze({
  minResponses: 30,
  minDiscrimination: 0.3,
  extremeDifficulty: 3,
  fitRange: [0.7, 1.3] as [number, number],
  minDifGroupSize: 100,
});

/** Fills in default thresholds and reports invalid ones. @internal */
export function resolveThresholds(options: FlagThresholds, report: (path: string, message: string) => void): Required<FlagThresholds> {
  const resolved: Required<FlagThresholds> = {
    minResponses: options.minResponses ?? DEFAULT_FLAG_THRESHOLDS.minResponses,
    minDiscrimination: options.minDiscrimination ?? DEFAULT_FLAG_THRESHOLDS.minDiscrimination,
    extremeDifficulty: options.extremeDifficulty ?? DEFAULT_FLAG_THRESHOLDS.extremeDifficulty,
    fitRange: options.fitRange ?? [...DEFAULT_FLAG_THRESHOLDS.fitRange],
    minDifGroupSize: options.minDifGroupSize ?? DEFAULT_FLAG_THRESHOLDS.minDifGroupSize,
  };
  if (!Number.isInteger(resolved.minDifGroupSize) || resolved.minDifGroupSize < 0) report('minDifGroupSize', `expected an integer ≥ 0, found ${String(resolved.minDifGroupSize)}`);
  if (!Number.isInteger(resolved.minResponses) || resolved.minResponses < 0) report('minResponses', `expected an integer ≥ 0, found ${String(resolved.minResponses)}`);
  if (!(resolved.minDiscrimination >= 0)) report('minDiscrimination', `expected a number ≥ 0, found ${String(resolved.minDiscrimination)}`);
  if (!(resolved.extremeDifficulty > 0)) report('extremeDifficulty', `expected a number > 0, found ${String(resolved.extremeDifficulty)}`);
  const range: unknown = resolved.fitRange;
  if (!Array.isArray(range) || range.length !== 2 || !(range[0] > 0 && range[1] > range[0])) report('fitRange', 'expected [low, high] with 0 < low < high');
  return resolved;
}

/** z of Fisher's transform below which a negative discrimination index is significant (5 %, one-sided at 2.5 %). */
const NEGATIVE_Z = -1.96;

/** The flags of one calibrated item (see `ItemFlag` for their meaning). @internal */
export function itemFlags(item: ItemCalibration, model: CalibrationModel, thresholds: Required<FlagThresholds>): ItemFlag[] {
  const flags: ItemFlag[] = [];
  const { fit, estimate } = item;
  if (item.responses === 0 || !fit || !estimate) return ['no-responses'];
  const enough = item.responses >= thresholds.minResponses;
  const r = fit.discriminationIndex;
  if (fit.n > 3 && r < 0 && Math.atanh(Math.max(-0.999999, r)) * Math.sqrt(fit.n - 3) < NEGATIVE_Z) flags.push('negative-discrimination');
  const { dif } = item;
  if (dif?.etsClass === 'C' && Math.min(dif.reference, dif.focal) >= thresholds.minDifGroupSize) flags.push('dif');
  const [low, high] = thresholds.fitRange;
  if (enough && ((fit.infit > high && fit.infitZ > 2) || (fit.outfit > high && fit.outfitZ > 2))) flags.push('underfit');
  if (model === '2pl' && estimate.a < thresholds.minDiscrimination) flags.push('tiny-discrimination');
  if (enough && ((fit.infit < low && fit.infitZ < -2) || (fit.outfit < low && fit.outfitZ < -2))) flags.push('overfit');
  if (estimate.b < -thresholds.extremeDifficulty) flags.push('too-easy');
  if (estimate.b > thresholds.extremeDifficulty) flags.push('too-hard');
  if (!enough) flags.push('few-responses');
  return flags;
}
