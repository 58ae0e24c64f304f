// <jauge-assessment light-dom>: rendered into the page (for audit tools that do not enter shadow
// roots), in real Chromium: keyboard-only to the results, axe-clean, ids unique with two elements
// and a host id that collides, styles scoped to the element.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, collectPageErrors, withBrowserAndServer } from './harness.js';

const env = withBrowserAndServer();

const duplicateIds = (page: Page) =>
  page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });

describe('<jauge-assessment light-dom> in real Chromium', () => {
  it('renders in the page, with scoped styles, unique ids and no axe violation, and is taken to the results with the keyboard', async () => {
    const page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${env.server.url}/packages/widget/e2e/pages/light-dom.html`);
    await page.waitForFunction(() => document.querySelectorAll('jauge-assessment h2').length === 2);
    // In the page, not in a shadow root; the fallback text is gone.
    expect(await page.evaluate(() => [...document.querySelectorAll('jauge-assessment')].map((e) => [e.shadowRoot === null, e.querySelector('h2')?.textContent?.trim()]))).toEqual([
      [true, 'Autodiagnostic des compétences numériques'],
      [true, 'Digital skills self-assessment'],
    ]);
    expect(await page.evaluate(() => document.querySelector('jauge-assessment')!.textContent)).not.toContain('Chargement de l');
    // Styles apply inside the element only.
    const heights = await page.evaluate(() => [getComputedStyle(document.querySelector('jauge-assessment button')!).minHeight, getComputedStyle(document.getElementById('host-button')!).minHeight]);
    expect(heights[0]).toBe('44px');
    expect(heights[1]).not.toBe('44px');
    expect(await duplicateIds(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);

    // Keyboard only, first element: Tab to « Commencer », then « Je ne sais pas » until the results.
    const focusedText = () => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
    for (let i = 0; i < 10 && (await focusedText()) !== 'Commencer'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let step = 0; step < 20; step++) {
      await page.waitForFunction(() => document.querySelector('jauge-assessment h2')?.matches(':focus'));
      if ((await page.evaluate(() => document.querySelector('jauge-assessment h2')!.textContent!.trim())) === 'Vos résultats') break;
      if (step === 1) {
        expect(await duplicateIds(page)).toEqual([]);
        expect(await axe(page)).toEqual([]);
      }
      for (let i = 0; i < 30 && (await focusedText()) !== 'Je ne sais pas'; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
    }
    expect(await page.evaluate(() => document.querySelector('jauge-assessment h2')!.textContent!.trim())).toBe('Vos résultats');
    expect(await duplicateIds(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
