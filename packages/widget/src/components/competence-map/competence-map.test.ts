import { aggregateResults, publishCompetenceMap } from '@jauge/core';
import { framework } from '@jauge/core/reference';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticResults } from '../../../../core/src/cohort/testing/synthetic-results.js';
import '../../map.js';

afterEach(() => {
  document.body.innerHTML = '';
});

// Direction A has services of 12 and 3 agents; direction B one of 20: A/small must be hidden, and
// so must A/big, or A's subtotal minus A/big would give it away.
const group = (i: number) => (i < 12 ? { direction: 'A', service: 'grand' } : i < 15 ? { direction: 'A', service: 'petit' } : { direction: 'B', service: 'unique' });
const raw = aggregateResults(syntheticResults({ framework, count: 35, seed: 3, group }), { groupBy: ['direction', 'service'], minGroupSize: 1, framework });

async function mount(map = raw) {
  const el = document.createElement('jauge-competence-map');
  el.titles = Object.fromEntries(framework.domains.map((d) => [d.id, d.title]));
  el.map = map;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('tbody > tr')].map((tr) => tr.querySelector('th')!.textContent!.replace(/\s+/g, ' ').trim());

describe('<jauge-competence-map> (happy-dom)', () => {
  it('publishes a raw map before showing it: small groups and their complements are hidden, with the reason in words', async () => {
    const el = await mount();
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(rows(el)).toEqual([
      'A — grand masqué pour qu’un autre groupe ne puisse pas être recalculé',
      'A — petit trop peu d’agents',
      'B — unique Répartition',
    ]);
    expect(text).toContain('masqué');
    // No headcount of a hidden group anywhere in the table.
    const hiddenRows = [...el.shadowRoot!.querySelectorAll('tbody > tr')].slice(0, 2);
    for (const tr of hiddenRows) expect(tr.textContent).not.toMatch(/\b(3|12) agents\b/);
    expect(publishCompetenceMap(raw, { minGroupSize: 5 }).groups.map((g) => g.suppressed)).toEqual([true, true, false]);
  });

  it('sorts by a column (aria-sort), filters groups, and shows a distribution on demand', async () => {
    const el = await mount();
    const header = [...el.shadowRoot!.querySelectorAll('thead th')].find((th) => th.textContent?.includes('Agents'))!;
    header.querySelector('button')!.click();
    await el.updateComplete;
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    header.querySelector('button')!.click();
    await el.updateComplete;
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(rows(el)[0]).toMatch(/^B — unique/);
    const input = el.shadowRoot!.querySelector('input')!;
    input.value = 'petit';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(rows(el)).toHaveLength(1);
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const toggle = [...el.shadowRoot!.querySelectorAll('tbody button')][0] as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(el.shadowRoot!.querySelector('table.distribution caption')!.textContent).toBe('Agents par niveau — B — unique');
  });
});
