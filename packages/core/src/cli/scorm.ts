// `jauge scorm` — a SCORM 1.2 package of the assessment, to upload to an LMS (Node only: files).
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePool } from '../cat/item-pool.js';
import { DEFAULT_CONFIG } from '../cat/config.js';
import type { Framework } from '../framework/framework.schema.js';
import type { ItemBank } from '../framework/item-bank.schema.js';
import { parseFramework } from '../framework/parse-framework.js';
import { parseItemBank } from '../framework/parse-item-bank.js';
import { parseTargetProfiles } from '../framework/parse-target-profile.js';
import type { TargetProfiles } from '../framework/target-profile.schema.js';
import { MAX_JSON_TEXT_LENGTH } from '../framework/validate.js';
import { catalogue as referenceCatalogue, framework as referenceFramework, items as referenceItems, profiles as referenceProfiles } from '../reference/index.js';
import { buildCmi5Package, buildScormPackage, scormSlug } from '../scorm/package.js';
import type { CommandIo } from './calibrate.js';
import { type ContentFile, validateFiles } from './validate-files.js';

/** Where `jauge scorm` writes, and where it runs from. */
export interface ScormCommandIo extends CommandIo {
  /** Directory the relative paths are resolved against, and where `@jauge/widget` is looked for first. Defaults to `process.cwd()`. */
  cwd?: string;
  /** URL of the module whose location is searched next for `@jauge/widget` (the monorepo). Defaults to this module's. */
  moduleUrl?: string;
}

/** The help text of `jauge scorm`. */
export const SCORM_HELP = `Usage: jauge scorm [--out jauge-scorm.zip] [--title "…"] [options]

Writes a SCORM 1.2 package (a ZIP to upload to Moodle or any SCORM 1.2 LMS) that runs the
assessment as one SCO: the LMS keeps the test between sessions (cmi.suspend_data) and receives
the result (score = 100 × level / 8, status "completed", one objective per domain and
competence, one interaction per question and per domain level; never a response, nothing
identifying).

Content (default: the shipped reference content; given files are validated first):
  --framework <file>       framework
  --items <file>           item bank
  --catalogue <file>       training catalogue
  --rules <file>           recommendation rules
  --profiles <file>        target profiles
  --stages <file>          stages

Options:
  --out <file>             the package (default: jauge-scorm.zip)
  --title <text>           title shown by the LMS (default: the framework's title)
  --lang <fr|en>           language of the page and the widget (default: fr)
  --profile <id>           target profile of the agents (one of the profiles)
  --max-items <n>          at most n scored items
  --min-items <n>          at least n scored items
  --domains <a,b>          limit the test to these domains
  --widget <dir>           the widget's dist/cdn directory (default: the installed @jauge/widget)

Exit codes: 0 written, 1 invalid content, 2 usage error.`;

const CONTENT_OPTIONS = {
  '--framework': { field: 'framework', kind: 'framework' },
  '--items': { field: 'items', kind: 'item bank' },
  '--catalogue': { field: 'catalogue', kind: 'catalogue' },
  '--rules': { field: 'rules', kind: 'rules' },
  '--profiles': { field: 'profiles', kind: 'target profiles' },
  '--stages': { field: 'stages', kind: 'stages' },
} as const;
type ContentOption = keyof typeof CONTENT_OPTIONS;

const VALUE_OPTIONS = new Set<string>(['--out', '--title', '--lang', '--profile', '--max-items', '--min-items', '--domains', '--widget', '--course-id', ...Object.keys(CONTENT_OPTIONS)]);

const NEEDS_WIDGET = 'jauge scorm needs @jauge/widget (npm i -D @jauge/widget) or --widget <dir>';

interface Parsed {
  out: string;
  title?: string;
  lang: 'fr' | 'en';
  profile?: string;
  maxItems?: string;
  minItems?: string;
  domains?: string[];
  widget?: string;
  /** cmi5 only: the course's IRI. */
  courseId?: string;
  content: Partial<Record<ContentOption, string>>;
}

