// Cheap synthetic results for tests and benchmarks (not exported from the package): valid
// ResultSummary objects for a framework, with chosen or seeded random levels.
import { gaussian } from '../../cat/simulate.js';
import type { Framework } from '../../framework/framework.schema.js';
import { createRandom } from '../../random.js';
import type { GroupedResult, ResultSummary } from '../grouped-result.js';

const clampLevel = (x: number) => Math.min(8, Math.max(1, Math.round(x)));

/**
 * A result of `framework` with the given levels (default 3): per domain, and per competence
 * (default: its domain's level). `levelSe` is the same everywhere (default 0.5).
 */
export function resultWithLevels(
  framework: Framework,
  levels: { overall?: number; domains?: Record<string, number>; competences?: Record<string, number> } = {},
  levelSe = 0.5,
): ResultSummary {
  const domains = framework.domains.map((d) => ({ id: d.id, level: levels.domains?.[d.id] ?? 3, levelSe }));
  const competences = framework.domains.flatMap((d) =>
    d.competences.map((c) => ({ id: c.id, domain: d.id, level: levels.competences?.[c.id] ?? levels.domains?.[d.id] ?? 3, levelSe })),
  );
  const overall = levels.overall ?? clampLevel(domains.reduce((s, d) => s + d.level, 0) / domains.length);
  return { framework: { id: framework.id, version: framework.version }, complete: true, overall: { level: overall, levelSe }, domains, competences };
}

/** Options of {@link syntheticResults}. */
export interface SyntheticOptions {
  framework: Framework;
  count: number;
  seed?: number;
  /** The group of record `i` (default: 10 directions × 10 services). */
  group?: (i: number, random: () => number) => Record<string, string>;
  /** Training ids to draw recommendations from (each record gets 0–2 of them). */
  trainings?: readonly string[];
}

/**
 * Yields `count` seeded random records one at a time (nothing is stored): a general ability per
 * agent, domain levels around it, competence levels around their domain.
 */
export function* syntheticResults(options: SyntheticOptions): Generator<GroupedResult> {
  const { framework, count, seed = 1, trainings = [] } = options;
  const random = createRandom(seed);
  const group = options.group ?? ((i: number) => ({ direction: `D${i % 10}`, service: `S${Math.floor(i / 10) % 10}` }));
  const version = { id: framework.id, version: framework.version };
  for (let i = 0; i < count; i++) {
    const g = gaussian(random);
    const domains: { id: string; level: number; levelSe: number }[] = [];
    const competences: { id: string; domain: string; level: number; levelSe: number }[] = [];
    let sum = 0;
    for (const d of framework.domains) {
      const ability = 3 + 1.2 * g + 0.8 * gaussian(random);
      const level = clampLevel(ability);
      sum += ability;
      domains.push({ id: d.id, level, levelSe: Math.round((0.3 + 0.4 * random()) * 1000) / 1000 });
      for (const c of d.competences) {
        competences.push({ id: c.id, domain: d.id, level: clampLevel(ability + 0.6 * gaussian(random)), levelSe: Math.round((0.5 + 0.5 * random()) * 1000) / 1000 });
      }
    }
    const result: ResultSummary = {
      framework: version,
      complete: true,
      overall: { level: clampLevel(sum / framework.domains.length), levelSe: Math.round((0.2 + 0.2 * random()) * 1000) / 1000 },
      domains,
      competences,
    };
    const picked: string[] = [];
    if (trainings.length > 0) {
      const howMany = Math.floor(random() * 3);
      for (let t = 0; t < howMany; t++) picked.push(trainings[Math.floor(random() * trainings.length)]!);
    }
    yield { result, group: group(i, random), ...(picked.length > 0 ? { trainings: picked } : {}) };
  }
}
