import { describe, expect, it } from 'vitest';
import type { ScoredItem } from '../framework/item-bank.schema.js';
import { framework, items } from '../reference/index.js';
import { exportItemBankToQti, exportItemToQti, importItemBankFromQti, importItemFromQti } from './index.js';
import { childElements, parseXml } from './xml.js';
import { issuesOf } from '../../test/issues.js';

const scored = items.items.filter((item): item is ScoredItem => item.type !== 'self-rating');
const byType = (type: ScoredItem['type']): ScoredItem => {
  const found = scored.find((item) => item.type === type);
  if (!found) throw new Error(`no ${type} item in the reference bank`);
  return found;
};


describe('QTI export → import', () => {
  it('round-trips every scored item of the reference bank losslessly', () => {
    expect(scored.length).toBeGreaterThan(200);
    for (const item of scored) expect(importItemFromQti(exportItemToQti(item), `items/${item.id}.xml`)).toStrictEqual(item);
  });

  it('writes the QTI 3.0 structure', () => {
    const xml = exportItemToQti(byType('multiple-choice'));
    expect(xml).toContain('<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0"');
    expect(xml).toContain('adaptive="false" time-dependent="false"');
    expect(xml).toContain('cardinality="multiple" base-type="identifier"');
    expect(xml).toContain('max-choices="0"');
    expect(xml).toContain('<qti-outcome-declaration identifier="SCORE"');
    expect(xml).toContain('<qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>');
    expect(exportItemToQti(byType('single-choice'))).toContain('max-choices="1"');
    expect(exportItemToQti(byType('ordering'))).toMatch(/cardinality="ordered"[\s\S]*<qti-order-interaction/);
    expect(exportItemToQti(byType('short-text'))).toMatch(/base-type="string"[\s\S]*<p>\s*<qti-text-entry-interaction response-identifier="RESPONSE"/);
  });

  it('escapes hostile text and restores it as plain text', () => {
    const base = byType('single-choice');
    if (base.type !== 'single-choice') throw new Error('unreachable');
    const hostile = `<script>alert("x&y")</script> ]]> it's "quoted" & <![CDATA[x]]>`;
    const item: ScoredItem = {
      ...base,
      context: hostile,
      stem: hostile,
      explanation: hostile,
      options: base.options.map((option) => ({ ...option, text: `${hostile} ${option.id}` })),
      tags: ['a'],
    };
    const xml = exportItemToQti(item);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<![CDATA[');
    expect(importItemFromQti(xml)).toStrictEqual(item);
  });

  it('refuses self-rating items', () => {
    const selfRating = items.items.find((item) => item.type === 'self-rating');
    expect(selfRating).toBeDefined();
    expect(issuesOf(() => exportItemToQti(selfRating as unknown as ScoredItem))).toEqual([
      { path: 'type', message: 'self-rating items are not scored and are not exported to QTI' },
    ]);
  });
});

describe('QTI import errors', () => {
  const good = exportItemToQti(byType('single-choice'));

  it('refuses a DOCTYPE / entity payload', () => {
    const payload = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n${good.replace(/^<\?xml[^>]*>\n/, '')}`;
    expect(issuesOf(() => importItemFromQti(payload, 'items/x.xml'))).toEqual([
      { path: 'items/x.xml', message: 'malformed XML: DOCTYPE and entity declarations are not allowed at line 2, column 1' },
    ]);
  });

  it('reports malformed XML with its position', () => {
    expect(issuesOf(() => importItemFromQti(good.replace('</qti-prompt>', '</qti-promt>'), 'items/x.xml'))).toEqual([
      { path: 'items/x.xml', message: expect.stringMatching(/^malformed XML: expected <\/qti-prompt>, found <\/qti-promt> at line \d+, column \d+$/) as unknown as string },
    ]);
  });

  it('reports an unknown interaction with its path', () => {
    const xml = good.replace(/<qti-choice-interaction([^>]*)>/, '<qti-hotspot-interaction$1>').replace('</qti-choice-interaction>', '</qti-hotspot-interaction>');
    expect(issuesOf(() => importItemFromQti(xml, 'items/cyb-001.xml'))).toEqual([
      {
        path: 'items/cyb-001.xml: qti-item-body.qti-hotspot-interaction',
        message: 'unsupported interaction (Jauge reads qti-choice-interaction, qti-order-interaction, qti-text-entry-interaction)',
      },
    ]);
  });

  it('reports a missing correct response with its path', () => {
    const xml = good.replace(/<qti-correct-response>[\s\S]*?<\/qti-correct-response>/, '');
    expect(issuesOf(() => importItemFromQti(xml, 'items/cyb-001.xml'))).toEqual([
      { path: 'items/cyb-001.xml: qti-response-declaration.qti-correct-response', message: 'expected a correct response, found none' },
    ]);
  });

  it('reports a key that is not an option through the item schema or the bank check', () => {
    const xml = good.replace(/(<qti-correct-response>\s*<qti-value>)[^<]*/, '$1zz');
    const { bank, errors } = importItemBankFromQti([{ path: 'items/bad.xml', content: xml }, { path: 'items/ok.xml', content: exportItemToQti(byType('ordering')) }], {
      id: 'b',
      version: '1.0.0',
      framework,
    });
    expect(bank.items.map((item) => item.id)).toEqual([byType('ordering').id]);
    expect(errors).toEqual([{ path: 'items/bad.xml', message: expect.stringMatching(/^item\.answer: expected the id of one of the options/) as unknown as string }]);
  });
});

describe('QTI package', () => {
  const { files, skipped } = exportItemBankToQti(items);

  it('lists every item file in the manifest', () => {
    expect(skipped).toEqual(items.items.filter((item) => item.type === 'self-rating').map((item) => item.id));
    const manifestFile = files.find((file) => file.path === 'imsmanifest.xml');
    expect(manifestFile).toBeDefined();
    const manifest = parseXml(manifestFile?.content ?? '');
    const resources = childElements(childElements(manifest).find((child) => child.name === 'resources') ?? manifest);
    const itemFiles = files.filter((file) => file.path !== 'imsmanifest.xml').map((file) => file.path);
    expect(itemFiles).toHaveLength(scored.length);
    expect(resources.map((resource) => resource.attributes.get('href'))).toEqual(itemFiles);
    for (const resource of resources) {
      expect(resource.attributes.get('type')).toBe('imsqti_item_xmlv3p0');
      expect(childElements(resource).map((file) => file.attributes.get('href'))).toEqual([resource.attributes.get('href')]);
    }
  });

  it('imports the package back into a valid bank, keeping good items and reporting bad ones', () => {
    const broken = [...files, { path: 'items/broken.xml', content: '<qti-assessment-item' }];
    const { bank, errors } = importItemBankFromQti(broken, { id: items.id, version: items.version, framework });
    expect(bank.items).toStrictEqual(scored);
    expect(bank.lang).toBe(items.lang);
    expect(errors).toEqual([{ path: 'items/broken.xml', message: 'malformed XML: unterminated start tag <qti-assessment-item> at line 1, column 1' }]);
  });

  it('reports an item whose skill is not in the framework and keeps the others', () => {
    const item = byType('short-text');
    const foreign = exportItemToQti({ ...item, id: 'foreign-1', skill: 'nope.nope' });
    const { bank, errors } = importItemBankFromQti([{ path: 'items/foreign-1.xml', content: foreign }, { path: 'items/a.xml', content: exportItemToQti(item) }], {
      id: 'b',
      version: '1.0.0',
      framework,
    });
    expect(bank.items).toStrictEqual([item]);
    expect(errors).toEqual([{ path: 'items/foreign-1.xml', message: `item.skill: expected the id of a skill of framework "${framework.id}", found "nope.nope"` }]);
  });
});
