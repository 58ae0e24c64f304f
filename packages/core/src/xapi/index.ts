/**
 * xAPI 2.0 (IEEE 9274.1.1) statements of an assessment result, and a local statement validator.
 * Nothing here sends anything: the host posts the statements to its LRS.
 * @packageDocumentation
 */
export {
  isIri,
  isIrl,
  ISO_TIMESTAMP,
  JAUGE_XAPI_PROFILE,
  type LanguageMap,
  type Statement,
  XAPI_ACTIVITY_TYPES,
  XAPI_CONTEXT_EXTENSIONS,
  XAPI_RESULT_EXTENSIONS,
  XAPI_VERBS,
  XAPI_VERSION,
  type XapiActivity,
  xapiActorIssues,
  xapiStatements,
  type XapiStatementsOptions,
} from './statements.js';
export { formatUuid, isUuid, JAUGE_XAPI_NAMESPACE, uuidV5 } from './uuid.js';
export { validateStatement } from './validate.js';
export type { ValidationIssue } from '../errors.js';
export { JaugeValidationError } from '../errors.js';
