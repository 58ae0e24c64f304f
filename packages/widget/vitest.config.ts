import { defineProject } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineProject({
  resolve: {
    alias: [
      { find: /^@jauge\/core$/, replacement: fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
      { find: /^@jauge\/core\/engine$/, replacement: fileURLToPath(new URL('../core/src/engine.ts', import.meta.url)) },
      { find: /^@jauge\/core\/cohort$/, replacement: fileURLToPath(new URL('../core/src/cohort-entry.ts', import.meta.url)) },
      { find: /^@jauge\/core\/validation$/, replacement: fileURLToPath(new URL('../core/src/validation.ts', import.meta.url)) },
      { find: /^@jauge\/core\/reference$/, replacement: fileURLToPath(new URL('../core/src/reference/index.ts', import.meta.url)) },
      { find: /^@jauge\/core\/xapi$/, replacement: fileURLToPath(new URL('../core/src/xapi/index.ts', import.meta.url)) },
      { find: /^@jauge\/core\/scorm$/, replacement: fileURLToPath(new URL('../core/src/scorm/index.ts', import.meta.url)) },
    ],
  },
  test: {
    name: 'widget',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
