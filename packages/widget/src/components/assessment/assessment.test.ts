import { describe, expect, it } from 'vitest';
import '../../define.js';
import type { JaugeAssessment } from './assessment.component.js';

async function mount(attributes: Record<string, string> = {}): Promise<JaugeAssessment> {
  const el = document.createElement('jauge-assessment');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('<jauge-assessment>', () => {
  it('renders a French heading by default', async () => {
    const el = await mount();
    expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe('Autodiagnostic des compétences numériques');
  });

  it('switches to English with lang="en"', async () => {
    const el = await mount({ lang: 'en' });
    expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe('Digital skills self-assessment');
  });
});
