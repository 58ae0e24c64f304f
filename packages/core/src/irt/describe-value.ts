/**
 * Describes a received value for an error message ("…, received 0", "…, received null").
 * Numbers keep their JavaScript spelling (`NaN`, `-1`, `Infinity`), strings are quoted, and
 * objects are named by kind rather than dumped, so a message never carries a whole item bank.
 *
 * @internal Not re-exported from `@jauge/core`.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, 4).map(describeValue).join(', ');
    return `[${shown}${value.length > 4 ? ', …' : ''}]`;
  }
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/** `" at responses[3]"` for a location, nothing without one. @internal */
export function at(where: string | undefined): string {
  return where === undefined || where === '' ? '' : ` at ${where}`;
}
