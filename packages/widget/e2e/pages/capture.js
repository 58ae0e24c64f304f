// Records the element's events for the tests (an external file: the CSP test page allows no inline script).
window.__events = [];
for (const type of ['jauge-start', 'jauge-answer', 'jauge-complete', 'jauge-share', 'jauge-error']) {
  document.addEventListener(type, (event) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(event.detail ?? null)) }));
}
const params = new URLSearchParams(location.search);
const element = document.querySelector('jauge-assessment');
for (const name of ['max-items', 'min-items', 'lang', 'storage', 'domains']) if (params.has(name)) element.setAttribute(name, params.get(name));