function parseArgs(args: string[]): Parsed | string {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0 && VALUE_OPTIONS.has(arg.slice(0, eq))) {
      values.set(arg.slice(0, eq), arg.slice(eq + 1));
    } else if (VALUE_OPTIONS.has(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value.`;
      values.set(arg, value);
      i++;
    } else if (arg.startsWith('-')) return `unknown option ${arg}.`;
    else return `unexpected argument "${arg}" (every input is given with an option).`;
  }
  const lang = values.get('--lang') ?? 'fr';
  if (lang !== 'fr' && lang !== 'en') return `--lang must be fr or en, found "${lang}".`;
  const counts: Record<string, number> = {};
  for (const option of ['--max-items', '--min-items']) {
    const value = values.get(option);
    if (value === undefined) continue;
    if (!/^[1-9]\d{0,3}$/.test(value)) return `${option} must be a whole number from 1 to 9999, found "${value}".`;
    counts[option] = Number(value);
  }
  const max = counts['--max-items'] ?? DEFAULT_CONFIG.maxItems;
  if (counts['--min-items'] !== undefined && counts['--min-items'] > max) return `--min-items (${counts['--min-items']}) must be at most --max-items (${max}${counts['--max-items'] === undefined ? ', the default' : ''}).`;
  let domains: string[] | undefined;
  const domainList = values.get('--domains');
  if (domainList !== undefined) {
    domains = domainList.split(/[\s,]+/).filter((id) => id !== '');
    if (domains.length === 0) return '--domains needs at least one domain id.';
  }
  const title = values.get('--title');
  if (title !== undefined && title.trim() === '') return '--title must not be empty.';
  const content: Parsed['content'] = {};
  for (const option of Object.keys(CONTENT_OPTIONS) as ContentOption[]) {
    const file = values.get(option);
    if (file !== undefined) content[option] = file;
  }
  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
  return {
    out: values.get('--out') ?? 'jauge-scorm.zip',
    lang,
    content,
    ...optional('title', title),
    ...optional('profile', values.get('--profile')),
    ...optional('maxItems', values.get('--max-items')),
    ...optional('minItems', values.get('--min-items')),
    ...optional('domains', domains),
    ...optional('widget', values.get('--widget')),
    ...optional('courseId', values.get('--course-id')),
  };
}

// ---------------------------------------------------------------------------------------------
// The widget's files

/**
 * The `package.json` of `@jauge/widget` installed for a directory: `node_modules/@jauge/widget` in
 * it or an ancestor, as Node resolves packages — but not through `NODE_PATH` (which `pnpm exec`
 * points at a store holding every package), so the widget found is the one of that directory.
 */
function installedWidgetPackage(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const manifest = join(dir, 'node_modules', '@jauge', 'widget', 'package.json');
    if (existsSync(manifest)) return manifest;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** In the monorepo: `packages/widget/package.json` next to the `@jauge/core` package this module belongs to. */
function siblingWidgetPackage(moduleUrl: string): string | undefined {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(moduleUrl));
  } catch {
    return undefined;
  }
  for (let depth = 0; depth < 6; depth++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === '@jauge/core') {
          const sibling = join(dir, '..', 'widget', 'package.json');
          if (existsSync(sibling) && (JSON.parse(readFileSync(sibling, 'utf8')) as { name?: unknown }).name === '@jauge/widget') return sibling;
          return undefined;
        }
      } catch {
        return undefined;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** CDN sub-directories a package never loads: the managers' view and the adapters of the other standards. */
const NOT_IN_A_PACKAGE = { scorm: new Set(['map', 'xapi', 'cmi5']), cmi5: new Set(['map', 'xapi', 'scorm']) };

/** Every `*.js` file under the CDN directory, by `/`-separated path, except the bundles of {@link NOT_IN_A_PACKAGE} (source maps are not `.js`). */
function collectWidgetFiles(root: string, kind: 'scorm' | 'cmi5'): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.isDirectory()) {
        if (prefix === '' && NOT_IN_A_PACKAGE[kind].has(entry.name)) continue;
        walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.isFile() && entry.name.endsWith('.js')) files[`${prefix}${entry.name}`] = readFileSync(join(dir, entry.name));
    }
  };
  walk(root, '');
  return files;
}

/** The widget's CDN directory, or the message of a usage error. */
function findWidget(parsed: Parsed, cwd: string, moduleUrl: string): { dir: string } | { error: string } {
  if (parsed.widget !== undefined) {
    const dir = resolve(cwd, parsed.widget);
    if (!existsSync(join(dir, 'jauge.js'))) return { error: `--widget ${parsed.widget}: expected the widget's dist/cdn directory (with jauge.js), found no jauge.js in ${dir}.` };
    return { dir };
  }
  let moduleDir: string | undefined;
  try {
    moduleDir = dirname(fileURLToPath(moduleUrl));
  } catch {
    moduleDir = undefined;
  }
  const candidates = [installedWidgetPackage(cwd), moduleDir === undefined ? undefined : installedWidgetPackage(moduleDir), siblingWidgetPackage(moduleUrl)];
  let unbuilt: string | undefined;
  for (const manifest of candidates) {
    if (!manifest) continue;
    const dir = join(dirname(manifest), 'dist', 'cdn');
    if (existsSync(join(dir, 'jauge.js'))) return { dir };
    unbuilt ??= dirname(manifest);
  }
  return { error: unbuilt ? `${NEEDS_WIDGET}: found @jauge/widget in ${unbuilt} but not its dist/cdn/jauge.js (build it first).` : NEEDS_WIDGET };
}

