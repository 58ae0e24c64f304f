/** One problem found in a piece of input: where it is and what is wrong with it. */
export interface ValidationIssue {
  /**
   * Where the problem is, as a JavaScript-like access path from the root of the input,
   * e.g. `items[12].options[2].id`. The empty string designates the input itself.
   */
  path: string;
  /** What was expected and what was found, in plain English. */
  message: string;
}

/**
 * Thrown by every parse, validate and restore function of Jauge when its input is not
 * acceptable. It lists **every** problem found (not only the first), each with its path,
 * and nothing of the input has been applied or stored when it is thrown.
 *
 * @example
 * ```ts
 * import { JaugeValidationError, parseFramework } from '@jauge/core';
 * try {
 *   parseFramework({ id: 'x' });
 * } catch (error) {
 *   if (error instanceof JaugeValidationError) {
 *     for (const issue of error.issues) console.error(`${issue.path}: ${issue.message}`);
 *   }
 * }
 * ```
 */
export class JaugeValidationError extends Error {
  /** Every problem found, in input order. Never empty. */
  readonly issues: ValidationIssue[];

  constructor(what: string, issues: ValidationIssue[]) {
    const list = issues.slice(0, 20).map((issue) => `  - ${issue.path || '(root)'}: ${issue.message}`);
    if (issues.length > 20) list.push(`  … and ${issues.length - 20} more`);
    super(`Invalid ${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${list.join('\n')}`);
    this.name = 'JaugeValidationError';
    this.issues = issues;
  }
}

/** Formats a path made of property names and array indices: `['items', 12, 'id']` → `items[12].id`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'symbol') out += `[${String(segment)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
