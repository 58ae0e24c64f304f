/**
 * Side-effect entry: registers `<jauge-assessment>` and `<jauge-profile>` once, even when several
 * copies of the bundle are loaded on the same page.
 *
 * @packageDocumentation
 */
import { JaugeAssessment } from './components/assessment/assessment.component.js';
import { JaugeProfile } from './components/profile/profile.component.js';
import { defineElement } from './internal/define-element.js';

defineElement('jauge-assessment', JaugeAssessment);
defineElement('jauge-profile', JaugeProfile);

declare global {
  interface HTMLElementTagNameMap {
    'jauge-assessment': JaugeAssessment;
    'jauge-profile': JaugeProfile;
  }
}
