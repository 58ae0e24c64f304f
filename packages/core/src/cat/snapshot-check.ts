import type { ValidationIssue } from '../errors.js';
import { describeValue } from '../framework/issues.js';
import { type AssessmentSnapshot, SNAPSHOT_VERSION } from './session.js';

// A snapshot is checked by hand rather than with zod: the engine is what every page embeds, and
// the zod runtime (~8 kB gzip) would then ship to every agent just for this. Content validation,
// which needs zod's full power, is loaded only when a host supplies content.

type Check = (value: unknown, path: string, issues: ValidationIssue[]) => void;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const fail = (issues: ValidationIssue[], path: string, expected: string, value: unknown) => issues.push({ path, message: `expected ${expected}, found ${describeValue(value)}` });

const string: (max: number) => Check = (max) => (value, path, issues) => {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) fail(issues, path, `a string of 1 to ${max} characters`, value);
};
const integer: Check = (value, path, issues) => {
  if (!Number.isInteger(value)) fail(issues, path, 'an integer', value);
};
const number: Check = (value, path, issues) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(issues, path, 'a number', value);
};
const boolean: Check = (value, path, issues) => {
  if (typeof value !== 'boolean') fail(issues, path, 'a boolean', value);
};
const literal = (...allowed: (string | number | null)[]): Check => (value, path, issues) => {
  if (!allowed.includes(value as string)) fail(issues, path, allowed.map((a) => JSON.stringify(a)).join(' or '), value);
};
const array = (item: Check, max: number): Check => (value, path, issues) => {
  if (!Array.isArray(value)) return fail(issues, path, 'an array', value);
  if (value.length > max) return fail(issues, path, `at most ${max} elements`, value);
  value.forEach((entry, i) => item(entry, `${path}[${i}]`, issues));
};
const optional = (check: Check): Check => (value, path, issues) => {
  if (value !== undefined) check(value, path, issues);
};
const object = (shape: Record<string, Check>): Check => (value, path, issues) => {
  if (!isRecord(value)) return fail(issues, path, 'an object', value);
  for (const [key, check] of Object.entries(shape)) check(value[key], path ? `${path}.${key}` : key, issues);
  const unknown = Object.keys(value).filter((key) => !(key in shape));
  if (unknown.length > 0) issues.push({ path, message: `unknown field${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => JSON.stringify(k)).join(', ')}` });
};

const id = string(120);
const entry: Check = (value, path, issues) => {
  const kind = isRecord(value) ? value.kind : undefined;
  if (kind === 'answer') {
    object({ itemId: id, kind: literal('answer'), response: (v, p, i) => (typeof v === 'string' ? (v.length > 500 ? fail(i, p, 'at most 500 characters', v) : undefined) : array(id, 20)(v, p, i)), correct: boolean })(value, path, issues);
  } else if (kind === 'skip') object({ itemId: id, kind: literal('skip') })(value, path, issues);
  else if (kind === 'self-rating') object({ itemId: id, kind: literal('self-rating'), response: id })(value, path, issues);
  else fail(issues, `${path}.kind`, '"answer", "skip" or "self-rating"', kind);
};

const snapshotShape: Check = object({
  format: literal('jauge-assessment'),
  version: literal(SNAPSHOT_VERSION),
  framework: object({ id, version: string(40) }),
  bank: object({ id, version: string(40), fingerprint: string(16) }),
  config: object({
    domains: array(id, 100),
    easyStartItems: integer,
    easyStartMaxLevel: integer,
    exposureControl: literal('sympson-hetter', 'progressive', 'randomesque'),
    randomesque: integer,
    exposureTolerance: number,
    maxAboveEstimate: number,
    domainCorrelation: number,
    selfRating: boolean,
    maxItems: integer,
    minItems: integer,
    targetSe: number,
  }),
  seed: integer,
  log: array(entry, 1000),
  pending: (value, path, issues) => {
    if (value === null) return;
    object({ itemId: id, kind: literal('scored', 'self-rating'), optionOrder: optional(array(id, 20)), then: optional(object({ itemId: id, optionOrder: optional(array(id, 20)) })) })(value, path, issues);
  },
  stopReason: literal(null, 'max-items', 'target-se', 'bank-exhausted'),
  checksum: string(16),
});

/** Checks the shape of a snapshot; returns every problem with its path (empty when well-formed). */
export function checkSnapshot(value: unknown): { issues: ValidationIssue[]; snapshot?: AssessmentSnapshot } {
  const issues: ValidationIssue[] = [];
  snapshotShape(value, '', issues);
  return issues.length === 0 ? { issues, snapshot: value as AssessmentSnapshot } : { issues };
}
