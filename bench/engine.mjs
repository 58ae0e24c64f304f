#!/usr/bin/env node
// Benchmarks of the adaptive engine of @jauge/core, side by side with jsCAT 5.2.3 in one process.
//
//   node bench/engine.mjs [--quick]
//
// Prints Markdown on stdout (progress on stderr). Imports the BUILT package: run
// `pnpm --filter @jauge/core build` first (`pnpm bench` builds, runs every bench script and writes
// docs/benchmarks.md). --quick: smaller samples, a smoke run in well under a minute.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import {
  createAssessment,
  createRandom,
  DEFAULT_CONFIG,
  estimateAbility,
  gaussian,
  itemInformation,
  maxInfoSelector,
  probability,
  simulateCohort,
} from '../packages/core/dist/index.js';
import { cohortContent, oneDomainBank } from './lib/content.mjs';

const require = createRequire(import.meta.url);
const { Cat } = require('@bdelab/jscat');
const jscatUtils = require('@bdelab/jscat/lib/utils.js');
const jscatVersion = require('@bdelab/jscat/package.json').version;

const QUICK = process.argv.includes('--quick');
const log = (message) => process.stderr.write(`[bench:engine] ${message}\n`);
const lines = [];
const print = (line = '') => lines.push(line);

// ---------------------------------------------------------------------------------------------
// Small helpers

