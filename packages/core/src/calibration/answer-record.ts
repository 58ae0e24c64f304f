import type { AssessmentResult } from '../scoring/result.js';

/**
 * One agent's scored answers, as one line of an answers file (JSON lines):
 *
 * ```json
 * {"agent":"a8f3…","group":"A","responses":[{"item":"cyb-001","correct":true},{"item":"cyb-014","correct":false}]}
 * ```
 *
 * `agent` is a pseudonymous id (never a name or an e-mail address), `group` an optional label
 * for differential item functioning (e.g. a direction or an age band). A "Je ne sais pas" (skip)
 * is recorded as `correct: false`, as the adaptive engine scores it. Fields other than these are
 * ignored, so an export may carry more.
 */
export interface AnswerRecord {
  /** Pseudonymous id of the agent, unique in the file. */
  agent: string;
  /** Optional group label, compared by the differential item functioning analysis. */
  group?: string;
  /** The agent's scored answers, each item at most once. */
  responses: AnswerRecordResponse[];
}

/** One scored answer of an {@link AnswerRecord}. */
export interface AnswerRecordResponse {
  /** Id of a scored item of the bank. */
  item: string;
  /** Whether the answer was correct; a skip ("Je ne sais pas") is `false`. */
  correct: boolean;
}

/**
 * The answer record of one finished (or partial) assessment: every scored item presented, correct
 * or not, skips counted as incorrect (as the engine does); self-ratings are left out.
 *
 * @param result - the assessment result (`assessment.result()`).
 * @param agent - a pseudonymous id for the agent.
 * @param group - an optional group label for DIF analysis.
 */
export function answerRecordFromResult(result: AssessmentResult, agent: string, group?: string): AnswerRecord {
  const responses: AnswerRecordResponse[] = [];
  for (const answered of result.answered) {
    if (answered.outcome === 'rated') continue;
    responses.push({ item: answered.itemId, correct: answered.outcome === 'correct' });
  }
  return group === undefined ? { agent, responses } : { agent, group, responses };
}
