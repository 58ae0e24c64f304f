/**
 * Side-effect entry: registers `<jauge-assessment>` (and the other Jauge elements) once,
 * even when several copies of the bundle are loaded on the same page.
 *
 * @packageDocumentation
 */
import { JaugeAssessment } from './components/assessment/assessment.component.js';
import { defineElement } from './internal/define-element.js';

defineElement('jauge-assessment', JaugeAssessment);

declare global {
  interface HTMLElementTagNameMap {
    'jauge-assessment': JaugeAssessment;
  }
}
