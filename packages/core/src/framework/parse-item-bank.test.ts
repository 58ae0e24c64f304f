import { describe, expect, it } from 'vitest';
import { clone, miniFramework, miniItemBank } from '../../test/mini-content.js';
import { JaugeValidationError } from '../errors.js';
import { MAX_ITEMS, parseItemBank } from './parse-item-bank.js';

const framework = miniFramework();

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseItemBank(input, framework);
  } catch (error) {
    expect(error).toBeInstanceOf(JaugeValidationError);
    return (error as JaugeValidationError).issues;
  }
  throw new Error('expected parseItemBank to throw');
}

type Loose = Record<string, unknown>;
const items = (bank: unknown) => (bank as { items: Loose[] }).items;

describe('parseItemBank', () => {
  it('accepts a valid bank of every item type, unchanged', () => {
    const bank = miniItemBank();
    expect(parseItemBank(bank, framework)).toEqual(bank);
  });

  it('reports dangling skills, wrong levels, duplicate ids and keys outside the options', () => {
    const bank = clone(miniItemBank());
    items(bank)[0]!.skill = 'alpha.c1.t1.n9';
    items(bank)[1]!.level = 5;
    items(bank)[2]!.id = 'q1';
    items(bank)[0]!.answer = 'z';
    (items(bank)[1]!.answer as string[]).push('e');
    items(bank)[2]!.answer = ['a', 'b'];
    items(bank)[4]!.domain = 'gamma';
    expect(issuesOf(bank)).toEqual([
      { path: 'items[2].id', message: 'duplicate item id "q1" (first used at items[0].id)' },
      { path: 'items[0].skill', message: 'expected the id of a skill of framework "mini", found "alpha.c1.t1.n9"' },
      { path: 'items[0].answer', message: 'expected the id of one of the options (a, b, c), found "z"' },
      { path: 'items[1].level', message: 'expected 2 (the level of skill "alpha.c2.t1.n2"), found 5' },
      { path: 'items[1].answer[2]', message: 'expected the id of one of the options (a, b, c, d), found "e"' },
      { path: 'items[2].answer', message: 'expected every option in the order, found "c" missing' },
      { path: 'items[4].domain', message: 'expected the id of a domain of framework "mini", found "gamma"' },
    ]);
  });

  it('reports duplicate option ids with the exact path, e.g. items[0].options[2].id', () => {
    const bank = clone(miniItemBank());
    (items(bank)[0]!.options as Loose[])[2]!.id = 'a';
    expect(issuesOf(bank)).toEqual([{ path: 'items[0].options[2].id', message: 'duplicate option id "a" (first used at items[0].options[0].id)' }]);
  });

  it('reports an unknown item type, missing keys and IRT parameters out of range', () => {
    const bank = clone(miniItemBank());
    items(bank)[0]!.type = 'essay';
    delete items(bank)[1]!.answer;
    (items(bank)[3]!.irt as Loose).a = -1;
    expect(issuesOf(bank)).toEqual([
      { path: 'items[0].type', message: 'expected type to be "single-choice", "multiple-choice", "ordering", "short-text", "self-rating", found the string "essay"' },
      { path: 'items[1].answer', message: 'expected array, found nothing (the field is missing)' },
      { path: 'items[3].irt.a', message: 'expected more than 0, found the number -1' },
    ]);
  });

  it('refuses a bank written for another framework', () => {
    const bank = clone(miniItemBank());
    bank.framework.id = 'autre';
    expect(issuesOf(bank)).toEqual([{ path: 'framework.id', message: 'expected "mini" (the framework given), found "autre"' }]);
  });

  it(`refuses more than ${MAX_ITEMS} items before validating them one by one`, () => {
    const bank = clone(miniItemBank());
    const many = Array.from({ length: MAX_ITEMS + 1 }, () => null);
    expect(issuesOf({ ...bank, items: many })).toEqual([{ path: 'items', message: `expected at most ${MAX_ITEMS} items, found ${MAX_ITEMS + 1}` }]);
  });

  it('keeps hostile strings as plain text', () => {
    const bank = clone(miniItemBank());
    items(bank)[0]!.stem = '<img src=x onerror=alert(1)>';
    expect(parseItemBank(bank, framework).items[0]!.stem).toBe('<img src=x onerror=alert(1)>');
  });
});
