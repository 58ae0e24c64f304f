import * as z from 'zod/mini';
import {
  DateSchema,
  ExtensionsSchema,
  IdSchema,
  LangSchema,
  LevelSchema,
  SourceSchema,
  TextSchema,
  TranslationsSchema,
  VersionSchema,
} from './common.schema.js';

/** IRT parameters of a scored item (4PL, D = 1). */
export const IrtSchema = /* @__PURE__ */ z.strictObject({
  a: z.number().check(z.gt(0), z.lte(10)),
  b: z.number().check(z.gte(-10), z.lte(10)),
  c: z.optional(z.number().check(z.gte(0), z.lt(1))),
  d: z.optional(z.number().check(z.gt(0), z.lte(1))),
});

/** Where the IRT parameters come from: a documented prior rule, or a calibration on real answers. */
export const CalibrationSchema = /* @__PURE__ */ z.strictObject({
  method: z.enum(['prior-from-level', 'rasch-mml', '2pl-mml', 'external']),
  date: z.optional(DateSchema),
  sampleSize: z.optional(z.int().check(z.gte(0))),
  notes: z.optional(TextSchema),
});

/** Lifecycle of an item. Retired items are kept for history but never presented. */
export const ItemStatusSchema = /* @__PURE__ */ z.enum(['draft', 'reviewed', 'calibrated', 'retired']);

/** The record of a factual review of an item against its sources. */
export const ReviewSchema = /* @__PURE__ */ z.strictObject({
  date: DateSchema,
  reviewer: TextSchema,
  verdict: z.enum(['ok', 'corrected']),
  notes: z.optional(TextSchema),
});

/** Accessibility information of an item (all shipped items are text only). */
export const AccessibilitySchema = /* @__PURE__ */ z.strictObject({
  textOnly: z.optional(z.boolean()),
  altText: z.optional(TextSchema),
  textAlternative: z.optional(TextSchema),
  notes: z.optional(TextSchema),
});

/** An answer option of a choice or ordering item. */
export const OptionSchema = /* @__PURE__ */ z.strictObject({ id: IdSchema, text: TextSchema });

const scoredFields = {
  id: IdSchema,
  skill: IdSchema,
  level: LevelSchema,
  context: z.optional(TextSchema),
  stem: TextSchema,
  explanation: TextSchema,
  sources: z.optional(z.array(SourceSchema)),
  dimension: z.optional(z.enum(['knowledge', 'skill', 'attitude'])),
  asOf: z.optional(DateSchema),
  status: ItemStatusSchema,
  review: z.optional(ReviewSchema),
  irt: IrtSchema,
  calibration: z.optional(CalibrationSchema),
  /** Sympson–Hetter exposure control: `k` is the probability that the item is given when the engine selects it (1 when absent). */
  exposure: z.optional(z.strictObject({ k: z.number().check(z.gt(0), z.lte(1)) })),
  accessibility: z.optional(AccessibilitySchema),
  translations: z.optional(TranslationsSchema),
  tags: z.optional(z.array(IdSchema)),
  extensions: z.optional(ExtensionsSchema),
};

const options = /* @__PURE__ */ z.array(OptionSchema).check(z.minLength(2), z.maxLength(10));

/** One correct option among several. `answer` is the id of the correct option. */
export const SingleChoiceItemSchema = /* @__PURE__ */ z.strictObject({
  ...scoredFields,
  type: z.literal('single-choice'),
  options,
  answer: IdSchema,
  shuffle: z.optional(z.boolean()),
});

/** Several correct options; scored all-or-nothing. `answer` lists all and only the correct ids. */
export const MultipleChoiceItemSchema = /* @__PURE__ */ z.strictObject({
  ...scoredFields,
  type: z.literal('multiple-choice'),
  options,
  answer: z.array(IdSchema).check(z.minLength(1)),
  shuffle: z.optional(z.boolean()),
});

/** Put the options in order. `answer` is every option id in the correct order. */
export const OrderingItemSchema = /* @__PURE__ */ z.strictObject({
  ...scoredFields,
  type: z.literal('ordering'),
  options,
  answer: z.array(IdSchema).check(z.minLength(2)),
});

/** What differences a short-text answer may have with an accepted answer and still be correct. */
export const ToleranceSchema = /* @__PURE__ */ z.strictObject({
  case: z.optional(z.boolean()),
  accents: z.optional(z.boolean()),
  spaces: z.optional(z.boolean()),
  punctuation: z.optional(z.boolean()),
  typos: z.optional(z.int().check(z.gte(0), z.lte(3))),
});

/** A short typed answer compared with the accepted answers under the tolerance rules. */
export const ShortTextItemSchema = /* @__PURE__ */ z.strictObject({
  ...scoredFields,
  type: z.literal('short-text'),
  answer: z.array(TextSchema).check(z.minLength(1)),
  tolerance: z.optional(ToleranceSchema),
});

/** The agent's own view of a domain (not scored; reported beside the measured level). */
export const SelfRatingItemSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  type: z.literal('self-rating'),
  domain: IdSchema,
  competence: z.optional(IdSchema),
  stem: TextSchema,
  status: ItemStatusSchema,
  review: z.optional(ReviewSchema),
  translations: z.optional(TranslationsSchema),
  extensions: z.optional(ExtensionsSchema),
});

/** Any item of the bank. */
export const ItemSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  SingleChoiceItemSchema,
  MultipleChoiceItemSchema,
  OrderingItemSchema,
  ShortTextItemSchema,
  SelfRatingItemSchema,
]);

/** An item bank: the questions of an assessment, each pointing at a skill of one framework. */
export const ItemBankSchema = /* @__PURE__ */ z.strictObject({
  $schema: z.optional(z.string()),
  id: IdSchema,
  version: VersionSchema,
  lang: LangSchema,
  framework: z.strictObject({ id: IdSchema, version: z.optional(VersionSchema) }),
  items: z.array(ItemSchema).check(z.minLength(1)),
  extensions: z.optional(ExtensionsSchema),
});

/** IRT parameters as stored in an item. */
export type Irt = z.infer<typeof IrtSchema>;
/** An answer option. */
export type Option = z.infer<typeof OptionSchema>;
/** Tolerance rules of a short-text item. */
export type Tolerance = z.infer<typeof ToleranceSchema>;
/** A single-choice item. */
export type SingleChoiceItem = z.infer<typeof SingleChoiceItemSchema>;
/** A multiple-choice item. */
export type MultipleChoiceItem = z.infer<typeof MultipleChoiceItemSchema>;
/** An ordering item. */
export type OrderingItem = z.infer<typeof OrderingItemSchema>;
/** A short-text item. */
export type ShortTextItem = z.infer<typeof ShortTextItemSchema>;
/** A self-rating item. */
export type SelfRatingItem = z.infer<typeof SelfRatingItemSchema>;
/** Any item. */
export type Item = z.infer<typeof ItemSchema>;
/** A scored item (every type but self-rating). */
export type ScoredItem = Exclude<Item, SelfRatingItem>;
/** The type of an item. */
export type ItemType = Item['type'];
/** A validated item bank. */
export type ItemBank = z.infer<typeof ItemBankSchema>;
