import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import type { ItemBank } from '../framework/item-bank.schema.js';
import type { ResponseData } from './response-data.js';

/** Longest line of an answers file accepted (a record of a few hundred answers is ~20 kB). */
export const MAX_ANSWER_LINE_LENGTH = 1_000_000;
/** Longest agent id or group label accepted. */
export const MAX_ANSWER_LABEL_LENGTH = 200;
/** How many issues are kept in {@link ResponseData.rejected} (all are counted). */
export const MAX_KEPT_ISSUES = 1000;

/**
 * Collects answer records one at a time (a line of an answers file, or a parsed object), checks
 * each one, keeps the good ones in compact typed arrays and reports the bad ones with where and
 * why: a bad record is left out whole, the others are kept. Memory grows with the number of
 * answers kept, not with the size of the records.
 */
export interface AnswerCollector {
  /**
   * Adds one line of a JSON-lines answers file. Blank lines are ignored. Returns `false` (and
   * records the problems at `line <n>`) when the line is left out.
   */
  addLine(line: string, lineNumber: number): boolean;
  /**
   * Adds one parsed record; `where` prefixes the paths of its problems (e.g. `records[3]`, or
   * `line 12` which gives `line 12: responses[3].item`). Returns `false` when it is left out.
   */
  addRecord(record: unknown, where: string): boolean;
  /** Number of agents kept so far. */
  readonly agents: number;
  /** Number of records left out so far. */
  readonly rejectedRecords: number;
  /**
   * The answers kept, with the problems of the records left out.
   *
   * @throws {@link JaugeValidationError} when no record could be kept (listing why each was left out).
   */
  finish(): ResponseData;
}

/**
 * Creates an {@link AnswerCollector} for the scored items of `bank` (or for a plain list of item
 * ids). A record is left out when it is not an object `{ agent, group?, responses }`, its agent
 * id is missing or already seen, a response names an item the bank does not score, answers an
 * item twice or has no boolean `correct`.
 *
 * @example
 * ```ts
 * import { createAnswerCollector } from '@jauge/core/calibration';
 * import { items as bank } from '@jauge/core/reference';
 * declare const text: string; // the answers, one JSON record per line
 * const collector = createAnswerCollector(bank);
 * text.split('\n').forEach((line, i) => collector.addLine(line, i + 1));
 * const data = collector.finish(); // data.rejected: [{ path: 'line 12: responses[3].item', message: … }]
 * ```
 */
