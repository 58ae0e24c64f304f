import { describe, expect, it } from 'vitest';
import { miniFramework } from '../../test/mini-content.js';
import { issuesOf } from '../../test/issues.js';
import type { Catalogue } from './catalogue.schema.js';
import { parseCatalogue } from './parse-catalogue.js';
import { parseRules, parseStages } from './parse-rules.js';
import { parseTargetProfile, parseTargetProfiles } from './parse-target-profile.js';

const framework = miniFramework();


const catalogue: Catalogue = {
  id: 'cat',
  version: '1.0.0',
  lang: 'fr',
  trainings: [
    { id: 't1', title: 'Formation 1', provider: 'ANSSI', url: 'https://cyber.gouv.fr/', format: 'mooc', levels: { min: 1, max: 3 }, language: 'fr', competences: ['alpha.c1'] },
    { id: 't2', title: 'Formation 2', provider: 'CNIL', format: 'guide', urlNote: 'Chercher sur cnil.fr', levels: { min: 3, max: 5 }, language: 'fr', competences: ['beta.c1'] },
  ],
};

describe('parseCatalogue', () => {
  it('accepts a valid catalogue', () => {
    expect(parseCatalogue(catalogue, framework)).toEqual(catalogue);
  });

  it('reports unknown competences, inverted levels, duplicate ids and non-http URLs', () => {
    const broken = structuredClone(catalogue) as unknown as { trainings: Record<string, unknown>[] };
    broken.trainings[0]!.competences = ['alpha.c9'];
    broken.trainings[1]!.levels = { min: 5, max: 2 };
    broken.trainings[1]!.id = 't1';
    broken.trainings[1]!.url = 'javascript:alert(1)';
    expect(issuesOf(() => parseCatalogue(broken, framework))).toEqual([
      { path: 'trainings[1].url', message: 'expected an absolute http(s) URL such as "https://www.cnil.fr/", found the string "javascript:alert(1)"' },
    ]);
    delete broken.trainings[1]!.url;
    expect(issuesOf(() => parseCatalogue(broken, framework))).toEqual([
      { path: 'trainings[1].id', message: 'duplicate training id "t1" (first used at trainings[0].id)' },
      { path: 'trainings[0].competences[0]', message: 'expected the id of a competence of framework "mini", found "alpha.c9"' },
      { path: 'trainings[1].levels', message: 'expected min ≤ max, found min 5 and max 2' },
    ]);
  });

  it('accepts an empty catalogue', () => {
    expect(parseCatalogue({ ...catalogue, trainings: [] }, framework).trainings).toEqual([]);
  });
});

describe('parseTargetProfile(s)', () => {
  const profile = { id: 'tout-agent', title: 'Tout agent', requirements: [{ competence: 'alpha.c1', level: 3, justification: 'Parce que.' }] };

  it('accepts a valid profile and a file of profiles', () => {
    expect(parseTargetProfile(profile, framework)).toEqual(profile);
    const file = { id: 'p', version: '1.0.0', lang: 'fr', profiles: [profile] };
    expect(parseTargetProfiles(file, framework)).toEqual(file);
  });

  it('reports requirements outside the framework, out of range, duplicated or ambiguous', () => {
    const broken = {
      ...profile,
      focus: ['omega'],
      requirements: [
        { competence: 'alpha.c7', level: 3 },
        { competence: 'alpha.c1', level: 0 },
        { competence: 'alpha.c1', topic: 'alpha.c1.t1', level: 2 },
      ],
    };
    expect(issuesOf(() => parseTargetProfile(broken, framework))).toEqual([{ path: 'requirements[1].level', message: 'expected at least 1, found the number 0' }]);
    broken.requirements[1]!.level = 4;
    expect(issuesOf(() => parseTargetProfile(broken, framework))).toEqual([
      { path: 'requirements[0].competence', message: 'expected the id of a competence of framework "mini", found "alpha.c7"' },
      { path: 'requirements[2]', message: 'expected exactly one of "competence" or "topic"' },
      { path: 'focus[0]', message: 'expected the id of a domain of framework "mini", found "omega"' },
    ]);
  });
});

describe('parseRules and parseStages', () => {
  const rules = {
    id: 'r',
    version: '1.0.0',
    rules: [
      { id: 'r1', training: 't1', priority: 3, goal: { targets: ['alpha.c1'], below: 4 } },
      { id: 'r2', training: 't2', goal: { targets: ['beta'], below: 6 }, prerequisite: { targets: ['alpha'], atLeast: 2 } },
    ],
  };

  it('accepts valid rules', () => {
    expect(parseRules(rules, { framework, catalogue })).toEqual(rules);
  });

  it('reports unknown trainings and targets, and contradictory triggers', () => {
    const broken = structuredClone(rules);
    broken.rules[0]!.training = 't9';
    broken.rules[0]!.goal.targets = ['alpha.c1.t1.n1'];
    broken.rules[1]!.prerequisite = { targets: ['beta'], atLeast: 6 };
    expect(issuesOf(() => parseRules(broken, { framework, catalogue }))).toEqual([
      { path: 'rules[0].training', message: 'expected the id of a training of catalogue "cat", found "t9"' },
      { path: 'rules[0].goal.targets[0]', message: 'expected the id of a domain, competence or topic of framework "mini", found "alpha.c1.t1.n1"' },
      {
        path: 'rules[1].prerequisite.atLeast',
        message: 'contradictory triggers on "beta": the prerequisite needs level ≥ 6 but the goal needs level < 6, so the rule can never apply',
      },
    ]);
  });

  it('reports impossible goal thresholds', () => {
    const broken = structuredClone(rules);
    broken.rules[0]!.goal.below = 1;
    expect(issuesOf(() => parseRules(broken, { framework, catalogue }))).toEqual([{ path: 'rules[0].goal.below', message: 'expected at least 2, found the number 1' }]);
  });

  it('validates stages: unknown domains and two stages at the same level', () => {
    const stages = {
      id: 's',
      version: '1.0.0',
      stages: [
        { id: 's1', scope: 'overall', minLevel: 1, title: 'Début', message: 'Bienvenue.' },
        { id: 's2', scope: 'overall', minLevel: 1, title: 'Doublon', message: 'Encore.' },
        { id: 's3', scope: 'domain', domain: 'omega', minLevel: 3, title: 'Omega', message: 'Bravo.' },
      ],
    };
    expect(issuesOf(() => parseStages(stages, framework))).toEqual([
      { path: 'stages[1].minLevel', message: 'duplicate scope and level of stage id "overall/*/1" (first used at stages[0].minLevel)' },
      { path: 'stages[2].domain', message: 'expected the id of a domain of framework "mini", found "omega"' },
    ]);
  });
});
