/**
 * Loads the xAPI sender on demand (a dynamic import a bundler splits off). The CDN build swaps this
 * module for `load.cdn.ts`, which loads the self-contained `xapi/jauge-xapi.js` instead, so that
 * the agents' bundle shares no chunk with it.
 */
export function loadLrsModule(): Promise<typeof import('./connect.js')> {
  return import('./connect.js');
}
