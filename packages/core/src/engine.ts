/**
 * `@jauge/core/engine`: the adaptive engine, scoring and stages without the content validators
 * (no zod runtime): what an embedded assessment needs. Everything here is also exported by
 * `@jauge/core`.
 *
 * @packageDocumentation
 */
export { JaugeValidationError } from './errors.js';
export type { ValidationIssue } from './errors.js';
export { createAssessment, restoreAssessment } from './cat/assessment.js';
export type { Assessment, AssessmentOptions, AnswerOutcome } from './cat/assessment.js';
export { DEFAULT_CONFIG } from './cat/config.js';
export type { AssessmentConfig, ResolvedConfig } from './cat/config.js';
export type { PresentedItem, AssessmentProgress } from './cat/presented-item.js';
export type { AssessmentSnapshot } from './cat/session.js';
export { reachedStages } from './recommendations/stages.js';
export type { ReachedStage } from './recommendations/stages.js';
export type { AssessmentResult, DomainResult, CompetenceResult, AnsweredItem } from './scoring/result.js';
export type { LevelEstimate } from './scoring/levels.js';
export type { Catalogue, Training } from './framework/catalogue.schema.js';
export type { Framework, SelfRatingStep } from './framework/framework.schema.js';
export type { ItemBank } from './framework/item-bank.schema.js';
export type { Rules, Stage, Stages } from './framework/rules.schema.js';
export type { TargetProfiles } from './framework/target-profile.schema.js';
export { recommend } from './recommendations/recommend.js';
export type { Recommendation, RecommendationReason, RecommendOptions } from './recommendations/recommend.js';
export { learningPath } from './recommendations/learning-path.js';
export type { LearningPath } from './recommendations/learning-path.js';
export { profileStatus } from './recommendations/profile-status.js';
export type { ProfileStatus } from './recommendations/profile-status.js';
export type { TargetProfile } from './framework/target-profile.schema.js';
