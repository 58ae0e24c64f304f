import { describe, expect, it } from 'vitest';
import { miniFramework } from '../../test/mini-content.js';
import { JaugeValidationError } from '../errors.js';
import type { Catalogue } from '../framework/catalogue.schema.js';
import { parseTargetProfile } from '../framework/parse-target-profile.js';
import type { Rules } from '../framework/rules.schema.js';
import type { TargetProfile } from '../framework/target-profile.schema.js';
import { levelEstimate } from '../scoring/levels.js';
import type { AssessmentResult } from '../scoring/result.js';
import { learningPath } from './learning-path.js';
import { profileStatus } from './profile-status.js';
import { recommend } from './recommend.js';

const framework = miniFramework();
const cuts = { cutPoints: framework.cutPoints };

/** θ in the middle of a level (level L spans [cut(L−1), cut(L))), or shifted by `offset`. */
function theta(level: number, offset = 0.5): number {
  return (level === 1 ? -2.5 : framework.cutPoints[level - 2]!) + offset;
}

function result(levels: Record<string, [level: number, se?: number, offset?: number]>): AssessmentResult {
  const competences = framework.domains.flatMap((d) =>
    d.competences.map((c) => {
      const [level, se = 0.3, offset] = levels[c.id] ?? [3];
      return { id: c.id, title: c.title, domain: d.id, answered: 2, ...levelEstimate(theta(level, offset), se, cuts) };
    }),
  );
  const domains = framework.domains.map((d) => {
    const [level, se = 0.3, offset] = levels[d.id] ?? [3];
    return { id: d.id, title: d.title, answered: 4, correct: 2, skipped: 0, ...levelEstimate(theta(level, offset), se, cuts) };
  });
  return {
    framework: { id: framework.id, version: framework.version },
    bank: { id: 'b', version: '1.0.0' },
    complete: true,
    stopReason: 'max-items',
    overall: levelEstimate(0, 0.2, cuts),
    domains,
    competences,
    answered: [],
    counts: { answered: 12, correct: 6, skipped: 0 },
  };
}

const catalogue: Catalogue = {
  id: 'cat',
  version: '1.0.0',
  lang: 'fr',
  trainings: [
    { id: 'bases', title: 'Les bases', provider: 'ANSSI', url: 'https://cyber.gouv.fr/', format: 'mooc', durationMinutes: 60, levels: { min: 1, max: 3 }, language: 'fr', competences: ['alpha.c1'] },
    { id: 'avance', title: 'Aller plus loin', provider: 'CNIL', url: 'https://www.cnil.fr/', format: 'mooc', durationMinutes: 120, levels: { min: 3, max: 5 }, language: 'fr', competences: ['alpha.c1'] },
    { id: 'beta', title: 'Beta', provider: 'DINUM', format: 'guide', urlNote: 'Sur numerique.gouv.fr', levels: { min: 1, max: 4 }, language: 'fr', competences: ['beta.c1'] },
  ],
};

const rules: Rules = {
  id: 'r',
  version: '1.0.0',
  rules: [
    { id: 'r-bases', training: 'bases', priority: 2, goal: { targets: ['alpha.c1'], below: 3 } },
    { id: 'r-avance', training: 'avance', priority: 3, goal: { targets: ['alpha.c1', 'alpha.c2'], below: 5, match: 'all' }, prerequisite: { targets: ['alpha.c1'], atLeast: 3 } },
    { id: 'r-beta', training: 'beta', priority: 1, goal: { targets: ['beta'], below: 4 }, prerequisite: { targets: ['alpha.c1', 'alpha.c2'], atLeast: 2, match: 'any' } },
  ],
};

const ids = (list: { training: { id: string } }[]) => list.map((r) => r.training.id);

describe('recommend: trigger semantics', () => {
  it('goal "any" holds when one target is below; "all" needs every target below', () => {
    expect(ids(recommend(result({ 'alpha.c1': [2] }), { catalogue, rules }))).toContain('bases');
    // r-avance: goal all (c1 < 5 and c2 < 5) and prerequisite c1 ≥ 3
    expect(ids(recommend(result({ 'alpha.c1': [4], 'alpha.c2': [4] }), { catalogue, rules }))).toContain('avance');
    expect(ids(recommend(result({ 'alpha.c1': [4], 'alpha.c2': [5] }), { catalogue, rules }))).not.toContain('avance');
  });

  it('prerequisite "all" needs every target at least at the level; "any" needs one', () => {
    expect(ids(recommend(result({ 'alpha.c1': [2], 'alpha.c2': [2] }), { catalogue, rules }))).not.toContain('avance');
    expect(ids(recommend(result({ 'alpha.c1': [1], 'alpha.c2': [2], beta: [2] }), { catalogue, rules }))).toContain('beta');
    expect(ids(recommend(result({ 'alpha.c1': [1], 'alpha.c2': [1], beta: [2] }), { catalogue, rules }))).not.toContain('beta');
  });

  it('at exactly the threshold: a goal "below 3" does not hold at level 3; a prerequisite "at least 3" holds at level 3', () => {
    expect(ids(recommend(result({ 'alpha.c1': [3] }), { catalogue, rules }))).not.toContain('bases');
    expect(ids(recommend(result({ 'alpha.c1': [3], 'alpha.c2': [3] }), { catalogue, rules }))).toContain('avance');
  });
});

