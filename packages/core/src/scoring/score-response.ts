import { JaugeValidationError } from '../errors.js';
import type { Item, ScoredItem, Tolerance } from '../framework/item-bank.schema.js';

/** Longest text accepted as a short-text answer. */
export const MAX_TEXT_ANSWER_LENGTH = 500;

/**
 * Normalises a short-text answer under tolerance rules: case folding, accent removal (Unicode
 * decomposition), punctuation removal, and spaces collapsed (or removed when `spaces` is set).
 */
export function normalizeText(text: string, tolerance: Tolerance = {}): string {
  let out = text.normalize('NFC').trim();
  if (tolerance.case) out = out.toLocaleLowerCase('fr');
  if (tolerance.accents) out = out.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
  if (tolerance.punctuation) out = out.replace(/[\p{P}\p{S}]/gu, ' ');
  out = out.replace(/\s+/gu, tolerance.spaces ? '' : ' ').trim();
  return out;
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function refuse(item: Item, expected: string, response: unknown): never {
  const found = Array.isArray(response) ? `an array of ${response.length}` : typeof response === 'string' ? JSON.stringify(response.slice(0, 40)) : typeof response;
  throw new JaugeValidationError('response', [{ path: 'response', message: `expected ${expected} for item "${item.id}" (${item.type}), found ${found}` }]);
}

function optionIdsOf(item: ScoredItem): string[] {
  return 'options' in item ? item.options.map((option) => option.id) : [];
}

/**
 * Checks that a response has the form the item type accepts, and returns it normalised
 * (a string, or an array of option ids). Throws {@link JaugeValidationError} otherwise.
 */
export function checkResponse(item: ScoredItem, response: unknown): string | string[] {
  const ids = optionIdsOf(item);
  switch (item.type) {
    case 'single-choice':
      if (typeof response !== 'string' || !ids.includes(response)) refuse(item, `one option id (${ids.join(', ')})`, response);
      return response;
    case 'multiple-choice':
    case 'ordering': {
      const what = item.type === 'ordering' ? `every option id once, in order (${ids.join(', ')})` : `an array of distinct option ids (${ids.join(', ')})`;
      if (!Array.isArray(response) || response.some((id) => typeof id !== 'string' || !ids.includes(id))) refuse(item, what, response);
      const list = response as string[];
      if (new Set(list).size !== list.length) refuse(item, what, response);
      if (item.type === 'ordering' && list.length !== ids.length) refuse(item, what, response);
      return [...list];
    }
    case 'short-text':
      if (typeof response !== 'string' || response.length > MAX_TEXT_ANSWER_LENGTH) refuse(item, `a text of at most ${MAX_TEXT_ANSWER_LENGTH} characters`, response);
      return response;
  }
}

/**
 * Scores a (checked) response against the item's key, in core: single choice by id, multiple
 * choice all-or-nothing (exactly the correct set), ordering exact, short text under the item's
 * tolerance rules (case, accents, spaces, punctuation, and at most `typos` edits).
 */
export function isCorrect(item: ScoredItem, response: string | string[]): boolean {
  switch (item.type) {
    case 'single-choice':
      return response === item.answer;
    case 'multiple-choice': {
      const given = new Set(response as string[]);
      return given.size === item.answer.length && item.answer.every((id) => given.has(id));
    }
    case 'ordering':
      return (response as string[]).length === item.answer.length && item.answer.every((id, i) => (response as string[])[i] === id);
    case 'short-text': {
      const tolerance = item.tolerance ?? {};
      const given = normalizeText(response as string, tolerance);
      if (given === '') return false;
      const typos = tolerance.typos ?? 0;
      return item.answer.some((accepted) => editDistance(given, normalizeText(accepted, tolerance), typos) <= typos);
    }
  }
}
