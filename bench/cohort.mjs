#!/usr/bin/env node
// Benchmarks of cohort aggregation (@jauge/core `cohort/`): throughput and peak memory of
// `aggregateResults` over 100,000 and 1,000,000 results generated on the fly (nothing stored),
// and the exactness of merging 100 shard maps against one pass.
//
//   node bench/cohort.mjs [--quick]
//
// Prints Markdown on stdout (progress on stderr). The cohort module is bundled from source with
// esbuild into a temporary directory (it does not need `pnpm build`). Each measurement runs in a
// fresh child process, so that its peak RSS is its own. Exits with 1 if a merge is not exact.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = dirname(dirname(self));
const QUICK = process.argv.includes('--quick');
const log = (message) => process.stderr.write(`[bench:cohort] ${message}\n`);

// ---------------------------------------------------------------------------------------------
// Seeded synthetic results, generated one at a time (a general ability per agent, domain levels
// around it, competence levels around their domain; skewed group sizes so that some are small).

function createGenerator(seed) {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) | 0; // mulberry32
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Standard normal quantiles on a fine grid (Abramowitz–Stegun 26.2.23), drawn by index.
  const normals = new Float64Array(4096);
  for (let i = 0; i < normals.length; i++) {
    const u = (i + 0.5) / normals.length;
    const p = u < 0.5 ? u : 1 - u;
    const t = Math.sqrt(-2 * Math.log(p));
    const z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
    normals[i] = u < 0.5 ? -z : z;
  }
  const gauss = () => normals[(random() * 4096) | 0];
  return { random, gauss };
}

