/**
 * `@jauge/core`: the framework data model, the IRT and adaptive-testing engine, scoring,
 * recommendations and cohort aggregation of Jauge. No DOM, no network: it runs in browsers,
 * Node and workers.
 *
 * @packageDocumentation
 */
export { JaugeValidationError, formatPath } from './errors.js';
export type { ValidationIssue } from './errors.js';
export { createRandom, nextRandom, randomState } from './random.js';
export type { Random, RandomState } from './random.js';
