// Test page helper: connects the element to the LRS given in the query string and records what
// the element reports. An external module (no inline script), like a host page under a strict CSP.
const params = new URLSearchParams(location.search);
const element = document.querySelector('jauge-assessment');
const log = { xapi: [], errors: [], result: null };
window.jaugeLog = log;
element.addEventListener('jauge-xapi', (event) => log.xapi.push(event.detail));
element.addEventListener('jauge-error', (event) => log.errors.push(event.detail));
element.addEventListener('jauge-complete', (event) => (log.result = event.detail.result));
if (params.get('endpoint')) {
  element.lrs = {
    endpoint: params.get('endpoint'),
    // A host would ask its back end for a short-lived token here.
    credentials: async () => `Basic ${btoa('jauge:secret')}`,
    version: params.get('version') ?? '2.0.0',
    activityBase: 'https://intranet.example.gouv.fr/jauge',
    actor: { account: { homePage: 'https://intranet.example.gouv.fr', name: 'agent-0042' } },
    retry: { initialDelay: 100, maxDelay: 400 },
  };
}
