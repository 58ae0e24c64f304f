import { describeValue } from './describe-value.js';
import { assertItemParams } from './item-params.js';
import type { ItemParams } from './item-params.js';

/** One scored answer: the parameters of the item and whether the answer was correct. */
export interface ItemResponse {
  /** Parameters of the item answered. */
  item: ItemParams;
  /** `true` for a correct answer, `false` for a wrong one. */
  correct: boolean;
}

/**
 * Checks a list of responses and throws a `RangeError` at the first unusable one, with its
 * index, e.g. `Expected item.a > 0 at responses[3], received 0` or
 * `Expected correct to be a boolean at responses[1], received 1`.
 *
 * @internal Not re-exported from `@jauge/core`; `estimateAbility` calls it.
 */
export function assertResponses(responses: readonly ItemResponse[]): void {
  if (!Array.isArray(responses)) {
    throw new RangeError(`Expected responses to be an array, received ${describeValue(responses)}`);
  }
  responses.forEach((response: unknown, index) => {
    const where = `responses[${index}]`;
    if (typeof response !== 'object' || response === null) {
      throw new RangeError(`Expected a response { item, correct } at ${where}, received ${describeValue(response)}`);
    }
    const { item, correct } = response as Partial<ItemResponse>;
    assertItemParams(item as ItemParams, where);
    if (typeof correct !== 'boolean') {
      throw new RangeError(`Expected correct to be a boolean at ${where}, received ${describeValue(correct)}`);
    }
  });
}
