import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared';

export default defineConfig([
  // Tree-shakable entries for bundler users: lit and @jauge/core stay external.
  libraryConfig({
    entry: { index: 'src/index.ts', define: 'src/define.ts' },
    platform: 'browser',
  }),
  // The self-contained bundle for a plain <script type="module">: lit and the engine inside,
  // the reference content in its own file, loaded only when the element needs it.
  libraryConfig({
    entry: { jauge: 'src/cdn.ts', 'jauge-reference': 'src/cdn-reference.ts' },
    outDir: 'dist/cdn',
    platform: 'browser',
    dts: false,
    minify: true,
    noExternal: [/.*/],
    env: { NODE_ENV: 'production' },
  }),
]);
