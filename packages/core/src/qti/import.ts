import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import type { Framework } from '../framework/framework.schema.js';
import { type Item, type ItemBank, ItemSchema, type ScoredItem, type Tolerance } from '../framework/item-bank.schema.js';
import { parseItemBank } from '../framework/parse-item-bank.js';
import { MAP_RESPONSE, MATCH_CORRECT, META_FIELDS, QTI_NS, TOLERANCE_FLAGS } from './constants.js';
import type { QtiFile } from './export.js';
import { childElements, parseXml, textContent, XmlSyntaxError, type XmlElement } from './xml.js';

/** A problem in one file of a QTI package. */
export interface QtiImportError {
  /** The file path inside the package, e.g. `items/cyb-001.xml`. */
  path: string;
  /** Where in the file (element path) and what is wrong, e.g. `qti-item-body.qti-choice-interaction: …`. */
  message: string;
}

const SUPPORTED_INTERACTIONS = ['qti-choice-interaction', 'qti-order-interaction', 'qti-text-entry-interaction'];

/** Internal: one problem at an element path of the document. */
class QtiProblem extends Error {
  constructor(
    readonly at: string,
    message: string,
  ) {
    super(message);
  }
}

const problem = (at: string, message: string): never => {
  throw new QtiProblem(at, message);
};

function only(parent: XmlElement, name: string, at: string, required: true): XmlElement;
function only(parent: XmlElement, name: string, at: string, required: false): XmlElement | undefined;
function only(parent: XmlElement, name: string, at: string, required: boolean): XmlElement | undefined {
  const found = childElements(parent).filter((child) => child.name === name);
  if (found.length > 1) problem(join(at, name), `expected one <${name}>, found ${found.length}`);
  if (found.length === 0 && required) problem(at, `expected a <${name}> element, found none`);
  return found[0];
}

const join = (at: string, name: string): string => (at === '' ? name : `${at}.${name}`);

function attr(element: XmlElement, name: string, at: string): string {
  const found = element.attributes.get(name);
  if (found === undefined) problem(at, `expected attribute "${name}" on <${element.name}>`);
  return found ?? '';
}

function expectAttr(element: XmlElement, name: string, expected: string, at: string): void {
  const found = attr(element, name, at);
  if (found !== expected) problem(at, `expected ${name}="${expected}", found "${found}"`);
}

function num(element: XmlElement, name: string, at: string): number {
  const raw = attr(element, name, at);
  const parsed = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(parsed)) problem(at, `expected a number in ${name}, found "${raw}"`);
  return parsed;
}

function optionalNum(element: XmlElement, name: string, at: string): number | undefined {
  return element.attributes.has(name) ? num(element, name, at) : undefined;
}

function bool(raw: string, name: string, at: string): boolean {
  if (raw !== 'true' && raw !== 'false') problem(at, `expected "true" or "false" in ${name}, found "${raw}"`);
  return raw === 'true';
}

/** Collects the interactions anywhere in the body, refusing those Jauge does not support. */
function findInteractions(element: XmlElement, at: string, found: { element: XmlElement; at: string }[]): void {
  for (const child of childElements(element)) {
    const here = join(at, child.name);
    if (child.name.endsWith('-interaction')) {
      if (!SUPPORTED_INTERACTIONS.includes(child.name)) {
        problem(here, `unsupported interaction (Jauge reads ${SUPPORTED_INTERACTIONS.join(', ')})`);
      }
      found.push({ element: child, at: here });
    } else findInteractions(child, here, found);
  }
}

