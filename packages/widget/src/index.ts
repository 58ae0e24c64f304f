/**
 * `@jauge/widget`: Lit web components for Jauge. This entry exports the element classes and
 * their types without registering anything; import `@jauge/widget/define` to register the tags.
 *
 * @packageDocumentation
 */
export { JaugeAssessment } from './components/assessment/assessment.component.js';
export { JaugeProfile, isResultLike } from './components/profile/profile.component.js';
export { JaugeCompetenceMap } from './components/competence-map/competence-map.component.js';
export { defineElement } from './internal/define-element.js';
export { messagesFor, fr, en } from './i18n/messages.js';
export type { Messages } from './i18n/messages.js';
export type {
  JaugeAnswerDetail,
  JaugeCompleteDetail,
  JaugeErrorDetail,
  JaugeRecommendationSummary,
  JaugeShareDetail,
  JaugeStartDetail,
  JaugeXapiDetail,
  SharedResult,
} from './events/events.js';
export type { JaugeStore, StorageMode } from './internal/storage.js';
export type { LrsOptions } from './xapi/connect.js';
