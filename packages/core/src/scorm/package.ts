import { formatPath, JaugeValidationError, type ValidationIssue } from '../errors.js';
import { describeValue } from '../framework/issues.js';
import { isIri } from '../xapi/statements.js';
import { scormManifest } from './manifest.js';
import { createZip, type ZipEntry, zipPathProblem } from './zip.js';

/** Attributes of `<jauge-assessment>` a SCORM package may set. */
export const SCORM_ATTRIBUTES = ['max-items', 'min-items', 'domains', 'profile', 'theme'] as const;

/** Content fields a SCORM package may carry (each one is given to the widget as is). */
const CONTENT_FIELDS = ['framework', 'items', 'catalogue', 'rules', 'profiles', 'stages'] as const;

/** The two kinds of LMS package: SCORM 1.2 (`imsmanifest.xml`) and cmi5 (`cmi5.xml`). */
type PackageKind = 'scorm' | 'cmi5';

/** Widget files every package needs, under `jauge/`. */
const REQUIRED_WIDGET_FILES: Record<PackageKind, readonly string[]> = { scorm: ['jauge.js', 'scorm/jauge-scorm.js'], cmi5: ['jauge.js', 'cmi5/jauge-cmi5.js'] };

const NOT_LAUNCHED = {
  fr: 'Cette activité doit être ouverte depuis la plateforme de formation : vos résultats ne lui seront pas transmis.',
  en: 'Open this activity from the learning platform: your results will not be sent to it.',
};

/** Options of {@link buildScormPackage}. */
export interface ScormPackageOptions {
  /** Title shown by the LMS and in the page's `<title>`. */
  title: string;
  /** Identifier of the package (an XML NCName). Defaults to a slug of the title, e.g. `jauge-socle-numerique`. */
  identifier?: string;
  /** Language of the page and of the widget. Defaults to `fr`. */
  lang?: 'fr' | 'en';
  /**
   * Attributes of `<jauge-assessment>` (`max-items`, `min-items`, `domains`, `profile`, `theme`),
   * as strings. They are written with `JSON.stringify` into `launch.js`, never into HTML.
   */
  attributes?: Record<string, string>;
  /**
   * Host content (already validated by the caller), written to `content.js` as JSON and given to
   * the widget, which validates it again. Absent: the widget's shipped reference content.
   */
  content?: { framework?: unknown; items?: unknown; catalogue?: unknown; rules?: unknown; profiles?: unknown; stages?: unknown };
  /**
   * The widget's CDN files (its `dist/cdn` directory, without source maps or the managers' `map/`
   * bundle), by path: they go under `jauge/` in the package. `jauge.js` and
   * `scorm/jauge-scorm.js` are required.
   */
  widgetFiles: Record<string, Uint8Array | string>;
  /** Modification date of the files of the ZIP. Defaults to 2026-01-01 00:00 (reproducible packages). */
  date?: Date;
}

const NOSCRIPT = {
  fr: 'Cette auto-évaluation a besoin de JavaScript : activez-le dans votre navigateur, ou demandez de l’aide à votre service informatique.',
  en: 'This self-assessment needs JavaScript: turn it on in your browser, or ask your IT department for help.',
};

/** Escapes text for HTML content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A slug usable as an XML NCName: `Jauge — Socle numérique` → `jauge-socle-numerique`. */
export function scormSlug(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  if (slug === '') return 'jauge';
  return /^[a-z]/.test(slug) ? slug : `jauge-${slug}`;
}

