import type { z } from 'zod/mini';
import { type ValidationIssue, formatPath } from '../errors.js';

type ZodIssue = z.core.$ZodIssue & { input?: unknown };

/** Describes a found value briefly, for "expected …, found …" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} element${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function sizeWord(origin: string | undefined, amount: number | bigint): string {
  if (origin === 'string') return `${amount} character${amount === 1 ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') return `${amount} element${amount === 1 ? '' : 's'}`;
  return `${amount}`;
}

function measured(origin: string | undefined, input: unknown): string {
  if (origin === 'string' && typeof input === 'string') return `${input.length} character${input.length === 1 ? '' : 's'}`;
  if (origin === 'array' && Array.isArray(input)) return `${input.length} element${input.length === 1 ? '' : 's'}`;
  return describeValue(input);
}

/** Turns one zod issue into a message that says what was expected and what was found. */
function messageOf(issue: ZodIssue): string {
  const found = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'an integer' : issue.expected}, found ${found}`;
    case 'too_small': {
      const bound = issue.exact ? 'exactly' : issue.inclusive ? 'at least' : 'more than';
      return `expected ${bound} ${sizeWord(issue.origin, issue.minimum)}, found ${measured(issue.origin, issue.input)}`;
    }
    case 'too_big': {
      const bound = issue.exact ? 'exactly' : issue.inclusive ? 'at most' : 'less than';
      return `expected ${bound} ${sizeWord(issue.origin, issue.maximum)}, found ${measured(issue.origin, issue.input)}`;
    }
    case 'invalid_format':
      return issue.message !== 'Invalid input' ? `${issue.message}, found ${found}` : `expected the ${issue.format} format, found ${found}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${found}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (check the spelling; custom data goes in "extensions")`;
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const actual = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator as string];
        const options = (issue as { options?: unknown[] }).options ?? [];
        return `expected ${issue.discriminator} to be ${options.map((o) => JSON.stringify(o)).join(', ')}, found ${describeValue(actual)}`;
      }
      return `found ${found}, which matches none of the accepted forms`;
    }
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}, found ${found}`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : `invalid value: ${found}`;
  }
}

/** Converts zod issues to Jauge issues, with paths such as `items[12].options[2].id`. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: messageOf(issue as ZodIssue),
  }));
}
