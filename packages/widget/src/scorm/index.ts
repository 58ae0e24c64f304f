/**
 * `@jauge/widget/scorm`: runs `<jauge-assessment>` as a SCORM 1.2 SCO inside an LMS (Moodle,
 * Mentor…). `jauge scorm` (in `@jauge/core`) builds the package that calls it; the CDN build
 * is `dist/cdn/scorm/jauge-scorm.js`.
 *
 * @packageDocumentation
 */
export { connectScorm, findScormApi } from './connect-scorm.js';
export type { ConnectScormOptions, Scorm12Api, ScormConnection } from './connect-scorm.js';
