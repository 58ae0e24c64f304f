/**
 * Item calibration from collected answers: marginal maximum likelihood (Bock–Aitkin EM) of the
 * Rasch model and the 2PL on sparse adaptive data, with priors, standard errors, item fit, flags,
 * Mantel–Haenszel DIF and linking to the previous bank's scale; plus the JSON-lines answers
 * reader and a Markdown report. No Node API: runs in browsers, Node and workers.
 *
 * @packageDocumentation
 */
export { answerRecordFromResult } from './answer-record.js';
export type { AnswerRecord, AnswerRecordResponse } from './answer-record.js';
export { createAnswerCollector, parseAnswers, MAX_ANSWER_LINE_LENGTH, MAX_ANSWER_LABEL_LENGTH } from './answer-collector.js';
export type { AnswerCollector } from './answer-collector.js';
export { dimensionData, dimensionDataFromMatrix } from './response-data.js';
export type { DimensionData, ResponseData } from './response-data.js';
export { normalQuadrature, DEFAULT_QUADRATURE_POINTS, DEFAULT_QUADRATURE_RANGE } from './quadrature.js';
export type { Quadrature } from './quadrature.js';
export {
  estimateItemParameters,
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_PRIOR_B_SD,
  DEFAULT_PRIOR_LOG_A,
  DEFAULT_TOLERANCE,
} from './estimate-items.js';
export type { CalibrationModel, Convergence, EmProgress, EstimateItemsOptions, ItemEstimates } from './estimate-items.js';
export { linkingConstants, linkItem, identityLink } from './linking.js';
export type { LinkingAnchor, LinkingConstants, LinkingMethod } from './linking.js';
export { mantelHaenszel } from './mantel-haenszel.js';
export type { DifClass, MantelHaenszelResult, MantelHaenszelStratum } from './mantel-haenszel.js';
export type { GroupAbility, ItemFit } from './item-fit.js';
export { DEFAULT_FLAG_THRESHOLDS } from './item-flags.js';
export type { FlagThresholds } from './item-flags.js';
export { calibrateItemBank } from './calibrate-item-bank.js';
export type { CalibrateItemBankOptions, CalibrationProgress, CalibrationResult } from './calibrate-item-bank.js';
export { ITEM_FLAGS } from './calibration-report.js';
export type { CalibrationReport, DimensionCalibration, ItemCalibration, ItemFlag } from './calibration-report.js';
export { renderCalibrationReport } from './render-calibration-report.js';
export { JaugeValidationError } from '../errors.js';
