// Test page: an Assignable Unit. The LMS opened it with the cmi5 launch parameters in the URL.
import '/packages/widget/dist/cdn/jauge.js';
import { connectCmi5 } from '/packages/widget/dist/cdn/cmi5/jauge-cmi5.js';

const element = document.querySelector('jauge-assessment');
const log = { xapi: [], errors: [], result: null, session: null };
window.jaugeLog = log;
element.addEventListener('jauge-xapi', (event) => log.xapi.push(event.detail));
element.addEventListener('jauge-complete', (event) => (log.result = event.detail.result));
connectCmi5(element, { retry: { initialDelay: 100, maxDelay: 400 } }).then(
  (session) => (log.session = { launchMode: session.launchData.launchMode, registration: session.launch.registration }),
  (error) => log.errors.push(String(error.message)),
);
