import * as z from 'zod/mini';
import { CatalogueSchema } from './catalogue.schema.js';
import { FrameworkSchema } from './framework.schema.js';
import { ItemBankSchema } from './item-bank.schema.js';
import { RulesSchema, StagesSchema } from './rules.schema.js';
import { TargetProfileSchema, TargetProfilesSchema } from './target-profile.schema.js';

/** The content file kinds that have a JSON Schema. */
export type ContentKind = 'framework' | 'item-bank' | 'catalogue' | 'target-profile' | 'target-profiles' | 'rules' | 'stages';

const schemas = {
  framework: FrameworkSchema,
  'item-bank': ItemBankSchema,
  catalogue: CatalogueSchema,
  'target-profile': TargetProfileSchema,
  'target-profiles': TargetProfilesSchema,
  rules: RulesSchema,
  stages: StagesSchema,
} as const;

/**
 * The JSON Schema (draft 2020-12) of a content file, generated from the same zod schemas the
 * parse functions use, so that editors offer completion and inline errors to content authors.
 * Cross-reference rules (existing skills, unique ids…) are checked by the parse functions and by
 * `jauge validate`, not by the JSON Schema.
 */
export function contentJsonSchema(kind: ContentKind): Record<string, unknown> {
  return z.toJSONSchema(schemas[kind], { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}
