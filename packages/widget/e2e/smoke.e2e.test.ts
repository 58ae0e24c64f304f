import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { collectPageErrors, withBrowserAndServer } from './harness.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const env = withBrowserAndServer();

describe('built CDN bundle in real Chromium', () => {
  it('registers <jauge-assessment> and renders into its shadow root', async () => {
    const page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/packages/widget/e2e/pages/smoke.html`);
    const heading = await page.waitForFunction(
      () => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('h2')?.textContent ?? null,
    );
    expect(await heading.jsonValue()).toBe('Autodiagnostic des compétences numériques');
    expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Chrome\/\d+/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves the intranet demo of the README: the element starts on the reference content, axe-clean page', async () => {
    const page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/examples/intranet/`);
    await page.waitForFunction(() => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('button.primary'));
    expect(await page.evaluate(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('button.primary')!.textContent!.trim())).toBe('Commencer');
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
