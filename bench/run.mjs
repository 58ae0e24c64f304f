#!/usr/bin/env node
// Runs every bench script (bench/*.mjs except this one) against the BUILT packages and writes each
// script's Markdown output between `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->` in
// docs/benchmarks.md, plus the machine facts between `<!-- bench:machine:… -->`. Builds nothing:
// `pnpm bench` runs `pnpm run build` first.
//
//   node bench/run.mjs [--quick] [--no-write] [--only=engine]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const docPath = join(root, 'docs', 'benchmarks.md');
const quick = process.argv.includes('--quick');
const write = !process.argv.includes('--no-write');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');

if (!existsSync(join(root, 'packages', 'core', 'dist', 'index.js'))) {
  console.error('bench: packages/core/dist is missing; build first (`pnpm run build`, or `pnpm bench` which does it).');
  process.exit(1);
}

const scripts = readdirSync(benchDir)
  .filter((file) => file.endsWith('.mjs') && file !== 'run.mjs')
  .map((file) => ({ name: basename(file, '.mjs'), file: join(benchDir, file) }))
  .filter(({ name }) => !only || only.includes(name))
  .sort((x, y) => x.name.localeCompare(y.name));

/** Names, sizes and times of the built files: a rebuild during a run would mix two engines' numbers. */
const distDirs = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name, 'dist'))
  .filter((dir) => existsSync(dir));
const distFingerprint = () =>
  distDirs
    .flatMap((dir) => readdirSync(dir, { recursive: true }).map((file) => join(dir, String(file))))
    .sort()
    .map((file) => {
      try {
        const stat = statSync(file);
        return `${file}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return `${file}:gone`;
      }
    })
    .join('\n');

const loadAtStart = os.loadavg();
const outputs = new Map();
for (const { name, file } of scripts) {
  console.error(`bench: running ${name}${quick ? ' (quick)' : ''}…`);
  const started = Date.now();
  const before = distFingerprint();
  const result = spawnSync(process.execPath, [file, ...(quick ? ['--quick'] : [])], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    console.error(`bench: ${name} failed (exit ${result.status ?? result.signal}); docs/benchmarks.md left unchanged.`);
    process.exit(1);
  }
  if (distFingerprint() !== before) {
    console.error(`bench: packages/*/dist changed while ${name} ran (a rebuild?); its numbers may mix two builds. Rerun; docs/benchmarks.md left unchanged.`);
    process.exit(1);
  }
  console.error(`bench: ${name} done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  outputs.set(name, result.stdout.trim());
}

const cpus = os.cpus();
const machine = [
  `| | |`,
  `|---|---|`,
  `| Date | ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} |`,
  `| Node.js | ${process.version} (V8 ${process.versions.v8}) |`,
  `| CPU | ${cpus[0]?.model ?? 'unknown'}, ${os.availableParallelism?.() ?? cpus.length} cores |`,
  `| Memory | ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB |`,
  `| Load average at start (1, 5, 15 min) | ${loadAtStart.map((x) => x.toFixed(2)).join(', ')} (other work on the machine makes timings noisier) |`,
  `| OS | ${os.type()} ${os.release()} (${os.arch()}) |`,
  `| Mode | ${quick ? '`--quick` (small samples: indicative only)' : 'full'} |`,
].join('\n');

const TEMPLATE = `# Benchmarks

**Français.** Mesures du moteur adaptatif de \`@jauge/core\` : temps par étape comparé à jsCAT,
précision (RMSE) face au plancher théorique, exactitude là où jsCAT se trompe, RMSE par domaine
face à deux références naïves, exposition des items, et une cohorte de 100 000 agents simulés.
Ce sont des mesures, pas des tests : elles se relancent avec \`pnpm bench\` (compile les paquets puis
exécute \`node bench/run.mjs\`, environ 10 minutes ; \`node bench/engine.mjs --quick\` pour un essai
en moins d'une minute). Les tableaux ci-dessous sont réécrits à chaque exécution.

**English.** Measurements of the adaptive engine of \`@jauge/core\`: time per step against jsCAT,
accuracy (RMSE) against the theoretical floor, correctness where jsCAT is wrong, per-domain RMSE
against two naive baselines, item exposure, and a cohort of 100,000 simulated agents. These are
measurements, not tests: rerun them with \`pnpm bench\` (builds the packages, then runs
\`node bench/run.mjs\`, about 10 minutes; \`node bench/engine.mjs --quick\` for a smoke run in under a
minute). The tables below are rewritten on every run.

Sources: \`bench/engine.mjs\` (this page's tables), \`bench/lib/\` (seeded synthetic banks, the jsCAT
worker, the cohort child process). jsCAT is \`@bdelab/jscat\` 5.2.3, run in the same Node process
(its worker threads for the accuracy run) on the same banks and simulees.

## Machine

<!-- bench:machine:start -->
<!-- bench:machine:end -->

## Moteur adaptatif / Adaptive engine

<!-- bench:engine:start -->
<!-- bench:engine:end -->
`;

const replaceBlock = (text, name, body) => {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i === -1 || j === -1 || j < i) return `${text.trimEnd()}\n\n## ${name}\n\n${start}\n${body}\n${end}\n`;
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
};

let doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : TEMPLATE;
doc = replaceBlock(doc, 'machine', machine);
for (const [name, body] of outputs) doc = replaceBlock(doc, name, body);

if (write) {
  writeFileSync(docPath, doc);
  console.error(`bench: wrote ${docPath}`);
} else {
  process.stdout.write(doc);
}
