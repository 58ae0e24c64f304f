import type { Catalogue } from './catalogue.schema.js';
import { indexFramework, nodeKind } from './framework-index.js';
import type { Framework } from './framework.schema.js';
import { type Rules, RulesSchema, type Stages, StagesSchema } from './rules.schema.js';
import type { TargetProfiles } from './target-profile.schema.js';
import { checkUnique, validate } from './validate.js';

/** What rules refer to, for cross-reference checks. */
export interface RulesContext {
  framework: Framework;
  catalogue: Catalogue;
  /** When given, `profiles` in rules must name profiles of this file. */
  profiles?: TargetProfiles;
}

/**
 * Validates recommendation rules: unique ids, existing trainings, targets that are domains,
 * competences or topics of the framework, known profiles, and no contradictory triggers (a
 * prerequisite that requires a level the goal says must not be reached on the same target).
 *
 * @throws {@link JaugeValidationError} listing every problem with its path.
 */
export function parseRules(input: unknown, context: RulesContext): Rules {
  const index = indexFramework(context.framework);
  const trainings = new Set(context.catalogue.trainings.map((training) => training.id));
  const profiles = context.profiles ? new Set(context.profiles.profiles.map((profile) => profile.id)) : undefined;
  return validate(RulesSchema, input, 'rules', (file, report) => {
    checkUnique(file.rules.map((rule, r) => [rule.id, `rules[${r}].id`]), report, 'rule');
    file.rules.forEach((rule, r) => {
      const path = `rules[${r}]`;
      if (!trainings.has(rule.training)) report(`${path}.training`, `expected the id of a training of catalogue "${context.catalogue.id}", found "${rule.training}"`);
      const triggers = [['goal', rule.goal.targets], ['prerequisite', rule.prerequisite?.targets ?? []]] as const;
      for (const [name, targets] of triggers) {
        checkUnique(targets.map((id, t) => [id, `${path}.${name}.targets[${t}]`]), report, `${name} target`);
        targets.forEach((id, t) => {
          const kind = nodeKind(index, id);
          if (kind === undefined || kind === 'skill') {
            report(`${path}.${name}.targets[${t}]`, `expected the id of a domain, competence or topic of framework "${context.framework.id}", found "${id}"`);
          }
        });
      }
      const { goal, prerequisite } = rule;
      if (prerequisite) {
        const goalBinds = (goal.match ?? 'any') === 'all' || goal.targets.length === 1;
        const preBinds = (prerequisite.match ?? 'all') === 'all' || prerequisite.targets.length === 1;
        const shared = goal.targets.filter((id) => prerequisite.targets.includes(id));
        if (goalBinds && preBinds && shared.length > 0 && prerequisite.atLeast >= goal.below) {
          report(
            `${path}.prerequisite.atLeast`,
            `contradictory triggers on "${shared[0]}": the prerequisite needs level ≥ ${prerequisite.atLeast} but the goal needs level < ${goal.below}, so the rule can never apply`,
          );
        }
      }
      rule.profiles?.forEach((id, p) => {
        if (profiles && !profiles.has(id)) report(`${path}.profiles[${p}]`, `expected the id of a target profile, found "${id}"`);
      });
    });
  });
}

/**
 * Validates stages ("paliers"): unique ids, existing domains, no two stages at the same level of
 * the same scope.
 *
 * @throws {@link JaugeValidationError} listing every problem with its path.
 */
export function parseStages(input: unknown, framework: Framework): Stages {
  const index = indexFramework(framework);
  return validate(StagesSchema, input, 'stages', (file, report) => {
    checkUnique(file.stages.map((stage, s) => [stage.id, `stages[${s}].id`]), report, 'stage');
    checkUnique(
      file.stages.map((stage, s) => [`${stage.scope}/${stage.domain ?? '*'}/${stage.minLevel}`, `stages[${s}].minLevel`]),
      report,
      'scope and level of stage',
    );
    file.stages.forEach((stage, s) => {
      if (stage.domain === undefined) return;
      if (stage.scope !== 'domain') report(`stages[${s}].domain`, `expected no domain on a stage of scope "${stage.scope}", found "${stage.domain}"`);
      else if (!index.domains.has(stage.domain)) report(`stages[${s}].domain`, `expected the id of a domain of framework "${framework.id}", found "${stage.domain}"`);
    });
  });
}
