import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import { describeValue } from '../framework/issues.js';
import { isXmlSafeText, writeXml, type XmlOut } from '../qti/xml.js';
import { zipPathProblem } from './zip.js';

/** Namespace of the IMS content package root of SCORM 1.2 (IMS CP 1.1.2). */
export const SCORM12_IMSCP_NS = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
/** Namespace of the ADL SCORM 1.2 extensions (`adlcp:scormtype`). */
export const SCORM12_ADLCP_NS = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const IMSMD_NS = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Options of {@link scormManifest}. */
export interface ScormManifestOptions {
  /** Identifier of the package: an XML NCName (letter or `_` first, then letters, digits, `-`, `_`, `.`), at most 200 characters. */
  identifier: string;
  /** Title shown by the LMS (organization and item), 1 to 255 characters. */
  title: string;
  /** Every file of the package except `imsmanifest.xml` itself, as paths inside the package. */
  files: readonly string[];
  /** The SCO's launch page, one of `files`. Defaults to `index.html`. */
  launch?: string;
  /** Value of the manifest's `version` attribute. Defaults to `1.0`. */
  version?: string;
}

/** An XML NCName restricted to ASCII: what every LMS stores as an identifier. */
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const MAX_IDENTIFIER_LENGTH = 200;

/** A file path as a URI reference: each segment percent-encoded, `/` kept. */
function hrefOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function checkText(value: unknown, path: string, max: number, issues: ValidationIssue[]): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) issues.push({ path, message: `expected a text of 1 to ${max} characters, found ${typeof value === 'string' && value.length > max ? `${value.length} characters` : describeValue(value)}` });
  else if (!isXmlSafeText(value)) issues.push({ path, message: 'expected text without control characters that XML 1.0 cannot carry, found some' });
}

/**
 * The `imsmanifest.xml` of a SCORM 1.2 package with one SCO: `ADL SCORM` 1.2 metadata, one
 * (default) organization with one item pointing at one `webcontent` resource of `adlcp:scormtype`
 * `sco`, which lists every file of the package. Every text and attribute is XML-escaped; the
 * `href`s are percent-encoded per path segment. Derived identifiers are `<identifier>-org`,
 * `<identifier>-item` and `<identifier>-sco`.
 *
 * @throws {@link JaugeValidationError} for an identifier that is not an NCName, an empty or
 * non-XML title, a file path that is absolute, has `..` or a backslash, appears twice or is
 * `imsmanifest.xml`, or a launch page missing from `files`.
 */
export function scormManifest(options: ScormManifestOptions): string {
  const issues: ValidationIssue[] = [];
  const { identifier, title } = options;
  const launch = options.launch ?? 'index.html';
  const version = options.version ?? '1.0';
  if (typeof identifier !== 'string' || !NCNAME.test(identifier) || identifier.length > MAX_IDENTIFIER_LENGTH) {
    issues.push({
      path: 'identifier',
      message: `expected an XML name of at most ${MAX_IDENTIFIER_LENGTH} characters (a letter or "_", then letters, digits, "-", "_" or "."), found ${describeValue(identifier)}`,
    });
  }
  checkText(title, 'title', 255, issues);
  checkText(version, 'version', 64, issues);
  const files = options.files as unknown;
  if (!Array.isArray(files)) issues.push({ path: 'files', message: `expected an array of file paths, found ${describeValue(files)}` });
  else {
    const seen = new Set<string>();
    files.forEach((file: unknown, i) => {
      const problem = zipPathProblem(file);
      if (problem) issues.push({ path: `files[${i}]`, message: problem });
      else if (file === 'imsmanifest.xml') issues.push({ path: `files[${i}]`, message: 'expected the files other than the manifest, found "imsmanifest.xml"' });
      else if (seen.has(file as string)) issues.push({ path: `files[${i}]`, message: `expected each file once, found ${JSON.stringify(file)} again` });
      else if (!isXmlSafeText(file as string)) issues.push({ path: `files[${i}]`, message: 'expected a path without characters XML 1.0 cannot carry, found some' });
      seen.add(file as string);
    });
    if (!seen.has(launch)) issues.push({ path: 'launch', message: `expected one of the files, found ${describeValue(launch)}` });
  }
  if (issues.length > 0) throw new JaugeValidationError('SCORM manifest options', issues);

  const organization = `${identifier}-org`;
  const resource = `${identifier}-sco`;
  const root: XmlOut = {
    name: 'manifest',
    attributes: {
      identifier,
      version,
      xmlns: SCORM12_IMSCP_NS,
      'xmlns:adlcp': SCORM12_ADLCP_NS,
      'xmlns:xsi': XSI_NS,
      'xsi:schemaLocation': `${SCORM12_IMSCP_NS} imscp_rootv1p1p2.xsd ${IMSMD_NS} imsmd_rootv1p2p1.xsd ${SCORM12_ADLCP_NS} adlcp_rootv1p2.xsd`,
    },
    children: [
      {
        name: 'metadata',
        children: [
          { name: 'schema', children: ['ADL SCORM'] },
          { name: 'schemaversion', children: ['1.2'] },
        ],
      },
      {
        name: 'organizations',
        attributes: { default: organization },
        children: [
          {
            name: 'organization',
            attributes: { identifier: organization },
            children: [
              { name: 'title', children: [title] },
              {
                name: 'item',
                attributes: { identifier: `${identifier}-item`, identifierref: resource, isvisible: 'true' },
                children: [{ name: 'title', children: [title] }],
              },
            ],
          },
        ],
      },
      {
        name: 'resources',
        children: [
          {
            name: 'resource',
            attributes: { identifier: resource, type: 'webcontent', 'adlcp:scormtype': 'sco', href: hrefOf(launch) },
            children: (files as string[]).map((file) => ({ name: 'file', attributes: { href: hrefOf(file) } })),
          },
        ],
      },
    ],
  };
  return writeXml(root);
}