/** The launch page: no inline script or style, so it runs under a strict Content Security Policy. */
function indexHtml(title: string, lang: 'fr' | 'en'): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<script type="module" src="launch.js"></script>
</head>
<body>
<main id="jauge"></main>
<noscript><p>${escapeHtml(NOSCRIPT[lang])}</p></noscript>
</body>
</html>
`;
}

/** The module that starts the widget and connects it to the LMS. */
function launchJs(kind: PackageKind, lang: 'fr' | 'en', attributes: Record<string, string>, withContent: boolean): string {
  if (kind === 'scorm') {
    const lines = ["import './jauge/jauge.js';", "import { connectScorm } from './jauge/scorm/jauge-scorm.js';"];
    if (withContent) lines.push("import content from './content.js';");
    lines.push('', `connectScorm(document.getElementById('jauge'), { lang: ${JSON.stringify(lang)}, attributes: ${JSON.stringify(attributes)}${withContent ? ', content' : ''} });`, '');
    return lines.join('\n');
  }
  const lines = ["import './jauge/jauge.js';", "import { connectCmi5 } from './jauge/cmi5/jauge-cmi5.js';"];
  if (withContent) lines.push("import content from './content.js';");
  lines.push(
    '',
    "const main = document.getElementById('jauge');",
    "const element = document.createElement('jauge-assessment');",
    `element.lang = ${JSON.stringify(lang)};`,
    `for (const [name, value] of Object.entries(${JSON.stringify(attributes)})) element.setAttribute(name, value);`,
    ...(withContent ? ['Object.assign(element, content);'] : []),
    'main.append(element);',
    'connectCmi5(element).catch((error) => {',
    '  // Opened outside the platform: the test still works, nothing is sent.',
    "  const notice = document.createElement('p');",
    "  notice.setAttribute('role', 'status');",
    `  notice.textContent = ${JSON.stringify(NOT_LAUNCHED[lang])};`,
    '  main.prepend(notice);',
    '  console.warn(error);',
    '});',
    '',
  );
  return lines.join('\n');
}

function checkOptions(options: ScormPackageOptions, kind: PackageKind): { issues: ValidationIssue[]; attributes: Record<string, string>; content?: Record<string, unknown> } {
  const issues: ValidationIssue[] = [];
  if (typeof options !== 'object' || options === null) return { issues: [{ path: '', message: `expected the package options, found ${describeValue(options)}` }], attributes: {} };
  if (typeof options.title !== 'string' || options.title.trim() === '') issues.push({ path: 'title', message: `expected a non-empty title, found ${describeValue(options.title)}` });
  if (options.lang !== undefined && options.lang !== 'fr' && options.lang !== 'en') issues.push({ path: 'lang', message: `expected "fr" or "en", found ${describeValue(options.lang)}` });

  const attributes: Record<string, string> = {};
  const given = options.attributes as unknown;
  if (given !== undefined) {
    if (typeof given !== 'object' || given === null || Array.isArray(given)) issues.push({ path: 'attributes', message: `expected an object of attribute names and string values, found ${describeValue(given)}` });
    else {
      const record = given as Record<string, unknown>;
      for (const name of Object.keys(record)) {
        const path = formatPath(['attributes', name]);
        if (!(SCORM_ATTRIBUTES as readonly string[]).includes(name)) issues.push({ path, message: `expected one of ${SCORM_ATTRIBUTES.map((a) => `"${a}"`).join(', ')}, found the unknown attribute ${JSON.stringify(name)}` });
        else if (typeof record[name] !== 'string') issues.push({ path, message: `expected a string, found ${describeValue(record[name])}` });
        else if ((name === 'max-items' || name === 'min-items') && !/^[1-9]\d{0,3}$/.test(record[name])) issues.push({ path, message: `expected a whole number from 1 to 9999, found ${describeValue(record[name])}` });
        else if (record[name].trim() === '') issues.push({ path, message: `expected a non-empty value, found ${describeValue(record[name])}` });
      }
      // Written in a fixed order: the same options give the same launch.js.
      for (const name of SCORM_ATTRIBUTES) if (typeof record[name] === 'string') attributes[name] = record[name];
    }
  }

  let content: Record<string, unknown> | undefined;
  const host = options.content as unknown;
  if (host !== undefined) {
    if (typeof host !== 'object' || host === null || Array.isArray(host)) issues.push({ path: 'content', message: `expected an object of content fields, found ${describeValue(host)}` });
    else {
      const record = host as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (!(CONTENT_FIELDS as readonly string[]).includes(key)) issues.push({ path: formatPath(['content', key]), message: `expected one of ${CONTENT_FIELDS.map((f) => `"${f}"`).join(', ')}, found an unknown field` });
      }
      const picked: Record<string, unknown> = {};
      for (const key of CONTENT_FIELDS) if (record[key] !== undefined) picked[key] = record[key];
      if (Object.keys(picked).length > 0) content = picked;
    }
  }

  const files = options.widgetFiles as unknown;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) issues.push({ path: 'widgetFiles', message: `expected the widget's files by path, found ${describeValue(files)}` });
  else {
    const record = files as Record<string, unknown>;
    for (const required of REQUIRED_WIDGET_FILES[kind]) {
      if (!Object.hasOwn(record, required)) issues.push({ path: formatPath(['widgetFiles', required]), message: `expected the widget's file ${required} (its dist/cdn directory), found nothing` });
    }
    for (const [path, data] of Object.entries(record)) {
      const problem = zipPathProblem(path);
      if (problem) issues.push({ path: formatPath(['widgetFiles', path]), message: problem });
      else if (typeof data !== 'string' && !(data instanceof Uint8Array)) issues.push({ path: formatPath(['widgetFiles', path]), message: `expected a Uint8Array or a string, found ${describeValue(data)}` });
    }
  }
  return { issues, attributes, ...(content ? { content } : {}) };
}

/**
 * Builds a SCORM 1.2 package (a ZIP to upload to Moodle or any SCORM 1.2 LMS) that runs the
 * assessment as one SCO: `imsmanifest.xml`, `index.html` (no inline script or style),
 * `launch.js` (imports the widget and calls its `connectScorm(element, { lang, attributes,
 * content })`), `content.js` when content is given, and the widget's files under `jauge/`.
 * The same options give the same bytes.
 *
 * @throws {@link JaugeValidationError} for a missing widget file, an unknown attribute, a bad
 * title or identifier, or content that cannot be written as JSON.
 */
