/** Where the element keeps its state: `local` (default), `session`, or `none` (memory only). */
export type StorageMode = 'local' | 'session' | 'none';

/** A tolerant wrapper over Web Storage: never throws (private mode, quota, disabled storage). */
export interface SafeStorage {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

const memory = new Map<string, string>();

/** The storage for a mode; falls back to memory when the browser refuses Web Storage. */
export function storageFor(mode: string | null | undefined): SafeStorage {
  let backend: Storage | undefined;
  try {
    if (mode === 'session') backend = globalThis.sessionStorage;
    else if (mode !== 'none') backend = globalThis.localStorage;
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
  const store = backend;
  return {
    get(key) {
      try {
        return store.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        store.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        store.removeItem(key);
      } catch {
        // nothing to do: the entry could not be stored either
      }
    },
  };
}

/** Storage keys, namespaced by content so that two assessments on one page do not collide. */
export const keys = {
  session: (frameworkId: string, bankId: string) => `jauge:v1:session:${frameworkId}:${bankId}`,
  result: (frameworkId: string) => `jauge:v1:result:${frameworkId}`,
  shareQueue: 'jauge:v1:share-queue',
};