function readItem(xml: string): { item: Item; lang: string | undefined } {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return problem('', `malformed XML: ${error.message}`);
    throw error;
  }
  if (root.name !== 'qti-assessment-item') problem('', `expected a <qti-assessment-item> root element, found <${root.name}>`);
  if (root.attributes.get('xmlns') !== QTI_NS) problem('', `expected the QTI 3.0 namespace xmlns="${QTI_NS}", found "${root.attributes.get('xmlns') ?? ''}"`);
  const id = attr(root, 'identifier', '');

  // Response declaration.
  const declarations = childElements(root).filter((child) => child.name === 'qti-response-declaration');
  if (declarations.length !== 1) problem('qti-response-declaration', `expected exactly one <qti-response-declaration>, found ${declarations.length}`);
  const declaration = declarations[0] as XmlElement;
  const declAt = 'qti-response-declaration';
  expectAttr(declaration, 'identifier', 'RESPONSE', declAt);
  const cardinality = attr(declaration, 'cardinality', declAt);
  const baseType = attr(declaration, 'base-type', declAt);
  const correctAt = join(declAt, 'qti-correct-response');
  const correct = only(declaration, 'qti-correct-response', declAt, false);
  if (!correct) return problem(correctAt, 'expected a correct response, found none');
  const correctValues = childElements(correct).map((child, v) => {
    if (child.name !== 'qti-value') problem(`${correctAt}.${child.name}`, 'expected only <qti-value> elements');
    const text = textContent(child);
    if (text === '') problem(`${correctAt}.qti-value[${v}]`, 'expected a non-empty value');
    return text;
  });
  if (correctValues.length === 0) problem(correctAt, 'expected at least one <qti-value>, found none');

  // Body and its Jauge metadata.
  const body = only(root, 'qti-item-body', '', true);
  const bodyAt = 'qti-item-body';
  const data = (name: string): string | undefined => body.attributes.get(`data-jauge-${name}`);
  const interactions: { element: XmlElement; at: string }[] = [];
  findInteractions(body, bodyAt, interactions);
  if (interactions.length !== 1) problem(bodyAt, `expected exactly one interaction, found ${interactions.length}`);
  const { element: interaction, at: interactionAt } = interactions[0] as { element: XmlElement; at: string };
  expectAttr(interaction, 'response-identifier', 'RESPONSE', interactionAt);

  const paragraphs = childElements(body).filter((child) => child.name === 'p');
  const byClass = (cls: string): string | undefined => {
    const found = paragraphs.filter((p) => p.attributes.get('class') === cls);
    if (found.length > 1) problem(`${bodyAt}.p`, `expected at most one <p class="${cls}">, found ${found.length}`);
    return found[0] === undefined ? undefined : textContent(found[0]);
  };
  const context = byClass('jauge-context');

  // Explanation.
  const feedback = childElements(root).find((child) => child.name === 'qti-modal-feedback' && child.attributes.get('identifier') === 'EXPLANATION');
  if (!feedback) problem('qti-modal-feedback', 'expected a <qti-modal-feedback identifier="EXPLANATION"> with the explanation, found none');
  const explanationP = childElements(only(feedback as XmlElement, 'qti-content-body', 'qti-modal-feedback', false) ?? (feedback as XmlElement)).find(
    (child) => child.name === 'p' && child.attributes.get('class') === 'jauge-explanation',
  );
  const explanation = explanationP ? textContent(explanationP) : textContent(feedback as XmlElement).trim();

  const irtAt = `${bodyAt}@data-jauge-irt`;
  const irt: Record<string, number> = { a: num(body, 'data-jauge-irt-a', irtAt), b: num(body, 'data-jauge-irt-b', irtAt) };
  const c = optionalNum(body, 'data-jauge-irt-c', irtAt);
  const d = optionalNum(body, 'data-jauge-irt-d', irtAt);
  if (c !== undefined) irt.c = c;
  if (d !== undefined) irt.d = d;

  const item: Record<string, unknown> = {
    id,
    skill: attr(body, 'data-jauge-skill', bodyAt),
    level: num(body, 'data-jauge-level', bodyAt),
    status: attr(body, 'data-jauge-status', bodyAt),
    explanation,
    irt,
  };
  if (context !== undefined) item.context = context;
  const metaRaw = data('meta');
  if (metaRaw !== undefined) {
    let meta: unknown;
    try {
      meta = JSON.parse(metaRaw);
    } catch {
      problem(`${bodyAt}@data-jauge-meta`, 'expected a JSON object');
    }
    if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return problem(`${bodyAt}@data-jauge-meta`, 'expected a JSON object');
    for (const [key, entry] of Object.entries(meta)) {
      if (!(META_FIELDS as readonly string[]).includes(key)) problem(`${bodyAt}@data-jauge-meta`, `unexpected field "${key}" (allowed: ${META_FIELDS.join(', ')})`);
      item[key] = entry;
    }
  }

  const processing = only(root, 'qti-response-processing', '', false);
  const template = processing?.attributes.get('template');

  if (interaction.name === 'qti-text-entry-interaction') {
    if (cardinality !== 'single' || baseType !== 'string') problem(declAt, `expected cardinality="single" base-type="string" for a text entry, found cardinality="${cardinality}" base-type="${baseType}"`);
    if (template !== undefined && template !== MAP_RESPONSE && template !== MATCH_CORRECT) problem('qti-response-processing', `expected the map_response or match_correct template, found "${template}"`);
    const stem = byClass('jauge-stem');
    if (stem === undefined) problem(bodyAt, 'expected the question as <p class="jauge-stem">, found none');
    const mapping = only(declaration, 'qti-mapping', declAt, false);
    const answers = mapping
      ? childElements(mapping)
          .filter((entry) => entry.name === 'qti-map-entry' && entry.attributes.get('mapped-value') !== '0')
          .map((entry) => attr(entry, 'map-key', join(declAt, 'qti-mapping.qti-map-entry')))
      : correctValues;
    if (answers.length === 0) problem(join(declAt, 'qti-mapping'), 'expected at least one accepted answer');
    if (answers[0] !== correctValues[0]) problem(correctAt, `expected the first accepted answer "${answers[0] ?? ''}", found "${correctValues[0] ?? ''}"`);
    Object.assign(item, { type: 'short-text', stem, answer: answers });
    if (data('tolerance') !== undefined) {
      const tolerance: Tolerance = {};
      for (const flag of TOLERANCE_FLAGS) {
        const raw = data(`tolerance-${flag}`);
        if (raw !== undefined) tolerance[flag] = bool(raw, `data-jauge-tolerance-${flag}`, bodyAt);
      }
      const typos = optionalNum(body, 'data-jauge-tolerance-typos', bodyAt);
      if (typos !== undefined) tolerance.typos = typos;
      item.tolerance = tolerance;
    }
  } else {
    if (template !== undefined && template !== MATCH_CORRECT) problem('qti-response-processing', `expected the match_correct template, found "${template}"`);
    if (baseType !== 'identifier') problem(declAt, `expected base-type="identifier", found "${baseType}"`);
    const prompt = only(interaction, 'qti-prompt', interactionAt, false);
    if (!prompt) return problem(interactionAt, 'expected a <qti-prompt> with the question, found none');
    const options = childElements(interaction)
      .filter((child) => child.name !== 'qti-prompt')
      .map((child, o) => {
        const at = `${interactionAt}.${child.name}[${o}]`;
        if (child.name !== 'qti-simple-choice') problem(at, 'expected only <qti-prompt> and <qti-simple-choice> elements');
        return { id: attr(child, 'identifier', at), text: textContent(child) };
      });
    item.stem = textContent(prompt);
    item.options = options;
    if (interaction.name === 'qti-order-interaction') {
      if (cardinality !== 'ordered') problem(declAt, `expected cardinality="ordered" for an order interaction, found "${cardinality}"`);
      Object.assign(item, { type: 'ordering', answer: correctValues });
    } else {
      const maxChoices = interaction.attributes.get('max-choices') ?? '1';
      const shuffle = interaction.attributes.get('shuffle');
      if (shuffle !== undefined) item.shuffle = bool(shuffle, 'shuffle', interactionAt);
      if (maxChoices === '1' && cardinality === 'single') {
        if (correctValues.length !== 1) problem(correctAt, `expected one value for a single choice, found ${correctValues.length}`);
        Object.assign(item, { type: 'single-choice', answer: correctValues[0] });
      } else if (cardinality === 'multiple' && maxChoices !== '1') {
        Object.assign(item, { type: 'multiple-choice', answer: correctValues });
      } else {
        problem(interactionAt, `expected max-choices="1" with cardinality="single", or max-choices="0" with cardinality="multiple", found max-choices="${maxChoices}" with cardinality="${cardinality}"`);
      }
    }
  }
  const declaredType = data('type');
  if (declaredType !== undefined && declaredType !== item.type) problem(`${bodyAt}@data-jauge-type`, `expected "${String(item.type)}" (the type of the interaction), found "${declaredType}"`);

  const result = ItemSchema.safeParse(item);
  if (!result.success) {
    const issue = result.error.issues[0];
    return problem(`item.${(issue?.path ?? []).map(String).join('.')}`, issue?.message ?? 'invalid item');
  }
  return { item: result.data, lang: root.attributes.get('xml:lang') };
}

