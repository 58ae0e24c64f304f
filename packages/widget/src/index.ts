/**
 * `@jauge/widget`: Lit web components for Jauge. This entry exports the element classes and
 * their types without registering anything; import `@jauge/widget/define` to register the tags.
 *
 * @packageDocumentation
 */
export { JaugeAssessment } from './components/assessment/assessment.component.js';
export { defineElement } from './internal/define-element.js';
