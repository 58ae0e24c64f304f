/**
 * A small, strict and safe XML 1.0 reader and writer, enough for QTI 3.0 items and IMS manifests.
 *
 * The reader never evaluates anything: it refuses any DOCTYPE (hence any entity declaration, which
 * closes the door to XXE and "billion laughs"), knows only the five predefined entities and numeric
 * character references, and bounds the input size and the nesting depth. Comments and processing
 * instructions are skipped; CDATA sections are read as text.
 */

/** An element of a parsed XML document. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  /** 1-based line of the start tag (for error messages). */
  readonly line: number;
}

/** A node: an element or a run of text (already decoded). */
export type XmlNode = XmlElement | string;

/** Largest XML text accepted (characters). */
export const MAX_XML_LENGTH = 2_000_000;
/** Deepest nesting of elements accepted. */
export const MAX_XML_DEPTH = 64;

/** Thrown by {@link parseXml} with the line and column of the first problem. */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

// Characters allowed by XML 1.0 (the surrogate pairs are checked as code points).
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAME = /^[A-Za-z_][\w.:-]*/;

/** True when `text` holds only characters an XML 1.0 document can carry. */
export function isXmlSafeText(text: string): boolean {
  return !FORBIDDEN_CHAR.test(text);
}

/** Parses an XML document and returns its root element. @throws {@link XmlSyntaxError} */
export function parseXml(xml: string): XmlElement {
  if (xml.length > MAX_XML_LENGTH) throw new XmlSyntaxError(`expected at most ${MAX_XML_LENGTH} characters, found ${xml.length}`);
  const source = xml.replace(/\r\n?/g, '\n');
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;

  const where = (at: number): string => {
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    return `line ${line}, column ${at - before.lastIndexOf('\n')}`;
  };
  const fail = (message: string, at = pos): never => {
    throw new XmlSyntaxError(`${message} at ${where(at)}`);
  };
  const lineAt = (at: number): number => source.slice(0, at).split('\n').length;

  const bad = FORBIDDEN_CHAR.exec(source);
  if (bad) fail(`character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, bad.index);

  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&<\s]*);?/g, (match, body: string, offset: number) => {
      if (!match.endsWith(';')) fail('expected ";" to end the entity reference', at + offset);
      if (body === 'amp') return '&';
      if (body === 'lt') return '<';
      if (body === 'gt') return '>';
      if (body === 'quot') return '"';
      if (body === 'apos') return "'";
      const numeric = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(body);
      if (numeric) {
        const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2] ?? '', 10);
        const char = code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\u0000';
        if (!isXmlSafeText(char)) fail(`character reference "&${body};" is not an allowed XML character`, at + offset);
        return char;
      }
      return fail(`unknown entity "&${body};" (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)`, at + offset);
    });

  const skipSpace = (): void => {
    while (pos < source.length && /\s/.test(source[pos] ?? '')) pos++;
  };

  /** Skips comments, processing instructions and (in the prolog) the XML declaration. */
  const skipMisc = (inProlog: boolean): boolean => {
    if (source.startsWith('<!--', pos)) {
      const end = source.indexOf('-->', pos + 4);
      if (end < 0) fail('unterminated comment');
      if (source.slice(pos + 4, end).includes('--')) fail('"--" is not allowed inside a comment');
      pos = end + 3;
      return true;
    }
    if (source.startsWith('<?', pos)) {
      if (!inProlog && /^<\?xml[\s?]/i.test(source.slice(pos, pos + 6))) fail('XML declaration only allowed at the start');
      const end = source.indexOf('?>', pos + 2);
      if (end < 0) fail('unterminated processing instruction');
      pos = end + 2;
      return true;
    }
    if (source.startsWith('<!DOCTYPE', pos) || source.startsWith('<!ENTITY', pos) || source.startsWith('<!doctype', pos)) {
      fail('DOCTYPE and entity declarations are not allowed');
    }
    return false;
  };

  const parseElement = (depth: number): XmlElement => {
    if (depth > MAX_XML_DEPTH) fail(`expected at most ${MAX_XML_DEPTH} nested elements`);
    const start = pos;
    pos++; // '<'
    const nameMatch = NAME.exec(source.slice(pos, pos + 200));
    if (!nameMatch) fail('expected an element name');
    const name = nameMatch?.[0] ?? '';
    pos += name.length;
    const attributes = new Map<string, string>();
    for (;;) {
      const before = pos;
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return { name, attributes, children: [], line: lineAt(start) };
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      if (pos >= source.length) fail(`unterminated start tag <${name}>`, start);
      if (pos === before) fail(`expected whitespace before an attribute of <${name}>`);
      const attrMatch = NAME.exec(source.slice(pos, pos + 200));
      if (!attrMatch) fail(`expected an attribute name in <${name}>`);
      const attr = attrMatch?.[0] ?? '';
      const attrAt = pos;
      pos += attr.length;
      skipSpace();
      if (source[pos] !== '=') fail(`expected "=" after attribute "${attr}"`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`expected a quoted value for attribute "${attr}"`);
      const end = source.indexOf(quote ?? '"', pos + 1);
      if (end < 0) fail(`unterminated value of attribute "${attr}"`);
      const raw = source.slice(pos + 1, end);
      if (raw.includes('<')) fail(`"<" is not allowed in the value of attribute "${attr}"`);
      if (attributes.has(attr)) fail(`duplicate attribute "${attr}"`, attrAt);
      attributes.set(attr, decode(raw.replace(/[\n\t]/g, ' '), pos + 1));
      pos = end + 1;
    }
    const children: XmlNode[] = [];
    let text = '';
    for (;;) {
      if (pos >= source.length) fail(`expected </${name}> to close the element opened`, start);
      const lt = source.indexOf('<', pos);
      if (lt < 0) {
        pos = source.length;
        continue;
      }
      if (lt > pos) {
        const raw = source.slice(pos, lt);
        if (raw.includes(']]>')) fail('"]]>" is not allowed in text', pos + raw.indexOf(']]>'));
        text += decode(raw, pos);
        pos = lt;
      }
      if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos + 9);
        if (end < 0) fail('unterminated CDATA section');
        text += source.slice(pos + 9, end);
        pos = end + 3;
        continue;
      }
      if (skipMisc(false)) continue;
      if (source.startsWith('</', pos)) {
        const close = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(pos, pos + 220));
        if (!close || close[1] !== name) fail(`expected </${name}>, found ${close ? `</${close[1]}>` : 'a malformed end tag'}`);
        pos += close?.[0].length ?? 0;
        if (text !== '') children.push(text);
        return { name, attributes, children, line: lineAt(start) };
      }
      if (source.startsWith('<!', pos)) fail('unexpected markup declaration');
      if (text !== '') children.push(text);
      text = '';
      children.push(parseElement(depth + 1));
    }
  };

  if (/^<\?xml[\s?]/.test(source.slice(pos, pos + 6))) {
    const end = source.indexOf('?>', pos);
    if (end < 0) fail('unterminated XML declaration');
    pos = end + 2;
  }
  for (;;) {
    skipSpace();
    if (!skipMisc(true)) break;
  }
  if (source[pos] !== '<') fail(pos >= source.length ? 'expected a root element, found an empty document' : 'expected a root element');
  const root = parseElement(1);
  for (;;) {
    skipSpace();
    if (pos >= source.length) break;
    if (!skipMisc(false)) fail('expected nothing after the root element');
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Writer

/** Escapes text content. `>` is escaped too, so `]]>` can never appear. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes an attribute value (quotes, and the whitespace a parser would otherwise normalise). */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** An element to write. Attributes whose value is `undefined` are left out. */
export interface XmlOut {
  name: string;
  attributes?: Record<string, string | number | boolean | undefined>;
  /** Elements and texts; when any text is present the element is written on one line (mixed content). */
  children?: (XmlOut | string)[];
}

function renderAttributes(attributes: XmlOut['attributes']): string {
  let out = '';
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined) continue;
    out += ` ${key}="${escapeAttribute(String(value))}"`;
  }
  return out;
}

function render(node: XmlOut, indent: string, pretty: boolean): string {
  const children = node.children ?? [];
  const open = `<${node.name}${renderAttributes(node.attributes)}`;
  if (children.length === 0) return `${indent}${open}/>`;
  const mixed = !pretty || children.some((child) => typeof child === 'string');
  if (mixed) {
    const inner = children.map((child) => (typeof child === 'string' ? escapeText(child) : render(child, '', false))).join('');
    return `${indent}${open}>${inner}</${node.name}>`;
  }
  const inner = children.map((child) => render(child as XmlOut, `${indent}  `, true)).join('\n');
  return `${indent}${open}>\n${inner}\n${indent}</${node.name}>`;
}

/** Writes a whole document (with the XML declaration), indented where no text is involved. */
export function writeXml(root: XmlOut): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '', true)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading helpers

/** The child elements of an element (text between them is ignored). */
export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** The text content of an element, all descendants included. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('');
}
