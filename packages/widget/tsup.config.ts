import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared';

export default defineConfig([
  // Tree-shakable entries for bundler users: lit and @jauge/core stay external.
  libraryConfig({
    entry: { index: 'src/index.ts', define: 'src/define.ts' },
    platform: 'browser',
    tsconfig: 'tsconfig.build.json',
  }),
  // The self-contained bundle for a plain <script type="module">: lit and the engine inside,
  // the reference content in its own file, loaded only when the element needs it.
  libraryConfig({
    entry: { jauge: 'src/cdn.ts' },
    tsconfig: 'tsconfig.build.json',
    outDir: 'dist/cdn',
    platform: 'browser',
    dts: false,
    minify: true,
    noExternal: [/.*/],
    // Bundle core from its modules (not its single-file dist) so that what only host-supplied
    // content needs (the schemas) and the reference content split into files loaded on demand.
    esbuildOptions(options) {
      options.alias = {
        '@jauge/core/engine': '../core/src/engine.ts',
        '@jauge/core/validation': '../core/src/validation.ts',
        '@jauge/core/reference': '../core/src/reference/index.ts',
      };
    },
    env: { NODE_ENV: 'production' },
  }),
]);
