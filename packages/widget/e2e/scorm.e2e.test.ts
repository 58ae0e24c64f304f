import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { restoreAssessment } from '@jauge/core';
import { framework, items } from '@jauge/core/reference';
import { decodeSuspendData, scormReport } from '@jauge/core/scorm';
// @ts-expect-error -- plain ESM helper shared with the demo command, no type declarations
import { startStaticServer } from '../../../scripts/static-server.mjs';
import { collectPageErrors, launchBrowser, repoRoot, type StaticServer } from './harness.js';

const require = createRequire(import.meta.url);
const pages = fileURLToPath(new URL('./pages/', import.meta.url));
const cli = join(repoRoot, 'packages/core/dist/cli.js');

let browser: Browser;
let server: StaticServer;
let root: string;
let files: Record<string, Uint8Array>;

interface Cmi {
  suspend_data: string;
  core: { lesson_status: string; exit: string; session_time: string; score: { raw: string; min: string; max: string } };
  /** scorm-again serialises the lists as objects keyed "0", "1"… */
  objectives: Record<string, { id: string; status: string; score: { raw: string; min: string; max: string } }>;
  interactions: Record<string, { id: string; type: string; result: string; objectives: Record<string, { id: string }>; student_response?: string }>;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'jauge-scorm-e2e-'));
  const zip = join(root, 'jauge-scorm.zip');
  // The package is built by the real command, from the built widget.
  execFileSync(process.execPath, [cli, 'scorm', '--out', zip, '--title', 'Autodiagnostic « numérique » & co', '--max-items', '8', '--widget', join(repoRoot, 'packages/widget/dist/cdn')], { stdio: 'pipe' });
  files = unzipSync(readFileSync(zip));
  for (const [path, data] of Object.entries(files)) {
    const target = join(root, 'package', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  copyFileSync(join(pages, 'scorm-lms.html'), join(root, 'lms.html'));
  copyFileSync(join(pages, 'scorm-lms.js'), join(root, 'scorm-lms.js'));
  copyFileSync(join(pages, 'favicon.svg'), join(root, 'favicon.ico')); // what the LMS serves at its root
  // scorm-again's ES module build (the CommonJS entry sits one folder up).
  copyFileSync(join(dirname(require.resolve('scorm-again/scorm12')), 'esm', 'scorm12.min.js'), join(root, 'scorm12.min.js'));
  [browser, server] = await Promise.all([launchBrowser(), startStaticServer({ root, port: 0 }) as Promise<StaticServer>]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Opens the stand-in LMS with a previous session's data (or none) and returns the SCO's frame. */
async function launch(page: Page, saved: unknown): Promise<Frame> {
  await page.goto(`${server.url}/lms.html`);
  await page.waitForFunction(() => typeof (window as unknown as { startLms?: unknown }).startLms === 'function');
  await page.evaluate((data) => (window as unknown as { startLms: (d: unknown) => void }).startLms(data), saved);
  await page.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.querySelector('jauge-assessment')?.shadowRoot?.querySelector('h2'));
  return page.frames().find((f) => f.url().endsWith('/package/index.html'))!;
}

const heading = (frame: Frame) => frame.evaluate(() => document.querySelector('jauge-assessment')!.shadowRoot!.querySelector('h2')?.textContent?.trim() ?? '');
const click = (frame: Frame, label: string) => frame.locator('jauge-assessment').getByRole('button', { name: label, exact: true }).click();
const cmi = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { API: { cmi: unknown } }).API.cmi)) as Cmi);

/** The current screen: heading and progress text (changes after every answer). */
const screen = (frame: Frame) =>
  frame.evaluate(() => {
    const root = document.querySelector('jauge-assessment')!.shadowRoot!;
    return `${root.querySelector('h2')?.textContent?.trim()}|${root.querySelector('#progress-text')?.textContent?.trim()}`;
  });

/** Answers the current question (the first option, or « Je ne sais pas » for free text and ordering) and waits for the next screen. */
async function answerOne(frame: Frame): Promise<void> {
  const root = frame.locator('jauge-assessment');
  await root.locator('form').waitFor();
  const before = await screen(frame);
  const choice = root.locator('input[type="radio"], input[type="checkbox"]').first();
  if ((await choice.count()) > 0) {
    await choice.check();
    await root.locator('button[type="submit"]').click();
  } else {
    await root.getByRole('button', { name: 'Je ne sais pas', exact: true }).click();
  }
  await frame.waitForFunction((previous) => {
    const shadow = document.querySelector('jauge-assessment')!.shadowRoot!;
    return `${shadow.querySelector('h2')?.textContent?.trim()}|${shadow.querySelector('#progress-text')?.textContent?.trim()}` !== previous;
  }, before);
}

