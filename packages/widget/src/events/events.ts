import type { AssessmentResult } from '@jauge/core/engine';

/** `jauge-start`: the agent started (or resumed) an assessment. */
export interface JaugeStartDetail {
  resumed: boolean;
  framework: { id: string; version: string };
}

/** `jauge-answer`: the agent answered an item. Never carries the answer key or the response itself. */
export interface JaugeAnswerDetail {
  itemId: string;
  domain: string;
  outcome: 'correct' | 'incorrect' | 'skipped' | 'rated';
  answered: number;
}

/** A recommendation as carried by events (filled once recommendations are computed by core). */
export interface JaugeRecommendationSummary {
  trainingId: string;
  title: string;
  url?: string;
  reasons: string[];
  /** True when a deciding level is close to its threshold given its uncertainty. */
  uncertain: boolean;
}

/** `jauge-complete`: the assessment is over. */
export interface JaugeCompleteDetail {
  result: AssessmentResult;
  recommendations: JaugeRecommendationSummary[];
}

/** The levels shared with the administration: no item-level answer, no identity unless the host set a pseudonymous id. */
export interface SharedResult {
  framework: { id: string; version: string };
  overall: { level: number; levelSe: number };
  domains: { id: string; level: number; levelSe: number }[];
  competences: { id: string; level: number; levelSe: number }[];
}

/** `jauge-share`: the agent asked to send their results to the administration. */
export interface JaugeShareDetail {
  /** Campaign id set by the host (`campaign` attribute). */
  campaign: string;
  /** Group fields set by the host (`group` property: direction, service, role…). */
  group: Record<string, string>;
  /** Pseudonymous id set by the host, if any (`pseudonym` attribute). */
  pseudonym?: string;
  result: SharedResult;
  /** Id of this share in the queue (stable across retries). */
  shareId: string;
  /**
   * Call with the promise of the host's delivery. Until it resolves, the share stays queued in
   * storage and is offered again on the next visit; if it is never called, the share stays queued.
   */
  acknowledge(delivery: Promise<unknown>): void;
}

/** `jauge-error`: something went wrong (invalid content, unreadable save…). */
export interface JaugeErrorDetail {
  code: 'invalid-content' | 'invalid-configuration' | 'corrupted-save';
  message: string;
  issues?: { path: string; message: string }[];
}

/** `jauge-xapi`: what happened to the statements sent to the LRS (only when the `lrs` property is set). */
export type { LrsStatus as JaugeXapiDetail } from '../xapi/lrs-client.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'jauge-start': CustomEvent<JaugeStartDetail>;
    'jauge-answer': CustomEvent<JaugeAnswerDetail>;
    'jauge-complete': CustomEvent<JaugeCompleteDetail>;
    'jauge-share': CustomEvent<JaugeShareDetail>;
    'jauge-error': CustomEvent<JaugeErrorDetail>;
    'jauge-xapi': CustomEvent<import('../xapi/lrs-client.js').LrsStatus>;
  }
}

/** Dispatches a typed, bubbling, composed Jauge event from an element. */
export function emit<K extends 'jauge-start' | 'jauge-answer' | 'jauge-complete' | 'jauge-share' | 'jauge-error' | 'jauge-xapi'>(
  target: EventTarget,
  type: K,
  detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
