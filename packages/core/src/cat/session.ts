import type { ResolvedConfig } from './config.js';
import type { StopReason } from './strategies.js';

/** Version of the snapshot format written by `Assessment.toJSON()`. */
export const SNAPSHOT_VERSION = 1;

/** One step of the test's history. Raw responses are kept so that a restore re-scores them. */
export type SessionEntry =
  | { itemId: string; kind: 'answer'; response: string | string[]; correct: boolean }
  | { itemId: string; kind: 'skip' }
  | { itemId: string; kind: 'self-rating'; response: string };

/** The item currently presented and the order in which its options were shown. */
export interface PendingItem {
  itemId: string;
  kind: 'scored' | 'self-rating';
  optionOrder?: string[];
  /** For a self-rating item: the scored item selected, presented right after the rating. */
  then?: { itemId: string; optionOrder?: string[] };
}

/**
 * The whole state of an assessment as plain JSON data: what it was built on, how it is configured,
 * its seed, its history and the item being presented. Everything else (the posterior, the random
 * generator's position) is derived by replaying it, which is also how a snapshot is verified.
 */
export interface SessionState {
  format: 'jauge-assessment';
  version: typeof SNAPSHOT_VERSION;
  framework: { id: string; version: string };
  bank: { id: string; version: string; fingerprint: string };
  config: ResolvedConfig;
  seed: number;
  log: SessionEntry[];
  pending: PendingItem | null;
  stopReason: StopReason | null;
}

/** A snapshot: the session state plus a checksum of it (detects corruption and naive edits). */
export type AssessmentSnapshot = SessionState & { checksum: string };

/** The typed actions that change a session (the engine's reducer applies them). */
export type SessionAction =
  | { type: 'present'; pending: PendingItem }
  | { type: 'answer'; itemId: string; response: string | string[]; correct: boolean }
  | { type: 'skip'; itemId: string }
  | { type: 'rate'; itemId: string; response: string }
  | { type: 'stop'; reason: StopReason };

/** After a self-rating item, the scored item selected with it; otherwise nothing (the engine selects). */
function following(pending: PendingItem | null): PendingItem | null {
  const then = pending?.kind === 'self-rating' ? pending.then : undefined;
  return then ? { itemId: then.itemId, kind: 'scored', ...(then.optionOrder ? { optionOrder: then.optionOrder } : {}) } : null;
}

/** The reducer: a pure function from a state and an action to the next state. */
export function reduce(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'present':
      return { ...state, pending: action.pending };
    case 'answer':
      return { ...state, pending: null, log: [...state.log, { itemId: action.itemId, kind: 'answer', response: action.response, correct: action.correct }] };
    case 'skip':
      return { ...state, pending: following(state.pending), log: [...state.log, { itemId: action.itemId, kind: 'skip' }] };
    case 'rate':
      return { ...state, pending: following(state.pending), log: [...state.log, { itemId: action.itemId, kind: 'self-rating', response: action.response }] };
    case 'stop':
      return { ...state, pending: null, stopReason: action.reason };
  }
}

/** Deterministic JSON (sorted keys) so that the checksum does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
