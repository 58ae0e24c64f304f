import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateAnswers } from '../../test/fixtures/calibration/simulate-answers.js';
import { syntheticContent } from '../../test/synthetic-bank.js';
import { calibrateCommand } from '../cli/calibrate.js';
import type { ItemBank, ScoredItem } from '../framework/item-bank.schema.js';

// The command is tested here, beside the module it drives (src/cli/ holds only the command).
function capture(isTTY = false) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    io: { stdout: { write: (text: string) => stdout.push(text) }, stderr: { write: (text: string) => stderr.push(text), isTTY } },
    stdout: () => stdout.join(''),
    stderr: () => stderr.join(''),
  };
}

describe('jauge calibrate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jauge-calibrate-'));
  const { framework, items } = syntheticContent({ domains: 1, itemsPerDomain: 20, seed: 8 });
  const frameworkFile = join(dir, 'framework.json');
  const bankFile = join(dir, 'items.json');
  const answersFile = join(dir, 'answers.jsonl');
  writeFileSync(frameworkFile, JSON.stringify(framework));
  writeFileSync(bankFile, JSON.stringify(items));
  const { records } = simulateAnswers({
    items: items.items.map((item) => ({ id: item.id, irt: (item as ScoredItem).irt })),
    agents: 800,
    seed: 5,
    testLength: 10,
    design: 'random',
  });
  const lines = records.map((record) => JSON.stringify(record));
  lines.splice(2, 0, '{"agent":"broken","responses":[{"item":"d0-q1","correct":1}]}');
  writeFileSync(answersFile, `${lines.join('\n')}\n`);

  it('writes the calibrated bank and the Markdown report, and reports bad lines with their number', async () => {
    const out = join(dir, 'items.calibrated.json');
    const run = capture();
    const code = await calibrateCommand([answersFile, '--bank', bankFile, '--framework', frameworkFile, '--out', out, '--date', '2027-03-15'], run.io);
    expect(code).toBe(0);
    const calibrated = JSON.parse(readFileSync(out, 'utf8')) as ItemBank;
    expect((calibrated.items[0] as ScoredItem).calibration).toMatchObject({ method: '2pl-mml', date: '2027-03-15' });
    const report = readFileSync(join(dir, 'items.calibrated.report.md'), 'utf8');
    expect(report).toMatch(/^# Calibration report — banque-synthetique 1\.0\.0/);
    expect(report).toContain('`line 3: responses[0].correct`: expected true or false (a skip is false), found 1');
    expect(run.stderr()).toContain('1 line(s) of');
    expect(run.stderr()).toContain('line 3: responses[0].correct: expected true or false (a skip is false), found 1');
    expect(run.stdout()).toContain('✓ 800 agents, 8,000 answers (1 line(s) left out)');
    expect(run.stdout()).toContain('✓ 20 items calibrated (2PL), 0 unchanged (no answers)');
    expect(run.stdout()).toMatch(/d0: 800 agents, 20 items, converged in \d+ EM steps; linked on 20 anchors/);
  });

  it('draws a progress bar on a terminal, and writes the JSON report on request', async () => {
    const run = capture(true);
    const code = await calibrateCommand([answersFile, '--bank', bankFile, '--framework', frameworkFile, '--out', join(dir, 'r.json'), '--model', 'rasch', '--json-report', join(dir, 'r.report.json')], run.io);
    expect(code).toBe(0);
    expect(run.stderr()).toMatch(/\rCalibrating\s+\[█+\] 100 % done/);
    const report = JSON.parse(readFileSync(join(dir, 'r.report.json'), 'utf8')) as { model: string; date: string };
    expect(report.model).toBe('rasch');
    expect(report.date).toMatch(/^\d{4}-\d{2}-\d{2}$/); // today, from the CLI's clock
  });

  it('exits 2 on usage errors and 1 on unusable files', async () => {
    const usage = capture();
    expect(await calibrateCommand([answersFile], usage.io)).toBe(2);
    expect(usage.stderr()).toContain('--bank <items.json> is required.');
    expect(await calibrateCommand([answersFile, '--bank', bankFile, '--model', '3pl'], capture().io)).toBe(2);
    const missing = capture();
    expect(await calibrateCommand([join(dir, 'nope.jsonl'), '--bank', bankFile, '--framework', frameworkFile], missing.io)).toBe(1);
    expect(missing.stderr()).toContain('cannot read or write the file (ENOENT)');
    const wrongFramework = capture();
    expect(await calibrateCommand([answersFile, '--bank', bankFile], wrongFramework.io)).toBe(1); // checked against the reference framework
    expect(wrongFramework.stderr()).toMatch(/items\.json: \d+ problems?\n\s+framework\.id: expected "/);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, 'oops\n');
    const none = capture();
    expect(await calibrateCommand([empty, '--bank', bankFile, '--framework', frameworkFile], none.io)).toBe(1);
    expect(none.stderr()).toContain('line 1: expected one JSON object, found text that does not parse');
  });
});