export function createAnswerCollector(bank: ItemBank | readonly string[]): AnswerCollector {
  const isList = Array.isArray(bank);
  const itemIds: string[] = isList ? [...(bank as readonly string[])] : (bank as ItemBank).items.filter((item) => item.type !== 'self-rating').map((item) => item.id);
  const selfRating = new Set(isList ? [] : (bank as ItemBank).items.filter((item) => item.type === 'self-rating').map((item) => item.id));
  const bankLabel = isList ? 'the item list' : `bank "${(bank as ItemBank).id}"`;
  const index = new Map(itemIds.map((id, i) => [id, i]));
  const seenAgents = new Map<string, string>();
  const groups: string[] = [];
  const groupIndex = new Map<string, number>();
  const rejected: ValidationIssue[] = [];
  let rejectedRecords = 0;
  let agents = 0;
  const start = new GrowableInt32([0]);
  const items = new GrowableInt32();
  const correct = new GrowableUint8();
  const agentGroup = new GrowableInt32();

  const reject = (issues: ValidationIssue[]): false => {
    rejectedRecords++;
    for (const issue of issues) if (rejected.length < MAX_KEPT_ISSUES) rejected.push(issue);
    return false;
  };

  const addRecord = (record: unknown, where: string): boolean => {
    const issues: ValidationIssue[] = [];
    const at = (sub: string): string => (sub === '' ? where : where.startsWith('line ') ? `${where}: ${sub}` : `${where}.${sub}`);
    const report = (sub: string, message: string): void => {
      issues.push({ path: at(sub), message });
    };
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      return reject([{ path: where, message: `expected an object { agent, group?, responses }, found ${kind(record)}` }]);
    }
    const { agent, group, responses } = record as { agent?: unknown; group?: unknown; responses?: unknown };
    if (typeof agent !== 'string' || agent.length === 0 || agent.length > MAX_ANSWER_LABEL_LENGTH) {
      report('agent', `expected a pseudonymous id (a non-empty string of at most ${MAX_ANSWER_LABEL_LENGTH} characters), found ${kind(agent)}`);
    } else if (seenAgents.has(agent)) {
      report('agent', `expected each agent once, found "${agent}" again (first at ${seenAgents.get(agent)})`);
    }
    if (group !== undefined && (typeof group !== 'string' || group.length === 0 || group.length > MAX_ANSWER_LABEL_LENGTH)) {
      report('group', `expected a group label (a non-empty string of at most ${MAX_ANSWER_LABEL_LENGTH} characters) or no group, found ${kind(group)}`);
    }
    const kept: number[] = [];
    if (!Array.isArray(responses)) {
      report('responses', `expected an array of { item, correct }, found ${kind(responses)}`);
    } else {
      const answered = new Map<number, number>();
      responses.forEach((response: unknown, r) => {
        if (typeof response !== 'object' || response === null || Array.isArray(response)) {
          report(`responses[${r}]`, `expected an object { item, correct }, found ${kind(response)}`);
          return;
        }
        const { item, correct: isCorrect } = response as { item?: unknown; correct?: unknown };
        let i: number | undefined;
        if (typeof item !== 'string') report(`responses[${r}].item`, `expected an item id, found ${kind(item)}`);
        else if (selfRating.has(item)) report(`responses[${r}].item`, `expected a scored item, found the self-rating item "${item}" (not calibrated)`);
        else if ((i = index.get(item)) === undefined) report(`responses[${r}].item`, `expected the id of a scored item of ${bankLabel}, found "${item}"`);
        else if (answered.has(i)) report(`responses[${r}].item`, `expected each item once per agent, found "${item}" again (first at responses[${answered.get(i)}])`);
        else answered.set(i, r);
        if (typeof isCorrect !== 'boolean') report(`responses[${r}].correct`, `expected true or false (a skip is false), found ${kind(isCorrect)}`);
        if (i !== undefined && typeof isCorrect === 'boolean') kept.push(2 * i + (isCorrect ? 1 : 0));
      });
    }
    if (issues.length > 0) return reject(issues);
    seenAgents.set(agent as string, where);
    for (const code of kept) {
      items.push(code >> 1);
      correct.push(code & 1);
    }
    start.push(items.length);
    let g = -1;
    if (typeof group === 'string') {
      g = groupIndex.get(group) ?? -1;
      if (g < 0) {
        g = groups.length;
        groups.push(group);
        groupIndex.set(group, g);
      }
    }
    agentGroup.push(g);
    agents++;
    return true;
  };

  return {
    addRecord,
    addLine(line: string, lineNumber: number): boolean {
      const where = `line ${lineNumber}`;
      const text = lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
      if (text.trim() === '') return true;
      if (text.length > MAX_ANSWER_LINE_LENGTH) {
        return reject([{ path: where, message: `expected at most ${MAX_ANSWER_LINE_LENGTH} characters, found ${text.length}` }]);
      }
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return reject([{ path: where, message: `expected one JSON object, found text that does not parse (${detail})` }]);
      }
      return addRecord(record, where);
    },
    get agents() {
      return agents;
    },
    get rejectedRecords() {
      return rejectedRecords;
    },
    finish(): ResponseData {
      if (agents === 0) {
        const issues = rejected.length > 0 ? [...rejected] : [{ path: '', message: 'expected at least one answer record, found none' }];
        throw new JaugeValidationError('answers', issues);
      }
      return {
        itemIds,
        groups: [...groups],
        agents,
        start: start.toArray(),
        item: items.toArray(),
        correct: correct.toArray(),
        group: agentGroup.toArray(),
        rejected: [...rejected],
        rejectedRecords,
      };
    },
  };
}

/**
 * Parses a whole JSON-lines answers text (one {@link AnswerRecord} per line) for the scored items
 * of `bank`: good lines are kept, bad ones are reported in `rejected` with their line number
 * (`line 12: responses[3].item`) and left out.
 *
 * @throws {@link JaugeValidationError} when no line could be kept.
 */
export function parseAnswers(text: string, bank: ItemBank | readonly string[]): ResponseData {
  const collector = createAnswerCollector(bank);
  let lineNumber = 0;
  let from = 0;
  while (from <= text.length) {
    const end = text.indexOf('\n', from);
    const line = text.slice(from, end === -1 ? text.length : end);
    lineNumber++;
    collector.addLine(line.endsWith('\r') ? line.slice(0, -1) : line, lineNumber);
    if (end === -1) break;
    from = end + 1;
  }
  return collector.finish();
}

function kind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 60 ? `${JSON.stringify(value.slice(0, 57))}…` : JSON.stringify(value);
  return String(value);
}

class GrowableInt32 {
  private buffer: Int32Array;
  length = 0;
  constructor(initial: readonly number[] = []) {
    this.buffer = new Int32Array(Math.max(1024, initial.length));
    for (const value of initial) this.push(value);
  }
  push(value: number): void {
    if (this.length === this.buffer.length) {
      const next = new Int32Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.buffer.slice(0, this.length);
  }
}

class GrowableUint8 {
  private buffer = new Uint8Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.buffer.length) {
      const next = new Uint8Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.length++] = value;
  }
  toArray(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