describe('recommend: uncertainty, order, reasons', () => {
  it('flags a level close to the threshold given a large SE, and holds it back on request', () => {
    // Level 2 but at the very top of it (θ just below the level-3 cut) with SE 1: could well be 3.
    const near = result({ 'alpha.c1': [2, 1, 0.95] });
    const flagged = recommend(near, { catalogue, rules }).find((r) => r.training.id === 'bases')!;
    expect(flagged.uncertain).toBe(true);
    expect(flagged.reasons[0]!.doubt).toBeGreaterThan(0.25);
    expect(flagged.text).toMatch(/proche du seuil/);
    expect(ids(recommend(near, { catalogue, rules, uncertainty: 'hold' }))).not.toContain('bases');
    const sure = recommend(result({ 'alpha.c1': [1, 0.2] }), { catalogue, rules }).find((r) => r.training.id === 'bases')!;
    expect(sure.uncertain).toBe(false);
  });

  it('returns nothing for an empty catalogue, and only trainings of the catalogue', () => {
    expect(recommend(result({ 'alpha.c1': [1] }), { catalogue: { ...catalogue, trainings: [] }, rules })).toEqual([]);
    const all = recommend(result({ 'alpha.c1': [1], 'alpha.c2': [1], beta: [1] }), { catalogue });
    for (const r of all) expect(catalogue.trainings).toContain(r.training);
  });

  it('orders by gap × priority, deterministically, and its reasons state the numbers', () => {
    const r = result({ 'alpha.c1': [1, 0.3], 'alpha.c2': [2], beta: [1] });
    const first = recommend(r, { catalogue, rules });
    expect(recommend(r, { catalogue, rules })).toEqual(first);
    expect(first.map((x) => [x.training.id, x.gap, x.priority, x.score])).toEqual([
      ['bases', 2, 2, 4],
      ['beta', 3, 1, 3],
    ]);
    const reason = first[0]!.reasons[0]!;
    expect(reason).toMatchObject({ kind: 'goal', target: { id: 'alpha.c1', kind: 'competence' }, level: 1, threshold: 3 });
    expect(reason.text).toBe('Votre niveau estimé pour « C1 » (1, incertitude ±0,5) est en dessous du niveau 3 que vise cette formation.');
    expect(recommend(r, { catalogue, rules, lang: 'en' })[0]!.reasons[0]!.text).toBe('Your estimated level for “C1” (1, uncertainty ±0.5) is below level 3, which this training aims at.');
  });

  it('measures gaps against a target profile, with the sentence of the issue', () => {
    const profile: TargetProfile = { id: 'tout-agent', title: 'Tout agent', requirements: [{ competence: 'beta.c1', level: 4 }, { competence: 'alpha.c1', level: 2 }] };
    const r = result({ 'alpha.c1': [2], beta: [2, 0.95], 'beta.c1': [2, 0.95] });
    const list = recommend(r, { catalogue, rules, profile, framework });
    expect(ids(list)).toEqual(['beta']); // alpha.c1 meets its requirement (2): no "bases"
    expect(list[0]!.reasons[0]!.text).toBe('Votre niveau estimé en beta (2, incertitude ±1) est en dessous du niveau attendu pour votre fonction (4).');
  });

  it('refuses a profile with requirements outside the framework', () => {
    try {
      parseTargetProfile({ id: 'p', title: 'P', requirements: [{ competence: 'gamma.c1', level: 3 }] }, framework);
      throw new Error('expected a JaugeValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(JaugeValidationError);
      expect((error as JaugeValidationError).issues).toEqual([{ path: 'requirements[0].competence', message: 'expected the id of a competence of framework "mini", found "gamma.c1"' }]);
    }
  });
});

describe('learningPath and profileStatus', () => {
  it('orders by prerequisites then level, with total duration, without duplicates, limited', () => {
    const r = result({ 'alpha.c1': [3], 'alpha.c2': [3], beta: [1] });
    const list = recommend(r, { catalogue, rules });
    const path = learningPath([...list, ...list], { limit: 5, rules });
    expect(path.steps.map((s) => s.training.id)).toEqual(['beta', 'avance']);
    expect(path.totalMinutes).toBe(120);
    expect(path.unknownDurations).toBe(1);
    expect(learningPath(list, { limit: 1 }).steps).toHaveLength(1);
  });

  it('says whether the profile is reached, requirement by requirement', () => {
    const profile: TargetProfile = { id: 'p', title: 'P', requirements: [{ competence: 'alpha.c1', level: 3 }, { competence: 'beta.c1', level: 2 }] };
    const status = profileStatus(result({ 'alpha.c1': [3], 'beta.c1': [1] }), profile, framework);
    expect(status).toMatchObject({ profile: 'p', reached: false, met: 1, total: 2 });
    expect(status.requirements.map((x) => [x.target, x.required, x.level, x.met])).toEqual([
      ['alpha.c1', 3, 3, true],
      ['beta.c1', 2, 1, false],
    ]);
    expect(profileStatus(result({ 'alpha.c1': [4], 'beta.c1': [2] }), profile, framework).reached).toBe(true);
  });
});
