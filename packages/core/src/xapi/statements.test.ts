import { describe, expect, it } from 'vitest';
import { createAssessment } from '../cat/assessment.js';
import { JaugeValidationError } from '../errors.js';
import { framework, items } from '../reference/index.js';
import { answerAll } from '../../test/answer-all.js';
import { type Statement, XAPI_RESULT_EXTENSIONS, XAPI_VERBS, xapiStatements, type XapiStatementsOptions } from './statements.js';
import { isUuid } from './uuid.js';
import { validateStatement } from './validate.js';

/** A reference assessment answered deterministically: every third scored item skipped, others the first option. */
function finishedResult() {
  return answerAll(createAssessment({ framework, items, seed: 11 }), { ratingStep: 2, skipEvery: 3, skipOffset: 2, text: 'réponse libre secrète' }).result();
}

const options: XapiStatementsOptions = {
  actor: { account: { homePage: 'https://intranet.example.gouv.fr', name: 'pseudo-7f3a9c' } },
  activityBase: 'https://intranet.example.gouv.fr/jauge',
  registration: '0f8fad5b-d9cb-469f-a165-70867728950e',
  timestamp: '2026-03-02T10:15:00+01:00',
  framework,
};

describe('xapiStatements', () => {
  const result = finishedResult();
  const statements = xapiStatements(result, options);

  it('writes 1 attempted, 1 answered per scored item, 1 completed per domain and per competence, all valid', () => {
    const scored = result.answered.filter((a) => a.outcome !== 'rated');
    expect(scored.length).toBeGreaterThan(5);
    expect(result.counts.skipped).toBeGreaterThan(0);
    expect(statements).toHaveLength(1 + scored.length + result.domains.length + result.competences.length);
    expect(statements.filter((s) => s.verb.id === XAPI_VERBS.attempted)).toHaveLength(1);
    expect(statements.filter((s) => s.verb.id === XAPI_VERBS.answered)).toHaveLength(scored.length);
    expect(statements.filter((s) => s.verb.id === XAPI_VERBS.completed)).toHaveLength(result.domains.length + result.competences.length);
    for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    expect(statements.every((s) => isUuid(s.id) && s.version === '2.0.0' && s.context.registration === options.registration)).toBe(true);
  });

  it('maps items to cmi.interaction activities, flags skips and never writes a response', () => {
    const answered = statements.filter((s) => s.verb.id === XAPI_VERBS.answered);
    const types = new Set(answered.map((s) => s.object.definition?.interactionType));
    expect([...types].every((t) => t === 'choice' || t === 'sequencing' || t === 'fill-in')).toBe(true);
    const skipped = answered.filter((s) => s.result?.extensions?.[XAPI_RESULT_EXTENSIONS.skipped] === true);
    expect(skipped).toHaveLength(result.counts.skipped);
    expect(skipped.every((s) => s.result?.success === false)).toBe(true);
    expect(answered.filter((s) => s.result?.success).length).toBe(result.counts.correct);
    expect(answered.every((s) => s.result !== undefined && !('response' in s.result))).toBe(true);
    expect(answered[0]!.context.contextActivities.parent![0]!.id).toBe(statements[0]!.object.id);
  });

  it('reports each domain level as score.scaled = level / 8 with level, levelSe, θ and SE, under competence/domain ids', () => {
    const completed = statements.filter((s) => s.verb.id === XAPI_VERBS.completed).slice(0, result.domains.length);
    completed.forEach((statement, i) => {
      const domain = result.domains[i]!;
      expect(statement.object.id).toBe(`${options.activityBase}/domains/${domain.id}`);
      expect(statement.result?.score?.scaled).toBe(domain.level / 8);
      expect(statement.result?.extensions).toEqual({
        [XAPI_RESULT_EXTENSIONS.level]: domain.level,
        [XAPI_RESULT_EXTENSIONS.levelSe]: domain.levelSe,
        [XAPI_RESULT_EXTENSIONS.theta]: domain.theta,
        [XAPI_RESULT_EXTENSIONS.se]: domain.se,
      });
      const competenceIds = result.competences.filter((c) => c.domain === domain.id).map((c) => `${options.activityBase}/competences/${c.id}`);
      expect(statement.context.contextActivities.grouping!.map((a) => a.id)).toEqual(competenceIds);
      expect(statement.context.contextActivities.category[0]!.id).toBe('https://jauge-num.github.io/jauge/xapi/profile');
    });
  });

  it('reports each competence level, with the number of its items answered, grouped under its domain', () => {
    const completed = statements.filter((s) => s.verb.id === XAPI_VERBS.completed).slice(result.domains.length);
    expect(completed.map((s) => s.object.id)).toEqual(result.competences.map((c) => `${options.activityBase}/competences/${encodeURIComponent(c.id)}`));
    completed.forEach((statement, i) => {
      const competence = result.competences[i]!;
      expect(statement.object.definition).toEqual({ type: 'http://adlnet.gov/expapi/activities/objective', name: { 'fr-FR': competence.title } });
      expect(statement.result).toEqual({
        completion: true,
        score: { scaled: competence.level / 8 },
        extensions: {
          [XAPI_RESULT_EXTENSIONS.level]: competence.level,
          [XAPI_RESULT_EXTENSIONS.levelSe]: competence.levelSe,
          [XAPI_RESULT_EXTENSIONS.theta]: competence.theta,
          [XAPI_RESULT_EXTENSIONS.se]: competence.se,
          [XAPI_RESULT_EXTENSIONS.itemsAnswered]: competence.answered,
        },
      });
      expect(statement.context.contextActivities.grouping!.map((a) => a.id)).toEqual([`${options.activityBase}/domains/${competence.domain}`]);
    });
    // Competences without any item answered are reported too (their level comes from the domain).
    expect(result.competences.some((c) => c.answered === 0)).toBe(true);
  });

  it('holds no name, e-mail or response text', () => {
    const json = JSON.stringify(statements);
    expect(json).not.toContain('réponse libre secrète');
    expect(json).not.toMatch(/"(mbox|mbox_sha1sum|openid|response)"/);
    expect(json).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(statements.every((s) => Object.keys(s.actor).sort().join() === 'account,objectType')).toBe(true);
    // Item content (stems, explanations) is not copied either.
    for (const item of result.answered) expect(json).not.toContain(item.stem);
  });

  it('is deterministic: the same input gives the same statements; another registration, other ids', () => {
    expect(xapiStatements(result, options)).toEqual(statements);
    const other = xapiStatements(result, { ...options, registration: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
    expect(other.map((s) => s.id).filter((id) => statements.some((s) => s.id === id))).toEqual([]);
  });

  it('refuses a name, an e-mail and malformed options', () => {
    const bad = { ...options, actor: { name: 'Marie Curie', mbox: 'mailto:marie@example.fr', account: { homePage: 'intranet', name: 'x' } }, registration: 'r-1', timestamp: '2026-03-02 10:15' };
    let error: unknown;
    try {
      xapiStatements(result, bad as unknown as XapiStatementsOptions);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JaugeValidationError);
    expect((error as JaugeValidationError).issues).toEqual([
      { path: 'actor.name', message: "expected only a pseudonymous account, found a person's name (Jauge never writes names or e-mails)" },
      { path: 'actor.mbox', message: 'expected only a pseudonymous account, found an e-mail (Jauge never writes names or e-mails)' },
      { path: 'actor.account.homePage', message: 'expected an http(s) IRL, found the string "intranet"' },
      { path: 'registration', message: 'expected a UUID, found the string "r-1"' },
      { path: 'timestamp', message: 'expected an ISO 8601 date-time with timezone, found the string "2026-03-02 10:15"' },
    ]);
  });
});

describe('validateStatement', () => {
  const valid: Statement = xapiStatements(finishedResult(), options)[0]!;
  const broken = (change: (s: Record<string, any>) => void) => {
    const copy = structuredClone(valid) as unknown as Record<string, any>;
    change(copy);
    return validateStatement(copy);
  };

  it('accepts a generated statement', () => {
    expect(validateStatement(valid)).toEqual([]);
  });

  it('catches hand-broken statements with exact messages', () => {
    expect(broken((s) => delete s['verb'])).toEqual([{ path: 'verb', message: 'expected a verb, found nothing (the field is missing)' }]);
    expect(broken((s) => (s['actor'].mbox = 'mailto:agent@example.fr'))).toEqual([
      { path: 'actor', message: 'expected exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account), found 2 (mbox, account)' },
    ]);
    expect(broken((s) => (s['actor'].account.homePage = 'intranet.example.gouv.fr'))).toEqual([
      { path: 'actor.account.homePage', message: 'expected an IRL (http or https), found the string "intranet.example.gouv.fr"' },
    ]);
    expect(broken((s) => (s['verb'] = { id: 'attempted', display: { 'en US': 'attempted' } }))).toEqual([
      { path: 'verb.id', message: 'expected an IRI, found the string "attempted"' },
      { path: 'verb.display["en US"]', message: 'expected an RFC 5646 language tag as key, found "en US"' },
    ]);
    expect(broken((s) => (s['result'].score.scaled = 1.25))).toEqual([{ path: 'result.score.scaled', message: 'expected a number between -1 and 1, found 1.25' }]);
    expect(broken((s) => (s['timestamp'] = '2026-03-02T10:15:00'))).toEqual([
      { path: 'timestamp', message: 'expected an ISO 8601 date-time with timezone, found the string "2026-03-02T10:15:00"' },
    ]);
    expect(
      broken((s) => {
        s['id'] = '1234';
        s['context'].registration = 'not-a-uuid';
        s['object'].id = 'no iri';
        s['learner'] = 'x';
      }),
    ).toEqual([
      { path: 'learner', message: 'expected no such property in a statement' },
      { path: 'id', message: 'expected a UUID, found the string "1234"' },
      { path: 'object.id', message: 'expected an IRI, found the string "no iri"' },
      { path: 'context.registration', message: 'expected a UUID, found the string "not-a-uuid"' },
    ]);
    expect(validateStatement({ actor: { objectType: 'Agent', account: { homePage: 'https://x.fr', name: 'p' } } })).toEqual([
      { path: 'verb', message: 'expected a verb, found nothing (the field is missing)' },
      { path: 'object', message: 'expected an object, found nothing (the field is missing)' },
    ]);
  });
});
