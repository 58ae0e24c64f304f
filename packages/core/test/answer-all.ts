import type { Assessment } from '../src/cat/assessment.js';

/**
 * Takes a test to the end deterministically: self-ratings get the scale step `ratingStep`, every
 * `skipEvery`-th scored item (counting from `skipOffset`) is skipped, the others get a fixed
 * answer per type (first option(s), options in shown or reversed order, `text` for free text).
 */
export function answerAll(
  assessment: Assessment,
  options: { ratingStep: number; skipEvery: number; skipOffset?: number; text: string; choice?: number; reverseOrder?: boolean },
): Assessment {
  let item = assessment.nextItem();
  let n = 0;
  while (item) {
    const option = item.options?.[options.choice ?? 0]?.id ?? '';
    if (item.type === 'self-rating') assessment.answer(item.id, item.scale![options.ratingStep]!.id);
    else if (n++ % options.skipEvery === (options.skipOffset ?? 0)) assessment.skip(item.id);
    else if (item.type === 'short-text') assessment.answer(item.id, options.text);
    else if (item.type === 'multiple-choice') assessment.answer(item.id, [option]);
    else if (item.type === 'ordering') {
      const order = item.options!.map((o) => o.id);
      assessment.answer(item.id, options.reverseOrder ? order.reverse() : order);
    } else assessment.answer(item.id, item.options![0]!.id);
    item = assessment.nextItem();
  }
  return assessment;
}
