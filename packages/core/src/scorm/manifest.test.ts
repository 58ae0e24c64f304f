import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/issues.js';
import { childElements, parseXml, textContent, type XmlElement } from '../qti/xml.js';
import { scormManifest } from './manifest.js';

const child = (element: XmlElement, name: string): XmlElement => {
  const found = childElements(element).filter((c) => c.name === name);
  expect(found, `<${element.name}> has one <${name}>`).toHaveLength(1);
  return found[0]!;
};

describe('scormManifest', () => {
  const files = ['index.html', 'launch.js', 'jauge/jauge.js', 'jauge/scorm/jauge-scorm.js', 'docs/a file é.txt'];
  const title = `Jauge <Socle> & "l'agent" </title>`;
  const xml = scormManifest({ identifier: 'jauge-socle-numerique', title, files, version: '1.2.0' });
  const root = parseXml(xml);

  it('writes the SCORM 1.2 root, namespaces and metadata', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<manifest ')).toBe(true);
    expect(root.name).toBe('manifest');
    expect(Object.fromEntries(root.attributes)).toEqual({
      identifier: 'jauge-socle-numerique',
      version: '1.2.0',
      xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
      'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation':
        'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
    });
    expect(childElements(root).map((c) => c.name)).toEqual(['metadata', 'organizations', 'resources']);
    const metadata = child(root, 'metadata');
    expect(textContent(child(metadata, 'schema'))).toBe('ADL SCORM');
    expect(textContent(child(metadata, 'schemaversion'))).toBe('1.2');
  });

  it('has one default organization whose one item points at one SCO resource listing every file', () => {
    const organizations = child(root, 'organizations');
    const organization = child(organizations, 'organization');
    expect(organizations.attributes.get('default')).toBe(organization.attributes.get('identifier'));
    expect(textContent(child(organization, 'title'))).toBe(title);
    const item = child(organization, 'item');
    expect(textContent(child(item, 'title'))).toBe(title);
    const resource = child(child(root, 'resources'), 'resource');
    expect(item.attributes.get('identifierref')).toBe(resource.attributes.get('identifier'));
    expect(Object.fromEntries(resource.attributes)).toEqual({ identifier: 'jauge-socle-numerique-sco', type: 'webcontent', 'adlcp:scormtype': 'sco', href: 'index.html' });
    expect(childElements(resource).map((f) => [f.name, f.attributes.get('href')])).toEqual([
      ['file', 'index.html'],
      ['file', 'launch.js'],
      ['file', 'jauge/jauge.js'],
      ['file', 'jauge/scorm/jauge-scorm.js'],
      ['file', 'docs/a%20file%20%C3%A9.txt'],
    ]);
    // Every identifier of the document is unique.
    const ids: string[] = [];
    const walk = (e: XmlElement) => {
      const id = e.attributes.get('identifier');
      if (id) ids.push(id);
      childElements(e).forEach(walk);
    };
    walk(root);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('escapes the title in text (no markup leaks)', () => {
    expect(xml).toContain('<title>Jauge &lt;Socle&gt; &amp; "l\'agent" &lt;/title&gt;</title>');
    expect(xml.match(/<title>/g)).toHaveLength(2);
  });

  it('defaults to index.html and version 1.0', () => {
    const plain = parseXml(scormManifest({ identifier: 'x', title: 'X', files: ['index.html'] }));
    expect(plain.attributes.get('version')).toBe('1.0');
    expect(child(child(plain, 'resources'), 'resource').attributes.get('href')).toBe('index.html');
  });

  it('refuses bad identifiers, titles, files and launch pages, with every problem', () => {
    expect(
      issuesOf(() => scormManifest({ identifier: '1 bad<id>', title: ' ', files: ['index.html', '../x', 'index.html', 'imsmanifest.xml'], launch: 'start.html' })),
    ).toEqual([
      { path: 'identifier', message: 'expected an XML name of at most 200 characters (a letter or "_", then letters, digits, "-", "_" or "."), found the string "1 bad<id>"' },
      { path: 'title', message: 'expected a text of 1 to 255 characters, found the string " "' },
      { path: 'files[1]', message: 'expected a path inside the archive, found a ".." segment' },
      { path: 'files[2]', message: 'expected each file once, found "index.html" again' },
      { path: 'files[3]', message: 'expected the files other than the manifest, found "imsmanifest.xml"' },
      { path: 'launch', message: 'expected one of the files, found the string "start.html"' },
    ]);
    expect(issuesOf(() => scormManifest({ identifier: 'ok', title: 'a\u0001b', files: ['index.html'] }))).toEqual([
      { path: 'title', message: 'expected text without control characters that XML 1.0 cannot carry, found some' },
    ]);
    expect(issuesOf(() => scormManifest({ identifier: 'x'.repeat(201), title: 'T', files: ['index.html'] }))[0]?.path).toBe('identifier');
  });
});
