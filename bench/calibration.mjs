#!/usr/bin/env node
// Benchmarks of item calibration (`@jauge/core` calibration module): parameter recovery on
// simulated adaptive data and the time to calibrate 50,000 agents on the reference bank.
//
//   node bench/calibration.mjs [--quick] [--write]
//
// Prints Markdown on stdout (progress on stderr); --write also puts it between
// `<!-- bench:calibration:start -->` and `<!-- bench:calibration:end -->` in docs/calibration.md.
// --quick: 2,000 and 5,000 agents, a smoke run of about a minute.
//
// The engine comes from the BUILT package (`pnpm --filter @jauge/core build` first). The
// calibration module is not exported by the package entry yet: when `dist` lacks it, this script
// bundles `packages/core/src/calibration/index.ts` with the workspace's esbuild into a temporary
// directory and imports that bundle.
//
// Simulation: true item parameters are the bank's expert priors perturbed, b + N(0, 0.4²) and
// a · exp(N(0, 0.25²)); each agent has six domain abilities N(0, 1) correlated at 0.6 (the
// engine's `drawAbilities`); the adaptive engine (`createAssessment`, default configuration)
// selects items with the bank's PRIOR parameters, as it would in production, while the agent
// answers from the TRUE parameters. Agents are simulated in two worker threads (seeded slices).
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'packages', 'core', 'dist');
const QUICK = process.argv.includes('--quick');
const WRITE = process.argv.includes('--write');
const TRUTH_SEED = 2027;
const log = (message) => process.stderr.write(`[bench:calibration] ${message}\n`);

if (!existsSync(join(dist, 'index.js'))) {
  console.error('bench: packages/core/dist is missing; run `pnpm --filter @jauge/core build` first.');
  process.exit(1);
}
const core = await import(pathToFileURL(join(dist, 'index.js')).href);
const reference = await import(pathToFileURL(join(dist, 'reference', 'index.js')).href);

/** The true parameters: the priors perturbed with a seeded stream (the same in every thread). */
function trueParameters(items) {
  const random = core.createRandom(TRUTH_SEED);
  const truth = new Map();
  for (const item of items.items) {
    if (item.type === 'self-rating') continue;
    const b = item.irt.b + 0.4 * core.gaussian(random);
    const a = item.irt.a * Math.exp(0.25 * core.gaussian(random));
    truth.set(item.id, { ...item.irt, a, b });
  }
  return truth;
}

/** Simulates agents [from, to) of a cohort; returns compact records (item index, correct). */
function simulateSlice({ from, to, seed }) {
  const { framework, items } = reference;
  const truth = trueParameters(items);
  const byId = new Map(items.items.map((item) => [item.id, item]));
  const ids = items.items.filter((item) => item.type !== 'self-rating').map((item) => item.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const random = core.createRandom(seed);
  const out = [];
  let scope = [];
  for (let n = from; n < to; n++) {
    const assessment = core.createAssessment({ framework, items, seed: Math.floor(random() * 2 ** 31) });
    if (scope.length === 0) scope = assessment.toJSON().config.domains;
    const theta = core.drawAbilities(random, scope, { domainCorrelation: 0.6 });
    const responses = [];
    for (let presented = assessment.nextItem(); presented; presented = assessment.nextItem()) {
      if (presented.type === 'self-rating') {
        assessment.answer(presented.id, presented.scale[Math.min(presented.scale.length - 1, 2)].id);
        continue;
      }
      const item = byId.get(presented.id);
      const correct = random() < core.probability(theta[presented.domain.id], truth.get(item.id));
      assessment.answer(item.id, core.simulatedResponse(item, correct));
      responses.push(2 * index.get(item.id) + (correct ? 1 : 0));
    }
    out.push(responses);
  }
  return out;
}

async function loadCalibration() {
  if (typeof core.calibrateItemBank === 'function') return { module: core, source: '`@jauge/core` (built)' };
  const subpath = join(dist, 'calibration', 'index.js');
  if (existsSync(subpath)) return { module: await import(pathToFileURL(subpath).href), source: '`@jauge/core/calibration` (built)' };
  const require = createRequire(import.meta.url);
  const pnpmDir = join(root, 'node_modules', '.pnpm');
  const esbuildDir = readdirSync(pnpmDir).find((name) => /^esbuild@0\.27/.test(name));
  if (!esbuildDir) throw new Error('esbuild 0.27 not found under node_modules/.pnpm');
  const esbuild = require(join(pnpmDir, esbuildDir, 'node_modules', 'esbuild'));
  const outdir = mkdtempSync(join(os.tmpdir(), 'jauge-calibration-'));
  const outfile = join(outdir, 'calibration.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'packages', 'core', 'src', 'calibration', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile,
    logLevel: 'warning',
  });
  return { module: await import(pathToFileURL(outfile).href), source: `a temporary esbuild bundle of \`packages/core/src/calibration/index.ts\` (${esbuildDir})` };
}

