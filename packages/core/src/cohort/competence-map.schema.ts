import * as z from 'zod/mini';
import { LEVEL_COUNT } from './competence-map.js';

const Count = /* @__PURE__ */ z.int().check(z.gte(0));
const Name = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
const Reason = /* @__PURE__ */ z.enum(['below-minimum', 'complementary']);

/** Statistics of one cell of a competence map. */
export const CellStatsSchema = /* @__PURE__ */ z.strictObject({
  id: Name,
  domain: z.optional(Name),
  suppressed: z.literal(false),
  n: Count,
  meanLevel: z.number(),
  meanLevelSe: z.number(),
  sdLevel: z.number(),
  distribution: z.array(Count).check(z.length(LEVEL_COUNT)),
  seSq: Count,
  targeted: Count,
  below: Count,
  belowShare: z.nullable(z.number()),
});

/** A suppressed cell: id and reason only. */
export const SuppressedCellSchema = /* @__PURE__ */ z.strictObject({ id: Name, domain: z.optional(Name), suppressed: z.literal(true), reason: Reason });

const Cell = /* @__PURE__ */ z.union([CellStatsSchema, SuppressedCellSchema]);
const Key = /* @__PURE__ */ z.record(z.string(), Name);

/** A row of a competence map, published or suppressed. */
export const MapRowSchema = /* @__PURE__ */ z.union([
  z.strictObject({
    key: Key,
    suppressed: z.literal(false),
    n: Count,
    overall: z.optional(CellStatsSchema),
    domains: z.array(Cell),
    competences: z.array(Cell),
    trainings: z.array(z.strictObject({ id: Name, agents: Count })),
  }),
  z.strictObject({ key: Key, suppressed: z.literal(true), reason: Reason }),
]);

const Tally = /* @__PURE__ */ z.strictObject({ belowMinimum: Count, complementary: Count });

/** A competence map as JSON (see `CompetenceMap`). */
export const CompetenceMapSchema = /* @__PURE__ */ z.strictObject({
  format: z.literal('jauge-competence-map'),
  version: z.literal(1),
  framework: z.nullable(z.strictObject({ id: Name, version: Name })),
  groupBy: z.array(Name).check(z.minLength(1)),
  minGroupSize: z.int().check(z.gte(1)),
  profiles: z.array(Name),
  rejected: Count,
  totals: MapRowSchema,
  subtotals: z.array(MapRowSchema),
  groups: z.array(MapRowSchema),
  suppression: z.optional(z.strictObject({ rows: Tally, cells: Tally })),
});
