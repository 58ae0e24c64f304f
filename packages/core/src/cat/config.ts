import { JaugeValidationError, type ValidationIssue } from '../errors.js';

/**
 * How an assessment runs, in the start / test / stop vocabulary of catR. Every field has a
 * default; see `docs/decisions/0002-per-domain-abilities.md` and the simulation table in
 * `docs/benchmarks.md` for how the defaults were chosen.
 */
export interface AssessmentConfig {
  /** Domains in scope (ids). Defaults to every domain of the framework that has items. */
  domains?: string[];
  /** Start: items of the first `easyStartItems` positions come from levels ≤ `easyStartMaxLevel`. Defaults to 3 and 2. */
  easyStartItems?: number;
  /** Highest level of the opening items. Defaults to 2. */
  easyStartMaxLevel?: number;
  /**
   * Test: how item exposure is controlled. `sympson-hetter` (default): the most informative item
   * is given with its calibrated probability `exposure.k` (see `calibrateExposure`), else the next.
   * `progressive`: early items mix chance and information, the last ones are chosen by
   * information alone (Revuelta & Ponsoda 1998). `randomesque`: a uniform choice among the most
   * informative items (see `randomesque` and `exposureTolerance`).
   */
  exposureControl?: 'sympson-hetter' | 'progressive' | 'randomesque';
  /** Test (randomesque): choose at random among the `randomesque` most informative items. Defaults to 5. */
  randomesque?: number;
  /** Test: also choose among every item whose information is within this share of the best one (0–1). Defaults to 0.2. */
  exposureTolerance?: number;
  /** Test: never select an item whose difficulty is more than this above the current θ estimate (≈ levels). Defaults to 2. */
  maxAboveEstimate?: number;
  /** Test: correlation between domain abilities in the prior (shrinkage strength). Defaults to 0.6. */
  domainCorrelation?: number;
  /** Test: ask each domain's self-rating item before its first question. Defaults to true. */
  selfRating?: boolean;
  /** Stop: never more scored items than this. Defaults to 36. */
  maxItems?: number;
  /** Stop: never fewer scored items than this (unless the bank runs out). Defaults to 24. */
  minItems?: number;
  /** Stop: once `minItems` is reached, stop when every domain's standard error is at most this. Defaults to 0.5. */
  targetSe?: number;
}

/** A configuration with every default filled in. */
export type ResolvedConfig = Required<Omit<AssessmentConfig, 'domains'>> & { domains: string[] };

/** The defaults of {@link AssessmentConfig} (domains aside). */
export const DEFAULT_CONFIG: Readonly<Omit<ResolvedConfig, 'domains'>> = Object.freeze({
  easyStartItems: 3,
  easyStartMaxLevel: 2,
  exposureControl: 'sympson-hetter',
  randomesque: 5,
  exposureTolerance: 0.2,
  maxAboveEstimate: 2,
  domainCorrelation: 0.6,
  selfRating: true,
  maxItems: 36,
  minItems: 24,
  targetSe: 0.5,
});

const INTEGER_FIELDS = ['easyStartItems', 'easyStartMaxLevel', 'randomesque', 'maxItems', 'minItems'] as const;

/** Fills in defaults and checks ranges; throws {@link JaugeValidationError} on a bad value. */
export function resolveConfig(config: AssessmentConfig | undefined, availableDomains: readonly string[]): ResolvedConfig {
  const issues: ValidationIssue[] = [];
  const merged = { ...DEFAULT_CONFIG, ...stripUndefined(config ?? {}) } as ResolvedConfig;
  for (const field of INTEGER_FIELDS) {
    const value = merged[field];
    if (!Number.isInteger(value) || value < (field === 'easyStartItems' ? 0 : 1)) {
      issues.push({ path: `config.${field}`, message: `expected an integer ≥ ${field === 'easyStartItems' ? 0 : 1}, found ${String(value)}` });
    }
  }
  if (merged.minItems > merged.maxItems) issues.push({ path: 'config.minItems', message: `expected at most maxItems (${merged.maxItems}), found ${merged.minItems}` });
  if (!(merged.domainCorrelation >= 0 && merged.domainCorrelation < 1)) {
    issues.push({ path: 'config.domainCorrelation', message: `expected a number in [0, 1), found ${String(merged.domainCorrelation)}` });
  }
  if (!(merged.exposureTolerance >= 0 && merged.exposureTolerance < 1)) {
    issues.push({ path: 'config.exposureTolerance', message: `expected a number in [0, 1), found ${String(merged.exposureTolerance)}` });
  }
  if (!(merged.targetSe > 0)) issues.push({ path: 'config.targetSe', message: `expected a number > 0, found ${String(merged.targetSe)}` });
  if (!(merged.maxAboveEstimate > 0)) issues.push({ path: 'config.maxAboveEstimate', message: `expected a number > 0, found ${String(merged.maxAboveEstimate)}` });
  if (!['sympson-hetter', 'progressive', 'randomesque'].includes(merged.exposureControl)) {
    issues.push({ path: 'config.exposureControl', message: `expected "sympson-hetter", "progressive" or "randomesque", found ${JSON.stringify(merged.exposureControl)}` });
  }
  if (typeof merged.selfRating !== 'boolean') issues.push({ path: 'config.selfRating', message: `expected a boolean, found ${String(merged.selfRating)}` });
  const domains = config?.domains ?? [...availableDomains];
  if (!Array.isArray(domains) || domains.length === 0) issues.push({ path: 'config.domains', message: 'expected a non-empty list of domain ids' });
  else {
    domains.forEach((id, i) => {
      if (!availableDomains.includes(id)) issues.push({ path: `config.domains[${i}]`, message: `expected one of ${availableDomains.map((d) => `"${d}"`).join(', ')} (domains that have items), found ${JSON.stringify(id)}` });
    });
    if (new Set(domains).size !== domains.length) issues.push({ path: 'config.domains', message: 'expected each domain once' });
  }
  if (issues.length > 0) throw new JaugeValidationError('assessment configuration', issues);
  return { ...merged, domains: availableDomains.filter((id) => domains.includes(id)) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
