/**
 * The shipped reference content of Jauge, "Socle numérique de l'agent public" v1: the framework,
 * the item bank, the training catalogue, the target profiles, the recommendation rules and the
 * stages. Every export is already validated (a test parses each one and compares).
 *
 * @example
 * ```ts
 * import { createAssessment } from '@jauge/core';
 * import { framework, items } from '@jauge/core/reference';
 * const assessment = createAssessment({ framework, items, seed: 1 });
 * console.log(assessment.nextItem()?.stem);
 * ```
 * @packageDocumentation
 */
import type { Catalogue } from '../framework/catalogue.schema.js';
import type { Domain, Framework } from '../framework/framework.schema.js';
import type { Item, ItemBank } from '../framework/item-bank.schema.js';
import type { Rules, Stages } from '../framework/rules.schema.js';
import type { TargetProfiles } from '../framework/target-profile.schema.js';
import catalogueData from './data/catalogue.json' with { type: 'json' };
import header from './data/framework-header.json' with { type: 'json' };
import bureautique from './data/framework/bureautique.json' with { type: 'json' };
import cybersecurite from './data/framework/cybersecurite.json' with { type: 'json' };
import ia from './data/framework/intelligence-artificielle.json' with { type: 'json' };
import numeriqueResponsable from './data/framework/numerique-responsable.json' with { type: 'json' };
import protectionDonnees from './data/framework/protection-donnees.json' with { type: 'json' };
import souverainete from './data/framework/souverainete-numerique.json' with { type: 'json' };
import itemsBureautique from './data/items/bureautique.json' with { type: 'json' };
import itemsCybersecurite from './data/items/cybersecurite.json' with { type: 'json' };
import itemsIa from './data/items/intelligence-artificielle.json' with { type: 'json' };
import itemsNumeriqueResponsable from './data/items/numerique-responsable.json' with { type: 'json' };
import itemsProtectionDonnees from './data/items/protection-donnees.json' with { type: 'json' };
import itemsSouverainete from './data/items/souverainete-numerique.json' with { type: 'json' };
import profilesData from './data/profiles.json' with { type: 'json' };
import rulesData from './data/rules.json' with { type: 'json' };
import stagesData from './data/stages.json' with { type: 'json' };

/** The reference framework: six domains of the French State's digital foundation. */
export const framework: Framework = {
  ...(header as Omit<Framework, 'domains'>),
  domains: [bureautique, numeriqueResponsable, souverainete, ia, cybersecurite, protectionDonnees] as Domain[],
};

/** The reference item bank (original French items, reviewed, with expert-prior IRT parameters). */
export const items: ItemBank = {
  id: 'banque-socle-numerique',
  version: '1.0.0',
  lang: 'fr',
  framework: { id: framework.id, version: framework.version },
  items: [
    ...itemsBureautique,
    ...itemsNumeriqueResponsable,
    ...itemsSouverainete,
    ...itemsIa,
    ...itemsCybersecurite,
    ...itemsProtectionDonnees,
  ] as Item[],
};

/** The reference catalogue of real trainings (Campus du numérique public, Mentor, ANSSI, CNIL…). */
export const catalogue: Catalogue = catalogueData as Catalogue;

/** The reference target profiles (tout agent, encadrant, agent RH, accueil, acheteur, SI…). */
export const profiles: TargetProfiles = profilesData as TargetProfiles;

/** The reference recommendation rules (prerequisite and goal triggers per training). */
export const rules: Rules = rulesData as Rules;

/** The reference stages ("paliers") shown with results. */
export const stages: Stages = stagesData as Stages;
