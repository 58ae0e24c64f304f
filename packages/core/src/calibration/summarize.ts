import { ITEM_FLAGS, type CalibrationReport, type ItemCalibration, type ItemFlag } from './calibration-report.js';

/** Counts of calibrated, unchanged and flagged items. @internal */
export function summarize(items: readonly ItemCalibration[]): CalibrationReport['summary'] {
  const flags = Object.fromEntries(ITEM_FLAGS.map((flag) => [flag, 0])) as Record<ItemFlag, number>;
  let flagged = 0;
  for (const item of items) {
    for (const flag of item.flags) flags[flag]++;
    if (item.flags.some((flag) => flag !== 'no-responses' && flag !== 'few-responses')) flagged++;
  }
  const calibrated = items.filter((item) => item.estimate !== null).length;
  return { calibrated, unchanged: items.length - calibrated, flagged, flags };
}