/**
 * Reads one QTI 3.0 `<qti-assessment-item>` written by {@link exportItemToQti} (or by hand following
 * `docs/qti.md`) and returns the Jauge item.
 *
 * @param path - the file name, used as a prefix in the issue paths.
 * @throws {@link JaugeValidationError} with one issue whose path is the element path
 * (e.g. `items/cyb-001.xml: qti-item-body.qti-choice-interaction`).
 */
export function importItemFromQti(xml: string, path?: string): ScoredItem {
  return readScored(xml, path).item;
}

function readScored(xml: string, path?: string): { item: ScoredItem; lang: string | undefined } {
  try {
    const { item, lang } = readItem(xml);
    if (item.type === 'self-rating') return problem('', 'self-rating items are not imported');
    return { item, lang };
  } catch (error) {
    if (!(error instanceof QtiProblem)) throw error;
    const where = path === undefined ? error.at : error.at === '' ? path : `${path}: ${error.at}`;
    throw new JaugeValidationError(`QTI item${path === undefined ? '' : ` ${path}`}`, [{ path: where, message: error.message }]);
  }
}

/**
 * Reads the items of a QTI package (every `.xml` file but `imsmanifest.xml`) into a Jauge bank,
 * validated with `parseItemBank` against `framework`. Items that cannot be read, or that the bank
 * validation refuses (unknown skill, wrong level…), are left out and reported in `errors`, one per
 * problem, with the file path; the good items are kept.
 *
 * @throws {@link JaugeValidationError} when no item is left or the bank itself is invalid.
 */
