/**
 * `@jauge/widget/xapi`: sending xAPI statements to a Learning Record Store from the browser,
 * with batching, retry with back-off and an offline queue in storage. `<jauge-assessment>` loads
 * this code on its own when its `lrs` property is set; import it directly to send statements of
 * your own (for instance built with `@jauge/core/xapi`) with the same guarantees.
 *
 * @packageDocumentation
 */
export { LrsClient } from './lrs-client.js';
export type { LrsClientEnvironment, LrsClientOptions, LrsStatus, XapiVersion } from './lrs-client.js';
export { checkLrsOptions } from './connect.js';
export type { LrsOptions } from './connect.js';
export { storageFor } from '../internal/storage.js';
export type { JaugeStore, SafeStorage } from '../internal/storage.js';
