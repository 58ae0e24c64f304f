/**
 * `@jauge/core/cohort`: competence maps (aggregation, exact merge, suppression), training plans,
 * CSV / JSON exports and imports, xAPI mapping — without the assessment engine. Everything here is
 * also exported by `@jauge/core`.
 *
 * @packageDocumentation
 */
export * from './cohort/index.js';
