import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clone, miniFramework, miniItemBank } from '../../test/mini-content.js';
import { validateFiles } from './validate-files.js';

const text = (value: unknown) => JSON.stringify(value);

describe('validateFiles (engine of `jauge validate`)', () => {
  it('validates a framework and a bank together and summarises the content', () => {
    const report = validateFiles([
      { name: 'items.json', text: text(miniItemBank()) },
      { name: 'framework.json', text: text(miniFramework()) },
    ]);
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => [f.name, f.kind, f.summary])).toEqual([
      ['items.json', 'item bank', '5 items'],
      ['framework.json', 'framework', '2 domains, 3 competences, 3 topics, 18 skills'],
    ]);
    expect(report.summary).toContain('Items per type: single-choice 1, multiple-choice 1, ordering 1, short-text 1, self-rating 1');
    expect(report.summary).toContain('Items without sources: q2, q3, q4');
    expect(report.summary.find((line) => line.startsWith('Skills without items:'))).toMatch(/^Skills without items: 14 \(/);
  });

  it('reports every problem of a corpus of broken files, each with its file and path', () => {
    const bank = clone(miniItemBank()) as unknown as { items: Record<string, unknown>[] };
    bank.items[0]!.skill = 'nowhere';
    bank.items[1]!.id = 'q1';
    const report = validateFiles([
      { name: 'framework.json', text: text(miniFramework()) },
      { name: 'items.json', text: text(bank) },
      { name: 'broken.json', text: '{ "items": [ ' },
      { name: 'other.json', text: '{ "hello": 1 }' },
    ]);
    expect(report.ok).toBe(false);
    const byName = Object.fromEntries(report.files.map((f) => [f.name, f.issues]));
    expect(byName['items.json']).toEqual([
      { path: 'items[1].id', message: 'duplicate item id "q1" (first used at items[0].id)' },
      { path: 'items[0].skill', message: 'expected the id of a skill of framework "mini", found "nowhere"' },
    ]);
    expect(byName['broken.json']![0]!.message).toMatch(/^expected JSON, found text that does not parse/);
    expect(byName['other.json']).toEqual([
      { path: '', message: 'expected a Jauge content file (an object with "domains", "items", "trainings", "profiles", "requirements", "rules" or "stages"), found none of these fields' },
    ]);
  });
});

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

describe('jauge validate (built CLI; `pnpm build` first)', () => {
  it('exits 1 with file and path on a broken one, and refuses a 50 MB file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jauge-validate-'));
    const bad = clone(miniItemBank()) as unknown as { items: Record<string, unknown>[] };
    bad.items[0]!.level = 12;
    writeFileSync(join(dir, 'framework.json'), text(miniFramework()));
    writeFileSync(join(dir, 'items.json'), text(bad));
    const broken = spawnSync(process.execPath, [cli, 'validate', join(dir, 'framework.json'), join(dir, 'items.json')], { encoding: 'utf8' });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('items.json: items[0].level: expected at most 8, found the number 12');
    writeFileSync(join(dir, 'huge.json'), Buffer.alloc(50 * 1024 * 1024, 32));
    const huge = spawnSync(process.execPath, [cli, 'validate', join(dir, 'huge.json')], { encoding: 'utf8' });
    expect(huge.status).toBe(1);
    expect(huge.stdout).toContain('(root): expected at most 20 MB of JSON, found 50.0 MB');
    const usage = spawnSync(process.execPath, [cli, 'validate'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
