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

// framework/: schemas, parse functions, lookups
export { parseFramework } from './framework/parse-framework.js';
export { parseItemBank, MAX_ITEMS } from './framework/parse-item-bank.js';
export { parseCatalogue } from './framework/parse-catalogue.js';
export { parseTargetProfile, parseTargetProfiles } from './framework/parse-target-profile.js';
export { parseRules, parseStages } from './framework/parse-rules.js';
export type { RulesContext } from './framework/parse-rules.js';
export { contentJsonSchema } from './framework/json-schema.js';
export type { ContentKind } from './framework/json-schema.js';
export { indexFramework, nodeKind } from './framework/framework-index.js';
export type { FrameworkIndex, SkillPlace } from './framework/framework-index.js';
export { priorItemParameters, PRIOR_DISCRIMINATION } from './framework/irt-prior.js';
export type {
  Band,
  Competence,
  Domain,
  Framework,
  LevelDefinition,
  SelfRatingStep,
  Skill,
  Topic,
} from './framework/framework.schema.js';
export type {
  Irt,
  Item,
  ItemBank,
  ItemType,
  MultipleChoiceItem,
  Option,
  OrderingItem,
  ScoredItem,
  SelfRatingItem,
  ShortTextItem,
  SingleChoiceItem,
  Tolerance,
} from './framework/item-bank.schema.js';
export type { Catalogue, Training, TrainingFormat } from './framework/catalogue.schema.js';
export type { Requirement, TargetProfile, TargetProfiles } from './framework/target-profile.schema.js';
export type { GoalTrigger, PrerequisiteTrigger, Rule, Rules, Stage, Stages } from './framework/rules.schema.js';

// irt/: response models, information, ability estimation
export {
  estimateAbility,
  DEFAULT_MLE_BOUNDS,
  probability,
  itemInformation,
  testInformation,
  logLikelihood,
  logLikelihoodDerivatives,
  createPosteriorGrid,
  updatePosterior,
  posteriorSummary,
  clonePosteriorGrid,
  informationAt,
} from './irt/index.js';
export type {
  AbilityEstimate,
  EstimateAbilityOptions,
  EstimationMethod,
  ItemParams,
  ItemResponse,
  LogLikelihoodDerivatives,
  NormalPrior,
  PosteriorGrid,
  PosteriorGridOptions,
} from './irt/index.js';

// cat/: the adaptive engine
export { createAssessment, restoreAssessment } from './cat/assessment.js';
export type { Assessment, AssessmentOptions, AnswerOutcome } from './cat/assessment.js';
export { DEFAULT_CONFIG, resolveConfig } from './cat/config.js';
export type { AssessmentConfig, ResolvedConfig } from './cat/config.js';
export type { PresentedItem, AssessmentProgress } from './cat/presented-item.js';
export type { AssessmentSnapshot, SessionAction, SessionEntry, SessionState, PendingItem } from './cat/session.js';
export { reduce, SNAPSHOT_VERSION } from './cat/session.js';
export { defaultStopper, easyStartInitializer, maxInfoSelector } from './cat/strategies.js';
export type { Initializer, Selector, SelectorOptions, Stopper, StopReason, SelectionContext } from './cat/strategies.js';
export { AbilityModel } from './cat/ability-model.js';
export { compilePool } from './cat/item-pool.js';
export type { ItemPool } from './cat/item-pool.js';
export { simulateCohort, drawAbilities, gaussian, simulatedResponse } from './cat/simulate.js';
export { calibrateExposure } from './cat/calibrate-exposure.js';
export type { CalibrateExposureOptions, ExposureCalibration } from './cat/calibrate-exposure.js';
export type { SimulateCohortOptions, SimulationReport, SimulatedAgent, AccuracyMetrics, PopulationOptions } from './cat/simulate.js';
export type { ThetaEstimate } from './cat/ability-model.js';

// scoring/
export { levelOf, bandOf, levelEstimate, normalCdf } from './scoring/levels.js';
export type { LevelEstimate } from './scoring/levels.js';
export { normalizeText, editDistance, checkResponse, isCorrect, MAX_TEXT_ANSWER_LENGTH } from './scoring/score-response.js';
export { COMPETENCE_SD } from './scoring/result.js';
export type { AssessmentResult, DomainResult, CompetenceResult, AnsweredItem } from './scoring/result.js';

// zod schemas (the source of truth of every content type; `zod/mini`)
export {
  AlignmentSchema,
  DateSchema,
  IdSchema,
  LangSchema,
  LevelSchema,
  SourceSchema,
  TextSchema,
  TranslationsSchema,
  UrlSchema,
  VersionSchema,
  ExtensionsSchema,
  ID_PATTERN,
} from './framework/common.schema.js';
export {
  BandSchema,
  CompetenceSchema,
  DomainSchema,
  FrameworkSchema,
  LevelDefinitionSchema,
  SelfRatingStepSchema,
  SkillSchema,
  TopicSchema,
} from './framework/framework.schema.js';
export {
  AccessibilitySchema,
  CalibrationSchema,
  IrtSchema,
  ItemBankSchema,
  ItemSchema,
  ItemStatusSchema,
  MultipleChoiceItemSchema,
  OptionSchema,
  OrderingItemSchema,
  ReviewSchema,
  SelfRatingItemSchema,
  ShortTextItemSchema,
  SingleChoiceItemSchema,
  ToleranceSchema,
} from './framework/item-bank.schema.js';
export { CatalogueSchema, TrainingFormatSchema, TrainingSchema } from './framework/catalogue.schema.js';
export { RequirementSchema, TargetProfileSchema, TargetProfilesSchema } from './framework/target-profile.schema.js';
export { GoalTriggerSchema, MatchSchema, PrerequisiteTriggerSchema, RuleSchema, RulesSchema, StageSchema, StagesSchema } from './framework/rules.schema.js';

// recommendations/
export { reachedStages } from './recommendations/stages.js';
export type { ReachedStage } from './recommendations/stages.js';
export { recommend, DEFAULT_CUT_POINTS } from './recommendations/recommend.js';
export type { Recommendation, RecommendationReason, RecommendOptions } from './recommendations/recommend.js';
export { learningPath } from './recommendations/learning-path.js';
export type { LearningPath } from './recommendations/learning-path.js';
export { profileStatus } from './recommendations/profile-status.js';
export type { ProfileStatus } from './recommendations/profile-status.js';
export { targetLevel, probabilityBelow } from './recommendations/target-levels.js';
export type { TargetLevel } from './recommendations/target-levels.js';
export type { ReasonLang } from './recommendations/explain.js';

// cohort/: competence maps (mergeable, with small-group suppression), training plans, CSV / JSON, xAPI
export * from './cohort/index.js';
