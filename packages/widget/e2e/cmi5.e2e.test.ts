// <jauge-assessment> as a cmi5 Assignable Unit, in real Chromium, launched by a stand-in LMS: a
// loopback LRS that hands out the one-time token, serves LMS.LaunchData and validates every
// statement (xAPI rules of core's validateStatement, version header, Basic auth).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '@jauge/core';
import type { Statement } from '@jauge/core/xapi';
// @ts-expect-error -- plain ESM helper shared with the demo command, no type declarations
import { startStaticServer } from '../../../scripts/static-server.mjs';
import { collectPageErrors, repoRoot, skipToResults, type StaticServer, withBrowserAndServer } from './harness.js';
import { type Cmi5Lms, startValidatingLrs } from './lrs.js';

interface PageLog {
  xapi: { state: string; pending: number }[];
  errors: string[];
  result: AssessmentResult | null;
  session: { launchMode: string; registration: string } | null;
}

const env = withBrowserAndServer();

const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';

function lms(launchMode: 'Normal' | 'Browse'): Cmi5Lms {
  return {
    // An LMS may add a person's name: the AU must not write it back.
    actor: { objectType: 'Agent', name: 'Camille Martin', account: { homePage: 'https://mentor.example.gouv.fr', name: 'a7f3-91c2' } },
    activityId: 'https://mentor.example.gouv.fr/cours/autodiagnostic/au/jauge',
    registration: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
    launchData: {
      contextTemplate: {
        contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://mentor.example.gouv.fr/cours/autodiagnostic' }] },
        extensions: { [SESSION]: 'session-42' },
      },
      launchMode,
      moveOn: 'Completed',
      returnURL: 'https://mentor.example.gouv.fr/cours/autodiagnostic',
    },
  };
}

async function run(launchMode: 'Normal' | 'Browse', page_ = '/packages/widget/e2e/pages/cmi5.html', base?: string) {
  const cmi5 = lms(launchMode);
  const lrs = await startValidatingLrs('jauge:secret', { cmi5, versions: /^1\.0\.\d+$/ });
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const query = new URLSearchParams({ endpoint: lrs.endpoint, fetch: lrs.endpoint.replace('/xAPI', '/fetch'), actor: JSON.stringify(cmi5.actor), registration: cmi5.registration, activityId: cmi5.activityId });
  await page.goto(`${base ?? env.server.url}${page_}?${query}`);
  const fromPackage = base !== undefined;
  if (!fromPackage) {
    await page.waitForFunction(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog.session !== null || (window as unknown as { jaugeLog: PageLog }).jaugeLog.errors.length > 0);
    expect((await page.evaluate(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog)).errors).toEqual([]);
  } else {
    // The package's own launch page: record what the element reports.
    await page.waitForFunction(() => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('h2'));
    await page.evaluate(() => {
      const log: PageLog = { xapi: [], errors: [], result: null, session: null };
      (window as unknown as { jaugeLog: PageLog }).jaugeLog = log;
      const element = document.querySelector('jauge-assessment')!;
      element.addEventListener('jauge-xapi', (event) => log.xapi.push((event as CustomEvent).detail));
      element.addEventListener('jauge-complete', (event) => (log.result = (event as CustomEvent).detail.result));
    });
  }
  const root = page.locator('jauge-assessment');
  await root.getByRole('button', { name: 'Commencer', exact: true }).click();
  await skipToResults(page);
  await page.waitForFunction(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog.result !== null);
  await page.waitForFunction(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog.xapi.some((s) => s.state === 'sent' && s.pending === 0));
  const result = (await page.evaluate(() => (window as unknown as { jaugeLog: PageLog }).jaugeLog.result))!;
  // Leaving the page sends `terminated` (keepalive request).
  await page.goto('about:blank');
  for (let i = 0; i < 100 && ![...lrs.stored.values()].some((s) => (s as Statement).verb.id.endsWith('/terminated')); i++) await new Promise((r) => setTimeout(r, 20));
  const statements = [...lrs.stored.values()] as Statement[];
  await context.close();
  await lrs.close();
  return { cmi5, lrs, statements, result, errors };
}

