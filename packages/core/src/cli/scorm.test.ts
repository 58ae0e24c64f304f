import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { framework, items, profiles } from '../reference/index.js';
import { SCORM_HELP, scormCommand } from './scorm.js';

const root = mkdtempSync(join(tmpdir(), 'jauge-scorm-'));

function write(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** A fake `dist/cdn` directory: the agents' bundle, a chunk, the SCORM entry, and what must stay out. */
function fakeWidget(dir: string, { scorm = true } = {}): string {
  write(join(dir, 'jauge.js'), "import './chunk-ABC.js';\n");
  write(join(dir, 'chunk-ABC.js'), 'export const x = 1;\n');
  write(join(dir, 'jauge.js.map'), '{}');
  write(join(dir, 'reference-XYZ.js'), 'export default {};\n');
  if (scorm) write(join(dir, 'scorm', 'jauge-scorm.js'), 'export function connectScorm() {}\n');
  write(join(dir, 'map', 'jauge-map.js'), 'export {};\n');
  write(join(dir, 'map', 'jauge-map.js.map'), '{}');
  write(join(dir, 'xapi', 'jauge-xapi.js'), 'export {};\n');
  write(join(dir, 'cmi5', 'jauge-cmi5.js'), 'export {};\n');
  write(join(dir, 'README.md'), '# not a script\n');
  return dir;
}

const WIDGET_FILES = ['jauge/chunk-ABC.js', 'jauge/jauge.js', 'jauge/reference-XYZ.js', 'jauge/scorm/jauge-scorm.js'];

/** A fresh working directory, where nothing resolves `@jauge/widget` (the module URL points into it too). */
function workspace(name: string) {
  const cwd = join(root, name);
  mkdirSync(cwd, { recursive: true });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io = { cwd, moduleUrl: pathToFileURL(join(cwd, 'cli.js')).href, stdout: { write: (t: string) => stdout.push(t) }, stderr: { write: (t: string) => stderr.push(t) } };
  return { cwd, io, stdout: () => stdout.join(''), stderr: () => stderr.join(''), run: (...args: string[]) => scormCommand(args, io) };
}

function unzip(path: string) {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  return { names: Object.keys(files), text: (name: string) => strFromU8(files[name]!) };
}

const manifestHrefs = (manifest: string) => [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => decodeURIComponent(m[1]!));

describe('jauge scorm', () => {
  it('packs the reference content with the widget files, leaving out source maps and the map bundle', async () => {
    const w = workspace('reference');
    fakeWidget(join(w.cwd, 'cdn'));
    expect(await w.run('--widget', 'cdn')).toBe(0);
    const zip = unzip(join(w.cwd, 'jauge-scorm.zip'));
    expect(zip.names).toEqual(['imsmanifest.xml', 'index.html', 'launch.js', ...WIDGET_FILES]);
    expect(manifestHrefs(zip.text('imsmanifest.xml'))).toEqual(zip.names.slice(1));
    expect(zip.text('imsmanifest.xml')).toContain(`<title>${framework.title}</title>`);
    expect(zip.text('imsmanifest.xml')).toContain('identifier="socle-numerique-de-l-agent-public"');
    expect(zip.text('launch.js')).toContain('connectScorm(document.getElementById(\'jauge\'), { lang: "fr", attributes: {} });');
    const size = (readFileSync(join(w.cwd, 'jauge-scorm.zip')).length / 1024).toFixed(1);
    expect(w.stdout()).toBe(
      [
        `✓ jauge-scorm.zip — SCORM 1.2 package, ${size} kB, 7 files`,
        `  title: ${framework.title}`,
        '  content: the reference content',
        `  widget: ${join(w.cwd, 'cdn')}`,
        '',
      ].join('\n'),
    );
    expect(w.stderr()).toBe('');
    expect(readdirSync(w.cwd).sort()).toEqual(['cdn', 'jauge-scorm.zip']); // no temporary file left
  });

  it('packs given content and options', async () => {
    const w = workspace('content');
    fakeWidget(join(w.cwd, 'cdn'));
    write(join(w.cwd, 'content', 'items.json'), JSON.stringify(items));
    write(join(w.cwd, 'content', 'profiles.json'), JSON.stringify(profiles));
    mkdirSync(join(w.cwd, 'out'));
    const code = await w.run(
      '--widget', 'cdn', '--items', 'content/items.json', '--profiles=content/profiles.json', '--profile', 'agent-rh',
      '--max-items', '20', '--domains', 'cybersecurite, bureautique', '--lang', 'en', '--title', 'Jauge <RH>', '--out', 'out/rh.zip',
    );
    expect(w.stderr()).toBe('');
    expect(code).toBe(0);
    const zip = unzip(join(w.cwd, 'out', 'rh.zip'));
    expect(zip.names).toEqual(['imsmanifest.xml', 'index.html', 'launch.js', 'content.js', ...WIDGET_FILES]);
    expect(manifestHrefs(zip.text('imsmanifest.xml'))).toEqual(zip.names.slice(1));
    expect(zip.text('launch.js')).toContain(
      `connectScorm(document.getElementById('jauge'), { lang: "en", attributes: {"max-items":"20","domains":"cybersecurite,bureautique","profile":"agent-rh"}, content });`,
    );
    const content = zip.text('content.js');
    expect(JSON.parse(content.slice('export default '.length, -2))).toEqual({ items, profiles });
    expect(zip.text('index.html')).toContain('<title>Jauge &lt;RH&gt;</title>');
    expect(w.stdout()).toContain('✓ out/rh.zip — SCORM 1.2 package, ');
    expect(w.stdout()).toContain(', 8 files\n');
    expect(w.stdout()).toContain('  content: items content/items.json, profiles content/profiles.json, the rest from the reference content\n');
  });

  it('reports every problem of an invalid content file with its path, and writes nothing', async () => {
    const w = workspace('invalid');
    fakeWidget(join(w.cwd, 'cdn'));
    const bank = structuredClone(items) as unknown as { items: Record<string, unknown>[] };
    bank.items[3]!['level'] = 12;
    bank.items[5]!['colour'] = 'blue';
    write(join(w.cwd, 'items.json'), JSON.stringify(bank));
    write(join(w.cwd, 'framework.json'), JSON.stringify(framework));
    expect(await w.run('--widget', 'cdn', '--items', 'items.json', '--stages', 'framework.json', '--rules', 'missing.json')).toBe(1);
    const err = w.stderr();
    expect(err).toContain('✗ missing.json\n    (root): cannot read the file (ENOENT)');
    expect(err).toMatch(/✗ items\.json — item bank: 2 problems\n {4}items\.json: items\[3\]\.level: expected .*\n {4}items\.json: items\[5\]: unknown field "colour"/);
    expect(err).toContain('✗ framework.json — framework: 1 problem\n    framework.json: (root): expected stages (given with --stages), found a framework');
    expect(err.endsWith('\n\nNo package written.\n')).toBe(true);
    expect(existsSync(join(w.cwd, 'jauge-scorm.zip'))).toBe(false);
    expect(w.stdout()).toBe('');
  });

  it('checks a custom framework against the reference items when no items are given', async () => {
    const w = workspace('framework');
    fakeWidget(join(w.cwd, 'cdn'));
    write(join(w.cwd, 'framework.json'), JSON.stringify({ ...framework, domains: framework.domains.slice(1) }));
    expect(await w.run('--widget', 'cdn', '--framework', 'framework.json')).toBe(1);
    expect(w.stderr()).toMatch(/✗ the reference item bank \(give --items for your own\) — item bank: \d+ problems/);
    write(join(w.cwd, 'same.json'), JSON.stringify(framework));
    expect(await w.run('--widget', 'cdn', '--framework', 'same.json', '--profile', 'agent-rh')).toBe(1);
    expect(w.stderr()).toContain('✗ --profile: expected a target profile, found "agent-rh" with no profiles (give --profiles with your framework)');
    expect(await w.run('--widget', 'cdn', '--framework', 'same.json')).toBe(0);
    expect(w.stdout()).toContain('  content: framework same.json, the reference items\n');
    expect(unzip(join(w.cwd, 'jauge-scorm.zip')).text('launch.js')).toContain('attributes: {}, content });');
  });

  it('refuses an unknown --profile or --domains id', async () => {
    const w = workspace('ids');
    fakeWidget(join(w.cwd, 'cdn'));
    expect(await w.run('--widget', 'cdn', '--profile', 'astronaute', '--domains', 'cybersecurite,astrologie')).toBe(1);
    expect(w.stderr()).toBe(
      [
        `✗ --profile: expected one of ${profiles.profiles.map((p) => `"${p.id}"`).join(', ')} (the target profiles of the reference content), found "astronaute"`,
        `✗ --domains: expected one of ${framework.domains.map((d) => `"${d.id}"`).join(', ')} (domains that have items), found "astrologie"`,
        '',
        'No package written.',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(w.cwd, 'jauge-scorm.zip'))).toBe(false);
  });

  it('says how to get the widget when it cannot find it', async () => {
    const w = workspace('no-widget');
    expect(await w.run()).toBe(2);
    expect(w.stderr()).toBe('jauge scorm needs @jauge/widget (npm i -D @jauge/widget) or --widget <dir>\n');
    expect(await w.run('--widget', 'nowhere')).toBe(2);
    expect(w.stderr()).toContain(`--widget nowhere: expected the widget's dist/cdn directory (with jauge.js), found no jauge.js in ${join(w.cwd, 'nowhere')}.`);
    fakeWidget(join(w.cwd, 'old'), { scorm: false });
    expect(await w.run('--widget', 'old')).toBe(2);
    expect(w.stderr()).toContain(`${join(w.cwd, 'old')} has no scorm/jauge-scorm.js: this version of @jauge/widget cannot run as a SCORM package (update it).`);
    expect(readdirSync(w.cwd).sort()).toEqual(['old']);
  });

  it('finds @jauge/widget installed in the working directory, or beside @jauge/core in the monorepo', async () => {
    const installed = workspace('installed');
    const pkg = join(installed.cwd, 'node_modules', '@jauge', 'widget');
    write(join(pkg, 'package.json'), JSON.stringify({ name: '@jauge/widget', type: 'module', exports: { './package.json': './package.json' } }));
    fakeWidget(join(pkg, 'dist', 'cdn'));
    expect(await installed.run()).toBe(0);
    expect(installed.stdout()).toContain(`  widget: ${join(pkg, 'dist', 'cdn')}\n`);
    expect(unzip(join(installed.cwd, 'jauge-scorm.zip')).names).toEqual(['imsmanifest.xml', 'index.html', 'launch.js', ...WIDGET_FILES]);

    const mono = workspace('mono');
    write(join(mono.cwd, 'packages', 'core', 'package.json'), JSON.stringify({ name: '@jauge/core' }));
    write(join(mono.cwd, 'packages', 'widget', 'package.json'), JSON.stringify({ name: '@jauge/widget' }));
    const io = { ...mono.io, moduleUrl: pathToFileURL(join(mono.cwd, 'packages', 'core', 'dist', 'cli.js')).href };
    expect(await scormCommand([], io)).toBe(2);
    expect(mono.stderr()).toBe(`jauge scorm needs @jauge/widget (npm i -D @jauge/widget) or --widget <dir>: found @jauge/widget in ${join(mono.cwd, 'packages', 'widget')} but not its dist/cdn/jauge.js (build it first).\n`);
    fakeWidget(join(mono.cwd, 'packages', 'widget', 'dist', 'cdn'));
    expect(await scormCommand([], io)).toBe(0);
    expect(mono.stdout()).toContain(`  widget: ${join(mono.cwd, 'packages', 'widget', 'dist', 'cdn')}\n`);
  });

  it('refuses bad usage with exit code 2, and prints its help', async () => {
    const w = workspace('usage');
    for (const [args, message] of [
      [['--lang', 'de'], '--lang must be fr or en, found "de".'],
      [['--max-items', '0'], '--max-items must be a whole number from 1 to 9999, found "0".'],
      [['--min-items', '40'], '--min-items (40) must be at most --max-items (36, the default).'],
      [['--min-items', '12', '--max-items', '10'], '--min-items (12) must be at most --max-items (10).'],
      [['--frobnicate'], 'unknown option --frobnicate.'],
      [['items.json'], 'unexpected argument "items.json" (every input is given with an option).'],
      [['--out'], '--out needs a value.'],
      [['--domains', ','], '--domains needs at least one domain id.'],
    ] as [string[], string][]) {
      const before = w.stderr().length;
      expect(await w.run(...args)).toBe(2);
      expect(w.stderr().slice(before)).toBe(`jauge scorm: ${message}\n\n${SCORM_HELP}\n`);
    }
    expect(await w.run('--help')).toBe(0);
    expect(w.stdout()).toBe(`${SCORM_HELP}\n`);
  });

  it('jauge cmi5: writes jauge-cmi5.zip with cmi5.xml and the cmi5 adapter (not the SCORM one), with --course-id', async () => {
    const w = workspace('cmi5');
    fakeWidget(join(w.cwd, 'cdn'));
    write(join(w.cwd, 'cdn', 'cmi5', 'jauge-cmi5.js'), 'export function connectCmi5() {}\n');
    expect(await scormCommand(['--widget', 'cdn', '--course-id', 'https://mentor.example.gouv.fr/cours/jauge'], w.io, 'cmi5')).toBe(0);
    const zip = unzip(join(w.cwd, 'jauge-cmi5.zip'));
    expect(zip.names).toEqual(['cmi5.xml', 'index.html', 'launch.js', 'jauge/chunk-ABC.js', 'jauge/cmi5/jauge-cmi5.js', 'jauge/jauge.js', 'jauge/reference-XYZ.js']);
    expect(zip.text('cmi5.xml')).toContain('<course id="https://mentor.example.gouv.fr/cours/jauge">');
    expect(zip.text('cmi5.xml')).toContain('<au id="https://mentor.example.gouv.fr/cours/jauge/au" moveOn="Completed" launchMethod="AnyWindow">');
    expect(w.stdout()).toContain('cmi5 package');
    expect(await w.run('--course-id', 'https://x.example/c')).toBe(2);
    expect(w.stderr()).toContain('jauge scorm: --course-id is a jauge cmi5 option.');
  });
});
