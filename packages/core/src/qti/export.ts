import { JaugeValidationError } from '../errors.js';
import type { ItemBank, ScoredItem } from '../framework/item-bank.schema.js';
import {
  IMSCP_NS,
  MAP_RESPONSE,
  MATCH_CORRECT,
  META_FIELDS,
  QTI_ITEM_RESOURCE,
  QTI_NS,
  QTI_XSD,
  TOLERANCE_FLAGS,
} from './constants.js';
import { isXmlSafeText, writeXml, type XmlOut } from './xml.js';

/** A file of a QTI package: its path inside the package and its XML text. */
export interface QtiFile {
  path: string;
  content: string;
}

const value = (text: string): XmlOut => ({ name: 'qti-value', children: [text] });

function checkText(item: ScoredItem): void {
  const bad: { path: string; message: string }[] = [];
  const visit = (input: unknown, path: string): void => {
    if (typeof input === 'string') {
      if (!isXmlSafeText(input)) bad.push({ path, message: 'expected text without control characters that XML 1.0 cannot carry' });
    } else if (Array.isArray(input)) input.forEach((entry, i) => visit(entry, `${path}[${i}]`));
    else if (input !== null && typeof input === 'object') for (const [key, entry] of Object.entries(input)) visit(entry, path ? `${path}.${key}` : key);
  };
  visit(item, '');
  if (bad.length > 0) throw new JaugeValidationError(`item "${item.id}" for QTI export`, bad);
}

/** The `data-jauge-*` attributes of `<qti-item-body>`: every Jauge field QTI has no slot for. */
function metadataAttributes(item: ScoredItem): Record<string, string | undefined> {
  const attributes: Record<string, string | undefined> = {
    'data-jauge-type': item.type,
    'data-jauge-skill': item.skill,
    'data-jauge-level': String(item.level),
    'data-jauge-status': item.status,
    'data-jauge-irt-a': String(item.irt.a),
    'data-jauge-irt-b': String(item.irt.b),
    'data-jauge-irt-c': item.irt.c === undefined ? undefined : String(item.irt.c),
    'data-jauge-irt-d': item.irt.d === undefined ? undefined : String(item.irt.d),
  };
  if (item.type === 'short-text' && item.tolerance) {
    attributes['data-jauge-tolerance'] = 'true';
    for (const flag of TOLERANCE_FLAGS) {
      const set = item.tolerance[flag];
      if (set !== undefined) attributes[`data-jauge-tolerance-${flag}`] = String(set);
    }
    if (item.tolerance.typos !== undefined) attributes['data-jauge-tolerance-typos'] = String(item.tolerance.typos);
  }
  const meta: Record<string, unknown> = {};
  for (const field of META_FIELDS) if (item[field] !== undefined) meta[field] = item[field];
  if (Object.keys(meta).length > 0) attributes['data-jauge-meta'] = JSON.stringify(meta);
  return attributes;
}

/**
 * Writes a scored Jauge item as a QTI 3.0 `<qti-assessment-item>` (see `docs/qti.md` for the mapping).
 * Self-rating items are not scored and have no QTI equivalent: they are refused.
 *
 * @throws {@link JaugeValidationError} for a self-rating item or a text XML 1.0 cannot carry.
 */
