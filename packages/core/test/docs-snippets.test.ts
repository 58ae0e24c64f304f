// Keeps the guides true: every fenced code block of docs/guides/*.md and docs/en/*.md is checked.
//
// - ```ts blocks are type-checked (strict) against the package sources;
// - ```js blocks are type-checked loosely (checkJs, no strict null checks) with the widget's global
//   typings (tag names, event details), so a misspelt property or event fails;
// - ```js and ```sh blocks preceded by `<!-- snippet: run -->` (or `run exit=N`) are run, in order,
//   in one scratch directory per document, against the BUILT packages (run `pnpm build` first),
//   with the JSON files of test/docs-snippets/ beside them; a following block preceded by
//   `<!-- snippet: output -->` must equal their standard output;
// - ```json blocks must parse; preceded by `<!-- snippet: item -->`, a block must be a valid item
//   of the reference framework;
// - ```html blocks must be well formed, use only existing `jauge-*` tags and attributes (with valid
//   values), contain no inline script, style or event handler (strict CSP), and reference only
//   `jauge.js` (checked in packages/widget/dist/cdn/) or files given by another block of the same
//   document (a block whose first line is a comment `fichier : name` / `file: name`);
// - ```css blocks must be balanced and use only existing `::part()` names and `--jauge-*` properties;
// - relative links (and their #anchors) of the guides, docs/index.md, docs/accessibilite.md and
//   the READMEs of examples/node-simulation and examples/vite-ts must resolve.
// A block preceded by `<!-- snippet: skip -->` is not checked.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JaugeValidationError } from '../src/errors.js';
import { parseItemBank } from '../src/framework/parse-item-bank.js';
import { framework, profiles } from '../src/reference/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./docs-snippets/', import.meta.url));
const widgetSrc = join(root, 'packages/widget/src');
const DOC_DIRS = ['docs/guides', 'docs/en'];
const LINK_ONLY = ['docs/index.md', 'docs/accessibilite.md', 'docs/xapi.md', 'docs/scorm.md', 'examples/node-simulation/README.md', 'examples/vite-ts/README.md'];

interface Block {
  doc: string; // repository-relative path of the Markdown file
  n: number; // 1-based index among the fenced blocks of the document
  line: number; // line of the opening fence
  lang: string;
  code: string;
  marker: string; // the `snippet:` comment just before the block, if any
}

const where = (b: Block) => `${b.doc}, block ${b.n} (\`\`\`${b.lang}, line ${b.line})`;

function markdownFiles(): string[] {
  return DOC_DIRS.flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((f) => f.endsWith('.md'))
          .sort()
          .map((f) => `${dir}/${f}`)
      : [],
  );
}

function extractBlocks(doc: string): Block[] {
  const lines = readFileSync(join(root, doc), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```([\w-]*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    let j = i + 1;
    while (j < lines.length && !/^```\s*$/.test(lines[j]!)) j++;
    if (j >= lines.length) throw new Error(`${doc}: unclosed code fence at line ${i + 1}`);
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    const marker = k >= 0 ? (/^<!--\s*snippet:\s*(.*?)\s*-->$/.exec(lines[k]!.trim())?.[1] ?? '') : '';
    blocks.push({ doc, n: blocks.length + 1, line: i + 1, lang: open[1] ?? '', code: lines.slice(i + 1, j).join('\n'), marker });
    i = j;
  }
  return blocks;
}

const docs = markdownFiles();
const all = docs.flatMap(extractBlocks).filter((b) => b.marker !== 'skip');
const byLang = (...langs: string[]) => all.filter((b) => langs.includes(b.lang));

// ---------------------------------------------------------------------------------------------
// What the widget really offers, read from its sources (not from docs or a generated manifest).

interface ElementInfo {
  attributes: Map<string, { values?: string[]; number?: boolean }>;
}

