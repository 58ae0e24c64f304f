import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'core',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Numerical tests (calibration, simulation) run a few seconds; leave room for a loaded CI machine.
    testTimeout: 60_000,
  },
});
