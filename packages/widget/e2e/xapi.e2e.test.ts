import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { AssessmentResult } from '@jauge/core';
import { framework } from '@jauge/core/reference';
import { type Statement, validateStatement, xapiStatements } from '@jauge/core/xapi';
import { collectPageErrors, skipToResults, withBrowserAndServer } from './harness.js';
import { startLearningLocker, startValidatingLrs } from './lrs.js';

interface PageLog {
  xapi: { state: string; count: number; pending: number; status?: number }[];
  errors: unknown[];
  result: AssessmentResult | null;
}

const env = withBrowserAndServer();

async function open(context: BrowserContext, endpoint: string, version = '2.0.0'): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${env.server.url}/packages/widget/e2e/pages/xapi.html?endpoint=${encodeURIComponent(endpoint)}&version=${version}`);
  await page.waitForFunction(() => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('h2'));
  return { page, errors };
}

/** Starts the test and answers « Je ne sais pas » until the results screen. */
async function takeTest(page: Page): Promise<AssessmentResult> {
  await page.locator('jauge-assessment').getByRole('button', { name: 'Commencer', exact: true }).click();
  await skipToResults(page);
  await page.waitForFunction(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog.result !== null);
  return page.evaluate(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog.result!);
}

const pageLog = (page: Page) => page.evaluate(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog);

/** What core builds for this result, registration and timestamp: the statements the LRS must hold. */
function expected(result: AssessmentResult, registration: string, timestamp: string): Statement[] {
  return xapiStatements(result, {
    actor: { account: { homePage: 'https://intranet.example.gouv.fr', name: 'agent-0042' } },
    activityBase: 'https://intranet.example.gouv.fr/jauge',
    registration,
    timestamp,
    framework,
  });
}

describe('xAPI statements sent by <jauge-assessment> (real Chromium)', () => {
  it("are stored by Learning Locker's open-source LRS (xapi-statements, xAPI 1.0.3), exactly as core builds them", async () => {
    const lrs = await startLearningLocker();
    const context = await env.browser.newContext();
    try {
      const { page, errors } = await open(context, lrs.endpoint, '1.0.3');
      const result = await takeTest(page);
      await page.waitForFunction(() => {
        const log = (window as unknown as { jaugeLog: PageLog }).jaugeLog;
        return log.xapi.some((s) => s.state === 'sent' && s.pending === 0);
      });
      const first = (await page.evaluate(() => JSON.parse(localStorage.getItem('jauge:v1:result:socle-numerique-agent-public') ?? 'null'))) as unknown;
      expect(first).not.toBeNull();
      // Find the attempt in the LRS through the registration of any statement it holds.
      const all = (await (await fetch(`${lrs.endpoint}/statements?limit=500`, { headers: { Authorization: `Basic ${Buffer.from('jauge:secret').toString('base64')}`, 'X-Experience-API-Version': '1.0.3' } })).json()) as { statements: Statement[] };
      const registration = all.statements[0]!.context.registration;
      const stored = await lrs.statements(registration);
      const want = expected(result, registration, all.statements[0]!.timestamp);
      expect(stored).toHaveLength(want.length);
      expect(want.length).toBe(1 + result.answered.filter((a) => a.outcome !== 'rated').length + result.domains.length + result.competences.length);
      const byId = new Map(stored.map((s) => [s['id'] as string, s]));
      for (const statement of want) {
        const got = byId.get(statement.id);
        expect(got, statement.id).toBeDefined();
        // The LRS adds `stored` and `authority`, and keeps the version it was sent (1.0.3).
        expect({ ...got, stored: undefined, authority: undefined }).toEqual({ ...statement, version: '1.0.3', stored: undefined, authority: undefined });
      }
      // The sender was loaded as its own file, next to jauge.js.
      expect(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.includes('/dist/cdn/')))).toEqual(expect.arrayContaining(['/packages/widget/dist/cdn/xapi/jauge-xapi.js']));
      expect((await pageLog(page)).errors).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await lrs.close();
    }
  });

  it('keeps the statements while the network is down, sends them when it is back, and after a reload', async () => {
    const lrs = await startValidatingLrs();
    const context = await env.browser.newContext();
    try {
      // 1. Offline when the test ends: nothing is lost, everything is queued in localStorage.
      const { page } = await open(context, lrs.endpoint);
      await context.setOffline(true);
      const result = await takeTest(page);
      await page.waitForFunction(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog.xapi.some((s) => s.state === 'offline'));
      const queueKey = `jauge:v1:xapi-queue:${lrs.endpoint}`;
      const queued = (await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), queueKey)) as Statement[];
      const want = expected(result, queued[0]!.context.registration, queued[0]!.timestamp);
      expect(queued).toEqual(want);
      expect(lrs.requests).toEqual([]);

      // 2. Back online: the browser's `online` event sends the queue.
      await context.setOffline(false);
      await page.waitForFunction(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog.xapi.some((s) => s.state === 'sent' && s.pending === 0));
      expect([...lrs.stored.values()]).toEqual(want);
      expect(lrs.requests.every((r) => r.status === 200 && r.problems.length === 0)).toBe(true);
      expect(await page.evaluate((key) => localStorage.getItem(key), queueKey)).toBeNull();
      for (const statement of lrs.stored.values()) expect(validateStatement(statement)).toEqual([]);

      // 3. The LRS fails (503) when the next test ends and the page is closed before a retry
      //    succeeds: the next visit sends what was left.
      await page.evaluate(() => ([...document.querySelector('jauge-assessment')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Recommencer') as HTMLButtonElement).click());
      lrs.failNext(1000, 503);
      const before = lrs.stored.size;
      await page.evaluate(() => ((window as unknown as { jaugeLog: PageLog }).jaugeLog.result = null));
      await skipToResults(page);
      await page.waitForFunction(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog.xapi.filter((s) => s.state === 'retrying').length >= 2);
      const retries = (await pageLog(page)).xapi.filter((s) => s.state === 'retrying');
      expect(retries.every((s) => s.status === 503)).toBe(true);
      const second = (await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), queueKey)) as Statement[];
      expect(second.length).toBeGreaterThan(0);
      await page.close();
      expect(lrs.stored.size).toBe(before);
      lrs.failNext(0, 503);
      const { page: next } = await open(context, lrs.endpoint);
      await next.waitForFunction(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog.xapi.some((s) => s.state === 'sent' && s.pending === 0));
      expect(lrs.stored.size).toBe(before + second.length);
      for (const statement of second) expect(lrs.stored.get(statement.id)).toEqual(statement);
    } finally {
      await context.close();
      await lrs.close();
    }
  });

  it('sends nothing and loads no sending code when the lrs property is not set', async () => {
    const context = await env.browser.newContext();
    const requests: string[] = [];
    try {
      const page = await context.newPage();
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${env.server.url}/packages/widget/e2e/pages/xapi.html`);
      await page.waitForFunction(() => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('h2'));
      await takeTest(page);
      expect(requests.filter((path) => path.includes('jauge-xapi'))).toEqual([]);
      expect(requests.every((path) => !path.includes('xAPI'))).toBe(true);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jauge:v1:xapi')))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
