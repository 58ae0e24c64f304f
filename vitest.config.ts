import { defineConfig } from 'vitest/config';
import SummaryReporter from './scripts/summary-reporter.ts';

/**
 * One test run for the whole repository, in three projects:
 * - `core`: Node, pure logic and numbers;
 * - `widget`: happy-dom, rendering logic of the Lit elements;
 * - `browser`: Node driving the system Chromium (playwright-core) against the *built* bundles
 *   served over loopback http: keyboard, axe, CSP, storage, two copies of the bundle.
 */
export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    projects: [
      'packages/core',
      'packages/widget',
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['packages/widget/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
