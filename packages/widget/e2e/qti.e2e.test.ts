// The QTI 3.0 items Jauge exports, read and scored by an independent QTI 3.0 engine in real
// Chromium: Citolab's qti-components (GPL-3.0, loaded only by the test page, never bundled). For
// every scored item of the reference bank, the engine's response processing must give the same
// score as Jauge's own scoring: 1 for the key (and every accepted text), 0 for a wrong answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { isCorrect } from '@jauge/core';
import { items } from '@jauge/core/reference';
import { exportItemToQti } from '@jauge/core/qti';
import { collectPageErrors, launchBrowser, serveRepo, type StaticServer } from './harness.js';

type Scored = Exclude<(typeof items.items)[number], { type: 'self-rating' }>;

let browser: Browser;
let server: StaticServer;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveRepo()]);
  page = await browser.newPage();
  errors = collectPageErrors(page);
  await page.goto(`${server.url}/packages/widget/e2e/pages/qti.html`);
  await page.waitForFunction(() => typeof (window as unknown as { scoreQti?: unknown }).scoreQti === 'function');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const score = (xml: string, response: string | string[]) =>
  page.evaluate(([x, r]) => (window as unknown as { scoreQti: (x: string, r: unknown) => Promise<{ interaction: string; score: number | null }> }).scoreQti(x, r), [xml, response] as const);

/** A wrong response of the item's shape (Jauge's scoring must say it is wrong too). */
function wrong(item: Scored): string | string[] {
  switch (item.type) {
    case 'single-choice':
      return item.options.find((o) => o.id !== item.answer)!.id;
    case 'multiple-choice':
      return item.options.filter((o) => !item.answer.includes(o.id)).map((o) => o.id).slice(0, 1);
    case 'ordering':
      return [...item.answer].reverse();
    case 'short-text':
      return 'réponse sans rapport';
  }
}

const INTERACTIONS = { 'single-choice': 'qti-choice-interaction', 'multiple-choice': 'qti-choice-interaction', ordering: 'qti-order-interaction', 'short-text': 'qti-text-entry-interaction' };

describe("Jauge's QTI 3.0 export, scored by Citolab's QTI engine (real Chromium)", () => {
  const scored = items.items.filter((item): item is Scored => item.type !== 'self-rating' && item.status !== 'retired');

  it('gives the key full marks and a wrong answer none, like Jauge, on every scored reference item', async () => {
    const disagreements: string[] = [];
    let checks = 0;
    for (const item of scored) {
      const xml = exportItemToQti(item, { lang: 'fr' });
      const cases: { response: string | string[]; label: string }[] = [{ response: wrong(item), label: 'wrong' }];
      if (item.type === 'short-text') {
        for (const accepted of item.answer) cases.push({ response: accepted, label: `accepted "${accepted}"` });
        if (item.tolerance?.case) cases.push({ response: item.answer[0]!.toUpperCase(), label: 'upper case' });
      } else cases.push({ response: item.answer, label: 'key' });
      for (const { response, label } of cases) {
        const got = await score(xml, response);
        const expected = isCorrect(item, response) ? 1 : 0;
        checks++;
        if (got.interaction !== INTERACTIONS[item.type]) disagreements.push(`${item.id}: rendered as ${got.interaction}`);
        if (got.score !== expected) disagreements.push(`${item.id} (${item.type}, ${label}): QTI engine ${got.score}, Jauge ${expected}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(checks).toBeGreaterThan(2 * scored.length);
    expect(errors).toEqual([]);
  });

  it('really reads the correct response from the XML (a tampered key scores the old key 0)', async () => {
    const item = scored.find((i): i is Extract<Scored, { type: 'single-choice' }> => i.type === 'single-choice')!;
    const other = item.options.find((o) => o.id !== item.answer)!.id;
    const tampered = exportItemToQti(item, { lang: 'fr' }).replace(`<qti-value>${item.answer}</qti-value>`, `<qti-value>${other}</qti-value>`);
    expect((await score(tampered, item.answer)).score).toBe(0);
    expect((await score(tampered, other)).score).toBe(1);
  });
});
