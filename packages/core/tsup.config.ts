import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared';

export default defineConfig([
  libraryConfig({
    entry: { index: 'src/index.ts', engine: 'src/engine.ts', validation: 'src/validation.ts', 'calibration/index': 'src/calibration/index.ts', cohort: 'src/cohort-entry.ts', 'badges/index': 'src/badges/index.ts', 'qti/index': 'src/qti/index.ts', 'xapi/index': 'src/xapi/index.ts', 'scorm/index': 'src/scorm/index.ts', 'reference/index': 'src/reference/index.ts' },
    platform: 'neutral',
  }),
  libraryConfig({
    entry: { cli: 'src/cli/cli.ts' },
    platform: 'node',
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
