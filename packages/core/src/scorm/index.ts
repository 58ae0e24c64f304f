/**
 * SCORM 1.2: run the assessment as a SCO in an LMS (Moodle and others). Build the package
 * (`buildScormPackage`: manifest, launch page, widget files, zipped), save and resume a test
 * within the 4,096 characters of `cmi.suspend_data` (`encodeSuspendData` / `decodeSuspendData`),
 * and report the result as data model values (`scormReport`: score, status, one objective per
 * domain and competence, one interaction per item, never a response). Browser-safe: nothing here
 * reads files, the clock or the network; the `jauge scorm` command writes the package from Node.
 * The same module builds cmi5 course packages (`buildCmi5Package`, `cmi5CourseStructure`;
 * command `jauge cmi5`) for LMSs that launch cmi5 Assignable Units.
 * @packageDocumentation
 */
export { type ScormEntry, formatScormTime, scormIdentifier, scormReport } from './cmi.js';
export { scormManifest, type ScormManifestOptions } from './manifest.js';
export { buildCmi5Package, buildScormPackage, type Cmi5PackageOptions, cmi5CourseStructure, SCORM_ATTRIBUTES, scormSlug, type ScormPackageOptions } from './package.js';
export { decodeSuspendData, encodeSuspendData, SCORM12_SUSPEND_DATA_MAX, type SuspendDataOptions } from './suspend-data.js';
export { createZip, type ZipEntry, type ZipOptions } from './zip.js';
export type { ValidationIssue } from '../errors.js';
export { JaugeValidationError } from '../errors.js';
