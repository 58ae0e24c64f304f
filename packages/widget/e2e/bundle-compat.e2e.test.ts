// The CDN bundles run in the browsers the guide promises (Chrome/Edge 80, Firefox 78 ESR,
// Safari 14.1, all from 2020–2021), not only in the Chromium of these tests: their syntax is
// parsed as ES2020 by an independent parser (acorn), and they must not call a built-in function
// those browsers lack. A feature that would break the page there fails this test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './harness.js';

const cdn = join(repoRoot, 'packages/widget/dist/cdn');

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? jsFiles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []));
}

/** Built-ins newer than the targets, with the first versions that have them. */
const TOO_NEW: [RegExp, string][] = [
  [/\bstructuredClone\(/, 'structuredClone (Chrome 98, Firefox 94, Safari 15.4)'],
  [/\.at\(-?\d/, 'Array/String.prototype.at (Chrome 92, Safari 15.4)'],
  [/\bObject\.hasOwn\(/, 'Object.hasOwn (Chrome 93, Safari 15.4)'],
  [/\.replaceAll\(/, 'String.prototype.replaceAll (Chrome 85)'],
  [/\.findLast(Index)?\(/, 'findLast (Chrome 97, Firefox 104)'],
  [/\.to(Sorted|Reversed|Spliced)\(/, 'change-array-by-copy (Chrome 110)'],
  [/\bObject\.groupBy\(|\bMap\.groupBy\(/, 'groupBy (Chrome 117)'],
  [/\bPromise\.any\(|\bAggregateError\b/, 'Promise.any (Chrome 85)'],
  [/\bnew WeakRef\(|\bFinalizationRegistry\b/, 'WeakRef (Chrome 84, Safari 14.1 only partly)'],
  [/\bcrypto\.randomUUID\(/, 'crypto.randomUUID (Chrome 92, Safari 15.4)'],
  [/\bAbortSignal\.timeout\(/, 'AbortSignal.timeout (Chrome 103)'],
  [/\bIntl\.Segmenter\b/, 'Intl.Segmenter (Firefox 125)'],
  [/@layer\b|@container\b|:has\(|color-mix\(|light-dark\(/, 'CSS newer than 2021 (@layer, @container, :has(), color-mix())'],
];

describe('CDN bundles for the browsers of 2020–2021', () => {
  const files = jsFiles(cdn);

  it('finds the bundles (agents, managers, SCORM, xAPI)', () => {
    const names = files.map((f) => relative(cdn, f));
    expect(names).toEqual(expect.arrayContaining(['jauge.js', 'map/jauge-map.js', 'scorm/jauge-scorm.js', 'xapi/jauge-xapi.js']));
  });

  it('uses no syntax newer than ES2020 (acorn, ecmaVersion 2020)', () => {
    const problems: string[] = [];
    for (const file of files) {
      try {
        parse(readFileSync(file, 'utf8'), { ecmaVersion: 2020, sourceType: 'module' });
      } catch (error) {
        problems.push(`${relative(cdn, file)}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('calls no built-in those browsers lack', () => {
    const problems: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const [pattern, what] of TOO_NEW) if (pattern.test(code)) problems.push(`${relative(cdn, file)}: ${what}`);
    }
    expect(problems).toEqual([]);
  });

  it('would notice ES2022 syntax (the parser check can fail)', () => {
    expect(() => parse('class A { static { this.x = 1; } }', { ecmaVersion: 2020, sourceType: 'module' })).toThrow();
    expect(() => parse('let a; a ??= 1;', { ecmaVersion: 2020, sourceType: 'module' })).toThrow();
  });
});