const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const quantile = (xs, q) => {
  const s = Float64Array.from(xs).sort();
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};
const median = (xs) => quantile(xs, 0.5);
const rms = (xs) => Math.sqrt(mean(xs.map((x) => x * x)));
const f = (x, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const int = (x) => Math.round(x).toLocaleString('en-US');
const pct = (x, digits = 1) => `${(100 * x).toFixed(digits)} %`;
const signedPct = (x) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)} %`;
const thetaList = (count, seed) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => gaussian(random));
};
const idIndex = (id) => Number(id.slice(1)); // one-domain bank ids are `q<index>`

/** Exact posterior mean and SD by fine trapezoid integration (independent of the engine's grids). */
function exactPosterior(responses, prior = { mean: 0, sd: 1 }) {
  const points = 48_001;
  const lo = prior.mean - 16 * prior.sd;
  const step = (32 * prior.sd) / (points - 1);
  const logPost = new Float64Array(points);
  let top = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < points; k++) {
    const t = lo + k * step;
    let v = -0.5 * ((t - prior.mean) / prior.sd) ** 2;
    for (const { item, correct } of responses) {
      const p = probability(t, item);
      v += Math.log(correct ? p : 1 - p);
    }
    logPost[k] = v;
    if (v > top) top = v;
  }
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let k = 0; k < points; k++) {
    const u = k * step;
    const w = (k === 0 || k === points - 1 ? 0.5 : 1) * Math.exp(logPost[k] - top);
    w0 += w;
    w1 += w * u;
    w2 += w * u * u;
  }
  const m = w1 / w0;
  return { theta: lo + m, se: Math.sqrt(w2 / w0 - m * m) };
}

const D = DEFAULT_CONFIG;
/** The exposure control of a configuration, in words (engines with and without `exposureControl`). */
const exposureRule = (config) =>
  config.exposureControl === undefined || config.exposureControl === 'randomesque'
    ? `randomesque ${config.randomesque} + exposure tolerance ${Math.round(100 * config.exposureTolerance)} %`
    : `${config.exposureControl} exposure control`;
const DEFAULT_RULES = `${exposureRule(D)}, topic rule, difficulty cap +${D.maxAboveEstimate}`;
const HAS_EXPOSURE_CONTROL = 'exposureControl' in D;
/** No exposure control: always the most informative eligible item. */
const PURE_MAX_INFO = { ...(HAS_EXPOSURE_CONTROL ? { exposureControl: 'randomesque' } : {}), randomesque: 1, exposureTolerance: 0 };
const JAUGE_STEP_CONFIG = { selfRating: false, maxItems: 40, minItems: 40, easyStartItems: 0 };
const JSCAT_OPTIONS = { method: 'EAP', itemSelect: 'MFI', nStartItems: 0, theta: 0, minTheta: -6, maxTheta: 6, priorDist: 'norm', priorPar: [0, 1] };
const BANK_SEED = 20_251;
const RESPONSE_SEED = 700_000;

// ---------------------------------------------------------------------------------------------
// 1. Time per adaptive step

/** Jauge: µs of nextItem() + answer() per step (the next selection runs inside answer()), simulees [from, to). */
function timeJauge({ framework, items, params }, thetas, from, to, strategies, times = []) {
  for (let s = from; s < to; s++) {
    const truth = thetas[s];
    const random = createRandom(RESPONSE_SEED + s);
    const assessment = createAssessment({ framework, items, seed: s + 1, config: JAUGE_STEP_CONFIG, ...(strategies ? { strategies } : {}) });
    for (;;) {
      const t0 = performance.now();
      const item = assessment.nextItem();
      const t1 = performance.now();
      if (!item) break;
      const correct = random() < probability(truth, params[idIndex(item.id)]);
      const t2 = performance.now();
      assessment.answer(item.id, correct ? 'a' : 'b');
      const t3 = performance.now();
      times.push(1000 * (t1 - t0 + (t3 - t2)));
    }
  }
  return times;
}

/** jsCAT: µs of findNextItem() (default deepCopy) + updateAbilityEstimate() per step, for simulee `s`. */
function timeJsCat(stimuli, thetas, s, steps, times = []) {
  const truth = thetas[s];
  const random = createRandom(RESPONSE_SEED + s);
  const cat = new Cat({ ...JSCAT_OPTIONS, randomSeed: `s${s}` });
  let remaining = stimuli;
  for (let k = 0; k < steps; k++) {
    const t0 = performance.now();
    const { nextStimulus, remainingStimuli } = cat.findNextItem(remaining);
    const t1 = performance.now();
    const correct = random() < probability(truth, { a: nextStimulus.discrimination, b: nextStimulus.difficulty });
    const t2 = performance.now();
    cat.updateAbilityEstimate(nextStimulus, correct ? 1 : 0);
    const t3 = performance.now();
    remaining = remainingStimuli;
    times.push(1000 * (t1 - t0 + (t3 - t2)));
  }
  return times;
}

function stepTiming() {
  // [warm-up simulees, timed simulees] for Jauge; [warm-up steps, timed simulees, steps each] for jsCAT.
  const plan = QUICK
    ? [
        { n: 100, jauge: [5, 60], jscat: [40, 3, 40] },
        { n: 1000, jauge: [5, 30], jscat: [10, 2, 40] },
        { n: 10_000, jauge: [2, 6], jscat: [2, 2, 5] },
      ]
    : [
        { n: 100, jauge: [50, 1000], jscat: [40, 50, 40] },
        { n: 1000, jauge: [30, 500], jscat: [40, 20, 40] },
        { n: 10_000, jauge: [10, 100], jscat: [5, 4, 40] },
      ];
  const thetas = thetaList(3000, 11);
  const rows = [];
  for (const { n, jauge, jscat } of plan) {
    log(`step timing, ${n} items`);
    const content = oneDomainBank(n, BANK_SEED);
    const stimuli = content.params.map((p, i) => ({ a: p.a, b: p.b, c: 0, d: 1, id: `q${i}` }));
    // Warm-up (simulees beyond the timed ones), then interleaved rounds: one jsCAT simulee, then an
    // equal share of the Jauge simulees, so that both engines see the same machine load.
    timeJauge(content, thetas, 2000, 2000 + jauge[0]);
    timeJsCat(stimuli, thetas, 2999, jscat[0]);
    const j = [];
    const c = [];
    const rounds = jscat[1];
    for (let r = 0; r < rounds; r++) {
      timeJsCat(stimuli, thetas, r, jscat[2], c);
      timeJauge(content, thetas, Math.floor((r * jauge[1]) / rounds), Math.floor(((r + 1) * jauge[1]) / rounds), undefined, j);
    }
    // Diagnostic pass: the time spent in the selector (same engine, wrapped selector).
    let selectorMs = 0;
    let selections = 0;
    const inner = maxInfoSelector();
    const timedSelector = {
      select(context) {
        const t = performance.now();
        const index = inner.select(context);
        selectorMs += performance.now() - t;
        selections++;
        return index;
      },
    };
    timeJauge(content, thetas, 0, Math.max(3, Math.round(jauge[1] / 4)), { selector: timedSelector });
    rows.push({ n, j, c, selector: (1000 * selectorMs) / selections });
  }
  print(`### Temps par étape adaptative / Time per adaptive step`);
  print();
  print(
    `One step = choose the next item + update the ability estimate. Jauge: \`assessment.nextItem()\` + \`assessment.answer()\` ` +
      `(\`createAssessment\` with \`{ selfRating: false, maxItems: 40, minItems: 40, easyStartItems: 0 }\`, default selection rules: ` +
      `max information with ${DEFAULT_RULES}; EAP on the per-domain model). ` +
      `jsCAT ${jscatVersion}: \`findNextItem(remaining)\` (default deep copy) + \`updateAbilityEstimate(item, answer)\`, EAP N(0, 1), MFI. ` +
      `Same seeded one-domain 2PL bank (a ∈ U[0.8, 2], b ~ N(0, 1)), same simulees (θ ~ N(0, 1), same random answers stream), ` +
      `40 steps per simulee (jsCAT at 10,000 items: ${QUICK ? 5 : 40}), after warm-up; the two engines are timed in interleaved rounds so that both see the same machine load. ` +
      `*Selector*: mean time in \`maxInfoSelector().select\` per step, from a separate pass with a timed wrapper.`,
  );
  print();
  print(`| Items | Jauge median µs/step | Jauge mean µs/step | of which selector (mean µs) | jsCAT median µs/step | jsCAT mean µs/step | Ratio (median) | Ratio (mean) | Steps timed (Jauge / jsCAT) |`);
  print(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  for (const { n, j, c, selector } of rows) {
    print(
      `| ${int(n)} | ${f(median(j), 1)} | ${f(mean(j), 1)} | ${f(selector, 1)} | ${int(median(c))} | ${int(mean(c))} | ` +
        `${f(median(c) / median(j), 0)}× | ${f(mean(c) / mean(j), 0)}× | ${int(j.length)} / ${int(c.length)} |`,
    );
  }
  print();
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 2. Accuracy: RMSE after 10, 20, 30 items

async function runJsCatSimulees(bankSize, simulees, maxItems, checkpoints) {
  const workers = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
  const chunk = Math.ceil(simulees.length / workers);
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(fileURLToPath(new URL('./lib/jscat-worker.mjs', import.meta.url)), {
          workerData: { bankSize, bankSeed: BANK_SEED, simulees: simulees.slice(w * chunk, (w + 1) * chunk), maxItems, checkpoints },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    ),
  );
  return parts.flat();
}

function runJaugeSimulees({ framework, items, params }, simulees, config, checkpoints) {
  return simulees.map(({ truth, seed }, s) => {
    const random = createRandom(seed);
    const assessment = createAssessment({ framework, items, seed: s + 1, config });
    const responses = [];
    const at = {};
    for (let item = assessment.nextItem(); item; item = assessment.nextItem()) {
      const irt = params[idIndex(item.id)];
      const correct = random() < probability(truth, irt);
      assessment.answer(item.id, correct ? 'a' : 'b');
      responses.push({ item: irt, correct });
      if (checkpoints.includes(responses.length)) {
        const { theta, se } = assessment.result().domains[0];
        at[responses.length] = { theta, se };
      }
    }
    return { responses, at };
  });
}

async function accuracy() {
  const bankSize = 200;
  const count = QUICK ? 100 : 2000;
  const maxItems = 30;
  const checkpoints = [5, 10, 20, 30];
  const content = oneDomainBank(bankSize, BANK_SEED);
  const thetas = thetaList(count, 23);
  const simulees = thetas.map((truth, s) => ({ truth, seed: 900_000 + s }));
  log(`accuracy: jsCAT, ${count} simulees in worker threads`);
  const started = performance.now();
  const engines = [{ name: `jsCAT ${jscatVersion} (EAP N(0,1), MFI)`, runs: await runJsCatSimulees(bankSize, simulees, maxItems, checkpoints) }];
  log(`accuracy: jsCAT done in ${f((performance.now() - started) / 1000, 0)} s; Jauge`);
  const base = { selfRating: false, maxItems, minItems: maxItems, easyStartItems: 0 };
  engines.push({ name: `Jauge, default selection (${exposureRule(D)})`, runs: runJaugeSimulees(content, simulees, base, checkpoints) });
  engines.push({ name: 'Jauge, pure max-info (no exposure control)', runs: runJaugeSimulees(content, simulees, { ...base, ...PURE_MAX_INFO }, checkpoints) });

  const stats = [];
  for (const engine of engines) {
    for (const n of checkpoints) {
      const err = [];
      const gap = [];
      const se = [];
      const exactSd = [];
      const exactVar = [];
      const seRatio = [];
      engine.runs.forEach((run, s) => {
        const exact = estimateAbility(run.responses.slice(0, n));
        const { theta, se: reported } = run.at[n];
        err.push(theta - simulees[s].truth);
        gap.push(theta - exact.theta);
        se.push(reported);
        exactSd.push(exact.se);
        exactVar.push(exact.se * exact.se);
        seRatio.push(reported / exact.se);
      });
      stats.push({ engine: engine.name, n, rmse: rms(err), gap: rms(gap), se: mean(se), exactSd: mean(exactSd), bayes: Math.sqrt(mean(exactVar)), seRatio });
    }
  }
  print(`### Précision / Accuracy: RMSE of θ after 10, 20, 30 items`);
  print();
  print(
    `${int(count)} simulees, θ ~ N(0, 1), the same for every engine, each with its own seeded stream of uniforms for its answers; ` +
      `one-domain 2PL bank of ${bankSize} items (same generator as above); EAP with a N(0, 1) prior everywhere. ` +
      `*Floor*: the mean exact posterior SD of each simulee's own answered items (\`estimateAbility\`, validated to 1e-4 against mpmath), ` +
      `the best any estimator can do on those answers; with θ drawn from the prior, the expected RMSE of the exact EAP is √(mean posterior variance) (shown too). ` +
      `*Gap to exact EAP*: RMS of (reported θ − exact posterior mean) on the same answers, i.e. the estimator's own error, free of sampling noise. ` +
      `Sampling noise on an RMSE with ${int(count)} simulees is about ±${f(100 / Math.sqrt(2 * count), 1)} %. ` +
      `(jsCAT runs with \`deepCopy = false\` here to save time; selection is identical.)` +
      (D.exposureControl === 'sympson-hetter' ? ` This synthetic bank has no calibrated \`exposure.k\`, so the default Sympson–Hetter selection gives every item k = 1, i.e. max-info.` : ''),
  );
  print();
  print(`| Items | Engine | RMSE | Mean reported SE | Floor: mean exact posterior SD | √ mean posterior variance | RMSE ÷ floor | Gap to exact EAP (RMS) |`);
  print(`|---:|---|---:|---:|---:|---:|---:|---:|`);
  for (const n of [10, 20, 30]) {
    for (const s of stats.filter((x) => x.n === n)) {
      print(`| ${n} | ${s.engine} | ${f(s.rmse)} | ${f(s.se)} | ${f(s.exactSd)} | ${f(s.bayes)} | ${f(s.rmse / s.exactSd)} | ${s.gap.toExponential(1)} |`);
    }
  }
  print();
  log(`accuracy done in ${f((performance.now() - started) / 1000, 0)} s`);
  return { engines, stats, simulees };
}

// ---------------------------------------------------------------------------------------------
// 3. Correctness where jsCAT is wrong

function correctness(acc) {
  const lines3 = [];
  // (1) Fisher information of a 4PL item with d < 1.
  const item = { a: 1.7, b: 0, c: 0.2, d: 0.85 };
  const infoAt = (theta) => {
    const p0 = probability(theta, item);
    const expectedLogLik = (t) => {
      const p = probability(t, item);
      return p0 * Math.log(p) + (1 - p0) * Math.log(1 - p);
    };
    const h = 1e-3;
    const numeric = -(expectedLogLik(theta + h) - 2 * expectedLogLik(theta) + expectedLogLik(theta - h)) / (h * h);
    const { a, c, d } = item;
    const closed = (a * a * (p0 - c) ** 2 * (d - p0) ** 2) / ((d - c) ** 2 * p0 * (1 - p0));
    return { jscat: jscatUtils.fisherInformation(theta, item), jauge: itemInformation(theta, item), numeric, closed };
  };
  const i0 = infoAt(0);
  const i3 = infoAt(3);
  lines3.push(
    `1. **Fisher information, 4PL item a = 1.7, b = 0, c = 0.2, d = 0.85.** At θ = 0: jsCAT ${f(i0.jscat, 4)} (its 3PL formula a²(Q/P)(P−c)²/(1−c)², which ignores d; ${signedPct(i0.jscat / i0.numeric - 1)}), ` +
      `Jauge \`itemInformation\` ${f(i0.jauge, 4)}, exact ${f(i0.numeric, 4)} (−E[∂² log L], finite differences) = ${f(i0.closed, 4)} (closed form a²(P−c)²(d−P)²/((d−c)²P(1−P))). ` +
      `At θ = 3 (item far too easy): jsCAT ${f(i3.jscat, 4)}, Jauge ${f(i3.jauge, 6)}, exact ${f(i3.numeric, 6)} / ${f(i3.closed, 6)} — jsCAT's value is ${f(i3.jscat / i3.closed, 0)}× too large and does not vanish as θ → ∞ (limit a²(1−d)(d−c)²/(d(1−c)²) = ${f((1.7 ** 2 * 0.15 * 0.65 ** 2) / (0.85 * 0.64), 4)}), so MFI keeps choosing items that are far too easy.`,
  );
  // (2) Reported SE of an EAP estimate after 5 items.
  const jscatRun = acc.engines[0].runs[0];
  const five = jscatRun.responses.slice(0, 5);
  const jaugeFive = estimateAbility(five);
  const exactFive = exactPosterior(five);
  const ratioStats = (k) => {
    const r = acc.stats.find((s) => s.engine === acc.engines[k].name && s.n === 5).seRatio;
    return `mean ${f(mean(r), 3)} (5th–95th percentile ${f(quantile(r, 0.05), 2)}–${f(quantile(r, 0.95), 2)})`;
  };
  lines3.push(
    `2. **Reported SE of an EAP estimate after 5 items** (simulee 1 of the accuracy run, jsCAT's 5 items, answers ${five.map((r) => (r.correct ? 1 : 0)).join('')}): ` +
      `jsCAT θ̂ ${f(jscatRun.at[5].theta)}, SE ${f(jscatRun.at[5].se)} (1/√test information at θ̂, which ignores the prior); ` +
      `Jauge \`estimateAbility\` θ̂ ${f(jaugeFive.theta)}, SE ${f(jaugeFive.se)} (posterior SD); exact posterior mean ${f(exactFive.theta)}, SD ${f(exactFive.se)}. ` +
      `Over the ${int(acc.simulees.length)} simulees after 5 items, reported SE ÷ exact posterior SD: jsCAT ${ratioStats(0)}; Jauge assessment ${ratioStats(1)}.`,
  );
  // (3) EAP with a N(3, 2) prior.
  const pattern = [
    { item: { a: 1.2, b: 2 }, correct: true },
    { item: { a: 1.5, b: 3 }, correct: true },
    { item: { a: 1.0, b: 4 }, correct: true },
    { item: { a: 1.4, b: 4.5 }, correct: false },
    { item: { a: 1.3, b: 5 }, correct: true },
  ];
  const cat = new Cat({ ...JSCAT_OPTIONS, priorPar: [3, 2] });
  cat.updateAbilityEstimate(
    pattern.map((r) => ({ ...r.item, c: 0, d: 1 })),
    pattern.map((r) => (r.correct ? 1 : 0)),
  );
  const prior = { mean: 3, sd: 2 };
  const jauge3 = estimateAbility(pattern, { prior });
  const exact3 = exactPosterior(pattern, prior);
  lines3.push(
    `3. **EAP with a N(3, 2) prior** (5 items a ∈ [1, 1.5], b = 2, 3, 4, 4.5, 5, answers 11101): jsCAT θ̂ ${f(cat.theta, 4)} ` +
      `(its grid is the prior density on [minTheta, maxTheta] = [−6, 6] by 0.1, so the prior is cut 1.5 SD above its mean; error ${f(cat.theta - exact3.theta, 4)}); ` +
      `Jauge \`estimateAbility(…, { prior: { mean: 3, sd: 2 } })\` ${f(jauge3.theta, 6)} (SD ${f(jauge3.se, 4)}); exact ${f(exact3.theta, 6)} (SD ${f(exact3.se, 4)}, trapezoid on ±16 SD, 48,001 nodes; |Jauge − exact| = ${Math.abs(jauge3.theta - exact3.theta).toExponential(0)}).`,
  );
  print(`### Exactitude / Correctness where jsCAT is wrong`);
  print();
  for (const line of lines3) print(line);
  print();
  return { i0, i3, exactFive, jaugeFive, jscatFive: jscatRun.at[5], cat: cat.theta, jauge3, exact3 };
}

// ---------------------------------------------------------------------------------------------
// 4. Per-domain RMSE against naive baselines

function perDomain() {
  const { framework, items, label } = cohortContent('auto');
  const agents = QUICK ? 300 : 5000;
  const irt = new Map(items.items.filter((item) => item.type !== 'self-rating').map((item) => [item.id, item.irt]));
  const sums = new Map();
  const add = (domain, key, value) => {
    const s = sums.get(domain) ?? { jauge: 0, overall: 0, independent: 0, se: 0, count: 0 };
    s[key] += value;
    sums.set(domain, s);
  };
  log(`per-domain RMSE: ${agents} agents on ${label}`);
  const started = performance.now();
  const report = simulateCohort({
    framework,
    items,
    agents,
    seed: 4242,
    population: { domainCorrelation: 0.6 },
    onAgent: ({ trueTheta, result }) => {
      const responses = result.answered
        .filter((a) => a.outcome !== 'rated')
        .map((a) => ({ item: irt.get(a.itemId), correct: a.outcome === 'correct', domain: a.domain }));
      const overall = estimateAbility(responses).theta;
      for (const domain of result.domains) {
        const truth = trueTheta[domain.id];
        const own = responses.filter((r) => r.domain === domain.id);
        add(domain.id, 'jauge', (domain.theta - truth) ** 2);
        add(domain.id, 'overall', (overall - truth) ** 2);
        add(domain.id, 'independent', (estimateAbility(own).theta - truth) ** 2);
        add(domain.id, 'se', domain.se);
        add(domain.id, 'count', own.length);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  print(`### RMSE par domaine / Per-domain RMSE (six domains, ρ = 0.6)`);
  print();
  print(
    `\`simulateCohort\` with the default configuration on the ${label}, ${int(agents)} agents, true domain abilities N(0, 1) correlated at ρ = 0.6. ` +
      `Baselines computed from the SAME simulated answers (from \`onAgent\`: \`result.answered\` mapped to the items' IRT parameters): ` +
      `(a) one overall θ (EAP N(0, 1) on all answers) copied to every domain; (b) an independent EAP N(0, 1) per domain.`,
  );
  print();
  print(`| Domain | Items/agent | Jauge RMSE | Jauge mean SE | (a) overall θ copied | (b) independent EAP | Jauge vs best baseline |`);
  print(`|---|---:|---:|---:|---:|---:|---:|`);
  const totals = { jauge: [], overall: [], independent: [] };
  let wins = 0;
  for (const [domain, s] of sums) {
    const r = { jauge: Math.sqrt(s.jauge / agents), overall: Math.sqrt(s.overall / agents), independent: Math.sqrt(s.independent / agents) };
    for (const key of Object.keys(totals)) totals[key].push(r[key] ** 2);
    if (r.jauge < Math.min(r.overall, r.independent)) wins++;
    print(`| ${domain} | ${f(s.count / agents, 1)} | ${f(r.jauge)} | ${f(s.se / agents)} | ${f(r.overall)} | ${f(r.independent)} | ${signedPct(r.jauge / Math.min(r.overall, r.independent) - 1)} |`);
  }
  const all = { jauge: Math.sqrt(mean(totals.jauge)), overall: Math.sqrt(mean(totals.overall)), independent: Math.sqrt(mean(totals.independent)) };
  print(`| **all domains** | | **${f(all.jauge)}** | | **${f(all.overall)}** | **${f(all.independent)}** | **${signedPct(all.jauge / Math.min(all.overall, all.independent) - 1)}** |`);
  print();
  return { seconds, agents, all, report, label, wins, domainCount: sums.size };
}

// ---------------------------------------------------------------------------------------------
// 5 and 6. Exposure, overlap, length; 100,000 agents end to end

function runCohortChild(agents, kind, seed, config) {
  const args = ['--expose-gc', fileURLToPath(new URL('./lib/cohort.mjs', import.meta.url)), String(agents), kind, String(seed), ...(config ? [JSON.stringify(config)] : [])];
  const output = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').pop());
}

function cohortAtScale(probe) {
  const target = 100_000;
  const budgetSeconds = 300;
  const estimate = (probe.seconds / probe.agents) * target;
  const agents = QUICK ? 1000 : estimate > budgetSeconds ? 20_000 : target;
  log(`cohort: ${agents} agents in a child process (estimated ${f(estimate, 0)} s for ${target})`);
  const run = runCohortChild(agents, 'auto', 2024);
  const extra = [];
  if (!run.label.startsWith('shipped reference')) {
    log('cohort: reference items with prior-rule parameters');
    extra.push(runCohortChild(QUICK ? 300 : 5000, 'reference-prior', 2025));
  }
  // The exposure / precision trade-off: the same content with the other exposure controls, and none.
  const variants = HAS_EXPOSURE_CONTROL
    ? [...['sympson-hetter', 'progressive', 'randomesque'].filter((c) => c !== D.exposureControl).map((c) => ({ exposureControl: c })), PURE_MAX_INFO]
    : [...(D.exposureTolerance !== 0.2 ? [{ exposureTolerance: 0.2 }] : []), PURE_MAX_INFO];
  for (const variant of variants) {
    log(`cohort: variant ${JSON.stringify(variant)}`);
    try {
      extra.push(runCohortChild(QUICK ? 300 : 5000, 'auto', 2026, variant));
    } catch (error) {
      log(`cohort: variant ${JSON.stringify(variant)} failed, left out (${error.message.split('\n')[0]})`);
    }
  }
  print(`### Exposition, recouvrement, longueur / Exposure, overlap, test length (default configuration; other exposure controls for comparison)`);
  print();
  print(
    `From \`simulateCohort\`'s report (default configuration: easy start of ${D.easyStartItems} items at level ≤ ${D.easyStartMaxLevel}, ${DEFAULT_RULES}, ` +
      `${D.minItems}–${D.maxItems} items, stop at SE ≤ ${D.targetSe} in every domain, self-rating on). Target: no item seen by more than 25 % of agents.`,
  );
  print();
  print(`| Content | Configuration | Agents | Max item exposure | Mean exposure | Items never used | Mean test overlap | Test length median (mean, min–max) | Stop reasons | Overall RMSE (mean SE) |`);
  print(`|---|---|---:|---:|---:|---:|---:|---|---|---:|`);
  for (const r of [run, ...extra]) {
    const { exposure, overlap, testLength, stopReasons, overall } = r.report;
    const stops = Object.entries(stopReasons).map(([k, v]) => `${k} ${pct(v / r.agents, 0)}`).join(', ');
    print(
      `| ${r.label} | ${r.config ? `${exposureRule({ ...D, ...r.config }) === exposureRule({ ...D, ...PURE_MAX_INFO }) ? 'no exposure control: ' : ''}default except \`${JSON.stringify(r.config)}\`` : `default (${exposureRule(D)})`} | ${int(r.agents)} | **${pct(exposure.max)}** ${exposure.max <= 0.25 ? '(≤ 25 %)' : '(> 25 %: target missed)'} | ${pct(exposure.mean)} | ${exposure.itemsNeverUsed} | ${pct(overlap)} | ` +
        `${testLength.median} (${f(testLength.mean, 1)}, ${testLength.min}–${testLength.max}) | ${stops} | ${f(overall.rmse)} (${f(overall.meanSe)}) |`,
    );
  }
  print();
  print(`### 100 000 agents de bout en bout / 100,000 agents end to end`);
  print();
  const perAgentMs = (1000 * run.seconds) / run.agents;
  const extrapolated = run.agents === target ? '' : ` — **extrapolated** from ${int(run.agents)} agents (the estimate for ${int(target)} was ${f(estimate / 60, 1)} min > 5 min)`;
  print(
    `\`simulateCohort\` with the default configuration on the ${run.label}, in a fresh Node process, one thread. ` +
      `Memory: RSS and heap sampled every 250 agents from \`onAgent\`, the process's peak RSS (\`process.resourceUsage().maxRSS\`), ` +
      `and the live heap after a forced GC every 5,000 agents (\`--expose-gc\`). ` +
      `\`simulateCohort\` keeps only running sums and one test length per agent (8 bytes), so memory does not grow with the number of agents.`,
  );
  print();
  print(`| Agents run | Wall time | ms/agent | Agents/s | Time for 100,000 agents | RSS before → peak (sampled) | Peak RSS (maxRSS) | Heap before → peak | Live heap after GC, first → last |`);
  print(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  const m = run.memory;
  print(
    `| ${int(run.agents)} | ${f(run.seconds, 1)} s | ${f(perAgentMs, 2)} | ${int(run.agents / run.seconds)} | ` +
      `${run.agents === target ? '' : '≈ '}${f((perAgentMs * target) / 60_000, 1)} min${extrapolated} | ${f(m.rssBeforeMb, 0)} → ${f(m.peakRssSampledMb, 0)} MB | ${f(m.maxRssMb, 0)} MB | ${f(m.heapBeforeMb, 0)} → ${f(m.peakHeapSampledMb, 0)} MB | ${f(m.liveHeapMb[0], 1)} → ${f(m.liveHeapMb.at(-1), 1)} MB (${m.liveHeapMb.length} samples, max ${f(Math.max(...m.liveHeapMb), 1)}) |`,
  );
  print();
  return { run, extra, estimate };
}

// ---------------------------------------------------------------------------------------------

const t0 = performance.now();
if (QUICK) print(`> Quick run (\`--quick\`): small samples, numbers are indicative only.`), print();
const steps = stepTiming();
const acc = await accuracy();
const correct = correctness(acc);
const domains = perDomain();
const scale = cohortAtScale(domains);
// Verdict against the targets of the issue, printed first.
const summary = [];
const yes = (ok) => (ok ? '✅ met' : '❌ not met');
const speed = steps.filter((r) => r.n >= 1000).map((r) => ({ n: r.n, ratio: median(r.c) / median(r.j) }));
summary.push(`| ≥ 100× faster than jsCAT per step at 1,000 items and beyond | ${speed.map(({ n, ratio }) => `${f(ratio, 0)}× at ${int(n)}`).join(', ')} (median µs/step) | ${yes(speed.every(({ ratio }) => ratio >= 100))} |`);
const [jscatName, defaultName, pureName] = acc.engines.map((e) => e.name);
const at = (name, n) => acc.stats.find((x) => x.engine === name && x.n === n);
const noise = 1 / Math.sqrt(2 * acc.simulees.length); // relative SE of an RMSE estimate
const worse = (name) => [10, 20, 30].map((n) => at(name, n).rmse / at(jscatName, n).rmse - 1);
summary.push(`| RMSE no worse than jsCAT (10, 20, 30 items) | default selection ${worse(defaultName).map(signedPct).join(', ')}; pure max-info ${worse(pureName).map(signedPct).join(', ')} (sampling noise ±${f(100 * noise, 1)} %) | ${yes(worse(defaultName).every((x) => x <= noise))} with the default exposure control; ${yes(worse(pureName).every((x) => x <= noise))} with pure max-info |`);
const floorRatios = [10, 20, 30].flatMap((n) => [defaultName, pureName].map((name) => at(name, n).rmse / at(name, n).exactSd));
const gapRel = Math.max(...[10, 20, 30].flatMap((n) => [defaultName, pureName].map((name) => at(name, n).gap / at(name, n).exactSd)));
summary.push(`| Jauge within 2 % of the floor (mean exact posterior SD) | RMSE ÷ floor ${f(Math.min(...floorRatios))}–${f(Math.max(...floorRatios))} (sampling noise ±${f(100 * noise, 1)} %); the estimator's own gap to the exact EAP on the same answers is ≤ ${gapRel.toExponential(0)} of the floor | ${yes(gapRel <= 0.02 && floorRatios.every((x) => x <= 1.02 + 2 * noise))} |`);
summary.push(`| Per-domain RMSE beats (a) one overall θ and (b) independent EAPs | ${domains.wins} of ${domains.domainCount} domains; all domains ${f(domains.all.jauge)} vs ${f(domains.all.overall)} (a) and ${f(domains.all.independent)} (b) | ${yes(domains.wins === domains.domainCount)} |`);
const maxExposure = scale.run.report.exposure.max;
summary.push(`| No item seen by more than 25 % of agents (default configuration) | max exposure ${pct(maxExposure)} on the ${scale.run.label}; median length ${scale.run.report.testLength.median} (stops: ${Object.entries(scale.run.report.stopReasons).map(([k, v]) => `${k} ${pct(v / scale.run.agents, 0)}`).join(', ')}) | ${yes(maxExposure <= 0.25)} |`);
const per100k = (scale.run.seconds / scale.run.agents) * 100_000;
const live = scale.run.memory.liveHeapMb;
summary.push(`| 100,000 agents end to end | ${scale.run.agents === 100_000 ? '' : '≈ '}${f(per100k / 60, 1)} min${scale.run.agents === 100_000 ? '' : ` (extrapolated from ${int(scale.run.agents)})`}, peak RSS ${f(scale.run.memory.maxRssMb, 0)} MB, live heap ${f(live[0], 1)} → ${f(live.at(-1), 1)} MB | ${per100k <= 300 ? '✅ under 5 min' : 'over 5 min'}; ${live.at(-1) <= 1.2 * live[0] ? 'memory bounded' : 'live heap grows with agents'} |`);
lines.splice(QUICK ? 2 : 0, 0, `### Résumé / Summary against the targets`, '', `| Target | Result | |`, `|---|---|---|`, ...summary, '');

print(`<sub>Generated by \`node bench/engine.mjs${QUICK ? ' --quick' : ''}\` in ${f((performance.now() - t0) / 60_000, 1)} min.</sub>`);
process.stdout.write(`${lines.join('\n')}\n`);
if (process.argv.includes('--json')) process.stderr.write(`${JSON.stringify({ steps: steps.map(({ n, j, c, selector }) => ({ n, jaugeMedian: median(j), jaugeMean: mean(j), jscatMedian: median(c), jscatMean: mean(c), selector })), correct, domains: domains.all, scale: { seconds: scale.run.seconds, agents: scale.run.agents, memory: scale.run.memory } })}\n`);
