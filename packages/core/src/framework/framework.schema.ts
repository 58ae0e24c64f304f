import * as z from 'zod/mini';
import {
  AlignmentSchema,
  ExtensionsSchema,
  IdSchema,
  LangSchema,
  LevelSchema,
  TextSchema,
  TranslationsSchema,
  VersionSchema,
} from './common.schema.js';

/** One rung of a topic's ladder: something an agent can do at a given level. */
export const SkillSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  level: LevelSchema,
  title: TextSchema,
  description: z.optional(TextSchema),
  translations: z.optional(TranslationsSchema),
});

/** A topic: a ladder of skills by level on one subject (Pix calls it a "tube"). */
export const TopicSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  title: TextSchema,
  description: z.optional(TextSchema),
  translations: z.optional(TranslationsSchema),
  skills: z.array(SkillSchema).check(z.minLength(1)),
});

/** A competence of a domain, aligned to DigComp / CRCN. */
export const CompetenceSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  title: TextSchema,
  description: z.optional(TextSchema),
  translations: z.optional(TranslationsSchema),
  alignments: z.optional(z.array(AlignmentSchema)),
  topics: z.array(TopicSchema).check(z.minLength(1)),
});

/** A domain (a theme such as "Cybersécurité"). */
export const DomainSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  title: TextSchema,
  description: z.optional(TextSchema),
  translations: z.optional(TranslationsSchema),
  competences: z.array(CompetenceSchema).check(z.minLength(1)),
});

/** The four DigComp 2.2 bands, two levels each. */
export const BandSchema = /* @__PURE__ */ z.enum(['fondamental', 'intermediaire', 'avance', 'hautement-specialise']);

/** The meaning of one of the eight levels. */
export const LevelDefinitionSchema = /* @__PURE__ */ z.strictObject({
  level: LevelSchema,
  band: BandSchema,
  title: TextSchema,
  description: z.optional(TextSchema),
  translations: z.optional(TranslationsSchema),
});

/** One step of the self-rating scale ("Je sais le faire seul…"), with the level it suggests. */
export const SelfRatingStepSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  label: TextSchema,
  level: LevelSchema,
  translations: z.optional(TranslationsSchema),
});

/**
 * A competence framework: domains → competences → topics → skills by level, the meaning of the
 * levels and the cut points that turn an ability θ into a level.
 */
export const FrameworkSchema = /* @__PURE__ */ z.strictObject({
  $schema: z.optional(z.string()),
  id: IdSchema,
  version: VersionSchema,
  lang: LangSchema,
  title: TextSchema,
  description: z.optional(TextSchema),
  translations: z.optional(TranslationsSchema),
  license: z.optional(TextSchema),
  attribution: z.optional(TextSchema),
  /** The eight levels, in order 1 to 8. */
  levels: z.array(LevelDefinitionSchema).check(z.length(8)),
  /**
   * Seven increasing thresholds on the ability scale θ: θ below `cutPoints[0]` is level 1, between
   * `cutPoints[k-1]` and `cutPoints[k]` is level k+1, from `cutPoints[6]` up is level 8.
   */
  cutPoints: z.array(z.number().check(z.gte(-10), z.lte(10))).check(z.length(7)),
  selfRatingScale: z.array(SelfRatingStepSchema).check(z.minLength(2), z.maxLength(7)),
  domains: z.array(DomainSchema).check(z.minLength(1)),
  extensions: z.optional(ExtensionsSchema),
});

/** A skill: one rung of a topic's ladder. */
export type Skill = z.infer<typeof SkillSchema>;
/** A topic: a ladder of skills by level. */
export type Topic = z.infer<typeof TopicSchema>;
/** A competence of a domain. */
export type Competence = z.infer<typeof CompetenceSchema>;
/** A domain (theme). */
export type Domain = z.infer<typeof DomainSchema>;
/** A DigComp band name. */
export type Band = z.infer<typeof BandSchema>;
/** The definition of one level. */
export type LevelDefinition = z.infer<typeof LevelDefinitionSchema>;
/** One step of the self-rating scale. */
export type SelfRatingStep = z.infer<typeof SelfRatingStepSchema>;
/** A validated competence framework. */
export type Framework = z.infer<typeof FrameworkSchema>;
