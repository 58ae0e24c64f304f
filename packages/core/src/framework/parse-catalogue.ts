import { type Catalogue, CatalogueSchema } from './catalogue.schema.js';
import { indexFramework } from './framework-index.js';
import type { Framework } from './framework.schema.js';
import { checkUnique, validate } from './validate.js';

/**
 * Validates a training catalogue and returns it typed. With a `framework`, every training's
 * competences and topics must exist in it.
 *
 * @throws {@link JaugeValidationError} listing every problem with its path.
 */
export function parseCatalogue(input: unknown, framework?: Framework): Catalogue {
  return validate(CatalogueSchema, input, 'catalogue', (catalogue, report) => {
    checkUnique(catalogue.trainings.map((training, t) => [training.id, `trainings[${t}].id`]), report, 'training');
    const index = framework ? indexFramework(framework) : undefined;
    catalogue.trainings.forEach((training, t) => {
      const path = `trainings[${t}]`;
      if (training.levels.min > training.levels.max) {
        report(`${path}.levels`, `expected min ≤ max, found min ${training.levels.min} and max ${training.levels.max}`);
      }
      if (!index) return;
      training.competences.forEach((id, c) => {
        if (!index.competences.has(id)) report(`${path}.competences[${c}]`, `expected the id of a competence of framework "${framework?.id}", found "${id}"`);
      });
      training.topics?.forEach((id, c) => {
        if (!index.topics.has(id)) report(`${path}.topics[${c}]`, `expected the id of a topic of framework "${framework?.id}", found "${id}"`);
      });
    });
  });
}
