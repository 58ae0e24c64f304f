// An independent check of the statements: Learning Locker's own validator (MIT, the one its LRS
// runs), which implements xAPI 1.0.3. The statements use no 2.0-only feature, so with
// `version: "1.0.3"` (what the widget sends to a 1.0.3 LRS) they must pass it unchanged.
import { describe, expect, it } from 'vitest';
import llValidate from '@learninglocker/xapi-validation';
import { createAssessment } from '../cat/assessment.js';
import { framework, items } from '../reference/index.js';
import { answerAll } from '../../test/answer-all.js';
import { xapiStatements } from './statements.js';
import { validateStatement } from './validate.js';

const validate = (llValidate as { default?: unknown }).default ?? llValidate;
const warnings = (statement: unknown): string[] =>
  (validate as (data: unknown) => { path: string[]; constructor: { name: string } }[])(statement).map((w) => `${w.path.join('.')}: ${w.constructor.name}`);

function statementsFor(seed: number) {
  const assessment = answerAll(createAssessment({ framework, items, seed }), { ratingStep: 1, skipEvery: 4, text: 'texte', choice: 1, reverseOrder: true });
  return xapiStatements(assessment.result(), {
    actor: { account: { homePage: 'https://intranet.example.gouv.fr', name: `pseudo-${seed}` } },
    activityBase: 'https://intranet.example.gouv.fr/jauge',
    registration: '0f8fad5b-d9cb-469f-a165-70867728950e',
    timestamp: '2026-03-02T10:15:00+01:00',
    framework,
  });
}

describe("Learning Locker's xAPI validator (independent reference)", () => {
  it('accepts every statement of several full assessments, as sent to a 1.0.3 LRS', () => {
    let count = 0;
    for (const seed of [1, 2, 3]) {
      for (const statement of statementsFor(seed)) {
        expect(warnings({ ...statement, version: '1.0.3' }), statement.id).toEqual([]);
        count++;
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('agrees with validateStatement on broken statements', () => {
    const good = { ...statementsFor(4)[0]!, version: '1.0.3' } as Record<string, unknown>;
    const broken: Record<string, unknown>[] = [
      { ...good, id: 'not-a-uuid' },
      { ...good, verb: { id: 'not an iri', display: { 'fr-FR': 'a tenté' } } },
      { ...good, actor: { objectType: 'Agent', account: { homePage: 'intranet', name: 'p' } } },
      { ...good, timestamp: 'yesterday' },
      { ...good, result: { score: { scaled: 1.5 } } },
      { ...good, object: { objectType: 'Activity', id: 'relative/path' } },
      { ...good, context: { registration: 'nope', contextActivities: {} } },
    ];
    for (const statement of broken) {
      expect(warnings(statement).length, JSON.stringify(statement).slice(0, 120)).toBeGreaterThan(0);
      expect(validateStatement(statement).length, JSON.stringify(statement).slice(0, 120)).toBeGreaterThan(0);
    }
  });
});
