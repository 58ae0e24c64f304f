// Loaded on demand (its own file in the CDN build): the validators of host-supplied content.
export { parseCatalogue, parseFramework, parseItemBank, parseRules, parseStages, parseTargetProfiles } from '@jauge/core/validation';
