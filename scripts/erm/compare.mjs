#!/usr/bin/env node
// Compares Jauge's Rasch MML difficulties with eRm's CML difficulties on the shared data sets.
//
//   node scripts/erm/compare.mjs <directory with rasch-*.txt and erm-*.csv>
//
// Jauge: `estimateItemParameters(…, { model: 'rasch', priorB: null, priorLogA: null })`, population
// N(0, 1) and a common discrimination a, so the logit difficulty of item i is a · b_i (eRm's
// parameterisation, θ − β_i with a = 1, has the population SD in θ instead). CML (eRm) conditions
// on the total score and fixes the origin by Σ β = 0; MML (Jauge) fixes it by the population mean
// 0. Both sets are therefore centred before comparison: only differences between items are
// identified, and those are what must agree. Prints Markdown and writes agreement.json.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const dir = process.argv[2] ?? join(root, 'packages', 'core', 'test', 'fixtures', 'calibration', 'erm');

async function loadCalibration() {
  const require = createRequire(import.meta.url);
  const pnpmDir = join(root, 'node_modules', '.pnpm');
  const esbuildDir = readdirSync(pnpmDir).find((name) => /^esbuild@0\.27/.test(name));
  if (!esbuildDir) throw new Error('esbuild 0.27 not found under node_modules/.pnpm');
  const esbuild = require(join(pnpmDir, esbuildDir, 'node_modules', 'esbuild'));
  const outfile = join(mkdtempSync(join(os.tmpdir(), 'jauge-erm-')), 'calibration.mjs');
  await esbuild.build({ entryPoints: [join(root, 'packages', 'core', 'src', 'calibration', 'index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'warning' });
  return import(pathToFileURL(outfile).href);
}

const calibration = await loadCalibration();
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const results = {};
const lines = [];
for (const name of ['complete', 'booklets']) {
  const rows = readFileSync(join(dir, `rasch-${name}.txt`), 'utf8').trim().split('\n').map((line) => [...line].map((c) => (c === '.' ? null : Number(c))));
  const erm = readFileSync(join(dir, `erm-${name}.csv`), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
  const ermB = erm.map((row) => row[1]);
  const ermSe = erm.map((row) => row[2]);
  const started = performance.now();
  const fit = calibration.estimateItemParameters(calibration.dimensionDataFromMatrix(rows), { model: 'rasch', priorB: null, priorLogA: null, tolerance: 1e-8 });
  const seconds = (performance.now() - started) / 1000;
  const a = fit.a[0];
  const jaugeB = [...fit.b].map((b) => a * b);
  const jaugeSe = [...fit.seB].map((se) => a * se);
  const centre = (xs) => {
    const m = mean(xs);
    return xs.map((x) => x - m);
  };
  const x = centre(jaugeB);
  const y = centre(ermB);
  const diff = x.map((v, i) => v - y[i]);
  const r = x.reduce((s, v, i) => s + v * y[i], 0) / Math.sqrt(x.reduce((s, v) => s + v * v, 0) * y.reduce((s, v) => s + v * v, 0));
  results[name] = {
    agents: rows.length,
    items: rows[0].length,
    answers: rows.reduce((s, row) => s + row.filter((v) => v !== null).length, 0),
    correlation: r,
    meanAbsoluteDifference: mean(diff.map(Math.abs)),
    maxAbsoluteDifference: Math.max(...diff.map(Math.abs)),
    meanSeRatio: mean(jaugeSe.map((se, i) => se / ermSe[i])),
    jaugeCommonA: a,
    jaugeIterations: fit.convergence.iterations,
    jaugeSeconds: seconds,
    difficulties: { jauge: x.map((v) => Math.round(v * 1e6) / 1e6), erm: y.map((v) => Math.round(v * 1e6) / 1e6) },
  };
  lines.push(
    `| ${name === 'complete' ? 'complete' : 'three linked booklets'} | ${rows.length.toLocaleString('en-US')} × ${rows[0].length} | ${results[name].answers.toLocaleString('en-US')} | ${r.toFixed(6)} | ${results[name].meanAbsoluteDifference.toFixed(4)} | ${results[name].maxAbsoluteDifference.toFixed(4)} | ${results[name].meanSeRatio.toFixed(3)} | ${a.toFixed(3)} |`,
  );
}
writeFileSync(join(dir, 'agreement.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(
  [
    '| Data set | Agents × items | Answers | Correlation | Mean \\|difference\\| (logits, centred) | Max \\|difference\\| | Mean SE ratio (Jauge / eRm) | Jauge common a (population SD, logits) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...lines,
  ].join('\n') + '\n',
);