describe('<jauge-assessment> as a cmi5 Assignable Unit (real Chromium)', () => {
  it('fetches the token once, reads LMS.LaunchData, sends initialized, the assessment, completed (moveon) and terminated, in order', async () => {
    const { cmi5, lrs, statements, result, errors } = await run('Normal');
    expect(lrs.tokenRequests).toBe(1);
    expect(lrs.stateRequests).toHaveLength(1);
    const verbs = statements.map((s) => s.verb.id.split('/').pop());
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-2)).toBe('completed');
    expect(verbs.at(-1)).toBe('terminated');
    // initialized + attempted + one per item + per domain + per competence + completed (its own) + terminated
    const scored = result.answered.filter((a) => a.outcome !== 'rated').length;
    expect(statements).toHaveLength(1 + 1 + scored + result.domains.length + result.competences.length + 1 + 1);
    for (const s of statements) {
      expect(s.actor).toEqual({ objectType: 'Agent', account: cmi5.actor.account });
      expect(s.context.registration).toBe(cmi5.registration);
      expect(s.context.extensions?.[SESSION]).toBe('session-42');
      expect(s.context.contextActivities.grouping?.map((a) => a.id)).toContain('https://mentor.example.gouv.fr/cours/autodiagnostic');
      expect(s.version).toBe('1.0.3');
    }
    const categories = (s: Statement) => s.context.contextActivities.category.map((a) => a.id);
    const defined = statements.filter((s) => /\/(initialized|completed|terminated)$/.test(s.verb.id) && s.object.id === cmi5.activityId);
    expect(defined.map((s) => s.verb.id.split('/').pop())).toEqual(['initialized', 'completed', 'terminated']);
    for (const s of defined) expect(categories(s)).toContain(CMI5);
    expect(categories(defined[1]!)).toContain(MOVEON);
    expect(defined[1]!.result).toMatchObject({ completion: true, duration: expect.stringMatching(/^PT\d+\.\d{2}S$/) });
    expect(defined[2]!.result?.duration).toMatch(/^PT\d+\.\d{2}S$/);
    // The assessment's own statements are cmi5 "allowed" statements: no cmi5 category.
    for (const s of statements.filter((x) => !defined.includes(x))) expect(categories(s)).not.toContain(CMI5);
    expect(JSON.stringify(statements)).not.toContain('Camille');
    expect(lrs.requests.every((r) => r.status === 200 && r.problems.length === 0)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('runs from the package built by `jauge cmi5` (cmi5.xml, launch page) with the same statements', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jauge-cmi5-'));
    let server: StaticServer | undefined;
    try {
      const zip = join(dir, 'au.zip');
      execFileSync(process.execPath, [join(repoRoot, 'packages/core/dist/cli.js'), 'cmi5', '--out', zip, '--title', 'Autodiagnostic', '--max-items', '6', '--widget', join(repoRoot, 'packages/widget/dist/cdn')], { stdio: 'pipe' });
      const files = unzipSync(readFileSync(zip));
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['cmi5.xml', 'index.html', 'launch.js', 'jauge/jauge.js', 'jauge/cmi5/jauge-cmi5.js']));
      const structure = new TextDecoder().decode(files['cmi5.xml']);
      expect(structure).toContain('<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">');
      expect(structure).toMatch(/<au id="[^"]+" moveOn="Completed" launchMethod="AnyWindow">/);
      expect(structure).toContain('<url>index.html</url>');
      for (const [path, data] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, 'package', path)), { recursive: true });
        writeFileSync(join(dir, 'package', path), data);
      }
      writeFileSync(join(dir, 'favicon.ico'), readFileSync(join(repoRoot, 'packages/widget/e2e/pages/favicon.svg'))); // what the LMS serves at its root
      server = (await startStaticServer({ root: dir, port: 0 })) as StaticServer;
      const { statements, errors } = await run('Normal', '/package/index.html', server.url);
      const verbs = statements.filter((s) => s.object.id.endsWith('/au/jauge')).map((s) => s.verb.id.split('/').pop());
      expect(verbs).toEqual(['initialized', 'completed', 'terminated']);
      expect(errors).toEqual([]);
    } finally {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends no completed in Browse mode', async () => {
    const { statements } = await run('Browse');
    const verbs = statements.filter((s) => s.object.id.endsWith('/au/jauge')).map((s) => s.verb.id.split('/').pop());
    expect(verbs).toEqual(['initialized', 'terminated']);
  });
});
