import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createAssessment, type AssessmentResult, type AssessmentSnapshot } from '@jauge/core';
import { catalogue, framework, items } from '@jauge/core/reference';
import { axe, collectPageErrors, launchBrowser, repoRoot, serveRepo, type StaticServer } from './harness.js';

const SESSION_KEY = `jauge:v1:session:${framework.id}:${items.id}`;

let browser: Browser;
let server: StaticServer;
const csp = "default-src 'self'";

beforeAll(async () => {
  [browser, server] = await Promise.all([
    launchBrowser(),
    serveRepo(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query = '', page?: Page): Promise<{ page: Page; errors: string[] }> {
  const p = page ?? (await browser.newPage());
  const errors = collectPageErrors(p);
  await p.goto(`${server.url}/packages/widget/e2e/pages/assessment.html${query}`);
  await p.waitForFunction(() => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('h2'));
  return { page: p, errors };
}

/** The focused element, looking inside the shadow root. */
function focused(page: Page): Promise<{ tag: string; type: string | null; text: string; id: string | null }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', type: el?.getAttribute('type') ?? null, text: (el?.textContent ?? '').trim(), id: el?.id ?? null };
  });
}

/** Presses Tab until the focused element matches (keyboard only: no clicks anywhere). */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (match(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach the control by keyboard; focused: ${JSON.stringify(await focused(page))}`);
}

function currentScreen(page: Page): Promise<{ heading: string; type: string | null; id: string | null }> {
  return page.evaluate(() => {
    const root = document.querySelector('jauge-assessment')!.shadowRoot!;
    const radio = root.querySelector('input[type="radio"]');
    const type = root.querySelector('.order-row') ? 'ordering' : root.querySelector('input[type="checkbox"]') ? 'multiple-choice' : root.querySelector('input[type="text"]') ? 'short-text' : radio ? 'radio' : null;
    return { heading: root.querySelector('h2')?.textContent?.trim() ?? '', type, id: radio?.getAttribute('name') ?? root.querySelector('input')?.getAttribute('name') ?? root.querySelector('input')?.id ?? null };
  });
}

/** Rounds every number to 9 decimals, for comparisons across JavaScript engines. */
function rounded(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v));
}

describe('<jauge-assessment> in real Chromium', () => {
  it('is taken from intro to results with the keyboard only, axe-clean on every screen, with the result core computes', async () => {
    const { page, errors } = await open();
    const checked: string[] = [];
    expect(await axe(page), 'intro').toEqual([]);
    checked.push('intro');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Commencer');
    await page.keyboard.press('Enter');
    const seenTypes = new Set<string>();
    let paused = false;
    for (let step = 0; step < 60; step++) {
      await page.waitForFunction(() => {
        const root = document.querySelector('jauge-assessment')!.shadowRoot!;
        return root.querySelector('legend') || root.querySelector('table');
      });
      const screen = await currentScreen(page);
      if (screen.heading === 'Vos résultats') break;
      // Focus moved to the new question's heading.
      expect((await focused(page)).tag).toBe('h2');
      const itemType = await page.evaluate(() => {
        const snapshot = JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('jauge:v1:session:'))!)!);
        return snapshot.pending.kind === 'self-rating' ? 'self-rating' : null;
      });
      const kind = itemType ?? screen.type!;
      if (!seenTypes.has(kind)) {
        seenTypes.add(kind);
        expect(await axe(page), kind).toEqual([]);
        checked.push(kind);
      }
      if (!paused && step === 3) {
        paused = true;
        await tabTo(page, (f) => f.text === 'Faire une pause');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('h2')?.textContent?.includes('pause'));
        expect(await axe(page), 'paused').toEqual([]);
        checked.push('paused');
        await tabTo(page, (f) => f.text === 'Reprendre');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('legend'));
      }
      if (step % 5 === 4) {
        await tabTo(page, (f) => f.text === 'Je ne sais pas');
      } else if (kind === 'radio' || kind === 'self-rating') {
        await tabTo(page, (f) => f.type === 'radio');
        await page.keyboard.press('ArrowDown'); // moves to and selects the next option
        await tabTo(page, (f) => f.text === 'Valider');
      } else if (kind === 'multiple-choice') {
        await tabTo(page, (f) => f.type === 'checkbox');
        await page.keyboard.press('Space');
        await tabTo(page, (f) => f.text === 'Valider');
      } else if (kind === 'ordering') {
        await tabTo(page, (f) => f.tag === 'button' && f.text === '↓');
        await page.keyboard.press('Enter');
        await tabTo(page, (f) => f.text === 'Valider');
      } else if (kind === 'short-text') {
        await tabTo(page, (f) => f.tag === 'input' && f.type === 'text');
        await page.keyboard.type('72');
        await tabTo(page, (f) => f.text === 'Valider');
      }
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(() => (window as unknown as { __events: { type: string }[] }).__events.some((e) => e.type === 'jauge-complete'));
    expect(await axe(page), 'results').toEqual([]);
    checked.push('results');
    expect(new Set(seenTypes)).toEqual(new Set(['radio', 'self-rating', 'multiple-choice', 'ordering', 'short-text']));
    expect(checked).toEqual(expect.arrayContaining(['intro', 'paused', 'results', 'radio', 'self-rating', 'multiple-choice', 'ordering', 'short-text']));

    // Independent check: core, given the same seed and the same responses, computes the same result.
    const { snapshot, result } = await page.evaluate((key) => {
      const events = (window as unknown as { __events: { type: string; detail: { result: unknown } }[] }).__events;
      return { snapshot: JSON.parse(localStorage.getItem(key)!), result: events.find((e) => e.type === 'jauge-complete')!.detail.result };
    }, SESSION_KEY);
    const replay = createAssessment({ framework, items, seed: (snapshot as AssessmentSnapshot).seed });
    for (const entry of (snapshot as AssessmentSnapshot).log) {
      const item = replay.nextItem()!;
      expect(item.id).toBe(entry.itemId);
      if (entry.kind === 'skip') replay.skip(item.id);
      else replay.answer(item.id, entry.response);
    }
    expect(replay.isComplete).toBe(true);
    // Same levels and items; θ and SE equal to 1e-9 (Chromium's and Node's Math.exp may differ in the last bit).
    expect(rounded(result as AssessmentResult)).toEqual(rounded(replay.result()));
    // Recommendations are shown, each linking only to a training of the catalogue.
    const shown = await page.evaluate(() => {
      const root = document.querySelector('jauge-assessment')!.shadowRoot!;
      return { title: root.querySelector('#reco-title')?.textContent, links: [...root.querySelectorAll('.card a')].map((a) => a.getAttribute('href')) };
    });
    expect(shown.title).toBe('Formations recommandées');
    const urls = new Set(catalogue.trainings.map((t) => t.url));
    for (const href of shown.links) expect(urls.has(href ?? '')).toBe(true);
    const completeDetail = await page.evaluate(() => (window as unknown as { __events: { type: string; detail: { recommendations: { trainingId: string; reasons: string[] }[] } }[] }).__events.find((e) => e.type === 'jauge-complete')!.detail);
    expect(completeDetail.recommendations.length).toBeGreaterThan(0);
    for (const r of completeDetail.recommendations) expect(r.reasons.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('resumes on the same question after a reload; a corrupted save shows a message and starts afresh', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => (document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('button.primary') as HTMLButtonElement).click());
    await page.waitForFunction(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('legend'));
    const skipOnce = () => page.evaluate(() => ([...document.querySelector('jauge-assessment')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Je ne sais pas') as HTMLButtonElement).click());
    for (let i = 0; i < 3; i++) {
      await skipOnce();
      await page.waitForTimeout(50);
    }
    const before = await page.evaluate(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('legend')!.textContent);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('button.primary'));
    expect(await page.evaluate(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('button.primary')!.textContent!.trim())).toBe('Reprendre');
    await page.evaluate(() => (document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('button.primary') as HTMLButtonElement).click());
    await page.waitForFunction(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('legend'));
    expect(await page.evaluate(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('legend')!.textContent)).toBe(before);

    await page.evaluate((key) => localStorage.setItem(key, localStorage.getItem(key)!.replace('"seed":', '"seed":1')), SESSION_KEY);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('.notice'));
    expect(await page.evaluate(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('.notice')!.textContent)).toContain('n’a pas pu être relu');
    expect(await page.evaluate(() => (window as unknown as { __events: { type: string; detail: { code: string } }[] }).__events.filter((e) => e.type === 'jauge-error').map((e) => e.detail.code))).toEqual(['corrupted-save']);
    expect(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works under Content-Security-Policy default-src \'self\' with no violation and no request but its own files', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // The same test page, from a second server that sends the strict policy with every file.
    const strict = await serveRepo(() => ({ 'content-security-policy': csp }));
    await page.goto(`${strict.url}/packages/widget/e2e/pages/assessment.html`);
    await page.waitForFunction(() => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('button.primary'));
    await page.evaluate(() => (document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('button.primary') as HTMLButtonElement).click());
    await page.waitForFunction(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('.progress-bar'));
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(requests.every((url) => url.startsWith(strict.url))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
    await strict.close();
  });

  it('lets two copies of the bundle coexist on one page', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/packages/widget/e2e/pages/two-copies.html`);
    await page.waitForFunction(() => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('h2'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders each screen at 1280 px and 320 px (screenshots for the guide), without horizontal scrolling at 320 px', async () => {
    const dir = join(repoRoot, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    for (const width of [1280, 320]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await open('?max-items=6&min-items=6', page);
      await page.screenshot({ path: join(dir, `intro-${width}.png`), fullPage: true });
      await page.evaluate(() => (document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('button.primary') as HTMLButtonElement).click());
      await page.waitForFunction(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('legend'));
      await page.screenshot({ path: join(dir, `question-${width}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      for (let i = 0; i < 20; i++) {
        const done = await page.evaluate(() => {
          const root = document.querySelector('jauge-assessment')!.shadowRoot!;
          if (root.querySelector('table')) return true;
          ([...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Je ne sais pas') as HTMLButtonElement | undefined)?.click();
          return false;
        });
        if (done) break;
        await page.waitForTimeout(30);
      }
      await page.waitForFunction(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('table'));
      await page.screenshot({ path: join(dir, `results-${width}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.close();
    }
  });

  it('maps its colours onto the DSFR tokens of the host page with theme="dsfr", and keeps its neutral theme otherwise', async () => {
    const { page } = await open();
    const colour = () => page.evaluate(() => getComputedStyle(document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('button.primary')!).backgroundColor);
    expect(await colour()).toBe('rgb(26, 78, 138)');
    await page.evaluate(() => {
      document.documentElement.style.setProperty('--background-action-high-blue-france', '#000091');
      document.querySelector('jauge-assessment')!.setAttribute('theme', 'dsfr');
    });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('button.primary')!).backgroundColor === 'rgb(0, 0, 145)');
    expect(await colour()).toBe('rgb(0, 0, 145)');
    await page.close();
  });
});
