/**
 * `@jauge/core/badges`: unsigned Open Badges 3.0 credentials (1EdTech OB 3.0 on the W3C Verifiable
 * Credentials Data Model 2.0) of an assessment result. The host signs them ({@link CredentialSigner}).
 *
 * @packageDocumentation
 */
export { OB_CONTEXT_V3, VC_CONTEXT_V2, levelWithUncertainty, openBadgeCredential, openBadgeCredentials } from './open-badge.js';
export type {
  CredentialSigner,
  OpenBadgeAchievement,
  OpenBadgeAlignment,
  OpenBadgeCredential,
  OpenBadgeOptions,
  OpenBadgeProfile,
  OpenBadgeResult,
  OpenBadgeResultDescription,
  OpenBadgeRubricCriterionLevel,
} from './open-badge.js';
export { JaugeValidationError } from '../errors.js';
