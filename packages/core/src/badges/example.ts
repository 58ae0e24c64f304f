import { createAssessment } from '../cat/assessment.js';
import { framework, items } from '../reference/index.js';
import type { AssessmentResult } from '../scoring/result.js';

/** A simulated result on the reference content: every item skipped ("je ne sais pas"). For tests and the docs. */
export function skippedEverywhereResult(seed = 1): AssessmentResult {
  const assessment = createAssessment({ framework, items, seed });
  for (let item = assessment.nextItem(); item; item = assessment.nextItem()) assessment.skip(item.id);
  return assessment.result();
}
