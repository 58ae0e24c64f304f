// Self-contained bundle for <script type="module" src=".../jauge.js">: registers the agents'
// elements (the managers' <jauge-competence-map> has its own bundle, cdn/map/jauge-map.js).
import './define.js';

export { JaugeAssessment } from './components/assessment/assessment.component.js';
export { JaugeProfile, isResultLike } from './components/profile/profile.component.js';
export { defineElement } from './internal/define-element.js';
export { messagesFor, fr, en } from './i18n/messages.js';
