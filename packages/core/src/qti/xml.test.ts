import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, parseXml, textContent, writeXml, XmlSyntaxError } from './xml.js';

describe('XML reader', () => {
  it('reads elements, attributes, entities, character references and CDATA', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &amp; &#65;&#x42;" y=\'q"\'><b>t &lt;&gt; </b><![CDATA[<raw>]]><?pi x?></a>');
    expect(root.name).toBe('a');
    expect(root.attributes.get('x')).toBe('1 & AB');
    expect(root.attributes.get('y')).toBe('q"');
    expect(textContent(root)).toBe('t <> <raw>');
  });

  it('round-trips hostile text through the writer', () => {
    const hostile = `<script>alert("x")</script> & ' " ]]> \n\ttab é 🙂`;
    const xml = writeXml({ name: 'r', attributes: { v: hostile }, children: [hostile] });
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    const root = parseXml(xml);
    expect(root.attributes.get('v')).toBe(hostile);
    expect(textContent(root)).toBe(hostile);
    expect(escapeText('a]]>b')).toBe('a]]&gt;b');
    expect(escapeAttribute(`"'<&`)).toBe('&quot;&apos;&lt;&amp;');
  });

  it.each([
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', 'DOCTYPE and entity declarations are not allowed at line 1, column 1'],
    ['<?xml version="1.0"?>\n<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>', 'DOCTYPE and entity declarations are not allowed at line 2, column 1'],
    ['<a>&x;</a>', 'unknown entity "&x;" (only &amp; &lt; &gt; &quot; &apos; and character references are allowed) at line 1, column 4'],
    ['<a>&#0;</a>', 'character reference "&#0;" is not an allowed XML character at line 1, column 4'],
    ['<a><b></a>', 'expected </b>, found </a> at line 1, column 7'],
    ['<a x="1" x="2"/>', 'duplicate attribute "x" at line 1, column 10'],
    ['<a>', 'expected </a> to close the element opened at line 1, column 1'],
    ['', 'expected a root element, found an empty document at line 1, column 1'],
    ['<a/><b/>', 'expected nothing after the root element at line 1, column 5'],
    ['<a>x & y</a>', 'expected ";" to end the entity reference at line 1, column 6'],
    ['<a>\u0001</a>', 'character U+0001 is not allowed in XML at line 1, column 4'],
  ])('refuses %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(new XmlSyntaxError(message));
  });

  it('bounds the nesting depth', () => {
    expect(() => parseXml('<a>'.repeat(100) + '</a>'.repeat(100))).toThrow(/expected at most 64 nested elements/);
  });
});
