/** Where the element keeps its state: `local` (default), `session`, or `none` (memory only). */
export type StorageMode = 'local' | 'session' | 'none';

/**
 * A key–value store the host can give the element instead of Web Storage (same three methods as
 * `localStorage`, which is one): the SCORM adapter keeps the test in `cmi.suspend_data` with one.
 * Methods may throw; the element treats a throwing store like a full one.
 */
export interface JaugeStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A tolerant wrapper over Web Storage: never throws (private mode, quota, disabled storage). */
export interface SafeStorage {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

const memory = new Map<string, string>();

/**
 * The storage for a mode (or the host's store, which wins); falls back to memory when the browser
 * refuses Web Storage.
 */
export function storageFor(mode: string | null | undefined, store?: JaugeStore): SafeStorage {
  let backend: JaugeStore | undefined = store;
  try {
    if (!backend && mode === 'session') backend = globalThis.sessionStorage;
    else if (!backend && mode !== 'none') backend = globalThis.localStorage;
  } catch {
    backend = undefined;
  }
  if (!backend) {
    return {
      get: (key) => memory.get(key) ?? null,
      set: (key, value) => (memory.set(key, value), true),
      remove: (key) => void memory.delete(key),
    };
  }
  const target = backend;
  return {
    get(key) {
      try {
        return target.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        target.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        target.removeItem(key);
      } catch {
        // nothing to do: the entry could not be stored either
      }
    },
  };
}

const SESSION_PREFIX = 'jauge:v1:session:';

/** Storage keys, namespaced by content so that two assessments on one page do not collide. */
export const keys = {
  /** Prefix of every session key (the SCORM adapter recognises them by it). */
  sessionPrefix: SESSION_PREFIX,
  session: (frameworkId: string, bankId: string) => `${SESSION_PREFIX}${frameworkId}:${bankId}`,
  result: (frameworkId: string) => `jauge:v1:result:${frameworkId}`,
  shareQueue: 'jauge:v1:share-queue',
  /** Statements waiting for the LRS at this endpoint (oldest first). */
  xapiQueue: (endpoint: string) => `jauge:v1:xapi-queue:${endpoint}`,
  /** Statements the LRS refused (kept for the host to inspect, never resent). */
  xapiRejected: (endpoint: string) => `jauge:v1:xapi-rejected:${endpoint}`,
};