describe('SCORM 1.2 package built by `jauge scorm`, run against scorm-again in real Chromium', () => {
  it('contains the manifest, the launch page and the widget, and nothing else', () => {
    const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
    const listed = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(listed).toEqual(Object.keys(files).filter((p) => p !== 'imsmanifest.xml').sort());
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('adlcp:scormtype="sco"');
    expect(manifest).toContain('Autodiagnostic « numérique » &amp; co');
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['index.html', 'launch.js', 'jauge/jauge.js', 'jauge/scorm/jauge-scorm.js']));
    expect(Object.keys(files).some((p) => p.endsWith('.map') || p.includes('jauge-map'))).toBe(false);
  });

  it('reports progress in suspend_data, resumes in a new LMS session, and reports the result as core computes it', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const frame = await launch(page, null);
    expect(await heading(frame)).toBe('Autodiagnostic des compétences numériques');
    await click(frame, 'Commencer');
    for (let i = 0; i < 4; i++) await answerOne(frame);
    const during = await cmi(page);
    expect(during.core.lesson_status).toBe('incomplete');
    expect(during.suspend_data.length).toBeGreaterThan(0);
    expect(during.suspend_data.length).toBeLessThanOrEqual(4096);
    const snapshot = decodeSuspendData(during.suspend_data, { framework, items });
    expect(snapshot.log).toHaveLength(4); // self-ratings included

    // The agent closes the activity: the SCO records its time and `suspend`, then LMSFinish.
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    const closed = await cmi(page);
    expect(closed.core.exit).toBe('suspend');
    expect(closed.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    await page.close();

    // A new session: the LMS hands the suspend data back with entry = resume.
    const next = await browser.newPage();
    const nextErrors = collectPageErrors(next);
    const resumed = await launch(next, { core: { lesson_status: closed.core.lesson_status, entry: 'resume' }, suspend_data: closed.suspend_data });
    await click(resumed, 'Reprendre');
    for (let i = 0; i < 30 && (await heading(resumed)) !== 'Vos résultats'; i++) await answerOne(resumed);
    expect(await heading(resumed)).toBe('Vos résultats');
    const done = await cmi(next);

    // What the LMS holds equals core's report for the replayed test.
    const replayed = restoreAssessment(decodeSuspendData(done.suspend_data, { framework, items }), { framework, items });
    expect(replayed.isComplete).toBe(true);
    const result = replayed.result();
    const report = new Map(scormReport(result, framework).map((e) => [e.element, e.value]));
    expect(done.core.lesson_status).toBe('completed');
    expect(done.core.score).toEqual({ raw: report.get('cmi.core.score.raw'), min: '0', max: '100' });
    const objectives = Object.values(done.objectives).map((o, n) => [o.id, o.score.raw, o.status, n]);
    expect(objectives).toEqual(objectives.map((_, n) => [report.get(`cmi.objectives.${n}.id`), report.get(`cmi.objectives.${n}.score.raw`), 'completed', n]));
    expect(objectives).toHaveLength(result.domains.length + result.competences.length);
    const interactions = Object.values(done.interactions);
    expect(interactions).toHaveLength(result.answered.length + result.domains.length);
    for (const [n, interaction] of interactions.entries()) {
      expect(interaction.id).toBe(report.get(`cmi.interactions.${n}.id`));
      expect(interaction.type).toBe(report.get(`cmi.interactions.${n}.type`));
      expect(interaction.result).toBe(report.get(`cmi.interactions.${n}.result`));
      expect(interaction.objectives['0']?.id).toBe(report.get(`cmi.interactions.${n}.objectives.0.id`));
      expect(interaction.student_response ?? '').toBe('');
    }
    // The domain levels the agent saw are the ones the LMS holds.
    const shown = await resumed.evaluate(() => (document.querySelector('jauge-assessment') as unknown as { result: { domains: { id: string; level: number }[] } }).result.domains);
    for (const domain of shown) {
      expect(Object.values(done.objectives).find((o) => o.id === `domain.${domain.id}`)?.score.raw).toBe(String(domain.level));
      expect(interactions.find((i) => i.id === `level.${domain.id}`)?.result).toBe(String(domain.level));
    }
    // Every value was accepted by the API, and nothing identifying was read.
    const calls = await next.evaluate(() => (window as unknown as { lmsCalls: { name: string; args: string[]; error: string }[] }).lmsCalls);
    expect(calls.filter((c) => c.error !== '0')).toEqual([]);
    expect(calls.some((c) => /student_(id|name)/.test(c.args[0] ?? ''))).toBe(false);
    expect(calls.filter((c) => c.name === 'LMSSetValue' && c.args[0]!.endsWith('student_response'))).toEqual([]);
    expect([...errors, ...nextErrors]).toEqual([]);
    await next.close();
  });

  it('starts a new test with a notice when the LMS hands back unreadable suspend data, and clears it', async () => {
    const page = await browser.newPage();
    const frame = await launch(page, { core: { lesson_status: 'incomplete', entry: 'resume' }, suspend_data: 'J1["1.0.0","1.0.0","00000000"' });
    await frame.locator('jauge-assessment').getByRole('alert').waitFor();
    expect(await frame.locator('jauge-assessment').getByRole('alert').textContent()).toContain('n’a pas pu être relu');
    expect((await cmi(page)).suspend_data).toBe('');
    await click(frame, 'Commencer');
    await answerOne(frame);
    expect(decodeSuspendData((await cmi(page)).suspend_data, { framework, items }).log).toHaveLength(1);
    await page.close();
  });

  it('runs standalone (no LMS) with localStorage, without errors', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/package/index.html`);
    await page.waitForFunction(() => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('h2'));
    const frame = page.mainFrame();
    await click(frame, 'Commencer');
    await answerOne(frame);
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('jauge:v1:session:')))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
