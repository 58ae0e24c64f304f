import { fnv1a } from '../cat/item-pool.js';
import { JaugeValidationError } from '../errors.js';
import type { Framework } from '../framework/framework.schema.js';
import { describeValue } from '../framework/issues.js';
import type { AnsweredItem, AssessmentResult } from '../scoring/result.js';

/** One value of the SCORM 1.2 data model to set with `LMSSetValue(element, value)`. */
export interface ScormEntry {
  element: string;
  value: string;
}

const INTERACTION_TYPES: Record<AnsweredItem['type'], string> = {
  'single-choice': 'choice',
  'multiple-choice': 'choice',
  ordering: 'sequencing',
  'short-text': 'fill-in',
  'self-rating': 'likert',
};

const INTERACTION_RESULTS: Record<AnsweredItem['outcome'], string> = {
  correct: 'correct',
  incorrect: 'wrong',
  skipped: 'wrong',
  rated: 'neutral',
};

const MAX_IDENTIFIER = 255;

const utf8 = new TextEncoder();

/**
 * A SCORM 1.2 CMIIdentifier (printable ASCII without spaces, at most 255 characters) made of a
 * content id: every character outside `!`–`~`, and `%` itself, is percent-encoded (UTF-8 bytes);
 * a longer one is cut and ends with `~` and a hash of the whole, so that it stays unique.
 */
export function scormIdentifier(id: string): string {
  const encoded = id.replace(/[^\u0021-\u0024\u0026-\u007e]/gu, (char) => [...utf8.encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
  return encoded.length <= MAX_IDENTIFIER ? encoded : `${encoded.slice(0, MAX_IDENTIFIER - 9)}~${fnv1a(encoded)}`;
}

/** A number written as SCORM's CMIDecimal (no exponent). */
const decimal = (value: number): string => String(Math.round(value * 10) / 10);

/**
 * The SCORM 1.2 data model values of an assessment result, to set in this order with
 * `LMSSetValue` (then `LMSCommit`):
 *
 * - `cmi.core.score.min` `0`, `.max` `100` and `.raw` = 100 × overall level / 8, to one
 *   decimal (level 8 gives 100, level 1 gives 12.5);
 * - `cmi.core.lesson_status`: `completed` once the test is complete, `incomplete` before (a
 *   self-assessment has no pass mark: never `passed` or `failed`);
 * - one objective per domain in scope then per competence (`cmi.objectives.n.id` =
 *   `domain.<id>` / `competence.<id>`, score = the level on the 1–8 scale, status `completed`);
 * - one interaction per answered item (`id`, `type`: choice, sequencing, fill-in or likert,
 *   `result`: correct, wrong — for an incorrect or skipped item — or neutral for a self-rating,
 *   and the domain's objective id), then one per domain (`level.<id>`, type `numeric`, `result`
 *   = the level 1–8, the domain's objective id).
 *
 * Identifiers are {@link scormIdentifier}s. Nothing identifies the agent and no response is
 * written (`student_response` is left out). Interactions are write-only in SCORM 1.2: an LMS
 * keeps them, a SCO cannot read them back.
 *
 * @param framework - The framework of the result, when at hand: it is checked against the
 * result's (id and version), so that objectives are never reported under another framework.
 * @throws {@link JaugeValidationError} when the result was not made with this framework.
 */
export function scormReport(result: AssessmentResult, framework?: Framework): ScormEntry[] {
  if (framework !== undefined && (result.framework.id !== framework?.id || result.framework.version !== framework.version)) {
    throw new JaugeValidationError('SCORM report', [
      { path: 'framework', message: `expected the framework of the result ("${result.framework.id}" ${result.framework.version}), found "${String(framework?.id)}" ${String(framework?.version)}` },
    ]);
  }
  const entries: ScormEntry[] = [];
  const set = (element: string, value: string) => entries.push({ element, value });
  set('cmi.core.score.min', '0');
  set('cmi.core.score.max', '100');
  set('cmi.core.score.raw', decimal((100 * result.overall.level) / 8));
  set('cmi.core.lesson_status', result.complete ? 'completed' : 'incomplete');
  const objectives = [
    ...result.domains.map((domain) => ({ id: scormIdentifier(`domain.${domain.id}`), level: domain.level })),
    ...result.competences.map((competence) => ({ id: scormIdentifier(`competence.${competence.id}`), level: competence.level })),
  ];
  objectives.forEach((objective, n) => {
    set(`cmi.objectives.${n}.id`, objective.id);
    set(`cmi.objectives.${n}.score.min`, '1');
    set(`cmi.objectives.${n}.score.max`, '8');
    set(`cmi.objectives.${n}.score.raw`, String(objective.level));
    set(`cmi.objectives.${n}.status`, 'completed');
  });
  result.answered.forEach((item, n) => {
    set(`cmi.interactions.${n}.id`, scormIdentifier(item.itemId));
    set(`cmi.interactions.${n}.type`, INTERACTION_TYPES[item.type]);
    set(`cmi.interactions.${n}.result`, INTERACTION_RESULTS[item.outcome]);
    set(`cmi.interactions.${n}.objectives.0.id`, scormIdentifier(`domain.${item.domain}`));
  });
  // The domain levels again, as numeric interactions: LMS reports that list interactions but not
  // objectives (Moodle's "Interactions report") show them too.
  result.domains.forEach((domain, k) => {
    const n = result.answered.length + k;
    set(`cmi.interactions.${n}.id`, scormIdentifier(`level.${domain.id}`));
    set(`cmi.interactions.${n}.type`, 'numeric');
    set(`cmi.interactions.${n}.result`, String(domain.level));
    set(`cmi.interactions.${n}.objectives.0.id`, scormIdentifier(`domain.${domain.id}`));
  });
  return entries;
}

const MAX_CENTISECONDS = (9999 * 3600 + 59 * 60 + 59) * 100 + 99;

/**
 * A duration in milliseconds as a SCORM 1.2 CMITimespan, `HHHH:MM:SS.SS` (for
 * `cmi.core.session_time`), to the hundredth of a second; from 9,999 hours on, `9999:59:59.99`.
 *
 * @throws {@link JaugeValidationError} for a negative or non-finite duration.
 */
export function formatScormTime(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new JaugeValidationError('duration', [{ path: 'ms', message: `expected a duration ≥ 0 in milliseconds, found ${describeValue(ms)}` }]);
  const total = Math.min(MAX_CENTISECONDS, Math.round(ms / 10));
  const hours = Math.floor(total / 360_000);
  const minutes = Math.floor((total % 360_000) / 6000);
  const seconds = Math.floor((total % 6000) / 100);
  const hundredths = total % 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(hours).padStart(4, '0')}:${two(minutes)}:${two(seconds)}.${two(hundredths)}`;
}
