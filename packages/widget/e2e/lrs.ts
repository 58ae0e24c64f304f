// Two Learning Record Stores for the real-browser tests, both on loopback:
// - Learning Locker's open-source statement service (npm `xapi-statements`, xAPI 1.0.3), started
//   as a child process with its in-memory repositories;
// - a small xAPI 2.0 statement endpoint that applies the specification's rules (core's
//   `validateStatement`, the version header, Basic auth, conflicts by id) and can be told to fail.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateStatement } from '@jauge/core/xapi';

const require = createRequire(import.meta.url);

/** Headers a browser page on another loopback origin needs to talk to the LRS. */
function cors(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
    'Access-Control-Expose-Headers': 'X-Experience-API-Version, Retry-After',
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningLrs {
  /** xAPI base URL (`…/xAPI`). */
  endpoint: string;
  close(): Promise<void>;
}

/** Starts Learning Locker's statement service (in-memory models, fake auth accepting any Basic credentials). */
export async function startLearningLocker(): Promise<RunningLrs & { statements(registration: string): Promise<Record<string, unknown>[]> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'jauge-ll-'));
  const server = require.resolve('xapi-statements/dist/server.js');
  const child: ChildProcess = spawn(process.execPath, [server], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      EXPRESS_PORT: String(port),
      AUTH_REPO: 'test',
      EVENTS_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      FS_LOCAL_STORAGE_DIR: join(dir, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: join(dir, 'logs'),
      WINSTON_CONSOLE_LEVEL: 'error',
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}/xAPI`;
  const auth = { Authorization: `Basic ${Buffer.from('jauge:secret').toString('base64')}`, 'X-Experience-API-Version': '1.0.3' };
  for (let i = 0; ; i++) {
    try {
      const about = await fetch(`${endpoint}/about`);
      if (about.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || i > 150) {
      child.kill();
      throw new Error(`Learning Locker's xapi-statements did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    async statements(registration) {
      const response = await fetch(`${endpoint}/statements?registration=${registration}&limit=500&ascending=true`, { headers: auth });
      if (!response.ok) throw new Error(`GET statements: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { statements: Record<string, unknown>[] }).statements;
    },
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill();
      }),
  };
}

/** A statement endpoint that applies xAPI 2.0's rules and can be told to fail the next requests. */
export interface ValidatingLrs extends RunningLrs {
  /** Statements stored, by id. */
  stored: Map<string, unknown>;
  /** Every POST, with its status. */
  requests: { status: number; count: number; problems: string[] }[];
  /** The next `n` POSTs answer `status` (e.g. 503) without storing anything. */
  failNext(n: number, status: number): void;
}

/** What a cmi5 LMS adds to its LRS: the one-time token service and the LMS.LaunchData state document. */
export interface Cmi5Lms {
  actor: { objectType: 'Agent'; account: { homePage: string; name: string }; name?: string };
  activityId: string;
  registration: string;
  launchData: Record<string, unknown>;
}

export async function startValidatingLrs(credentials = 'jauge:secret', options: { cmi5?: Cmi5Lms; versions?: RegExp } = {}): Promise<ValidatingLrs & { tokenRequests: number; stateRequests: string[] }> {
  const versions = options.versions ?? /^2\.0\.\d+$/;
  let tokenRequests = 0;
  const stateRequests: string[] = [];
  const stored = new Map<string, unknown>();
  const requests: ValidatingLrs['requests'] = [];
  let failures: { left: number; status: number } = { left: 0, status: 503 };
  const expectedAuth = `Basic ${Buffer.from(credentials).toString('base64')}`;
  const reply = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown, problems: string[] = [], count = 0) => {
    if (req.method === 'POST') requests.push({ status, count, problems });
    res.writeHead(status, { ...cors(req), 'Content-Type': 'application/json', 'X-Experience-API-Version': '2.0.0', ...(status === 503 ? { 'Retry-After': '0' } : {}) });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors(req)).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cmi5 = options.cmi5;
    if (cmi5 && req.method === 'POST' && url.pathname === '/fetch') {
      // cmi5 section 8.2: the token is handed out once.
      tokenRequests++;
      if (tokenRequests > 1) return reply(req, res, 200, { 'error-code': '1', 'error-text': 'The token was already fetched' });
      return reply(req, res, 200, { 'auth-token': Buffer.from(credentials).toString('base64') });
    }
    if (cmi5 && req.method === 'GET' && url.pathname === '/xAPI/activities/state') {
      stateRequests.push(url.search);
      if (req.headers.authorization !== expectedAuth) return reply(req, res, 401, { message: 'bad credentials' });
      const agent = JSON.parse(url.searchParams.get('agent') ?? 'null') as { account?: unknown } | null;
      const matches = url.searchParams.get('stateId') === 'LMS.LaunchData' && url.searchParams.get('activityId') === cmi5.activityId && url.searchParams.get('registration') === cmi5.registration && JSON.stringify(agent?.account) === JSON.stringify(cmi5.actor.account);
      return matches ? reply(req, res, 200, cmi5.launchData) : reply(req, res, 404, { message: 'no such state' });
    }
    if (req.method !== 'POST' || url.pathname !== '/xAPI/statements') return reply(req, res, 404, { message: 'not found' });
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      if (failures.left > 0) {
        failures.left--;
        return reply(req, res, failures.status, { message: 'unavailable' });
      }
      if (req.headers.authorization !== expectedAuth) return reply(req, res, 401, { message: 'bad credentials' });
      if (!versions.test(String(req.headers['x-experience-api-version']))) return reply(req, res, 400, { message: `X-Experience-API-Version ${versions.source} required` });
      if (!String(req.headers['content-type']).startsWith('application/json')) return reply(req, res, 400, { message: 'Content-Type must be application/json' });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return reply(req, res, 400, { message: 'invalid JSON' });
      }
      const batch = Array.isArray(body) ? body : [body];
      const problems = batch.flatMap((statement, i) => validateStatement(statement).map((issue) => `[${i}] ${issue.path}: ${issue.message}`));
      const ids = batch.map((s) => (s as { id?: string }).id ?? '');
      if (new Set(ids).size !== ids.length) problems.push('the same id twice in one batch');
      if (problems.length > 0) return reply(req, res, 400, { message: problems.join('; ') }, problems, batch.length);
      // An id already stored with other content is a conflict; the same content is a no-op.
      if (batch.some((s) => stored.has((s as { id: string }).id) && JSON.stringify(stored.get((s as { id: string }).id)) !== JSON.stringify(s))) return reply(req, res, 409, { message: 'conflict' }, [], batch.length);
      for (const statement of batch) stored.set((statement as { id: string }).id, statement);
      reply(req, res, 200, ids, [], batch.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/xAPI`,
    get tokenRequests() {
      return tokenRequests;
    },
    stateRequests,
    stored,
    requests,
    failNext: (n, status) => (failures = { left: n, status }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
