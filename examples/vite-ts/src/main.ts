// Registers <jauge-assessment> and <jauge-profile> (a side-effect import), then uses the element
// with its TypeScript types: properties, typed events (GlobalEventHandlersEventMap), theming.
import '@jauge/widget/define';
import type { JaugeCompleteDetail, JaugeShareDetail } from '@jauge/widget';
import './theme.css';

function element<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`élément introuvable : ${selector}`);
  return found;
}

const jauge = document.querySelector('jauge-assessment'); // typed JaugeAssessment | null (HTMLElementTagNameMap)
if (!jauge) throw new Error('élément introuvable : jauge-assessment');
const suivi = element<HTMLParagraphElement>('#suivi');
const synthese = element<HTMLElement>('#synthese');
const liste = element<HTMLUListElement>('#synthese-liste');

// Group fields sent with a share: groups only, never a personal identifier.
jauge.group = { direction: 'DRH', service: 'Formation' };

jauge.addEventListener('jauge-start', (event) => {
  suivi.textContent = event.detail.resumed ? 'Test repris.' : `Test commencé (${event.detail.framework.id} ${event.detail.framework.version}).`;
});

jauge.addEventListener('jauge-answer', (event) => {
  // event.detail: { itemId, domain, outcome, answered } — never the response nor the key.
  if (event.detail.outcome !== 'rated') suivi.textContent = `${event.detail.answered} question(s) passée(s).`;
});

jauge.addEventListener('jauge-complete', (event) => showSummary(event.detail));

jauge.addEventListener('jauge-share', (event) => {
  event.detail.acknowledge(send(event.detail));
});

jauge.addEventListener('jauge-error', (event) => {
  console.error(`Jauge (${event.detail.code}) : ${event.detail.message}`, event.detail.issues ?? []);
});

function showSummary({ result, recommendations }: JaugeCompleteDetail): void {
  liste.replaceChildren(
    ...result.domains.map((domain) => {
      const item = document.createElement('li');
      item.textContent = `${domain.title} : niveau ${domain.level} ± ${domain.levelSe.toFixed(1).replace('.', ',')}`;
      return item;
    }),
  );
  const premiere = recommendations[0];
  if (premiere) {
    const item = document.createElement('li');
    item.textContent = `Première formation proposée : ${premiere.title}${premiere.uncertain ? ' (indicatif)' : ''}`;
    liste.append(item);
  }
  synthese.hidden = false;
}

/** Sends a share to the intranet's own endpoint; rejects on an HTTP error so the share stays queued. */
async function send({ shareId, campaign, group, pseudonym, result }: JaugeShareDetail): Promise<void> {
  const response = await fetch('/api/autodiagnostic/partages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shareId, campaign, group, pseudonym, result }),
  });
  if (!response.ok) throw new Error(`Envoi refusé : HTTP ${response.status}`);
}
