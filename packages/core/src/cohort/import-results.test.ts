import { describe, expect, it } from 'vitest';
import { miniFramework } from '../../test/mini-content.js';
import { aggregateResults } from './aggregate-results.js';
import { summarizeResult } from './grouped-result.js';
import type { GroupedResult } from './grouped-result.js';
import { importResults, readResults } from './import-results.js';
import { resultsToCsv } from './results-csv.js';
import { resultWithLevels } from './testing/synthetic-results.js';

const framework = miniFramework();
const record = (group: Record<string, string>, alpha = 3, trainings?: string[]): GroupedResult => ({
  result: summarizeResult(resultWithLevels(framework, { domains: { alpha, beta: 2 } }, 0.25)),
  group,
  ...(trainings ? { trainings } : {}),
});

describe('importResults: JSON lines', () => {
  it('keeps the good lines and reports each problem of the bad ones with its line', () => {
    const good = JSON.stringify(record({ service: 'RH' }));
    const badLevel = JSON.stringify({ ...record({ service: 'RH' }), result: { ...record({}).result, overall: { level: 0, levelSe: 0.2 } } });
    const text = `\uFEFF${[good, '{"result": ', '', JSON.stringify({ group: { service: 'RH' } }), badLevel, good].join('\r\n')}`;
    const { records, errors } = importResults(text, { format: 'jsonl' });
    expect(records).toHaveLength(2);
    expect(errors).toEqual([
      { line: 2, message: expect.stringMatching(/^expected a JSON object, found text that does not parse \(/) },
      { line: 4, path: 'result', message: 'expected an assessment result, found nothing (the field is missing)' },
      { line: 5, path: 'result.overall.level', message: 'expected an integer level 1–8, found the number 0' },
    ]);
  });

  it('refuses a line of another framework than the first good one, or than the framework given', () => {
    const other = { ...record({ s: 'x' }), result: { ...record({}).result, framework: { id: 'autre', version: '1.0.0' } } };
    const text = [JSON.stringify(record({ s: 'x' })), JSON.stringify(other)].join('\n');
    expect(importResults(text, { format: 'jsonl' }).errors).toEqual([{ line: 2, path: 'result.framework', message: 'expected a result of framework "mini" 1.0.0, found "autre" 1.0.0' }]);
    expect(importResults(JSON.stringify(other), { format: 'jsonl', framework }).errors).toHaveLength(1);
  });

  it('streams chunks cut anywhere into records, for aggregation in bounded memory', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => JSON.stringify(record({ service: i % 2 ? 'A' : 'B' }, 1 + (i % 5))));
    const text = `${lines.join('\n')}\n`;
    const chunks = text.match(/[\s\S]{1,37}/g)!;
    const errors: unknown[] = [];
    const map = await aggregateResults(readResults(chunks, { format: 'jsonl', onError: (e) => errors.push(e) }), { groupBy: ['service'] });
    expect(errors).toEqual([]);
    expect(map.totals.suppressed === false && map.totals.n).toBe(12);
  });

  it('an empty input imports nothing and reports nothing', () => {
    expect(importResults('', { format: 'jsonl' })).toEqual({ records: [], errors: [] });
    expect(importResults('\n\n', { format: 'jsonl' })).toEqual({ records: [], errors: [] });
  });
});

describe('importResults: CSV', () => {
  it('round-trips records written by resultsToCsv, hostile group values included, with either separator', () => {
    const records = [
      record({ direction: '=HYPERLINK("http://x")', service: '-Accueil; "pôle"' }, 2, ['mooc-a', 'guide-b']),
      record({ direction: '@DGFiP', service: '+33\r\nlignes' }, 5),
      record({ direction: "'=déjà", service: 'Normal' }, 8),
    ];
    for (const separator of [',', ';'] as const) {
      const text = resultsToCsv(records, { framework, separator, bom: true });
      expect(text).not.toMatch(/(^|[,;\n])[=+\-@]/);
      const imported = importResults(text, { format: 'csv', framework });
      expect(imported.errors).toEqual([]);
      expect(imported.records).toEqual(records);
    }
  });

  it('reports bad lines (cell count, level, uncertainty) and keeps the good ones', () => {
    const header = 'direction;service;overall;overall:se;domain:alpha;domain:alpha:se;competence:alpha.c1;competence:alpha.c1:se;trainings';
    const text = [
      header,
      'D1;RH;3;0,4;3;0,5;2;0,6;mooc-a|mooc-b',
      'D1;RH;3;0,4;3;0,5;2',
      'D1;RH;9;0,4;3;0,5;;;',
      'D1;RH;3;0,4;3;;;;',
      'D1;;3;0,4;;;;;',
      'D2;SI;4;abc;;;;;',
    ].join('\n');
    const { records, errors } = importResults(text, { format: 'csv', framework });
    expect(records).toEqual([
      {
        group: { direction: 'D1', service: 'RH' },
        trainings: ['mooc-a', 'mooc-b'],
        result: {
          framework: { id: 'mini', version: '1.0.0' },
          complete: true,
          overall: { level: 3, levelSe: 0.4 },
          domains: [{ id: 'alpha', level: 3, levelSe: 0.5 }],
          competences: [{ id: 'alpha.c1', domain: 'alpha', level: 2, levelSe: 0.6 }],
        },
      },
      { group: { direction: 'D1' }, result: expect.objectContaining({ domains: [] }) },
    ]);
    expect(errors).toEqual([
      { line: 3, message: 'expected 9 cells as in the header, found 7' },
      { line: 4, path: 'result.overall.level', message: 'expected an integer level 1–8, found the number 9' },
      { line: 5, path: 'result.domains[0].levelSe', message: 'expected an uncertainty in levels between 0 and 10, found nothing (the field is missing)' },
      { line: 7, path: 'result.overall.levelSe', message: 'expected an uncertainty in levels between 0 and 10, found the string "abc"' },
    ]);
  });

  it('stops at a header it cannot read, saying why', () => {
    const { records, errors } = importResults('service,overall,domain:gamma,competence:alpha.c1,competence:alpha.c1:se\nRH,3,3,3,0.5\n', { format: 'csv', framework });
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { line: 1, message: 'header: columns "overall" and "overall:se" go together (every level comes with its uncertainty); found only "overall"' },
      { line: 1, message: 'header: column "domain:gamma": expected a domain of framework "mini", found "gamma"' },
    ]);
    expect(importResults('a,b\n', { format: 'csv' }).errors).toEqual([{ line: 1, message: 'importing CSV needs the `framework` option (it gives each competence its domain)' }]);
    expect(importResults('', { format: 'csv', framework }).errors).toEqual([{ line: 1, message: 'expected a header line, found an empty text' }]);
  });

  it('keeps only the listed group columns when groupColumns is given', () => {
    const text = 'service,email,overall,overall:se\nRH,agent@example.gouv.fr,3,0.5\n';
    expect(importResults(text, { format: 'csv', framework }).records[0]!.group).toEqual({ service: 'RH', email: 'agent@example.gouv.fr' });
    expect(importResults(text, { format: 'csv', framework, groupColumns: ['service'] }).records[0]!.group).toEqual({ service: 'RH' });
  });
});
