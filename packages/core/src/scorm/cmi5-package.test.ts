import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { JaugeValidationError } from '../errors.js';
import { childElements, parseXml, textContent } from '../qti/xml.js';
import { buildCmi5Package, cmi5CourseStructure } from './package.js';

const widgetFiles = { 'jauge.js': 'export {};\n', 'cmi5/jauge-cmi5.js': 'export function connectCmi5() {}\n' };

describe('cmi5CourseStructure', () => {
  it('writes one course and one AU (moveOn Completed), escaping the texts', () => {
    const xml = cmi5CourseStructure({ courseId: 'https://intranet.example.gouv.fr/cours/x?a=1&b=2', auId: 'https://intranet.example.gouv.fr/cours/x/au', title: 'Jauge <test> & "co"', description: 'Autodiagnostic', lang: 'fr' });
    const root = parseXml(xml);
    expect(root.name).toBe('courseStructure');
    expect(root.attributes.get('xmlns')).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
    const [course, au] = childElements(root);
    expect(course!.name).toBe('course');
    expect(course!.attributes.get('id')).toBe('https://intranet.example.gouv.fr/cours/x?a=1&b=2');
    expect(au!.name).toBe('au');
    expect(Object.fromEntries(au!.attributes)).toEqual({ id: 'https://intranet.example.gouv.fr/cours/x/au', moveOn: 'Completed', launchMethod: 'AnyWindow' });
    expect(childElements(au!).map((e) => e.name)).toEqual(['title', 'description', 'url']);
    const title = childElements(childElements(au!)[0]!)[0]!;
    expect([title.name, title.attributes.get('lang'), textContent(title)]).toEqual(['langstring', 'fr-FR', 'Jauge <test> & "co"']);
    expect(textContent(childElements(au!)[2]!)).toBe('index.html');
  });
});

describe('buildCmi5Package', () => {
  it('zips cmi5.xml, the launch page and the widget, the launch code calling connectCmi5', async () => {
    const files = unzipSync(await buildCmi5Package({ title: 'Autodiagnostic', attributes: { 'max-items': '12' }, widgetFiles }));
    expect(Object.keys(files)).toEqual(['cmi5.xml', 'index.html', 'launch.js', 'jauge/cmi5/jauge-cmi5.js', 'jauge/jauge.js']);
    const launch = strFromU8(files['launch.js']!);
    expect(launch).toContain("import { connectCmi5 } from './jauge/cmi5/jauge-cmi5.js';");
    expect(launch).toContain('Object.entries({"max-items":"12"})');
    expect(strFromU8(files['cmi5.xml']!)).toContain('<course id="https://jauge-num.github.io/jauge/cmi5/autodiagnostic">');
    expect(strFromU8(files['index.html']!)).not.toMatch(/<script(?![^>]*src=)/);
  });

  it('refuses ids that are not IRIs and a missing cmi5 adapter', async () => {
    const error = await buildCmi5Package({ title: 'x', courseId: 'not an iri', widgetFiles: { 'jauge.js': '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JaugeValidationError);
    expect((error as JaugeValidationError).issues).toEqual([
      { path: 'widgetFiles["cmi5/jauge-cmi5.js"]', message: "expected the widget's file cmi5/jauge-cmi5.js (its dist/cdn directory), found nothing" },
      { path: 'courseId', message: 'expected an IRI, found the string "not an iri"' },
    ]);
  });
});