export function importItemBankFromQti(
  files: readonly QtiFile[],
  options: { id: string; version: string; framework: Framework; lang?: string },
): { bank: ItemBank; errors: QtiImportError[] } {
  const errors: QtiImportError[] = [];
  const read: { item: ScoredItem; path: string }[] = [];
  let lang = options.lang;
  for (const file of files) {
    if (!file.path.endsWith('.xml') || file.path === 'imsmanifest.xml' || file.path.endsWith('/imsmanifest.xml')) continue;
    try {
      const { item, lang: itemLang } = readScored(file.content);
      read.push({ item, path: file.path });
      lang ??= itemLang;
    } catch (error) {
      if (!(error instanceof JaugeValidationError)) throw error;
      for (const issue of error.issues) errors.push({ path: file.path, message: issue.path === '' ? issue.message : `${issue.path}: ${issue.message}` });
    }
  }
  const seen = new Set<string>();
  const unique = read.filter(({ item, path }) => {
    if (!seen.has(item.id)) return seen.add(item.id);
    errors.push({ path, message: `identifier: the item id "${item.id}" is already used by another file` });
    return false;
  });
  let kept = unique;
  for (let attempt = 0; attempt < 2; attempt++) {
    const candidate = {
      id: options.id,
      version: options.version,
      lang: lang ?? 'fr',
      framework: { id: options.framework.id, version: options.framework.version },
      items: kept.map(({ item }) => item),
    };
    try {
      return { bank: parseItemBank(candidate, options.framework), errors };
    } catch (error) {
      if (!(error instanceof JaugeValidationError) || attempt === 1) throw error;
      const bad = new Set<number>();
      const global: ValidationIssue[] = [];
      for (const issue of error.issues) {
        const match = /^items\[(\d+)\]\.?(.*)$/.exec(issue.path);
        const entry = match ? kept[Number(match[1])] : undefined;
        if (!match || !entry) {
          global.push(issue);
          continue;
        }
        bad.add(Number(match[1]));
        errors.push({ path: entry.path, message: `item.${match[2] ?? ''}: ${issue.message}` });
      }
      if (global.length > 0) throw new JaugeValidationError('QTI item bank', global);
      kept = kept.filter((_, i) => !bad.has(i));
      if (kept.length === 0) throw new JaugeValidationError('QTI item bank', [{ path: 'items', message: 'expected at least one valid item, found none' }, ...errors.map((e) => ({ path: e.path, message: e.message }))]);
    }
  }
  throw new Error('unreachable');
}
