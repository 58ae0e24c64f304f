#!/usr/bin/env node
// Serves the repository over http://127.0.0.1 (ES modules cannot load from file://) and prints
// the URL of a page. Usage: node scripts/serve.mjs [page-path] [--port N]
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : Number(process.env.PORT ?? 5173);
const page = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--port') ?? 'examples/intranet/';
const root = fileURLToPath(new URL('..', import.meta.url));

const server = await startStaticServer({ root, port }).catch(async (error) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.warn(`Port ${port} is busy; using a free port instead.`);
  return startStaticServer({ root, port: 0 });
});
console.log(`\nJauge: ${server.url}/${page.replace(/^\/+/, '')}\n(Ctrl+C to stop)\n`);
