import * as z from 'zod/mini';

/** Pattern of every identifier in Jauge content: lower-case ASCII words joined by `-` or `.`. */
export const ID_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** A stable identifier (`cybersecurite.hameconnage`, `cyb-012`). */
export const IdSchema = /* @__PURE__ */ z.string().check(
  z.minLength(1),
  z.maxLength(120),
  z.regex(ID_PATTERN, 'expected an id of lower-case letters, digits, "-" and "." (e.g. "cybersecurite.hameconnage")'),
);

/** Non-empty, trimmed-enough text (content is always plain text, never HTML). */
export const TextSchema = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(4000));

/** A level on the 1–8 scale of DigComp 2.2 (and the CRCN). */
export const LevelSchema = /* @__PURE__ */ z.int().check(z.gte(1), z.lte(8));

/** A version string such as `1.0.0`. */
export const VersionSchema = /* @__PURE__ */ z.string().check(z.regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'expected a semantic version such as "1.0.0"'));

/** A language tag: `fr` or `en` (optionally with a region, `fr-FR`). */
export const LangSchema = /* @__PURE__ */ z.string().check(z.regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, 'expected a language tag such as "fr" or "en"'));

/** An absolute http(s) URL; any other scheme (`javascript:`, `data:`) is refused. */
export const UrlSchema = /* @__PURE__ */ z.string().check(
  z.maxLength(2000),
  z.regex(/^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#][^\s]*)?$/, 'expected an absolute http(s) URL such as "https://www.cnil.fr/"'),
);

/** A date or month, `2026-11` or `2026-11-29`. */
export const DateSchema = /* @__PURE__ */ z.string().check(z.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected a date such as "2026-11" or "2026-11-29"'));

/** English (or other) versions of a node's texts. French is the language of the main fields. */
export const TranslationsSchema = /* @__PURE__ */ z.record(
  LangSchema,
  z.record(z.string().check(z.minLength(1)), z.union([TextSchema, z.record(z.string(), TextSchema)])),
);

/** Where a fact comes from: an official publication, a law, a guide. */
export const SourceSchema = /* @__PURE__ */ z.strictObject({
  publisher: TextSchema,
  title: TextSchema,
  url: z.optional(UrlSchema),
  date: z.optional(DateSchema),
});

/** An alignment of a competence to another framework (DigComp 2.2, CRCN, ESCO…). */
export const AlignmentSchema = /* @__PURE__ */ z.strictObject({
  framework: z.enum(['digcomp-2.2', 'digcomp-3.0', 'crcn', 'esco']),
  code: z.optional(z.string().check(z.regex(/^\d(?:\.\d{1,2})?$/, 'expected a competence code such as "4.1"'))),
  uri: z.optional(UrlSchema),
  match: z.optional(z.enum(['exact', 'close', 'related'])),
});

/** A place for data an administration adds to its content; Jauge keeps it and ignores it. */
export const ExtensionsSchema = /* @__PURE__ */ z.record(z.string(), z.unknown());
