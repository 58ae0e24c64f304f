// Test page: loads Citolab's QTI 3.0 player (@citolab/qti-components, GPL-3.0, a test tool: it is
// only loaded by this page, never bundled), renders one item's XML, sets a response the way its
// interactions do (the `qti-interaction-response` event), runs the item's response processing and
// returns the SCORE outcome.
import '/packages/widget/node_modules/@citolab/qti-components/cdn/index.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

window.scoreQti = async (xml, response) => {
  const item = document.createElement('qti-item');
  const container = document.createElement('item-container');
  // Before connecting: the container parses itemXML when connected (a change made before its
  // first update would be missed).
  container.itemXML = xml;
  item.append(container);
  document.querySelector('main').replaceChildren(item);
  let assessmentItem = null;
  for (let i = 0; i < 200 && !assessmentItem; i++) {
    await sleep(10);
    assessmentItem = container.shadowRoot?.querySelector('qti-assessment-item') ?? null;
  }
  if (!assessmentItem) throw new Error('the QTI player rendered no qti-assessment-item');
  await assessmentItem.updateComplete;
  const interaction = assessmentItem.querySelector('[response-identifier]');
  if (!interaction) throw new Error('no interaction found');
  const interactionTag = interaction.tagName.toLowerCase();
  interaction.dispatchEvent(new CustomEvent('qti-interaction-response', { bubbles: true, composed: true, detail: { responseIdentifier: interaction.getAttribute('response-identifier'), response } }));
  assessmentItem.processResponse();
  const score = assessmentItem.getOutcome('SCORE');
  return { interaction: interactionTag, score: score ? Number(score.value) : null };
};
