/**
 * `@jauge/core/validation`: the content validators alone (zod schemas and parse functions), for
 * code that loads them only when content arrives (the widget loads this when a host supplies its
 * own content). Everything here is also exported by `@jauge/core`.
 *
 * @packageDocumentation
 */
export { parseFramework } from './framework/parse-framework.js';
export { parseItemBank } from './framework/parse-item-bank.js';
export { parseCatalogue } from './framework/parse-catalogue.js';
export { parseTargetProfile, parseTargetProfiles } from './framework/parse-target-profile.js';
export { parseRules, parseStages } from './framework/parse-rules.js';
export { contentJsonSchema } from './framework/json-schema.js';
export { JaugeValidationError } from './errors.js';