// ---------------------------------------------------------------------------------------------

const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : kind.endsWith('s') ? kind : `a ${kind}`);

/**
 * Runs `jauge scorm …` (see {@link SCORM_HELP}): validates the given content files (against the
 * reference content for the missing ones), checks `--profile` and `--domains` against the content,
 * finds the widget's CDN files, and writes the SCORM 1.2 package atomically (a temporary file
 * renamed). Returns the exit code: 0 written, 1 invalid content (nothing written), 2 usage error.
 */
export async function scormCommand(args: string[], io: ScormCommandIo, kind: 'scorm' | 'cmi5' = 'scorm'): Promise<number> {
  const help = kind === 'scorm' ? SCORM_HELP : CMI5_HELP;
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  const parsed = parseArgs(kind === 'cmi5' ? withCmi5Defaults(args) : args);
  if (kind === 'scorm' && typeof parsed !== 'string' && parsed.courseId !== undefined) {
    io.stderr.write(`jauge scorm: --course-id is a jauge cmi5 option.\n\n${help}\n`);
    return 2;
  }
  if (typeof parsed === 'string') {
    io.stderr.write(`jauge ${kind}: ${parsed}\n\n${help}\n`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const widget = findWidget(parsed, cwd, io.moduleUrl ?? import.meta.url);
  if ('error' in widget) {
    io.stderr.write(`${widget.error}\n`);
    return 2;
  }
  const widgetFiles = collectWidgetFiles(widget.dir, kind);
  const adapter = kind === 'scorm' ? 'scorm/jauge-scorm.js' : 'cmi5/jauge-cmi5.js';
  if (!widgetFiles[adapter]) {
    io.stderr.write(`${widget.dir} has no ${adapter}: this version of @jauge/widget cannot run as a ${kind === 'scorm' ? 'SCORM' : 'cmi5'} package (update it).\n`);
    return 2;
  }

  // Read and validate the content files together, the reference content filling the gaps.
  const problems: string[] = [];
  const files: (ContentFile & { option?: ContentOption })[] = [];
  for (const [option, path] of Object.entries(parsed.content) as [ContentOption, string][]) {
    try {
      const full = resolve(cwd, path);
      const size = statSync(full).size;
      if (size > MAX_JSON_TEXT_LENGTH) problems.push(`✗ ${path}\n    (root): expected at most ${MAX_JSON_TEXT_LENGTH / 1024 / 1024} MB of JSON, found ${(size / 1024 / 1024).toFixed(1)} MB`);
      else files.push({ name: path, text: readFileSync(full, 'utf8'), option });
    } catch (error) {
      problems.push(`✗ ${path}\n    (root): cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  const customFramework = parsed.content['--framework'] !== undefined;
  if (customFramework && parsed.content['--items'] === undefined) {
    // The widget would run the reference items on this framework: they must fit it.
    files.push({ name: 'the reference item bank (give --items for your own)', text: JSON.stringify(referenceItems) });
  }
  const report = validateFiles(files, customFramework ? { framework: referenceFramework } : { framework: referenceFramework, catalogue: referenceCatalogue, profiles: referenceProfiles });
  for (const file of report.files) {
    const given = files.find((f) => f.name === file.name);
    const expected = given?.option ? CONTENT_OPTIONS[given.option].kind : undefined;
    const issues = [...file.issues];
    if (expected && file.kind !== 'unknown' && file.kind !== expected) {
      issues.unshift({ path: '', message: `expected ${article(expected)} (given with ${given!.option}), found ${article(file.kind)}` });
    }
    if (issues.length === 0) continue;
    problems.push(`✗ ${file.name} — ${file.kind}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`);
    for (const issue of issues.slice(0, 50)) problems.push(`    ${basename(file.name)}: ${issue.path || '(root)'}: ${issue.message}`);
    if (issues.length > 50) problems.push(`    … and ${issues.length - 50} more`);
  }
  if (problems.length > 0) return failContent(io, problems);

  // The content the widget will run on, to check --profile and --domains against it.
  const values = new Map<ContentOption, unknown>(files.filter((f) => f.option).map((f) => [f.option!, JSON.parse(f.text) as unknown]));
  let framework: Framework = referenceFramework;
  let items: ItemBank = referenceItems;
  let profiles: TargetProfiles | undefined = customFramework ? undefined : referenceProfiles;
  try {
    if (values.has('--framework')) framework = parseFramework(values.get('--framework'));
    if (values.has('--items')) items = parseItemBank(values.get('--items'), framework);
    if (values.has('--profiles')) profiles = parseTargetProfiles(values.get('--profiles'), framework);
  } catch (error) {
    return failContent(io, [`✗ ${String(error)}`]);
  }
  if (parsed.profile !== undefined && !profiles?.profiles.some((profile) => profile.id === parsed.profile)) {
    const where = parsed.content['--profiles'] ?? (customFramework ? undefined : 'the reference content');
    problems.push(
      where
        ? `✗ --profile: expected one of ${profiles!.profiles.map((p) => `"${p.id}"`).join(', ')} (the target profiles of ${where}), found "${parsed.profile}"`
        : `✗ --profile: expected a target profile, found "${parsed.profile}" with no profiles (give --profiles with your framework)`,
    );
  }
  if (parsed.domains) {
    const available = compilePool(framework, items).domainIds;
    for (const id of parsed.domains) {
      if (!available.includes(id)) problems.push(`✗ --domains: expected one of ${available.map((d) => `"${d}"`).join(', ')} (domains that have items), found "${id}"`);
    }
  }
  if (problems.length > 0) return failContent(io, problems);

  const attributes: Record<string, string> = {};
  if (parsed.maxItems !== undefined) attributes['max-items'] = parsed.maxItems;
  if (parsed.minItems !== undefined) attributes['min-items'] = parsed.minItems;
  if (parsed.domains) attributes['domains'] = parsed.domains.join(',');
  if (parsed.profile !== undefined) attributes['profile'] = parsed.profile;
  const content: Record<string, unknown> = {};
  for (const [option, value] of values) content[CONTENT_OPTIONS[option].field] = value;
  const title = parsed.title ?? (parsed.lang === 'en' && typeof framework.translations?.['en']?.['title'] === 'string' ? (framework.translations['en']['title'] as string) : framework.title);

  let zip: Uint8Array;
  try {
    const options = { title, identifier: scormSlug(title), lang: parsed.lang, attributes, ...(values.size > 0 ? { content } : {}), widgetFiles };
    zip = kind === 'scorm' ? await buildScormPackage(options) : await buildCmi5Package({ ...options, ...(parsed.courseId !== undefined ? { courseId: parsed.courseId } : {}) });
  } catch (error) {
    return failContent(io, [`✗ ${error instanceof Error ? error.message : String(error)}`]);
  }

  const out = resolve(cwd, parsed.out);
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, zip);
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    io.stderr.write(`✗ ${parsed.out}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return 1;
  }
  const count = Object.keys(widgetFiles).length + (values.size > 0 ? 4 : 3);
  io.stdout.write(
    [
      `✓ ${parsed.out} — ${kind === 'scorm' ? 'SCORM 1.2' : 'cmi5'} package, ${(zip.length / 1024).toFixed(1)} kB, ${count} files`,
      `  title: ${title}`,
      `  content: ${describeContent(parsed, [...values.keys()], customFramework)}`,
      `  widget: ${widget.dir}`,
      '',
    ].join('\n'),
  );
  return 0;
}

/** The help text of `jauge cmi5`. */
export const CMI5_HELP = `Usage: jauge cmi5 [--out jauge-cmi5.zip] [--title "…"] [options]

Writes a cmi5 course package (a ZIP with cmi5.xml, to import into a cmi5 LMS) with one Assignable
Unit that runs the assessment: the LMS launches it, and it sends its xAPI statements to the LMS's
LRS (initialized, the assessment's statements, completed, terminated; moveOn "Completed").

Same options as jauge scorm (content files, --title, --lang, --profile, --max-items, --min-items,
--domains, --widget); --out defaults to jauge-cmi5.zip, and:
  --course-id <IRI>        the course's id (default: a placeholder under
                           https://jauge-num.github.io/jauge/cmi5/); the AU's is <course-id>/au

Exit codes: 0 written, 1 invalid content, 2 usage error.`;

/** `jauge cmi5` writes jauge-cmi5.zip unless told otherwise. */
function withCmi5Defaults(args: string[]): string[] {
  return args.includes('--out') ? args : [...args, '--out', 'jauge-cmi5.zip'];
}

/** Which content the package carries, for the summary line. */
function describeContent(parsed: Parsed, given: ContentOption[], customFramework: boolean): string {
  const parts = given.map((option) => `${CONTENT_OPTIONS[option].field} ${parsed.content[option]}`);
  if (parts.length === 0) return 'the reference content';
  if (!customFramework) parts.push('the rest from the reference content');
  else if (!given.includes('--items')) parts.push('the reference items');
  return parts.join(', ');
}

function failContent(io: ScormCommandIo, problems: string[]): number {
  io.stderr.write(`${problems.join('\n')}\n\nNo package written.\n`);
  return 1;
}
