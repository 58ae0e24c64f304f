/**
 * Item response theory for Jauge: the 4PL response model, Fisher information, the
 * log-likelihood and ability estimation (EAP, MAP, MLE), plus the incremental posterior grid the
 * adaptive engine updates after every answer. Pure functions, no dependency, no randomness.
 */
export type { AbilityEstimate } from './ability-estimate.js';
export { estimateAbility, DEFAULT_MLE_BOUNDS } from './estimate-ability.js';
export type { EstimateAbilityOptions, EstimationMethod } from './estimate-ability.js';
export { informationAt, itemInformation, testInformation } from './information.js';
export { assertItemParams } from './item-params.js';
export type { ItemParams } from './item-params.js';
export type { ItemResponse } from './item-response.js';
export { logLikelihood, logLikelihoodDerivatives } from './log-likelihood.js';
export type { LogLikelihoodDerivatives } from './log-likelihood.js';
export { STANDARD_NORMAL_PRIOR } from './normal-prior.js';
export type { NormalPrior } from './normal-prior.js';
export {
  clonePosteriorGrid,
  createPosteriorGrid,
  defaultGridPoints,
  DEFAULT_GRID_MAX_STEP,
  DEFAULT_GRID_POINTS,
  DEFAULT_GRID_SPAN,
  posteriorEdgeWeight,
  posteriorSummary,
  updatePosterior,
} from './posterior-grid.js';
export type { PosteriorGrid, PosteriorGridOptions } from './posterior-grid.js';
export { probability } from './probability.js';
