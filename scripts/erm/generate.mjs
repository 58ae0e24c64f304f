#!/usr/bin/env node
// Generates the shared Rasch data sets of the eRm comparison with the project's own simulator
// (seeded `createRandom`, `gaussian` and `probability` of the BUILT @jauge/core):
//
//   node scripts/erm/generate.mjs <output directory>
//
// - rasch-complete.txt: 1,500 agents × 20 items, every item answered;
// - rasch-booklets.txt: 1,500 agents × 24 items in three linked booklets of 12 items
//   (items 1–12, 7–18, 13–24), '.' for an item not presented;
// - rasch-truth.json: the true difficulties (logits, a = 1) and abilities' distribution.
// One line per agent, one character per item: 1 correct, 0 incorrect, '.' not presented.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const dist = join(root, 'packages', 'core', 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('generate: packages/core/dist is missing; run `pnpm --filter @jauge/core build` first.');
  process.exit(1);
}
const { createRandom, gaussian, probability } = await import(pathToFileURL(dist).href);
const out = process.argv[2] ?? join(root, 'packages', 'core', 'test', 'fixtures', 'calibration', 'erm');
mkdirSync(out, { recursive: true });

function simulate({ seed, agents, items, booklets }) {
  const random = createRandom(seed);
  // Difficulties spread over [−2, 2] with a little jitter (logits, Rasch: a = 1); abilities N(0.2, 1.1²).
  const b = Array.from({ length: items }, (_, i) => Math.round((-2 + (4 * i) / (items - 1) + 0.3 * gaussian(random)) * 1e4) / 1e4);
  const lines = [];
  for (let j = 0; j < agents; j++) {
    const theta = 0.2 + 1.1 * gaussian(random);
    const booklet = booklets ? booklets[j % booklets.length] : null;
    let line = '';
    for (let i = 0; i < items; i++) {
      if (booklet && (i < booklet[0] || i > booklet[1])) {
        line += '.';
        continue;
      }
      line += random() < probability(theta, { a: 1, b: b[i] }) ? '1' : '0';
    }
    lines.push(line);
  }
  return { b, lines };
}

const complete = simulate({ seed: 20270101, agents: 1500, items: 20 });
const booklets = simulate({ seed: 20270102, agents: 1500, items: 24, booklets: [[0, 11], [6, 17], [12, 23]] });
writeFileSync(join(out, 'rasch-complete.txt'), `${complete.lines.join('\n')}\n`);
writeFileSync(join(out, 'rasch-booklets.txt'), `${booklets.lines.join('\n')}\n`);
writeFileSync(
  join(out, 'rasch-truth.json'),
  `${JSON.stringify({ generator: 'scripts/erm/generate.mjs', population: { mean: 0.2, sd: 1.1 }, complete: { b: complete.b }, booklets: { b: booklets.b } }, null, 2)}\n`,
);
console.error(`generate: wrote rasch-complete.txt, rasch-booklets.txt and rasch-truth.json in ${out}`);
