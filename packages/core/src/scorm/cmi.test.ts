// The root entry: its types match its ESM build (the scorm12 subpath's types declare a default export its ESM build lacks).
import { Scorm12API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/issues.js';
import { type Assessment, createAssessment } from '../cat/assessment.js';
import { framework, items } from '../reference/index.js';
import { formatScormTime, scormIdentifier, scormReport } from './cmi.js';
import { encodeSuspendData } from './suspend-data.js';

/** Every third scored item skipped, the others answered with their first option (or a wrong text). */
function play(assessment: Assessment, steps = Infinity): Assessment {
  let n = 0;
  for (let item = assessment.nextItem(); item && n < steps; item = assessment.nextItem(), n++) {
    if (item.type === 'self-rating') assessment.answer(item.id, item.scale![n % item.scale!.length]!.id);
    else if (n % 3 === 2) assessment.skip(item.id);
    else if (item.type === 'short-text') assessment.answer(item.id, 'une réponse libre très personnelle');
    else if (item.type === 'multiple-choice') assessment.answer(item.id, [item.options![0]!.id]);
    else if (item.type === 'ordering') assessment.answer(item.id, item.options!.map((o) => o.id));
    else assessment.answer(item.id, item.options![0]!.id);
  }
  return assessment;
}

const STRICT_IDENTIFIER = /^[\u0021-\u007e]{1,255}$/;

describe('scormReport', () => {
  const assessment = play(createAssessment({ framework, items, seed: 11 }));
  const result = assessment.result();
  const entries = scormReport(result, framework);

  it('writes the score, the status, then objectives, then interactions', () => {
    expect(result.complete).toBe(true);
    expect(entries.slice(0, 4)).toEqual([
      { element: 'cmi.core.score.min', value: '0' },
      { element: 'cmi.core.score.max', value: '100' },
      { element: 'cmi.core.score.raw', value: String((100 * result.overall.level) / 8) },
      { element: 'cmi.core.lesson_status', value: 'completed' },
    ]);
    const objectives = result.domains.length + result.competences.length;
    const interactions = result.answered.length + result.domains.length;
    expect(entries).toHaveLength(4 + 5 * objectives + 4 * interactions);
    expect(entries.slice(4, 9)).toEqual([
      { element: 'cmi.objectives.0.id', value: `domain.${result.domains[0]!.id}` },
      { element: 'cmi.objectives.0.score.min', value: '1' },
      { element: 'cmi.objectives.0.score.max', value: '8' },
      { element: 'cmi.objectives.0.score.raw', value: String(result.domains[0]!.level) },
      { element: 'cmi.objectives.0.status', value: 'completed' },
    ]);
    const ids = entries.filter((e) => /^cmi\.objectives\.\d+\.id$/.test(e.element)).map((e) => e.value);
    expect(ids).toEqual([...result.domains.map((d) => `domain.${d.id}`), ...result.competences.map((c) => `competence.${c.id}`)]);
    const first = result.answered[0]!;
    const at = 4 + 5 * objectives;
    expect(entries.slice(at, at + 4)).toEqual([
      { element: 'cmi.interactions.0.id', value: first.itemId },
      { element: 'cmi.interactions.0.type', value: first.type === 'self-rating' ? 'likert' : expect.any(String) },
      { element: 'cmi.interactions.0.result', value: first.type === 'self-rating' ? 'neutral' : expect.any(String) },
      { element: 'cmi.interactions.0.objectives.0.id', value: `domain.${first.domain}` },
    ]);
  });

  it('maps types and outcomes of every answered item, and writes no response nor anything personal', () => {
    const types: Record<string, string> = { 'single-choice': 'choice', 'multiple-choice': 'choice', ordering: 'sequencing', 'short-text': 'fill-in', 'self-rating': 'likert' };
    const outcomes: Record<string, string> = { correct: 'correct', incorrect: 'wrong', skipped: 'wrong', rated: 'neutral' };
    const value = (element: string) => entries.find((e) => e.element === element)?.value;
    result.answered.forEach((item, n) => {
      expect(value(`cmi.interactions.${n}.type`)).toBe(types[item.type]);
      expect(value(`cmi.interactions.${n}.result`)).toBe(outcomes[item.outcome]);
    });
    result.domains.forEach((domain, k) => {
      const n = result.answered.length + k;
      expect([value(`cmi.interactions.${n}.id`), value(`cmi.interactions.${n}.type`), value(`cmi.interactions.${n}.result`), value(`cmi.interactions.${n}.objectives.0.id`)]).toEqual([`level.${domain.id}`, 'numeric', String(domain.level), `domain.${domain.id}`]);
    });
    expect(new Set(result.answered.map((a) => a.outcome))).toEqual(new Set(['correct', 'incorrect', 'skipped', 'rated']));
    expect(new Set(result.answered.map((a) => a.type)).size).toBeGreaterThanOrEqual(4);
    expect(entries.some((e) => /student|response|comments|suspend/.test(e.element))).toBe(false);
    expect(JSON.stringify(entries)).not.toContain('réponse libre');
    for (const entry of entries.filter((e) => e.element.endsWith('.id'))) expect(entry.value).toMatch(STRICT_IDENTIFIER);
  });

  it('scores 100 × level / 8 and reports an unfinished test as incomplete', () => {
    const raws = [1, 2, 3, 4, 5, 6, 7, 8].map((level) => scormReport({ ...result, overall: { ...result.overall, level } }, framework)[2]!.value);
    expect(raws).toEqual(['12.5', '25', '37.5', '50', '62.5', '75', '87.5', '100']);
    const paused = play(createAssessment({ framework, items, seed: 3 }), 5).result();
    expect(paused.complete).toBe(false);
    expect(scormReport(paused)[3]).toEqual({ element: 'cmi.core.lesson_status', value: 'incomplete' });
  });

  it('refuses a framework other than the result’s', () => {
    expect(issuesOf(() => scormReport(result, { ...framework, version: '2.0.0' }))).toEqual([
      { path: 'framework', message: `expected the framework of the result ("${framework.id}" ${framework.version}), found "${framework.id}" 2.0.0` },
    ]);
  });

  it('is accepted whole by a SCORM 1.2 run-time (scorm-again), which reads back what 1.2 lets a SCO read', () => {
    const api = new Scorm12API({ logLevel: 5 });
    expect(api.LMSInitialize('')).toBe('true');
    for (const { element, value } of entries) {
      expect(api.LMSSetValue(element, value), `${element} = ${value}`).toBe('true');
      expect(api.LMSGetLastError(), element).toBe('0');
    }
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe(String((100 * result.overall.level) / 8));
    expect(api.LMSGetValue('cmi.core.score.min')).toBe('0');
    expect(api.LMSGetValue('cmi.core.score.max')).toBe('100');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('completed');
    expect(api.LMSGetValue('cmi.objectives._count')).toBe(String(result.domains.length + result.competences.length));
    result.competences.forEach((competence, i) => {
      const n = result.domains.length + i;
      expect(api.LMSGetValue(`cmi.objectives.${n}.id`)).toBe(`competence.${competence.id}`);
      expect(api.LMSGetValue(`cmi.objectives.${n}.score.raw`)).toBe(String(competence.level));
      expect(api.LMSGetValue(`cmi.objectives.${n}.status`)).toBe('completed');
    });
    expect(api.LMSGetValue('cmi.interactions._count')).toBe(String(result.answered.length + result.domains.length));
    // Interactions are write-only in SCORM 1.2: error 404.
    expect(api.LMSGetValue('cmi.interactions.0.id')).toBe('');
    expect(api.LMSGetLastError()).toBe('404');

    const suspend = encodeSuspendData(assessment.toJSON());
    expect(api.LMSSetValue('cmi.suspend_data', suspend)).toBe('true');
    expect(api.LMSGetLastError()).toBe('0');
    expect(api.LMSGetValue('cmi.suspend_data')).toBe(suspend);
    expect(api.LMSSetValue('cmi.core.session_time', formatScormTime(754_321))).toBe('true');
    expect(api.LMSSetValue('cmi.core.exit', '')).toBe('true');
    expect(api.LMSCommit('')).toBe('true');
    expect(api.LMSFinish('')).toBe('true');
    expect(api.LMSGetLastError()).toBe('0');
  });

  it('fits the SCORM 1.2 CMIString4096 limit, which scorm-again enforces on cmi.comments', () => {
    // scorm-again 3.4.3 deliberately lets cmi.suspend_data hold 64,000 characters (see its
    // CMIString64000 note), more than SCORM 1.2 allows and more than strict LMSs keep: the
    // limit of the specification is shown on cmi.comments, of the same CMIString4096 type.
    const api = new Scorm12API({ logLevel: 5 });
    api.LMSInitialize('');
    expect(api.LMSSetValue('cmi.suspend_data', 'x'.repeat(4097))).toBe('true');
    expect(api.LMSSetValue('cmi.comments', 'x'.repeat(4096))).toBe('true');
    expect(api.LMSSetValue('cmi.comments', 'x'.repeat(4097))).toBe('false');
    expect(api.LMSGetLastError()).toBe('405');
  });
});

describe('scormIdentifier', () => {
  it('percent-encodes what a CMIIdentifier cannot hold, and % itself', () => {
    expect(scormIdentifier('domain.cybersecurite')).toBe('domain.cybersecurite');
    expect(scormIdentifier('a b%é\t😀')).toBe('a%20b%25%C3%A9%09%F0%9F%98%80');
  });

  it('keeps long ids within 255 characters and distinct', () => {
    const a = scormIdentifier(`competence.${'é'.repeat(120)}`);
    const b = scormIdentifier(`competence.${'é'.repeat(119)}e`);
    expect(a).toMatch(STRICT_IDENTIFIER);
    expect(a).toHaveLength(255);
    expect(a).not.toBe(b);
  });
});

describe('formatScormTime', () => {
  it('writes HHHH:MM:SS.SS to the hundredth, carrying rounded values', () => {
    expect(formatScormTime(0)).toBe('0000:00:00.00');
    expect(formatScormTime(1234)).toBe('0000:00:01.23');
    expect(formatScormTime(3_723_456)).toBe('0001:02:03.46');
    expect(formatScormTime(59_995)).toBe('0000:01:00.00');
    expect(formatScormTime(3_599_999)).toBe('0001:00:00.00');
    expect(formatScormTime(9999 * 3_600_000)).toBe('9999:00:00.00');
  });

  it('caps at 9999 hours and refuses negative or non-finite durations', () => {
    expect(formatScormTime(10_000 * 3_600_000)).toBe('9999:59:59.99');
    expect(formatScormTime(Number.MAX_VALUE)).toBe('9999:59:59.99');
    expect(issuesOf(() => formatScormTime(-1))).toEqual([{ path: 'ms', message: 'expected a duration ≥ 0 in milliseconds, found the number -1' }]);
    expect(issuesOf(() => formatScormTime(Number.NaN))).toEqual([{ path: 'ms', message: 'expected a duration ≥ 0 in milliseconds, found NaN' }]);
  });

  it('is accepted by scorm-again as cmi.core.session_time', () => {
    const api = new Scorm12API({ logLevel: 5 });
    api.LMSInitialize('');
    for (const ms of [0, 1234, 3_723_456, 10_000 * 3_600_000]) expect(api.LMSSetValue('cmi.core.session_time', formatScormTime(ms))).toBe('true');
  });
});
