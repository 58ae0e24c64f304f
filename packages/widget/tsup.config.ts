import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { libraryConfig } from '../../tsup.shared';

/** The oldest browsers the CDN bundles are written for (see docs: navigateurs pris en charge). */
export const BROWSER_TARGETS = ['es2020', 'chrome80', 'edge80', 'firefox78', 'safari14.1'];

/**
 * A self-contained bundle for a plain <script type="module">: lit and the engine inside. Core is
 * bundled from its modules (not its single-file dist) so that what only host-supplied content
 * needs (the schemas) and the reference content split into files loaded on demand.
 */
function cdnBundle(entry: Record<string, string>, outDir: string): Options {
  return libraryConfig({
    entry,
    tsconfig: 'tsconfig.build.json',
    outDir,
    platform: 'browser',
    // Agents' browsers are not always recent: ES2020 syntax (Chrome/Edge 80, Firefox 78 ESR,
    // Safari 14.1). What runs there is checked on the built files (e2e/bundle-compat.e2e.test.ts).
    target: BROWSER_TARGETS,
    dts: false,
    minify: true,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.alias = {
        '@jauge/core/engine': '../core/src/engine.ts',
        '@jauge/core/validation': '../core/src/validation.ts',
        '@jauge/core/cohort': '../core/src/cohort-entry.ts',
        '@jauge/core/reference': '../core/src/reference/index.ts',
        '@jauge/core/xapi': '../core/src/xapi/index.ts',
        '@jauge/core/scorm': '../core/src/scorm/index.ts',
      };
    },
    env: { NODE_ENV: 'production' },
    // The element loads the xAPI sender as its own file (cdn/xapi/jauge-xapi.js) rather than as a
    // chunk sharing modules with jauge.js, which would split the agents' bundle further.
    esbuildPlugins: [
      {
        name: 'jauge-cdn-xapi-loader',
        setup(build) {
          build.onResolve({ filter: /\/xapi\/load\.js$/ }, () => ({ path: resolve('src/xapi/load.cdn.ts') }));
        },
      },
    ],
  });
}

export default defineConfig([
  // Tree-shakable entries for bundler users: lit and @jauge/core stay external.
  libraryConfig({
    entry: { index: 'src/index.ts', define: 'src/define.ts', map: 'src/map.ts', xapi: 'src/xapi/index.ts', scorm: 'src/scorm/index.ts', cmi5: 'src/cmi5/index.ts' },
    platform: 'browser',
    tsconfig: 'tsconfig.build.json',
  }),
  // The agents' bundle (assessment and profile), the reference content in its own file.
  cdnBundle({ jauge: 'src/cdn.ts' }, 'dist/cdn'),
  // The managers' view, built apart so that it shares no file with the agents' bundle.
  cdnBundle({ 'jauge-map': 'src/cdn-map.ts' }, 'dist/cdn/map'),
  // The SCORM 1.2 adapter that `jauge scorm` packages next to jauge.js (no lit, no element inside).
  cdnBundle({ 'jauge-scorm': 'src/scorm/index.ts' }, 'dist/cdn/scorm'),
  // The xAPI sender, loaded by <jauge-assessment> only when its `lrs` property is set.
  cdnBundle({ 'jauge-xapi': 'src/xapi/connect.ts' }, 'dist/cdn/xapi'),
  // The cmi5 Assignable Unit adapter, for pages launched by a cmi5 LMS.
  cdnBundle({ 'jauge-cmi5': 'src/cmi5/index.ts' }, 'dist/cdn/cmi5'),
]);
