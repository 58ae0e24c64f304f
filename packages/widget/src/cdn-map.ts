// Self-contained bundle of the managers' view: <script type="module" src=".../jauge-map.js">.
import './map.js';

export { JaugeCompetenceMap } from './components/competence-map/competence-map.component.js';
