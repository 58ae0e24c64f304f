/** CDN flavour of `load.ts`: the sender is its own file next to jauge.js (built from connect.ts). */
export function loadLrsModule(): Promise<typeof import('./connect.js')> {
  return import(/* @vite-ignore */ new URL('./xapi/jauge-xapi.js', import.meta.url).href) as Promise<typeof import('./connect.js')>;
}
