#!/usr/bin/env node
// Writes the shipped reference content as complete JSON files into dist/reference/, so content
// authors can copy, edit and check them with `jauge validate` (part of `pnpm build`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentJsonSchema } from '../dist/validation.js';
import * as reference from '../dist/reference/index.js';

const out = fileURLToPath(new URL('../dist/reference/', import.meta.url));
mkdirSync(out, { recursive: true });
const files = { 'framework.json': reference.framework, 'items.json': reference.items, 'catalogue.json': reference.catalogue, 'profiles.json': reference.profiles, 'rules.json': reference.rules, 'stages.json': reference.stages };
for (const [name, value] of Object.entries(files)) writeFileSync(out + name, `${JSON.stringify(value, null, 2)}\n`);
console.log(`Reference content written to dist/reference/ (${Object.keys(files).join(', ')}).`);

// JSON Schemas for editors ("$schema": "./node_modules/@jauge/core/dist/schemas/item-bank.schema.json").
const schemas = fileURLToPath(new URL('../dist/schemas/', import.meta.url));
mkdirSync(schemas, { recursive: true });
for (const kind of ['framework', 'item-bank', 'catalogue', 'target-profile', 'target-profiles', 'rules', 'stages']) {
  writeFileSync(`${schemas}${kind}.schema.json`, `${JSON.stringify(contentJsonSchema(kind), null, 2)}\n`);
}
console.log('JSON Schemas written to dist/schemas/.');