export async function buildScormPackage(options: ScormPackageOptions): Promise<Uint8Array> {
  return buildPackage(options, 'scorm');
}

/** Options of {@link buildCmi5Package}: those of a SCORM package, plus the course's ids. */
export interface Cmi5PackageOptions extends ScormPackageOptions {
  /**
   * IRI of the course (publisher id). Defaults to `https://jauge-num.github.io/jauge/cmi5/<slug>`,
   * a placeholder: give one under your administration's domain.
   */
  courseId?: string;
  /** IRI of the Assignable Unit. Defaults to `<courseId>/au`. */
  auId?: string;
  /** One sentence describing the activity (cmi5 requires a description). */
  description?: string;
}

/**
 * Builds a cmi5 course package (a ZIP with `cmi5.xml` at its root) that a cmi5 LMS imports: one
 * Assignable Unit, `moveOn="Completed"` (a self-assessment has no pass mark), launched in any
 * window; `index.html` and `launch.js` create `<jauge-assessment>` and call the widget's
 * `connectCmi5(element)`. Opened outside an LMS, the page says so and the test still works.
 *
 * @throws {@link JaugeValidationError} as {@link buildScormPackage}, and for ids that are not IRIs.
 */
export async function buildCmi5Package(options: Cmi5PackageOptions): Promise<Uint8Array> {
  return buildPackage(options, 'cmi5');
}

/** The cmi5 course structure of one AU (cmi5, section 13). */
export function cmi5CourseStructure(options: { courseId: string; auId: string; title: string; description: string; lang: 'fr' | 'en'; url?: string }): string {
  const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const lang = options.lang === 'fr' ? 'fr-FR' : 'en-US';
  const text = (value: string) => `<langstring lang="${lang}">${xml(value)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xml(options.courseId)}">
    <title>${text(options.title)}</title>
    <description>${text(options.description)}</description>
  </course>
  <au id="${xml(options.auId)}" moveOn="Completed" launchMethod="AnyWindow">
    <title>${text(options.title)}</title>
    <description>${text(options.description)}</description>
    <url>${xml(options.url ?? 'index.html')}</url>
  </au>
</courseStructure>
`;
}

async function buildPackage(options: ScormPackageOptions & Partial<Cmi5PackageOptions>, kind: PackageKind): Promise<Uint8Array> {
  const { issues, attributes, content } = checkOptions(options, kind);
  if (kind === 'cmi5') {
    for (const key of ['courseId', 'auId'] as const) {
      const value = options[key];
      if (value !== undefined && !isIri(value)) issues.push({ path: key, message: `expected an IRI, found ${describeValue(value)}` });
    }
    if (options.description !== undefined && (typeof options.description !== 'string' || options.description.trim() === '')) issues.push({ path: 'description', message: `expected a non-empty sentence, found ${describeValue(options.description)}` });
  }
  let contentJs: string | undefined;
  if (content) {
    try {
      contentJs = `export default ${JSON.stringify(content)};\n`;
    } catch (error) {
      issues.push({ path: 'content', message: `expected JSON data, found something JSON cannot write (${error instanceof Error ? error.message : String(error)})` });
    }
  }
  if (issues.length > 0) throw new JaugeValidationError(kind === 'scorm' ? 'SCORM package options' : 'cmi5 package options', issues);
  const lang = options.lang ?? 'fr';
  const identifier = options.identifier ?? scormSlug(options.title);
  const files: ZipEntry[] = [
    { path: 'index.html', data: indexHtml(options.title, lang) },
    { path: 'launch.js', data: launchJs(kind, lang, attributes, contentJs !== undefined) },
    ...(contentJs !== undefined ? [{ path: 'content.js', data: contentJs }] : []),
    ...Object.keys(options.widgetFiles)
      .sort()
      .map((path) => ({ path: `jauge/${path}`, data: options.widgetFiles[path]! })),
  ];
  const zipOptions = options.date ? { date: options.date } : {};
  if (kind === 'cmi5') {
    const courseId = options.courseId ?? `https://jauge-num.github.io/jauge/cmi5/${scormSlug(options.title)}`;
    const description = options.description ?? (lang === 'fr' ? 'Autodiagnostic adaptatif des compétences numériques (Jauge).' : 'Adaptive digital-skills self-assessment (Jauge).');
    const structure = cmi5CourseStructure({ courseId, auId: options.auId ?? `${courseId}/au`, title: options.title, description, lang });
    return createZip([{ path: 'cmi5.xml', data: structure }, ...files], zipOptions);
  }
  const manifest = scormManifest({ identifier, title: options.title, files: files.map((file) => file.path), launch: 'index.html' });
  return createZip([{ path: 'imsmanifest.xml', data: manifest }, ...files], zipOptions);
}
