#!/usr/bin/env node
// Writes the shipped reference content as complete JSON files into dist/reference/, so content
// authors can copy, edit and check them with `jauge validate` (part of `pnpm build`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as reference from '../dist/reference/index.js';

const out = fileURLToPath(new URL('../dist/reference/', import.meta.url));
mkdirSync(out, { recursive: true });
const files = { 'framework.json': reference.framework, 'items.json': reference.items, 'catalogue.json': reference.catalogue, 'profiles.json': reference.profiles, 'rules.json': reference.rules, 'stages.json': reference.stages };
for (const [name, value] of Object.entries(files)) writeFileSync(out + name, `${JSON.stringify(value, null, 2)}\n`);
console.log(`Reference content written to dist/reference/ (${Object.keys(files).join(', ')}).`);
