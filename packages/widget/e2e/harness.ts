import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
// @ts-expect-error -- plain ESM helper shared with the demo command, no type declarations
import { startStaticServer } from '../../../scripts/static-server.mjs';

/** Repository root: the static server serves it, so pages can load `packages/widget/dist/...`. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Finds the system Chromium; fails loudly rather than skipping the real-browser lane. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the real-browser tests. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

/** Launches headless system Chromium with flags that work in a closed network, as root. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface StaticServer {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

/** Serves the repository root on a free loopback port. */
export function serveRepo(headers?: (path: string) => Record<string, string>): Promise<StaticServer> {
  return startStaticServer({ root: repoRoot, port: 0, headers }) as Promise<StaticServer>;
}

/** Collects console errors and uncaught page errors, so a test can assert there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/**
 * Launches Chromium and the repository server once for a test file (closed after it); the
 * returned object's `browser` and `server` are set once `beforeAll` has run.
 */
export function withBrowserAndServer(): { readonly browser: Browser; readonly server: StaticServer } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveRepo()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet (use it inside a test)');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is not started yet (use it inside a test)');
      return server;
    },
  };
}

/** Path of axe-core's browser build. */
export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; returns "rule (nodes)" per violation. */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/**
 * Answers « Je ne sais pas » on every screen of `<jauge-assessment>` (in a page or a frame) until
 * the results, waiting for each new screen before the next click.
 */
export async function skipToResults(scope: Page | Frame, resultsTitle = 'Vos résultats'): Promise<void> {
  const root = scope.locator('jauge-assessment');
  for (let i = 0; i < 80; i++) {
    const heading = (await root.locator('h2').first().textContent())?.trim();
    if (heading === resultsTitle) return;
    await root.getByRole('button', { name: 'Je ne sais pas', exact: true }).click();
    await scope.waitForFunction((previous) => document.querySelector('jauge-assessment')?.shadowRoot?.querySelector('h2')?.textContent?.trim() !== previous, heading);
  }
  throw new Error('the results screen was not reached in 80 screens');
}
