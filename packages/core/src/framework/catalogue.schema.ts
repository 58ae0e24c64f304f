import * as z from 'zod/mini';
import {
  DateSchema,
  ExtensionsSchema,
  IdSchema,
  LangSchema,
  LevelSchema,
  TextSchema,
  TranslationsSchema,
  UrlSchema,
  VersionSchema,
} from './common.schema.js';

/** How a training is delivered (aligned with LHÉO / schema.org `Course` vocabulary). */
export const TrainingFormatSchema = /* @__PURE__ */ z.enum([
  'mooc',
  'e-learning',
  'module',
  'webinar',
  'virtual-class',
  'in-person',
  'hybrid',
  'self-training',
  'kit',
  'video',
  'guide',
]);

/** A real training an agent can follow. */
export const TrainingSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  title: TextSchema,
  provider: TextSchema,
  /** Only a URL known to exist; absent otherwise (then `urlNote` says how to find it). */
  url: z.optional(UrlSchema),
  urlNote: z.optional(TextSchema),
  format: TrainingFormatSchema,
  durationMinutes: z.optional(z.int().check(z.gt(0), z.lte(100_000))),
  levels: z.strictObject({ min: LevelSchema, max: LevelSchema }),
  language: LangSchema,
  free: z.optional(z.boolean()),
  registrationRequired: z.optional(z.boolean()),
  description: z.optional(TextSchema),
  competences: z.array(IdSchema).check(z.minLength(1)),
  topics: z.optional(z.array(IdSchema)),
  asOf: z.optional(DateSchema),
  translations: z.optional(TranslationsSchema),
  extensions: z.optional(ExtensionsSchema),
});

/** A training catalogue. */
export const CatalogueSchema = /* @__PURE__ */ z.strictObject({
  $schema: z.optional(z.string()),
  id: IdSchema,
  version: VersionSchema,
  lang: LangSchema,
  asOf: z.optional(DateSchema),
  trainings: z.array(TrainingSchema),
  extensions: z.optional(ExtensionsSchema),
});

/** A training format. */
export type TrainingFormat = z.infer<typeof TrainingFormatSchema>;
/** A training of the catalogue. */
export type Training = z.infer<typeof TrainingSchema>;
/** A validated training catalogue. */
export type Catalogue = z.infer<typeof CatalogueSchema>;
