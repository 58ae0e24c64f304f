import { type Band, type Framework, FrameworkSchema } from './framework.schema.js';
import { checkUnique, validate } from './validate.js';

const BANDS: Band[] = ['fondamental', 'fondamental', 'intermediaire', 'intermediaire', 'avance', 'avance', 'hautement-specialise', 'hautement-specialise'];

/**
 * Validates a competence framework (a parsed object or a JSON text) and returns it typed.
 *
 * Beyond the shape, it checks that every id is unique across domains, competences, topics and
 * skills; that the eight levels are listed in order with their DigComp bands; that the cut points
 * increase; and that a topic's ladder has at most one skill per level.
 *
 * @throws {@link JaugeValidationError} listing every problem with its path.
 * @example
 * ```ts
 * import { parseFramework } from '@jauge/core';
 * import { framework } from '@jauge/core/reference';
 * const checked = parseFramework(JSON.stringify(framework));
 * console.log(checked.domains.length); // 6
 * ```
 */
export function parseFramework(input: unknown): Framework {
  return validate(FrameworkSchema, input, 'framework', (framework, report) => {
    framework.levels.forEach((definition, i) => {
      if (definition.level !== i + 1) report(`levels[${i}].level`, `expected level ${i + 1} at this position, found ${definition.level}`);
      const band = BANDS[i];
      if (band && definition.band !== band) report(`levels[${i}].band`, `expected band "${band}" for level ${i + 1}, found "${definition.band}"`);
    });
    for (let i = 1; i < framework.cutPoints.length; i++) {
      const previous = framework.cutPoints[i - 1] ?? Number.NEGATIVE_INFINITY;
      const current = framework.cutPoints[i] ?? Number.NEGATIVE_INFINITY;
      if (!(current > previous)) report(`cutPoints[${i}]`, `expected a value greater than cutPoints[${i - 1}] (${previous}), found ${current}`);
    }
    checkUnique(framework.selfRatingScale.map((step, i) => [step.id, `selfRatingScale[${i}].id`]), report, 'self-rating step');
    const ids: [string, string][] = [];
    framework.domains.forEach((domain, d) => {
      ids.push([domain.id, `domains[${d}].id`]);
      domain.competences.forEach((competence, c) => {
        const cPath = `domains[${d}].competences[${c}]`;
        ids.push([competence.id, `${cPath}.id`]);
        competence.topics.forEach((topic, t) => {
          const tPath = `${cPath}.topics[${t}]`;
          ids.push([topic.id, `${tPath}.id`]);
          const levels = new Map<number, number>();
          topic.skills.forEach((skill, s) => {
            ids.push([skill.id, `${tPath}.skills[${s}].id`]);
            const other = levels.get(skill.level);
            if (other !== undefined) {
              report(`${tPath}.skills[${s}].level`, `expected one skill per level in a topic, found level ${skill.level} again (also skills[${other}])`);
            } else levels.set(skill.level, s);
          });
        });
      });
    });
    checkUnique(ids, report, 'framework node');
  });
}
