import type { Options } from 'tsup';

/**
 * The one build configuration shared by every package (ESM only, ES2022, types, source maps).
 * A package passes its entries and what differs; nothing here is tsup-specific beyond the
 * option names, so the move to tsdown (see docs/decisions/0001-build-tool.md) stays small.
 */
export function libraryConfig(overrides: Options): Options {
  return {
    format: ['esm'],
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: false,
    splitting: true,
    treeshake: true,
    outDir: 'dist',
    ...overrides,
  };
}
