#!/usr/bin/env node
// Writes the expert-prior IRT parameters (derived from each item's level and type by the
// documented rule, `priorItemParameters`) into the reference item files, and marks their origin.
// Run after editing items: `pnpm --filter @jauge/core build && node packages/core/scripts/stamp-irt.mjs`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { priorItemParameters } from '../dist/index.js';

const data = fileURLToPath(new URL('../src/reference/data/', import.meta.url));
const header = JSON.parse(readFileSync(join(data, 'framework-header.json'), 'utf8'));
let count = 0;
for (const file of readdirSync(join(data, 'items'))) {
  const path = join(data, 'items', file);
  const items = JSON.parse(readFileSync(path, 'utf8'));
  for (const item of items) {
    if (item.type === 'self-rating') continue;
    if (item.calibration && item.calibration.method !== 'prior-from-level') continue; // keep real calibrations
    item.irt = priorItemParameters(item, header);
    item.calibration = { method: 'prior-from-level' };
    if (!item.accessibility) item.accessibility = { textOnly: true };
    count++;
  }
  writeFileSync(path, `${JSON.stringify(items, null, 2)}\n`);
}
console.log(`Stamped prior IRT parameters on ${count} items.`);