function widgetElements(): Map<string, ElementInfo> {
  const out = new Map<string, ElementInfo>();
  const dir = join(widgetSrc, 'components');
  for (const sub of readdirSync(dir)) {
    for (const file of readdirSync(join(dir, sub)).filter((f) => f.endsWith('.component.ts'))) {
      const source = readFileSync(join(dir, sub, file), 'utf8');
      const tag = /@tagname\s+([a-z][\w-]*)/.exec(source)?.[1];
      if (!tag) continue;
      const attributes = new Map<string, { values?: string[]; number?: boolean }>();
      for (const m of source.matchAll(/@property\(([^)]*)\)\s*(?:override\s+)?(?:readonly\s+)?(\w+)\??(?:\s*:\s*([^=;]+))?/g)) {
        const [, options = '', name = '', type = ''] = m;
        if (/attribute:\s*false/.test(options)) continue;
        const attribute = /attribute:\s*'([^']+)'/.exec(options)?.[1] ?? name.toLowerCase();
        const literals = [...type.matchAll(/'([^']*)'/g)].map((x) => x[1]!);
        const onlyLiterals = literals.length > 0 && type.replace(/'[^']*'/g, '').replace(/[\s|]/g, '') === '';
        attributes.set(attribute, { ...(onlyLiterals ? { values: literals } : {}), ...(/type:\s*Number/.test(options) ? { number: true } : {}) });
      }
      out.set(tag, { attributes });
    }
  }
  return out;
}

function widgetParts(): Set<string> {
  const parts = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\bpart="([^"$]+)"/g)) for (const p of m[1]!.split(/\s+/)) parts.add(p);
      }
    }
  };
  walk(widgetSrc);
  return parts;
}

const elements = widgetElements();
const parts = widgetParts();
const cssProperties = new Set(readFileSync(join(widgetSrc, 'components/assessment/assessment.styles.ts'), 'utf8').match(/--jauge-[\w-]+/g) ?? []);
const eventNames = new Set(readFileSync(join(widgetSrc, 'events/events.ts'), 'utf8').match(/'jauge-[\w-]+'(?=:\s*CustomEvent)/g)?.map((s) => s.slice(1, -1)) ?? []);
const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'hidden', 'title', 'tabindex', 'dir', 'part', 'slot', 'role']);

