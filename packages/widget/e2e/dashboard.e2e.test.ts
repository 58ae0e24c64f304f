import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { collectPageErrors, launchBrowser, repoRoot, serveRepo, type StaticServer } from './harness.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveRepo(() => ({ 'content-security-policy': "default-src 'self'" }))]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the managers’ dashboard (examples/dashboard) in real Chromium', () => {
  it('shows the competence map with hidden small groups, axe-clean, sortable by keyboard, CSV download, under a strict CSP', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const errors = collectPageErrors(page);
    const violations: string[] = [];
    await page.exposeFunction('__violation', (v: string) => violations.push(v));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violation: (v: string) => void }).__violation(e.violatedDirective)));
    await page.goto(`${server.url}/examples/dashboard/`);
    await page.waitForFunction(() => document.querySelector('jauge-competence-map')?.shadowRoot?.querySelector('tbody tr'));
    const state = await page.evaluate(() => {
      const root = document.querySelector('jauge-competence-map')!.shadowRoot!;
      return { rows: root.querySelectorAll('tbody > tr').length, hidden: root.querySelectorAll('td.suppressed').length, text: root.textContent ?? '' };
    });
    expect(state.rows).toBeGreaterThan(10);
    expect(state.hidden).toBeGreaterThan(0); // the two tiny services of the fictional ministry
    expect(state.text).toContain('trop peu d’agents');

    await page.evaluate(readFileSync(axePath, 'utf8')); // evaluated through the DevTools protocol: the page's CSP allows no injected script
    const axe = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => v.id);
    });
    expect(axe).toEqual([]);

    // Keyboard: reach the "Global" column header and sort by it.
    for (let i = 0; i < 30; i++) {
      const focused = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.textContent?.trim() ?? '';
      });
      if (focused === 'Global') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const sort = await page.evaluate(() => [...document.querySelector('jauge-competence-map')!.shadowRoot!.querySelectorAll('thead th')].find((th) => th.textContent?.trim() === 'Global')!.getAttribute('aria-sort'));
    expect(sort).toBe('ascending');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(() => ([...document.querySelector('jauge-competence-map')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('CSV')) as HTMLButtonElement).click()),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM for spreadsheet software
    expect(csv.split('\r\n')[0]).toContain(';');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(repoRoot, 'docs', 'screenshots', 'dashboard-1280.png'), fullPage: false });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
