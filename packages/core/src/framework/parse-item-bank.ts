import { indexFramework } from './framework-index.js';
import type { Framework } from './framework.schema.js';
import { type Item, type ItemBank, ItemBankSchema } from './item-bank.schema.js';
import { JaugeValidationError } from '../errors.js';
import { checkUnique, readJson, validate } from './validate.js';

/** Largest number of items a bank may hold (a safeguard against hostile or broken files). */
export const MAX_ITEMS = 20_000;

function checkItem(item: Item, path: string, framework: Framework, report: (path: string, message: string) => void): void {
  const index = indexFramework(framework);
  if (item.type === 'self-rating') {
    if (!index.domains.has(item.domain)) report(`${path}.domain`, `expected the id of a domain of framework "${framework.id}", found "${item.domain}"`);
    if (item.competence !== undefined) {
      const place = index.competences.get(item.competence);
      if (!place) report(`${path}.competence`, `expected the id of a competence of framework "${framework.id}", found "${item.competence}"`);
      else if (place.domain.id !== item.domain) report(`${path}.competence`, `expected a competence of domain "${item.domain}", found one of "${place.domain.id}"`);
    }
    return;
  }
  const place = index.skills.get(item.skill);
  if (!place) report(`${path}.skill`, `expected the id of a skill of framework "${framework.id}", found "${item.skill}"`);
  else if (place.skill.level !== item.level) report(`${path}.level`, `expected ${place.skill.level} (the level of skill "${item.skill}"), found ${item.level}`);
  if (item.irt.c !== undefined && item.irt.d !== undefined && !(item.irt.d > item.irt.c)) {
    report(`${path}.irt.d`, `expected the upper asymptote d to be greater than c (${item.irt.c}), found ${item.irt.d}`);
  }
  if (item.type === 'short-text') return;
  const optionIds = checkUnique(item.options.map((option, o) => [option.id, `${path}.options[${o}].id`]), report, 'option');
  if (item.type === 'single-choice') {
    if (!optionIds.has(item.answer)) report(`${path}.answer`, `expected the id of one of the options (${[...optionIds].join(', ')}), found "${item.answer}"`);
    return;
  }
  const answerIds = checkUnique(item.answer.map((id, a) => [id, `${path}.answer[${a}]`]), report, 'answer');
  item.answer.forEach((id, a) => {
    if (!optionIds.has(id)) report(`${path}.answer[${a}]`, `expected the id of one of the options (${[...optionIds].join(', ')}), found "${id}"`);
  });
  if (item.type === 'ordering') {
    const missing = [...optionIds].filter((id) => !answerIds.has(id));
    if (missing.length > 0) report(`${path}.answer`, `expected every option in the order, found ${missing.map((id) => `"${id}"`).join(', ')} missing`);
  }
}

/**
 * Validates an item bank against its framework and returns it typed.
 *
 * Beyond the shape, it checks that the bank belongs to `framework`, that item ids are unique, that
 * every item points to an existing skill and has that skill's level, and that every key is
 * consistent with the options (one option id; a subset; a full ordering).
 *
 * @throws {@link JaugeValidationError} listing every problem with its path (e.g. `items[12].options[2].id`).
 */
export function parseItemBank(input: unknown, framework: Framework): ItemBank {
  const value = readJson(input, 'item bank');
  const items = (value as { items?: unknown } | null)?.items;
  if (Array.isArray(items) && items.length > MAX_ITEMS) {
    // Refused before any deeper work: a hostile file must not cost seconds of validation.
    throw new JaugeValidationError('item bank', [{ path: 'items', message: `expected at most ${MAX_ITEMS} items, found ${items.length}` }]);
  }
  return validate(ItemBankSchema, value, 'item bank', (bank, report) => {
    if (bank.framework.id !== framework.id) report('framework.id', `expected "${framework.id}" (the framework given), found "${bank.framework.id}"`);
    if (bank.framework.version !== undefined && bank.framework.version.split('.')[0] !== framework.version.split('.')[0]) {
      report('framework.version', `expected a version compatible with ${framework.version} (same major), found ${bank.framework.version}`);
    }
    checkUnique(bank.items.map((item, i) => [item.id, `items[${i}].id`]), report, 'item');
    bank.items.forEach((item, i) => checkItem(item, `items[${i}]`, framework, report));
  });
}
