/**
 * Side-effect entry: registers `<jauge-competence-map>` (the managers' view, kept out of the
 * assessment bundle that every agent loads).
 *
 * @packageDocumentation
 */
import { JaugeCompetenceMap } from './components/competence-map/competence-map.component.js';
import { defineElement } from './internal/define-element.js';

defineElement('jauge-competence-map', JaugeCompetenceMap);

declare global {
  interface HTMLElementTagNameMap {
    'jauge-competence-map': JaugeCompetenceMap;
  }
}