async function simulate(agents, seed) {
  const threads = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
  const size = Math.ceil(agents / threads);
  const started = performance.now();
  const slices = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const from = t * size;
      const to = Math.min(agents, from + size);
      return new Promise((resolve, reject) => {
        const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { from, to, seed: seed * 1000 + t } });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  log(`simulated ${agents.toLocaleString('en-US')} agents in ${((performance.now() - started) / 1000).toFixed(1)} s (${threads} threads)`);
  return slices.flat();
}

function toResponseData(calibration, bank, records) {
  const ids = bank.items.filter((item) => item.type !== 'self-rating').map((item) => item.id);
  const collector = calibration.createAnswerCollector(bank);
  records.forEach((codes, n) => {
    collector.addRecord({ agent: `agent-${n}`, responses: codes.map((code) => ({ item: ids[code >> 1], correct: (code & 1) === 1 })) }, `records[${n}]`);
  });
  return collector.finish();
}

const rmse = (pairs) => Math.sqrt(pairs.reduce((s, [x, y]) => s + (x - y) ** 2, 0) / pairs.length);
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const f = (x, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const int = (x) => Math.round(x).toLocaleString('en-US');

function recovery(report, truth) {
  const slope = new Map(report.dimensions.map((d) => [d.id, d.linking.A]));
  const items = report.items.filter((item) => item.estimate).map((item) => ({ item, t: truth.get(item.id), A: slope.get(item.dimension) }));
  const central = items.filter(({ t }) => Math.abs(t.b) <= 2);
  // Coverage on the calibration scale: SEs moved back from the linked scale (b: ÷ A, a: × A).
  const coverB = items.filter(({ item, t, A }) => Math.abs(item.estimate.b - t.b) <= (1.96 * item.se.b) / A).length / items.length;
  const coverA = items.filter(({ item, t, A }) => item.se.a !== null && Math.abs(item.estimate.a - t.a) <= 1.96 * item.se.a * A).length / items.length;
  return {
    items: items.length,
    central: central.length,
    answers: mean(items.map(({ item }) => item.responses)),
    minAnswers: Math.min(...items.map(({ item }) => item.responses)),
    priorA: rmse(items.map(({ item, t }) => [item.previous.a, t.a])),
    priorB: rmse(items.map(({ item, t }) => [item.previous.b, t.b])),
    rawA: rmse(items.map(({ item, t }) => [item.estimate.a, t.a])),
    rawB: rmse(items.map(({ item, t }) => [item.estimate.b, t.b])),
    centralA: rmse(central.map(({ item, t }) => [item.estimate.a, t.a])),
    centralB: rmse(central.map(({ item, t }) => [item.estimate.b, t.b])),
    biasB: mean(items.map(({ item, t }) => item.estimate.b - t.b)),
    linkedA: rmse(items.map(({ item, t }) => [item.calibrated.a, t.a])),
    linkedB: rmse(items.map(({ item, t }) => [item.calibrated.b, t.b])),
    seA: Math.sqrt(mean(items.map(({ item, A }) => ((item.se.a ?? 0) * A) ** 2))),
    seB: Math.sqrt(mean(items.map(({ item, A }) => (item.se.b / A) ** 2))),
    coverB,
    coverA,
  };
}

async function main() {
  const { module: calibration, source } = await loadCalibration();
  const { framework, items } = reference;
  const truth = trueParameters(items);
  const scored = items.items.filter((item) => item.type !== 'self-rating').length;
  const sizes = QUICK ? [2000, 5000] : [5000, 50000];
  const started = performance.now();
  const rows = [];
  const timings = [];
  for (const agents of sizes) {
    const records = await simulate(agents, agents);
    const collectStart = performance.now();
    const data = toResponseData(calibration, items, records);
    const collectSeconds = (performance.now() - collectStart) / 1000;
    for (const model of ['2pl', 'rasch']) {
      if (model === 'rasch' && agents !== sizes[0]) continue;
      let steps = 0;
      const t0 = performance.now();
      const { report } = calibration.calibrateItemBank(data, {
        bank: items,
        framework,
        model,
        date: '2027-01-01',
        onProgress: () => {
          steps++;
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      log(`${model} ${int(agents)} agents: ${seconds.toFixed(1)} s, ${steps} EM steps`);
      rows.push({ agents, model, seconds, report, recovery: recovery(report, truth) });
      if (model === '2pl') timings.push({ agents, answers: data.item.length, patterns: report.dimensions.reduce((s, d) => s + d.patterns, 0), collectSeconds, seconds, steps, report });
    }
  }

  const lines = [];
  const print = (line = '') => lines.push(line);
  print(`### Recouvrement des paramètres / Parameter recovery (simulated adaptive data)`);
  print();
  print(
    `Reference bank (${scored} scored items, six domains). True parameters: the bank's priors perturbed, b + N(0, 0.4²), a · exp(N(0, 0.25²)) (seed ${TRUTH_SEED}). Agents: six domain abilities N(0, 1) correlated at 0.6; the adaptive engine (default configuration, 36 items, 6 per domain) selects with the PRIOR parameters, answers come from the TRUE ones. Calibration: \`calibrateItemBank\` with default options (one scale per domain, priors b ~ N(prior b, 2²), log a ~ N(log 1.2, 0.5²), c of single-choice items fixed at its prior 0.125, Stocking–Lord linking on every item back to the prior scale). RMSE on the *calibration scale* (estimates before linking, where the population is N(0, 1) as in the simulation) over all items and over the ${rows[0]?.recovery.central ?? ''} items with |true b| ≤ 2 (the ends of the 8-level ladder sit 2.5 SD and more from the mean, where few agents are); *linked*: what the calibrated bank holds, on the prior scale, so linking error is included (the priors the bank is linked to are themselves off by the perturbation). Coverage: share of items whose true value lies within ±1.96 SE of the estimate.`,
  );
  print();
  print('| Agents | Model | Answers / item: mean (min) | RMSE b: priors | RMSE b | RMSE b, \\|b\\| ≤ 2 | Bias b | RMSE b, linked | RMS SE(b) | Coverage b | RMSE a: priors | RMSE a | RMSE a, \\|b\\| ≤ 2 | RMSE a, linked | RMS SE(a) | Coverage a |');
  print('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { agents, model, recovery: r } of rows) {
    const isRasch = model === 'rasch';
    print(
      `| ${int(agents)} | ${isRasch ? 'Rasch' : '2PL'} | ${int(r.answers)} (${int(r.minAnswers)}) | ${f(r.priorB)} | **${f(r.rawB)}** | ${f(r.centralB)} | ${f(r.biasB)} | ${f(r.linkedB)} | ${f(r.seB)} | ${(100 * r.coverB).toFixed(0)} % | ${f(r.priorA)} | ${isRasch ? `${f(r.rawA)} (common a)` : `**${f(r.rawA)}**`} | ${f(r.centralA)} | ${f(r.linkedA)} | ${isRasch ? '' : f(r.seA)} | ${isRasch ? '' : `${(100 * r.coverA).toFixed(0)} %`} |`,
    );
  }
  print();
  print('Linking constants (2PL) and convergence per domain:');
  print();
  print('| Agents | Domain | A | B | EM steps | Rounds | Converged |');
  print('|---:|---|---:|---:|---:|---:|---|');
  for (const { agents, model, report } of rows) {
    if (model !== '2pl') continue;
    for (const d of report.dimensions) print(`| ${int(agents)} | ${d.id} | ${f(d.linking.A, 4)} | ${f(d.linking.B, 4)} | ${d.convergence.iterations} | ${d.rounds} | ${d.convergence.converged ? 'yes' : 'no'} |`);
  }
  print();
  print('Flags raised on these well-behaved simulated items (false alarms; `too-easy` / `too-hard` are true statements about the population, not faults):');
  print();
  print('| Agents | Model | ' + calibration.ITEM_FLAGS.map((flag) => `\`${flag}\``).join(' | ') + ' |');
  print('|---:|---|' + calibration.ITEM_FLAGS.map(() => '---:').join('|') + '|');
  for (const { agents, model, report } of rows) print(`| ${int(agents)} | ${model === 'rasch' ? 'Rasch' : '2PL'} | ${calibration.ITEM_FLAGS.map((flag) => report.summary.flags[flag]).join(' | ')} |`);
  print();
  print('### Temps de calibration / Calibration time');
  print();
  print(`Wall time of \`calibrateItemBank\` (2PL, default options: EM with SQUAREM, standard errors, fit, flags, linking with up to 4 rounds) on the answers above, one thread. Reading the answers (\`createAnswerCollector.addRecord\`) is timed apart. Target: 50,000 agents × ${scored} items in under a minute.`);
  print();
  print('| Agents | Answers | Distinct patterns (sum over domains) | Collect answers | Calibrate | EM steps (all domains and rounds) |');
  print('|---:|---:|---:|---:|---:|---:|');
  for (const t of timings) print(`| ${int(t.agents)} | ${int(t.answers)} | ${int(t.patterns)} | ${t.collectSeconds.toFixed(1)} s | **${t.seconds.toFixed(1)} s** | ${t.steps} |`);
  print();
  const cpus = os.cpus();
  print(
    `<sub>Generated by \`node bench/calibration.mjs${QUICK ? ' --quick' : ''}\` in ${((performance.now() - started) / 60_000).toFixed(1)} min on ${cpus[0]?.model ?? 'unknown CPU'} (${os.availableParallelism?.() ?? cpus.length} cores), Node ${process.version}; calibration from ${source}.</sub>`,
  );
  const markdown = lines.join('\n');
  process.stdout.write(`${markdown}\n`);
  if (WRITE) {
    const docPath = join(root, 'docs', 'calibration.md');
    const start = '<!-- bench:calibration:start -->';
    const end = '<!-- bench:calibration:end -->';
    const doc = readFileSync(docPath, 'utf8');
    const i = doc.indexOf(start);
    const j = doc.indexOf(end);
    if (i === -1 || j < i) throw new Error(`docs/calibration.md lacks the ${start} … ${end} markers`);
    writeFileSync(docPath, `${doc.slice(0, i + start.length)}\n${markdown}\n${doc.slice(j)}`);
    log('wrote docs/calibration.md');
  }
}

if (!isMainThread) {
  parentPort.postMessage(simulateSlice(workerData));
} else {
  await main();
}
