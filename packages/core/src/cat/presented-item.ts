import type { SelfRatingStep } from '../framework/framework.schema.js';
import type { ItemType } from '../framework/item-bank.schema.js';

/**
 * What the interface shows for one item. It never carries the answer key, the explanation or the
 * IRT parameters: those stay in core until the test is over.
 */
export interface PresentedItem {
  id: string;
  type: ItemType;
  /** A short scenario shown before the question, if any. */
  context?: string;
  stem: string;
  /** Options in the order to show them (shuffled with the session's seed when the item allows it). */
  options?: { id: string; text: string }[];
  /** For a self-rating item: the steps of the scale, from "Je ne sais pas le faire" up. */
  scale?: SelfRatingStep[];
  domain: { id: string; title: string };
  competence?: { id: string; title: string };
  /** Texts in other languages, when the content provides them (`en.stem`, `en.options.a`…). */
  translations?: Record<string, { stem?: string; context?: string; options?: Record<string, string> }>;
  /** Accessibility information of the content (alternative texts). */
  accessibility?: { altText?: string; textAlternative?: string };
  /** Progress, honest about adaptivity: how many scored items so far, and the possible range of the total. */
  progress: AssessmentProgress;
}

/** Where the test stands. The total is not known in advance: it lies between `minItems` and `maxItems`. */
export interface AssessmentProgress {
  /** Scored items answered or skipped so far. */
  answered: number;
  /** The test asks at least this many scored items (unless the bank runs out). */
  minItems: number;
  /** The test asks at most this many scored items. */
  maxItems: number;
}
