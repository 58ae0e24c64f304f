import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import { childElements, parseXml, type XmlElement } from '../qti/xml.js';
import { framework, items } from '../reference/index.js';
import { buildScormPackage, type ScormPackageOptions, scormSlug } from './package.js';

const widgetFiles = {
  'jauge.js': 'export const widget = 1;\n',
  'scorm/jauge-scorm.js': 'export function connectScorm() {}\n',
  'chunk-ABC123.js': new Uint8Array([1, 2, 3]),
};

async function asyncIssues(run: () => Promise<unknown>): Promise<ValidationIssue[]> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(JaugeValidationError);
    return (error as JaugeValidationError).issues;
  }
  throw new Error('expected a JaugeValidationError');
}

function manifestFiles(manifest: string): string[] {
  const found: string[] = [];
  const walk = (element: XmlElement) => {
    if (element.name === 'file') found.push(decodeURIComponent(element.attributes.get('href')!));
    childElements(element).forEach(walk);
  };
  walk(parseXml(manifest));
  return found;
}

async function unpack(options: ScormPackageOptions) {
  const files = unzipSync(await buildScormPackage(options));
  const text = (name: string) => strFromU8(files[name]!);
  return { files, text, names: Object.keys(files) };
}

describe('buildScormPackage', () => {
  it('packs the manifest, the launch page, launch.js and the widget files, each listed in the manifest', async () => {
    const { files, text, names } = await unpack({ title: 'Jauge — Socle numérique', widgetFiles });
    expect(names).toEqual(['imsmanifest.xml', 'index.html', 'launch.js', 'jauge/chunk-ABC123.js', 'jauge/jauge.js', 'jauge/scorm/jauge-scorm.js']);
    expect(manifestFiles(text('imsmanifest.xml'))).toEqual(names.filter((n) => n !== 'imsmanifest.xml'));
    expect(parseXml(text('imsmanifest.xml')).attributes.get('identifier')).toBe('jauge-socle-numerique');
    expect(files['jauge/chunk-ABC123.js']).toEqual(new Uint8Array([1, 2, 3]));
    expect(text('jauge/jauge.js')).toBe(widgetFiles['jauge.js']);
    expect(text('launch.js')).toBe(
      [
        "import './jauge/jauge.js';",
        "import { connectScorm } from './jauge/scorm/jauge-scorm.js';",
        '',
        'connectScorm(document.getElementById(\'jauge\'), { lang: "fr", attributes: {} });',
        '',
      ].join('\n'),
    );
  });

  it('writes a launch page with no inline script or style, and escapes a hostile title', async () => {
    const title = '</title><script>alert(1)</script>';
    const { text } = await unpack({ title, lang: 'en', widgetFiles });
    const html = text('index.html');
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('<main id="jauge"></main>');
    expect(html).toContain('<noscript><p>This self-assessment needs JavaScript');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="launch.js">']);
    expect(html).toMatch(/<script type="module" src="launch.js"><\/script>/);
    expect(html).not.toMatch(/<style|style=|\son\w+=/i);
    // The manifest carries the title as text, escaped.
    expect(text('imsmanifest.xml')).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(parseXml(text('imsmanifest.xml')).attributes.get('identifier')).toBe('title-script-alert-1-script');
    const fr = (await unpack({ title: 'T', widgetFiles })).text('index.html');
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('<noscript><p>Cette auto-évaluation a besoin de JavaScript');
  });

  it('writes content.js and imports it only when content is given; attributes go through JSON', async () => {
    const { text, names } = await unpack({
      title: 'Jauge',
      identifier: 'jauge-rh',
      attributes: { profile: 'agent-rh', 'max-items': '20', domains: 'cybersecurite,"ia"</script>' },
      content: { framework, items, catalogue: undefined },
      widgetFiles,
    });
    expect(names).toContain('content.js');
    const content = text('content.js');
    expect(content.startsWith('export default {"framework":')).toBe(true);
    expect(JSON.parse(content.slice('export default '.length, -2))).toEqual({ framework, items });
    const launch = text('launch.js');
    expect(launch).toContain("import content from './content.js';");
    expect(launch).toContain(`attributes: {"max-items":"20","domains":"cybersecurite,\\"ia\\"</script>","profile":"agent-rh"}, content });`);
    expect(manifestFiles(text('imsmanifest.xml'))).toEqual(names.filter((n) => n !== 'imsmanifest.xml'));
    expect(parseXml(text('imsmanifest.xml')).attributes.get('identifier')).toBe('jauge-rh');

    const none = await unpack({ title: 'Jauge', content: {}, widgetFiles });
    expect(none.names).not.toContain('content.js');
    expect(none.text('launch.js')).not.toContain('content');
  });

  it('gives the same bytes for the same options', async () => {
    const options: ScormPackageOptions = { title: 'Jauge', attributes: { theme: 'dsfr' }, content: { items }, widgetFiles };
    expect(await buildScormPackage(options)).toEqual(await buildScormPackage({ ...options, widgetFiles: { ...widgetFiles } }));
  });

  it('refuses a missing widget file, unknown attributes and bad values, with every problem', async () => {
    expect(
      await asyncIssues(() =>
        buildScormPackage({
          title: '',
          lang: 'de' as 'fr',
          attributes: { 'max-items': 'many', onclick: 'alert(1)', theme: 3 as unknown as string },
          content: { framework, script: 'x' } as ScormPackageOptions['content'],
          widgetFiles: { 'jauge.js': 'x', '../evil.js': 'y' },
        }),
      ),
    ).toEqual([
      { path: 'title', message: 'expected a non-empty title, found the string ""' },
      { path: 'lang', message: 'expected "fr" or "en", found the string "de"' },
      { path: 'attributes["max-items"]', message: 'expected a whole number from 1 to 9999, found the string "many"' },
      { path: 'attributes.onclick', message: 'expected one of "max-items", "min-items", "domains", "profile", "theme", found the unknown attribute "onclick"' },
      { path: 'attributes.theme', message: 'expected a string, found the number 3' },
      { path: 'content.script', message: 'expected one of "framework", "items", "catalogue", "rules", "profiles", "stages", found an unknown field' },
      { path: 'widgetFiles["scorm/jauge-scorm.js"]', message: "expected the widget's file scorm/jauge-scorm.js (its dist/cdn directory), found nothing" },
      { path: 'widgetFiles["../evil.js"]', message: 'expected a path inside the archive, found a ".." segment' },
    ]);
    expect(await asyncIssues(() => buildScormPackage({ title: 'T', identifier: '9 lives', widgetFiles }))).toEqual([
      { path: 'identifier', message: 'expected an XML name of at most 200 characters (a letter or "_", then letters, digits, "-", "_" or "."), found the string "9 lives"' },
    ]);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect((await asyncIssues(() => buildScormPackage({ title: 'T', content: { framework: cyclic }, widgetFiles })))[0]!.path).toBe('content');
  });
});

describe('scormSlug', () => {
  it('makes an NCName from any title', () => {
    expect(scormSlug('Jauge — Socle numérique')).toBe('jauge-socle-numerique');
    expect(scormSlug("Socle numérique de l'agent public")).toBe('socle-numerique-de-l-agent-public');
    expect(scormSlug('2026 : évaluation')).toBe('jauge-2026-evaluation');
    expect(scormSlug('???')).toBe('jauge');
    expect(scormSlug('a'.repeat(100))).toHaveLength(80);
  });
});