/** Files a document provides through blocks whose first line is `// fichier : x.js`, `/* file: x.css *\/`… */
function declaredFiles(doc: string): Set<string> {
  const names = new Set<string>();
  for (const b of all.filter((x) => x.doc === doc)) {
    const first = b.code.split('\n')[0] ?? '';
    const m = /^\s*(?:\/\/|\/\*|<!--)\s*(?:fichier|file)\s*:\s*([\w.-]+)/i.exec(first);
    if (m) names.add(m[1]!);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// HTML: a strict little tokenizer (an HTML5 parser accepts anything; a snippet must be clean).

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function checkHtml(block: Block): string[] {
  const problems: string[] = [];
  const code = block.code;
  const token = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/gi;
  const stack: string[] = [];
  const provided = declaredFiles(block.doc);
  let last = 0;
  for (let m = token.exec(code); m; m = token.exec(code)) {
    const text = code.slice(last, m.index);
    if (text.includes('<')) problems.push(`malformed markup near ${JSON.stringify(text.slice(text.indexOf('<'), text.indexOf('<') + 40))}`);
    last = token.lastIndex;
    const [whole, closing, opening, attributeText = ''] = m;
    if (closing) {
      const tag = closing.toLowerCase();
      if (stack.pop() !== tag) problems.push(`unexpected </${tag}>`);
      continue;
    }
    if (!opening) continue; // comment or doctype
    const tag = opening.toLowerCase();
    const attributes = new Map<string, string | undefined>();
    for (const a of attributeText.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      const name = a[1]!.toLowerCase();
      if (attributes.has(name)) problems.push(`<${tag}>: duplicate attribute ${name}`);
      attributes.set(name, a[2] ?? a[3] ?? a[4]);
    }
    for (const name of attributes.keys()) {
      if (name === 'style') problems.push(`<${tag}>: a style attribute is blocked by a strict CSP`);
      if (/^on/.test(name)) problems.push(`<${tag}>: an inline event handler (${name}) is blocked by a strict CSP`);
    }
    if (tag === 'style') problems.push('an inline <style> element is blocked by a strict CSP');
    if (tag.includes('-')) {
      const element = elements.get(tag);
      if (!element) problems.push(`<${tag}> is not an element of @jauge/widget (known: ${[...elements.keys()].join(', ')})`);
      else {
        for (const [name, value] of attributes) {
          if (GLOBAL_ATTRIBUTES.has(name) || name.startsWith('aria-') || name.startsWith('data-')) continue;
          const info = element.attributes.get(name);
          if (!info) {
            problems.push(`<${tag}> has no attribute "${name}" (known: ${[...element.attributes.keys()].join(', ')})`);
            continue;
          }
          if (info.values && !info.values.includes(value ?? '')) problems.push(`<${tag} ${name}="${value}">: expected one of ${info.values.join(', ')}`);
          if (info.number && !/^\d+$/.test(value ?? '')) problems.push(`<${tag} ${name}="${value}">: expected an integer`);
          if (name === 'domains') {
            const known = framework.domains.map((d) => d.id);
            for (const id of (value ?? '').split(/[\s,]+/).filter(Boolean)) if (!known.includes(id)) problems.push(`<${tag} domains>: "${id}" is not a domain of the reference framework`);
          }
          if (name === 'profile' && !profiles.profiles.some((p) => p.id === value)) problems.push(`<${tag} profile="${value}">: not a reference target profile`);
        }
      }
    }
    for (const name of ['src', 'href']) {
      const ref = attributes.get(name);
      if (ref === undefined || ref.startsWith('#')) continue;
      if (/^[a-z]+:/i.test(ref)) {
        problems.push(`<${tag} ${name}="${ref}">: an external address (the examples make no third-party request)`);
        continue;
      }
      const file = basename(ref.split(/[?#]/)[0]!);
      if (file === 'jauge.js') {
        if (!existsSync(join(root, 'packages/widget/dist/cdn/jauge.js'))) problems.push('packages/widget/dist/cdn/jauge.js does not exist (run pnpm build)');
      } else if (!provided.has(file)) problems.push(`<${tag} ${name}="${ref}">: no block of ${block.doc} provides "${file}" (first line "// fichier : ${file}")`);
    }
    if (tag === 'script') {
      if (!attributes.has('src')) problems.push('an inline <script> is blocked by a strict CSP: use <script type="module" src="…">');
      const end = code.toLowerCase().indexOf('</script>', token.lastIndex);
      if (end < 0) problems.push('<script> is not closed');
      else if (code.slice(token.lastIndex, end).trim() !== '') problems.push('<script src> must be empty');
    }
    if (!VOID.has(tag) && whole.endsWith('/>') === false) stack.push(tag);
  }
  if (code.slice(last).includes('<')) problems.push('malformed markup at the end');
  if (stack.length > 0) problems.push(`unclosed element(s): ${stack.map((t) => `<${t}>`).join(', ')}`);
  return problems;
}

function checkCss(block: Block): string[] {
  const problems: string[] = [];
  const css = block.code.replace(/\/\*[\s\S]*?\*\//g, '');
  let depth = 0;
  for (const ch of css) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) problems.push('unbalanced }');
  }
  if (depth !== 0) problems.push('unbalanced {');
  for (const m of css.matchAll(/::part\(([^)]*)\)/g)) for (const p of m[1]!.trim().split(/\s+/)) if (!parts.has(p)) problems.push(`::part(${p}) does not exist (parts: ${[...parts].join(', ')})`);
  for (const m of css.matchAll(/(--jauge-[\w-]+)\s*:/g)) if (!cssProperties.has(m[1]!)) problems.push(`${m[1]} is not a custom property of the widget`);
  for (const m of css.matchAll(/(?:^|[\s,}])(jauge-[a-z-]+)(?=[\s,:{[.#])/g)) if (!elements.has(m[1]!)) problems.push(`selector ${m[1]} is not an element of the widget`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// TypeScript

const pathsTo = (p: string) => [join(root, p)];
const BASE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  experimentalDecorators: true,
  useDefineForClassFields: false,
  resolveJsonModule: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
  typeRoots: [join(root, 'node_modules/@types')],
  paths: {
    '@jauge/core': pathsTo('packages/core/src/index.ts'),
    '@jauge/core/engine': pathsTo('packages/core/src/engine.ts'),
    '@jauge/core/validation': pathsTo('packages/core/src/validation.ts'),
    '@jauge/core/cohort': pathsTo('packages/core/src/cohort-entry.ts'),
    '@jauge/core/calibration': pathsTo('packages/core/src/calibration/index.ts'),
    '@jauge/core/reference': pathsTo('packages/core/src/reference/index.ts'),
    '@jauge/core/xapi': pathsTo('packages/core/src/xapi/index.ts'),
    '@jauge/core/scorm': pathsTo('packages/core/src/scorm/index.ts'),
    '@jauge/core/qti': pathsTo('packages/core/src/qti/index.ts'),
    '@jauge/core/badges': pathsTo('packages/core/src/badges/index.ts'),
    '@jauge/widget': pathsTo('packages/widget/src/index.ts'),
    '@jauge/widget/define': pathsTo('packages/widget/src/define.ts'),
    '@jauge/widget/xapi': pathsTo('packages/widget/src/xapi/index.ts'),
    '@jauge/widget/scorm': pathsTo('packages/widget/src/scorm/index.ts'),
  },
};

// Parsed source files shared by the two programs (same files, different checking options).
const sourceCache = new Map<string, ts.SourceFile>();
function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}|${typeof languageVersion === 'object' ? languageVersion.languageVersion : languageVersion}`;
    const cached = sourceCache.get(key);
    if (cached) return cached;
    const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (file && !fileName.startsWith(scratch)) sourceCache.set(key, file);
    return file;
  };
  return host;
}

function typeCheck(blocks: Block[], dir: string, ext: '.ts' | '.js', options: ts.CompilerOptions, extraRoots: string[] = []): string[] {
  const files = new Map<string, Block>();
  for (const b of blocks) {
    const file = join(dir, `${b.doc.replace(/[/.]/g, '_')}_${b.n}${ext}`);
    writeFileSync(file, `${b.code}\n`);
    files.set(resolve(file), b);
  }
  const program = ts.createProgram({ rootNames: [...files.keys(), ...extraRoots], options, host: cachingHost(options) });
  const messages: string[] = [];
  // Only the snippets are checked in full (the packages' own sources have their own typecheck).
  const snippets = program.getSourceFiles().filter((sf) => files.has(resolve(sf.fileName)));
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...snippets.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
  ];
  for (const d of diagnostics) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file) {
      messages.push(`(global) TS${d.code}: ${text}`);
      continue;
    }
    const block = files.get(resolve(d.file.fileName));
    if (!block) continue; // the packages' own sources are checked by their own typecheck
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    messages.push(`${where(block)}, snippet line ${line + 1}:${character + 1}: TS${d.code}: ${text}`);
  }
  return messages;
}

// ---------------------------------------------------------------------------------------------
// Running blocks against the built packages

interface RunFailure {
  where: string;
  message: string;
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(command, args, { cwd, timeout: 60_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function scratchDir(parent: string, name: string): string {
  const dir = join(parent, name);
  mkdirSync(join(dir, 'node_modules/@jauge'), { recursive: true });
  symlinkSync(join(root, 'packages/core'), join(dir, 'node_modules/@jauge/core'), 'dir');
  symlinkSync(join(root, 'packages/widget'), join(dir, 'node_modules/@jauge/widget'), 'dir');
  symlinkSync(join(root, 'packages'), join(dir, 'packages'), 'dir');
  if (existsSync(fixtures)) for (const f of readdirSync(fixtures)) copyFileSync(join(fixtures, f), join(dir, f));
  return dir;
}

const updates: { doc: string; line: number; old: string; next: string }[] = [];

/** Applies UPDATE_SNIPPETS rewrites, last block first so that line numbers stay valid. */
function applySnippetUpdates(): void {
  for (const u of [...updates].sort((x, y) => (x.doc === y.doc ? y.line - x.line : x.doc < y.doc ? -1 : 1))) {
    const path = join(root, u.doc);
    const lines = readFileSync(path, 'utf8').split('\n');
    const oldCount = u.old.replace(/\n$/, '').split('\n').length;
    lines.splice(u.line, oldCount, ...u.next.split('\n'));
    writeFileSync(path, lines.join('\n'));
  }
  updates.length = 0;
}

async function runDocument(doc: string, parent: string): Promise<RunFailure[]> {
  const blocks = all.filter((b) => b.doc === doc);
  const failures: RunFailure[] = [];
  const dir = scratchDir(parent, doc.replace(/[/.]/g, '_'));
  let previous: { block: Block; stdout: string } | undefined;
  for (const b of blocks) {
    if (b.marker === 'output') {
      if (!previous) failures.push({ where: where(b), message: 'an output block must follow a run block' });
      else if (previous.stdout.trimEnd() !== b.code.trimEnd()) {
        // UPDATE_SNIPPETS=1 rewrites the documented output with the actual one (after a deliberate change).
        if (process.env.UPDATE_SNIPPETS === '1') updates.push({ doc, line: b.line, old: b.code, next: previous.stdout.trimEnd() });
        else failures.push({ where: where(b), message: `the output of ${where(previous.block)} differs from the documented one; actual output:\n${previous.stdout.trimEnd()}` });
      }
      previous = undefined;
      continue;
    }
    const m = /^run(?:\s+exit=(\d+))?$/.exec(b.marker);
    if (!m) continue;
    const expected = Number(m[1] ?? 0);
    let result;
    if (b.lang === 'js') {
      const file = join(dir, `snippet-${b.n}.mjs`);
      writeFileSync(file, `${b.code}\n`);
      result = await run(process.execPath, [file], dir);
    } else if (b.lang === 'sh') {
      result = await run('sh', ['-c', b.code], dir);
    } else {
      failures.push({ where: where(b), message: 'only ```js and ```sh blocks can be run' });
      continue;
    }
    if (result.code !== expected) failures.push({ where: where(b), message: `exit code ${result.code}, expected ${expected}\n${result.stderr || result.stdout}` });
    previous = { block: b, stdout: result.stdout };
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------
// Links

function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fence = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    const m = !fence && /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

function checkLinks(doc: string): string[] {
  const problems: string[] = [];
  const text = readFileSync(join(root, doc), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]!;
    if (/^[a-z]+:/i.test(target)) continue;
    const [path = '', anchor] = target.split('#');
    const file = path === '' ? join(root, doc) : resolve(dirname(join(root, doc)), decodeURI(path));
    if (!existsSync(file)) {
      problems.push(`${doc}: link to ${target}: ${relative(root, file)} does not exist`);
      continue;
    }
    if (anchor && file.endsWith('.md') && !anchorsOf(file).has(decodeURIComponent(anchor))) problems.push(`${doc}: link to ${target}: no heading with anchor #${anchor}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

let scratch: string;
let runs: Promise<RunFailure[]>;
const built = ['packages/core/dist/index.js', 'packages/core/dist/reference/index.js', 'packages/core/dist/cli.js'].every((p) => existsSync(join(root, p)));

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'jauge-docs-'));
  // Start the child processes now: they run while the type-checks below keep this process busy.
  runs = built ? Promise.all(docs.map((doc) => runDocument(doc, scratch))).then((lists) => lists.flat()) : Promise.resolve([]);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('documentation snippets (docs/guides, docs/en)', () => {
  it('finds the guides and their blocks, each with a known language', () => {
    expect(docs.length).toBeGreaterThan(0);
    const known = ['ts', 'js', 'sh', 'json', 'html', 'css', 'text'];
    const unknown = all.filter((b) => !known.includes(b.lang)).map((b) => `${where(b)}: give the block one of the languages ${known.join(', ')}`);
    expect(unknown, unknown.join('\n')).toEqual([]);
    const markers = all.filter((b) => b.marker !== '' && !/^(run(\s+exit=\d+)?|output|item)$/.test(b.marker)).map((b) => `${where(b)}: unknown marker "${b.marker}"`);
    expect(markers, markers.join('\n')).toEqual([]);
  });

  it('type-checks every ```ts block (strict) against the package sources', () => {
    const dir = join(scratch, 'ts');
    mkdirSync(dir);
    const messages = typeCheck(byLang('ts'), dir, '.ts', { ...BASE_OPTIONS, strict: true });
    expect(messages, messages.join('\n')).toEqual([]);
  }, 120_000);

  it('type-checks every ```ts @example of the JSDoc of both packages (they become the TypeDoc pages)', () => {
    const examples: Block[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
    for (const file of [...walk(join(root, 'packages/core/src')), ...walk(join(root, 'packages/widget/src'))]) {
      const lines = readFileSync(file, 'utf8').split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
        const open = lines.findIndex((l, k) => k > i && /^\s*\*\s*```ts\s*$/.test(l));
        if (open < 0 || open > i + 3) continue;
        const close = lines.findIndex((l, k) => k > open && /^\s*\*\s*```\s*$/.test(l));
        const code = lines.slice(open + 1, close).map((l) => l.replace(/^\s*\* ?/, '')).join('\n');
        examples.push({ doc: relative(root, file), n: examples.length + 1, line: open + 1, lang: 'ts', code, marker: '' });
      }
    }
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const dir = join(scratch, 'examples');
    mkdirSync(dir);
    const messages = typeCheck(examples, dir, '.ts', { ...BASE_OPTIONS, strict: true });
    expect(messages, messages.join('\n')).toEqual([]);
  }, 120_000);

  it('type-checks every ```js block (checkJs) with the widget typings', () => {
    const dir = join(scratch, 'js');
    mkdirSync(dir);
    const syntax = byLang('js').flatMap((b) =>
      (ts.transpileModule(b.code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).diagnostics ?? []).map(
        (d) => `${where(b)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      ),
    );
    expect(syntax, syntax.join('\n')).toEqual([]);
    const messages = typeCheck(byLang('js'), dir, '.js', { ...BASE_OPTIONS, allowJs: true, checkJs: true, strict: false, noImplicitAny: false }, [join(widgetSrc, 'define.ts')]);
    expect(messages, messages.join('\n')).toEqual([]);
  }, 120_000);

  it('checks ```html blocks: well formed, CSP-safe, existing tags, attributes and files', () => {
    const problems = byLang('html').flatMap((b) => checkHtml(b).map((p) => `${where(b)}: ${p}`));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('checks ```css blocks: balanced, existing parts and custom properties', () => {
    const problems = byLang('css').flatMap((b) => checkCss(b).map((p) => `${where(b)}: ${p}`));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('checks ```json blocks: they parse, and items are valid on the reference framework', () => {
    const problems: string[] = [];
    for (const b of byLang('json')) {
      let value: unknown;
      try {
        value = JSON.parse(b.code);
      } catch (error) {
        problems.push(`${where(b)}: ${String(error)}`);
        continue;
      }
      if (b.marker !== 'item') continue;
      try {
        parseItemBank({ id: 'docs', version: '1.0.0', lang: 'fr', framework: { id: framework.id }, items: [value] }, framework);
      } catch (error) {
        const issues = error instanceof JaugeValidationError ? error.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : String(error);
        problems.push(`${where(b)}: ${issues}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('uses only existing event names and tags in code', () => {
    const problems: string[] = [];
    for (const b of byLang('ts', 'js', 'html')) {
      for (const m of b.code.matchAll(/['"`](jauge-[a-z-]+)['"`]/g)) {
        if (!eventNames.has(m[1]!) && !elements.has(m[1]!)) problems.push(`${where(b)}: "${m[1]}" is neither an event nor an element of the widget`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('runs the ```js and ```sh blocks marked run against the built packages, with their documented output', async () => {
    expect(built, 'the packages are not built: run `pnpm build` (or `npm test`, which builds first)').toBe(true);
    const failures = await runs;
    applySnippetUpdates();
    expect(failures.map((f) => `${f.where}: ${f.message}`).join('\n\n')).toBe('');
  }, 120_000);

  it('has no broken relative link or anchor', () => {
    const problems = [...docs, ...LINK_ONLY.filter((d) => existsSync(join(root, d)))].flatMap(checkLinks);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
