import { describe, expect, it } from 'vitest';
import {
  parseCatalogue,
  parseFramework,
  parseItemBank,
  parseRules,
  parseStages,
  parseTargetProfiles,
  priorItemParameters,
} from '../index.js';
import { indexFramework } from '../framework/framework-index.js';
import { catalogue, framework, items, profiles, rules, stages } from './index.js';

const DOMAINS = ['bureautique', 'numerique-responsable', 'souverainete-numerique', 'intelligence-artificielle', 'cybersecurite', 'protection-donnees'];

describe('shipped reference content', () => {
  it('is valid: every export parses to itself (already parsed, no hidden defaults)', () => {
    expect(parseFramework(framework)).toEqual(framework);
    expect(parseItemBank(items, framework)).toEqual(items);
    expect(parseCatalogue(catalogue, framework)).toEqual(catalogue);
    expect(parseTargetProfiles(profiles, framework)).toEqual(profiles);
    expect(parseRules(rules, { framework, catalogue, profiles })).toEqual(rules);
    expect(parseStages(stages, framework)).toEqual(stages);
  });

  it('has the six domains, each with 3–5 competences aligned to DigComp 2.2 and the CRCN', () => {
    expect(framework.domains.map((d) => d.id)).toEqual(DOMAINS);
    for (const domain of framework.domains) {
      expect(domain.competences.length).toBeGreaterThanOrEqual(3);
      expect(domain.competences.length).toBeLessThanOrEqual(5);
      for (const competence of domain.competences) {
        const frameworks = new Set(competence.alignments?.map((a) => a.framework));
        expect(frameworks.has('digcomp-2.2') && frameworks.has('crcn'), competence.id).toBe(true);
      }
    }
  });

  it('has ≥ 240 items, ≥ 40 scored per domain, ≥ 4 per level 1–6 per domain, every type, all reviewed and sourced', () => {
    const index = indexFramework(framework);
    const scored = items.items.filter((item) => item.type !== 'self-rating');
    expect(items.items.length).toBeGreaterThanOrEqual(240);
    for (const domain of DOMAINS) {
      const own = scored.filter((item) => index.skills.get(item.skill)!.domain.id === domain);
      expect(own.length, domain).toBeGreaterThanOrEqual(40);
      for (let level = 1; level <= 6; level++) expect(own.filter((item) => item.level === level).length, `${domain} L${level}`).toBeGreaterThanOrEqual(4);
      expect(items.items.some((item) => item.type === 'self-rating' && item.domain === domain)).toBe(true);
    }
    expect(new Set(items.items.map((item) => item.type))).toEqual(new Set(['single-choice', 'multiple-choice', 'ordering', 'short-text', 'self-rating']));
    for (const item of items.items) {
      expect(item.status, item.id).toBe('reviewed');
      expect(item.review?.date, item.id).toBeDefined();
      if (item.type !== 'self-rating') expect(item.sources?.length, item.id).toBeGreaterThan(0);
    }
  });

  it('carries the documented prior IRT parameters (no calibration data yet)', () => {
    for (const item of items.items) {
      if (item.type === 'self-rating') continue;
      expect(item.calibration?.method, item.id).toBe('prior-from-level');
      expect(item.irt, item.id).toEqual(priorItemParameters(item, framework));
    }
  });

  it('links only to http(s) URLs and every rule to a training of the catalogue; ≥ 40 trainings, ≥ 6 profiles', () => {
    expect(catalogue.trainings.length).toBeGreaterThanOrEqual(40);
    expect(profiles.profiles.length).toBeGreaterThanOrEqual(6);
    for (const id of ['tout-agent', 'encadrant', 'agent-rh', 'agent-accueil', 'acheteur-public', 'agent-si']) {
      expect(profiles.profiles.some((profile) => profile.id === id), id).toBe(true);
    }
    for (const training of catalogue.trainings) {
      if (training.url) expect(training.url).toMatch(/^https:\/\//);
      else expect(training.urlNote, training.id).toBeTruthy();
    }
    const trainingIds = new Set(catalogue.trainings.map((t) => t.id));
    for (const rule of rules.rules) expect(trainingIds.has(rule.training), rule.id).toBe(true);
  });
});

describe('recommendations on the shipped content', () => {
  it('only ever point to trainings of the catalogue, with the catalogue’s URL, for every profile', async () => {
    const { recommend, simulateCohort } = await import('../index.js');
    const byId = new Map(catalogue.trainings.map((t) => [t.id, t]));
    let count = 0;
    simulateCohort({
      framework,
      items,
      agents: 24,
      seed: 5,
      config: { maxItems: 24 },
      onAgent: ({ result, index }) => {
        const profile = profiles.profiles[index % profiles.profiles.length]!;
        for (const r of recommend(result, { catalogue, rules, profile, framework })) {
          count++;
          expect(byId.get(r.training.id)).toBe(r.training);
          expect(r.training.url).toBe(byId.get(r.training.id)!.url);
          expect(r.reasons.length).toBeGreaterThan(0);
        }
      },
    });
    expect(count).toBeGreaterThan(24);
  });
});