export function exportItemToQti(item: ScoredItem, options: { lang?: string } = {}): string {
  if ((item as { type: string }).type === 'self-rating') {
    throw new JaugeValidationError('item for QTI export', [{ path: 'type', message: 'self-rating items are not scored and are not exported to QTI' }]);
  }
  checkText(item);
  const declaration: XmlOut = {
    name: 'qti-response-declaration',
    attributes: {
      identifier: 'RESPONSE',
      cardinality: item.type === 'single-choice' || item.type === 'short-text' ? 'single' : item.type === 'multiple-choice' ? 'multiple' : 'ordered',
      'base-type': item.type === 'short-text' ? 'string' : 'identifier',
    },
    children: [],
  };
  const answers = typeof item.answer === 'string' ? [item.answer] : item.answer;
  declaration.children?.push({
    name: 'qti-correct-response',
    children: (item.type === 'short-text' ? answers.slice(0, 1) : answers).map(value),
  });
  if (item.type === 'short-text') {
    const caseSensitive = item.tolerance?.case === true ? 'false' : 'true';
    declaration.children?.push({
      name: 'qti-mapping',
      attributes: { 'default-value': '0' },
      children: item.answer.map((answer) => ({
        name: 'qti-map-entry',
        attributes: { 'map-key': answer, 'mapped-value': '1', 'case-sensitive': caseSensitive },
      })),
    });
  }

  const body: XmlOut[] = [];
  if (item.context !== undefined) body.push({ name: 'p', attributes: { class: 'jauge-context' }, children: [item.context] });
  if (item.type === 'short-text') {
    body.push({ name: 'p', attributes: { class: 'jauge-stem' }, children: [item.stem] });
    body.push({
      name: 'p',
      children: [
        {
          name: 'qti-text-entry-interaction',
          attributes: { 'response-identifier': 'RESPONSE', 'expected-length': Math.max(...item.answer.map((answer) => answer.length)) },
        },
      ],
    });
  } else {
    const isOrder = item.type === 'ordering';
    body.push({
      name: isOrder ? 'qti-order-interaction' : 'qti-choice-interaction',
      attributes: {
        'response-identifier': 'RESPONSE',
        'max-choices': isOrder ? undefined : item.type === 'single-choice' ? '1' : '0',
        shuffle: item.type !== 'ordering' && item.shuffle !== undefined ? String(item.shuffle) : undefined,
      },
      children: [
        { name: 'qti-prompt', children: [item.stem] },
        ...item.options.map((option) => ({ name: 'qti-simple-choice', attributes: { identifier: option.id }, children: [option.text] })),
      ],
    });
  }

  const root: XmlOut = {
    name: 'qti-assessment-item',
    attributes: {
      xmlns: QTI_NS,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${QTI_NS} ${QTI_XSD}`,
      identifier: item.id,
      title: item.stem.length > 100 ? `${item.stem.slice(0, 99)}…` : item.stem,
      adaptive: 'false',
      'time-dependent': 'false',
      'xml:lang': options.lang,
    },
    children: [
      declaration,
      {
        name: 'qti-outcome-declaration',
        attributes: { identifier: 'SCORE', cardinality: 'single', 'base-type': 'float' },
        children: [{ name: 'qti-default-value', children: [value('0')] }],
      },
      { name: 'qti-outcome-declaration', attributes: { identifier: 'FEEDBACK', cardinality: 'single', 'base-type': 'identifier' } },
      { name: 'qti-item-body', attributes: metadataAttributes(item), children: body },
      { name: 'qti-response-processing', attributes: { template: item.type === 'short-text' ? MAP_RESPONSE : MATCH_CORRECT } },
      {
        name: 'qti-modal-feedback',
        attributes: { 'outcome-identifier': 'FEEDBACK', identifier: 'EXPLANATION', 'show-hide': 'show' },
        children: [{ name: 'qti-content-body', children: [{ name: 'p', attributes: { class: 'jauge-explanation' }, children: [item.explanation] }] }],
      },
    ],
  };
  return writeXml(root);
}

/**
 * Writes a bank as a QTI 3.0 content package: `items/<id>.xml` for every scored item and an
 * `imsmanifest.xml` listing them (resources of type `imsqti_item_xmlv3p0`). Self-rating items are
 * skipped and listed in `skipped`.
 */
export function exportItemBankToQti(bank: ItemBank): { files: QtiFile[]; skipped: string[] } {
  const files: QtiFile[] = [];
  const skipped: string[] = [];
  for (const item of bank.items) {
    if (item.type === 'self-rating') {
      skipped.push(item.id);
      continue;
    }
    files.push({ path: `items/${item.id}.xml`, content: exportItemToQti(item, { lang: bank.lang }) });
  }
  const manifest: XmlOut = {
    name: 'manifest',
    attributes: { xmlns: IMSCP_NS, identifier: `${bank.id}-${bank.version}` },
    children: [
      {
        name: 'metadata',
        children: [
          { name: 'schema', children: ['QTI Package'] },
          { name: 'schemaversion', children: ['3.0.0'] },
        ],
      },
      { name: 'organizations' },
      {
        name: 'resources',
        children: files.map((file) => ({
          name: 'resource',
          attributes: { identifier: file.path.slice('items/'.length, -'.xml'.length), type: QTI_ITEM_RESOURCE, href: file.path },
          children: [{ name: 'file', attributes: { href: file.path } }],
        })),
      },
    ],
  };
  files.push({ path: 'imsmanifest.xml', content: writeXml(manifest) });
  return { files, skipped };
}
