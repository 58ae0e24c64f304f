import type { z } from 'zod/mini';
import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import { fromZodIssues } from './issues.js';

/** Largest JSON text a parse function accepts (a content file is a few hundred kB). */
export const MAX_JSON_TEXT_LENGTH = 20 * 1024 * 1024;

/**
 * Accepts either a parsed value or a JSON text. A text that is too large or not JSON becomes a
 * {@link JaugeValidationError} that says where the syntax error is.
 */
export function readJson(input: unknown, what: string): unknown {
  if (typeof input !== 'string') return input;
  if (input.length > MAX_JSON_TEXT_LENGTH) {
    throw new JaugeValidationError(what, [
      { path: '', message: `expected at most ${MAX_JSON_TEXT_LENGTH / 1024 / 1024} MB of JSON, found ${(input.length / 1024 / 1024).toFixed(1)} MB` },
    ]);
  }
  try {
    return JSON.parse(input) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new JaugeValidationError(what, [{ path: '', message: `expected JSON, found text that does not parse (${detail})` }]);
  }
}

/**
 * Validates `input` against `schema`, then runs cross-reference `checks` on the typed value; throws
 * one {@link JaugeValidationError} listing every structural and cross-reference problem.
 */
export function validate<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  what: string,
  checks?: (value: T, report: (path: string, message: string) => void) => void,
): T {
  const value = readJson(input, what);
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new JaugeValidationError(what, fromZodIssues(result.error.issues));
  if (checks) {
    const issues: ValidationIssue[] = [];
    checks(result.data, (path, message) => issues.push({ path, message }));
    if (issues.length > 0) throw new JaugeValidationError(what, issues);
  }
  return result.data;
}

/** Reports every id that appears more than once, at each repeated place. */
export function checkUnique(
  entries: Iterable<[id: string, path: string]>,
  report: (path: string, message: string) => void,
  kind: string,
): Set<string> {
  const seen = new Map<string, string>();
  for (const [id, path] of entries) {
    const first = seen.get(id);
    if (first !== undefined) report(path, `duplicate ${kind} id "${id}" (first used at ${first})`);
    else seen.set(id, path);
  }
  return new Set(seen.keys());
}
