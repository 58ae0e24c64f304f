import * as z from 'zod/mini';
import { ExtensionsSchema, IdSchema, LangSchema, LevelSchema, TextSchema, TranslationsSchema, VersionSchema } from './common.schema.js';

/** The level a job role requires on one competence (or one topic), with its reason. */
export const RequirementSchema = /* @__PURE__ */ z.strictObject({
  competence: z.optional(IdSchema),
  topic: z.optional(IdSchema),
  level: LevelSchema,
  justification: z.optional(TextSchema),
});

/** A target profile: what a job role ("tout agent", "acheteur public"…) requires. */
export const TargetProfileSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  title: TextSchema,
  description: z.optional(TextSchema),
  translations: z.optional(TranslationsSchema),
  /** Domains the assessment should focus on for this role (all domains when absent). */
  focus: z.optional(z.array(IdSchema)),
  requirements: z.array(RequirementSchema).check(z.minLength(1)),
  extensions: z.optional(ExtensionsSchema),
});

/** A file of target profiles. */
export const TargetProfilesSchema = /* @__PURE__ */ z.strictObject({
  $schema: z.optional(z.string()),
  id: IdSchema,
  version: VersionSchema,
  lang: LangSchema,
  profiles: z.array(TargetProfileSchema).check(z.minLength(1)),
  extensions: z.optional(ExtensionsSchema),
});

/** A requirement of a target profile. */
export type Requirement = z.infer<typeof RequirementSchema>;
/** A validated target profile. */
export type TargetProfile = z.infer<typeof TargetProfileSchema>;
/** A validated file of target profiles. */
export type TargetProfiles = z.infer<typeof TargetProfilesSchema>;
