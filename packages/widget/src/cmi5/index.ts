/**
 * `@jauge/widget/cmi5`: runs `<jauge-assessment>` as a cmi5 Assignable Unit launched by an LMS
 * (launch parameters, one-time token, `LMS.LaunchData`, then `initialized`, the assessment's
 * statements, `completed` and `terminated` through the same queue as the `lrs` property). The
 * CDN build is `dist/cdn/cmi5/jauge-cmi5.js`.
 *
 * @packageDocumentation
 */
export { CMI5_CATEGORY, CMI5_MOVEON_CATEGORY, connectCmi5, isoDuration, readCmi5Launch } from './connect-cmi5.js';
export type { Cmi5Launch, Cmi5LaunchData, Cmi5Session, ConnectCmi5Options } from './connect-cmi5.js';