function* results({ framework, count, seed, directions, services, trainings }) {
  const { random, gauss } = createGenerator(seed);
  const clamp = (x) => (x < 1.5 ? 1 : x >= 7.5 ? 8 : Math.round(x));
  const version = { id: framework.id, version: framework.version };
  const domains = framework.domains.map((d) => ({ id: d.id, competences: d.competences.map((c) => c.id) }));
  const directionNames = Array.from({ length: directions }, (_, d) => `Direction ${d + 1}`);
  const serviceNames = directionNames.map((_, d) => Array.from({ length: services }, (_, v) => `Service ${d + 1}.${v + 1}`));
  const cabinets = directionNames.map((_, d) => `Cabinet ${d + 1}`);
  for (let i = 0; i < count; i++) {
    const g = gauss();
    const domainResults = [];
    const competenceResults = [];
    let sum = 0;
    for (const d of domains) {
      const ability = 3 + 1.2 * g + 0.8 * gauss();
      sum += ability;
      domainResults.push({ id: d.id, level: clamp(ability), levelSe: 0.3 + ((random() * 400) | 0) / 1000 });
      for (const c of d.competences) competenceResults.push({ id: c, domain: d.id, level: clamp(ability + 0.6 * gauss()), levelSe: 0.5 + ((random() * 500) | 0) / 1000 });
    }
    const direction = (directions * random() ** 2) | 0;
    // A few very small services (about 3 agents each per million results), to exercise suppression.
    const service = random() < 6e-5 ? cabinets[direction] : serviceNames[direction][(services * random() ** 3) | 0];
    const picked = random() < 0.6 ? [trainings[(random() * trainings.length) | 0]] : [];
    yield {
      result: { framework: version, complete: true, overall: { level: clamp(sum / domains.length), levelSe: 0.2 + ((random() * 200) | 0) / 1000 }, domains: domainResults, competences: competenceResults },
      group: { direction: directionNames[direction], service },
      trainings: picked,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes

async function child(kind, bundle, args) {
  const { aggregateResults, mergeAllCompetenceMaps, mergeCompetenceMaps, publishCompetenceMap, parseCompetenceMap, framework } = await import(pathToFileURL(bundle).href);
  const trainings = ['mooc-cyber', 'rgpd-essentiel', 'ia-generative', 'tableur', 'sobriete', 'libre'];
  if (kind === 'aggregate') {
    const count = Number(args[0]);
    const shape = { framework, count, seed: 2026, directions: 20, services: 25, trainings };
    // The public API end to end: aggregateResults over the generator (generation included).
    let started = performance.now();
    const raw = aggregateResults(results(shape), { groupBy: ['direction', 'service'], minGroupSize: 1 });
    const totalMs = performance.now() - started;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    // The same stream consumed without aggregating: what generation alone costs.
    started = performance.now();
    let generated = 0;
    for (const _ of results(shape)) generated++;
    const generationMs = performance.now() - started;
    started = performance.now();
    const published = publishCompetenceMap(raw, { minGroupSize: 5 });
    const publishMs = performance.now() - started;
    const out = { count: generated, groups: raw.groups.length, totalMs, generationMs, publishMs, suppressed: published.suppression, peakRssMb };
    process.stdout.write(JSON.stringify(out));
    return;
  }
  if (kind === 'baseline') {
    process.stdout.write(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  if (kind === 'shards') {
    const count = Number(args[0]);
    const shardCount = Number(args[1]);
    const shape = { framework, count, seed: 7, directions: 10, services: 6, trainings };
    const options = { groupBy: ['direction', 'service'], minGroupSize: 1 };
    const single = aggregateResults(results(shape), options);
    // Contiguous shards of one stream, each aggregated alone and sent as JSON text, as between machines.
    const texts = [];
    const stream = results(shape);
    for (let s = 0; s < shardCount; s++) {
      const size = Math.floor(((s + 1) * count) / shardCount) - Math.floor((s * count) / shardCount);
      const part = (function* () {
        for (let i = 0; i < size; i++) yield stream.next().value;
      })();
      texts.push(JSON.stringify(aggregateResults(part, options)));
    }
    const maps = texts.map((text) => parseCompetenceMap(text));
    let started = performance.now();
    const folded = maps.reduce(mergeCompetenceMaps);
    const foldMs = performance.now() - started;
    // Another order and another bracketing: a balanced tree over a shuffled list.
    const { random } = createGenerator(99);
    const shuffled = [...maps].sort(() => random() - 0.5);
    started = performance.now();
    let level = shuffled;
    while (level.length > 1) {
      const next = [];
      for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeCompetenceMaps(level[i + 1], level[i]) : level[i]);
      level = next;
    }
    const treeMs = performance.now() - started;
    started = performance.now();
    const all = mergeAllCompetenceMaps(maps);
    const allMs = performance.now() - started;
    const expected = JSON.stringify(single);
    const out = {
      count,
      shards: shardCount,
      groups: single.groups.length,
      foldMs,
      treeMs,
      foldEqual: JSON.stringify(folded) === expected,
      treeEqual: JSON.stringify(level[0]) === expected,
      allMs,
      allEqual: JSON.stringify(all) === expected,
      publishedEqual: JSON.stringify(publishCompetenceMap(folded)) === JSON.stringify(publishCompetenceMap(single)),
      shardJsonKb: texts.reduce((sum, text) => sum + text.length, 0) / shardCount / 1024,
    };
    process.stdout.write(JSON.stringify(out));
  }
}

// ---------------------------------------------------------------------------------------------
// Parent

function bundleCohort() {
  const pnpmDir = join(root, 'node_modules', '.pnpm');
  const dir = readdirSync(pnpmDir).filter((name) => /^esbuild@0\.27/.test(name)).sort().pop();
  if (!dir) throw new Error('esbuild 0.27 not found under node_modules/.pnpm (run pnpm install)');
  const esbuild = createRequire(import.meta.url)(join(pnpmDir, dir, 'node_modules', 'esbuild'));
  const tmp = mkdtempSync(join(os.tmpdir(), 'jauge-bench-cohort-'));
  const entry = join(tmp, 'entry.ts');
  const src = join(root, 'packages', 'core', 'src');
  writeFileSync(entry, `export * from ${JSON.stringify(join(src, 'cohort', 'index.ts'))};\nexport { framework } from ${JSON.stringify(join(src, 'reference', 'index.ts'))};\n`);
  const outfile = join(tmp, 'cohort.mjs');
  esbuild.buildSync({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'error' });
  return { tmp, outfile };
}

function run(bundle, kind, ...args) {
  const result = spawnSync(process.execPath, [self, '--child', kind, bundle, ...args.map(String)], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`child ${kind} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  return JSON.parse(result.stdout);
}

async function main() {
  const { tmp, outfile } = bundleCohort();
  const lines = [];
  const print = (line = '') => lines.push(line);
  const int = (x) => Math.round(x).toLocaleString('en-US');
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  let exact = true;
  try {
    const sizes = QUICK ? [20_000, 200_000] : [100_000, 1_000_000];
    log('baseline process');
    const baseline = run(outfile, 'baseline');
    const rows = [];
    for (const count of sizes) {
      log(`aggregating ${int(count)} results`);
      rows.push(run(outfile, 'aggregate', count));
    }
    const [shardCount, shardResults] = [100, QUICK ? 20_000 : 200_000];
    log(`merging ${shardCount} shard maps of ${int(shardResults)} results`);
    const shards = run(outfile, 'shards', shardResults, shardCount);
    exact = shards.foldEqual && shards.treeEqual && shards.allEqual && shards.publishedEqual;


    print('### Agrégation en un processus / Aggregation in one process');
    print();
    print(
      'Results generated on the fly from a seeded generator (6 domains and 28 competences per result; 20 directions × 25 services with skewed sizes, plus a rare cabinet per direction), never stored, ' +
        "fed to `aggregateResults(generator, { groupBy: ['direction', 'service'], minGroupSize: 1 })`. " +
        '"End to end" includes generating the results; "generation" is the same stream consumed without aggregating, and "aggregation" the difference. ' +
        `"Publication" is \`publishCompetenceMap(map, { minGroupSize: 5 })\`. Peak RSS is the child process's maximum resident set during the aggregation (a process that only loads the bundle: ${baseline.peakRssMb.toFixed(0)} MB).`,
    );
    print();
    print('| Results | Groups | End to end | Generation | Aggregation (≈) | Aggregation throughput | Publication | Rows suppressed (primary + complementary) | Peak RSS |');
    print('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      const aggregationMs = Math.max(1, r.totalMs - r.generationMs);
      print(
        `| ${int(r.count)} | ${int(r.groups)} | ${s(r.totalMs)} | ${s(r.generationMs)} | ${s(aggregationMs)} | ${int(r.count / (aggregationMs / 1000))} results/s | ${r.publishMs.toFixed(0)} ms | ${r.suppressed.rows.belowMinimum} + ${r.suppressed.rows.complementary} | ${r.peakRssMb.toFixed(0)} MB |`,
      );
    }
    print();
    const [small, large] = rows;
    print(
      `${int(large.count / small.count)}× more results: ${(large.totalMs / small.totalMs).toFixed(1)}× the time, peak RSS ${small.peakRssMb.toFixed(0)} → ${large.peakRssMb.toFixed(0)} MB: memory is bounded by groups × scopes, not by results.`,
    );
    print();
    print(`### Fusion de ${shardCount} fragments / Merge of ${shardCount} shard maps`);
    print();
    print(`${int(shardResults)} results in ${shardCount} contiguous shards, each aggregated alone (\`minGroupSize: 1\`), serialised to JSON and read back with \`parseCompetenceMap\`, then merged with \`mergeCompetenceMaps\` (left to right, and as a balanced tree over a shuffled order) and with \`mergeAllCompetenceMaps\` (one pass). "Equal" compares the JSON text of the merged map with the single-pass map (every count, and every mean bit for bit).`);
    print();
    print('| Results | Shards | Groups | Shard map (JSON) | Pairwise, left fold | Pairwise, shuffled tree | All at once | Equal to the single pass (fold / tree / all) | Published maps equal |');
    print('|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|');
    const yes = (b) => (b ? 'yes' : '**NO**');
    print(
      `| ${int(shards.count)} | ${shards.shards} | ${shards.groups} | ${shards.shardJsonKb.toFixed(0)} kB | ${shards.foldMs.toFixed(0)} ms | ${shards.treeMs.toFixed(0)} ms | ${shards.allMs.toFixed(0)} ms | ${yes(shards.foldEqual)} / ${yes(shards.treeEqual)} / ${yes(shards.allEqual)} | ${yes(shards.publishedEqual)} |`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!exact) {
    log('a merged map differs from the single-pass map');
    process.exit(1);
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt !== -1) {
  const [kind, bundle, ...args] = process.argv.slice(childAt + 1);
  await child(kind, bundle, args);
} else {
  await main();
}
