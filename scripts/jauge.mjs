#!/usr/bin/env node
// The two README commands, `npm run demo` and `npm test`, on a machine that has only Node ≥ 20.19
// and npm: this script brings the pinned pnpm (into .cache/, no global install, no sudo),
// installs the workspace from the lockfile, builds, then serves the demo or runs every test.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const task = process.argv[2] ?? 'help';
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = packageManager.replace(/^pnpm@/, '');
const isWindows = process.platform === 'win32';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  fail(`Jauge needs Node.js 20.19 or newer; this is ${process.version}.`);
}

function fail(message) {
  console.error(`\n✗ ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows, ...options });
  if (result.error) fail(`${command} ${args.join(' ')}: ${result.error.message}`);
  return result.status ?? 1;
}

function must(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) process.exit(status);
}

/** Puts the pinned pnpm on PATH: the one already installed if it is that version, else a local copy. */
function ensurePnpm() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: isWindows });
  if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) return;
  const prefix = join(root, '.cache', `pnpm-${pnpmVersion}`);
  const bin = join(prefix, 'node_modules', '.bin');
  if (!existsSync(join(bin, isWindows ? 'pnpm.cmd' : 'pnpm'))) {
    console.log(`• Installing pnpm ${pnpmVersion} into .cache/ (once)…`);
    must('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `pnpm@${pnpmVersion}`]);
  }
  process.env.PATH = `${bin}${delimiter}${process.env.PATH}`;
}

function setup() {
  ensurePnpm();
  console.log('• Installing dependencies from the lockfile…');
  must('pnpm', ['install', '--frozen-lockfile']);
  console.log('• Building the packages…');
  must('pnpm', ['run', 'build']);
}

switch (task) {
  case 'setup':
    setup();
    break;
  case 'demo':
    setup();
    must('node', ['scripts/serve.mjs', 'examples/intranet/', ...process.argv.slice(3)]);
    break;
  case 'test':
    setup();
    console.log('• Running every test (unit, happy-dom, real Chromium)…');
    process.exit(run('pnpm', ['exec', 'vitest', 'run', ...process.argv.slice(3)]));
    break;
  default:
    console.log('Usage: npm run demo | npm test | npm run setup');
}
