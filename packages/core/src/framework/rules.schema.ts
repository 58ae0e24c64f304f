import * as z from 'zod/mini';
import { ExtensionsSchema, IdSchema, LevelSchema, TextSchema, TranslationsSchema, VersionSchema } from './common.schema.js';

/** How several targets combine: the condition must hold on any of them, or on all of them. */
export const MatchSchema = /* @__PURE__ */ z.enum(['any', 'all']);

/** Goal trigger: holds while the agent's level is **below** `below` (the goal is not reached). */
export const GoalTriggerSchema = /* @__PURE__ */ z.strictObject({
  targets: z.array(IdSchema).check(z.minLength(1)),
  below: z.int().check(z.gte(2), z.lte(9)),
  match: z.optional(MatchSchema),
});

/** Prerequisite trigger: holds when the agent's level is **at least** `atLeast`. */
export const PrerequisiteTriggerSchema = /* @__PURE__ */ z.strictObject({
  targets: z.array(IdSchema).check(z.minLength(1)),
  atLeast: LevelSchema,
  match: z.optional(MatchSchema),
});

/** A recommendation rule: propose `training` when the prerequisite holds and the goal is not reached. */
export const RuleSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  training: IdSchema,
  priority: z.optional(z.int().check(z.gte(1), z.lte(5))),
  goal: GoalTriggerSchema,
  prerequisite: z.optional(PrerequisiteTriggerSchema),
  /** Target profiles this rule applies to (every profile when absent). */
  profiles: z.optional(z.array(IdSchema)),
  reason: z.optional(TextSchema),
  translations: z.optional(TranslationsSchema),
});

/** A file of recommendation rules. */
export const RulesSchema = /* @__PURE__ */ z.strictObject({
  $schema: z.optional(z.string()),
  id: IdSchema,
  version: VersionSchema,
  rules: z.array(RuleSchema),
  extensions: z.optional(ExtensionsSchema),
});

/** A stage ("palier") reached when the level of a scope is at least `minLevel`. */
export const StageSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  scope: z.enum(['overall', 'domain']),
  /** For a `domain` stage: the domain it applies to (every domain when absent). */
  domain: z.optional(IdSchema),
  minLevel: LevelSchema,
  title: TextSchema,
  message: TextSchema,
  translations: z.optional(TranslationsSchema),
});

/** A file of stages. */
export const StagesSchema = /* @__PURE__ */ z.strictObject({
  $schema: z.optional(z.string()),
  id: IdSchema,
  version: VersionSchema,
  stages: z.array(StageSchema).check(z.minLength(1)),
  extensions: z.optional(ExtensionsSchema),
});

/** A goal trigger. */
export type GoalTrigger = z.infer<typeof GoalTriggerSchema>;
/** A prerequisite trigger. */
export type PrerequisiteTrigger = z.infer<typeof PrerequisiteTriggerSchema>;
/** A validated recommendation rule. */
export type Rule = z.infer<typeof RuleSchema>;
/** A validated rules file. */
export type Rules = z.infer<typeof RulesSchema>;
/** A stage. */
export type Stage = z.infer<typeof StageSchema>;
/** A validated stages file. */
export type Stages = z.infer<typeof StagesSchema>;
