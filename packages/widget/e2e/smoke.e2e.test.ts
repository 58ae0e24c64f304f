import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchBrowser, serveRepo, type StaticServer } from './harness.js';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveRepo()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('built CDN bundle in real Chromium', () => {
  it('registers <jauge-assessment> and renders into its shadow root', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/packages/widget/e2e/pages/smoke.html`);
    const heading = await page.waitForFunction(
      () => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('h2')?.textContent ?? null,
    );
    expect(await heading.jsonValue()).toBe('Autodiagnostic des compétences numériques');
    expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Chrome\/\d+/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
