import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/issues.js';
import { type Assessment, createAssessment, restoreAssessment } from '../cat/assessment.js';
import type { PresentedItem } from '../cat/presented-item.js';
import type { AssessmentSnapshot } from '../cat/session.js';
import type { Item, ItemBank } from '../framework/item-bank.schema.js';
import { createRandom, type Random } from '../random.js';
import { framework, items } from '../reference/index.js';
import { decodeSuspendData, encodeSuspendData, SCORM12_SUSPEND_DATA_MAX } from './suspend-data.js';

const content = { framework, items };
const byId = new Map<string, Item>(items.items.map((item) => [item.id, item]));
const POOL = 'abcdefghijklmnopqrstuvwxyz ABCDÉÈÊÀÇÔœ’\'"\\<>&{}[],:;\n\t0123456789 é à ç €😀\u2028';

function randomText(random: Random, length: number): string {
  let text = '';
  while (text.length < length) text += POOL[Math.floor(random() * POOL.length)]!;
  // May cut a surrogate pair in two: a lone surrogate must survive the trip through JSON too.
  return text.slice(0, length);
}

/** One random action on the item presented: every item type, skips, long free text. */
function act(assessment: Assessment, item: PresentedItem, random: Random, longText: boolean): void {
  const r = random();
  if (item.type === 'self-rating') {
    if (r < 0.15) assessment.skip(item.id);
    else assessment.answer(item.id, item.scale![Math.floor(random() * item.scale!.length)]!.id);
    return;
  }
  if (r < 0.15) return assessment.skip(item.id);
  const ids = item.options?.map((option) => option.id) ?? [];
  switch (item.type) {
    case 'single-choice':
      assessment.answer(item.id, ids[Math.floor(random() * ids.length)]);
      return;
    case 'multiple-choice':
      assessment.answer(item.id, ids.filter(() => random() < 0.5));
      return;
    case 'ordering':
      assessment.answer(item.id, [...ids].sort(() => random() - 0.5));
      return;
    case 'short-text': {
      const key = byId.get(item.id);
      const answer = key?.type === 'short-text' ? key.answer[0]! : 'x';
      const t = random();
      if (!longText && t < 0.3) assessment.answer(item.id, answer);
      else if (!longText && t < 0.4) assessment.answer(item.id, `  ${answer.toUpperCase()}   `);
      else assessment.answer(item.id, randomText(random, longText ? 400 + Math.floor(random() * 101) : 1 + Math.floor(random() * 500)));
      return;
    }
  }
}

/** Runs `steps` actions (all of them when `steps` is Infinity). */
function run(assessment: Assessment, random: Random, steps: number, longText = false): void {
  for (let n = 0; n < steps; n++) {
    const item = assessment.nextItem();
    if (!item) return;
    act(assessment, item, random, longText);
  }
}

/** The snapshot a restore is expected to give: incorrect short-text responses may have become "", correct ones collapsed. */
function checkShortened(original: AssessmentSnapshot, decoded: AssessmentSnapshot): number {
  expect({ ...decoded, log: [], checksum: '' }).toStrictEqual({ ...original, log: [], checksum: '' });
  expect(decoded.log).toHaveLength(original.log.length);
  let changed = 0;
  decoded.log.forEach((entry, i) => {
    const before = original.log[i]!;
    if (JSON.stringify(entry) === JSON.stringify(before)) return;
    changed++;
    expect(entry.kind === 'answer' && before.kind === 'answer' && byId.get(entry.itemId)?.type === 'short-text', `log[${i}] changed`).toBe(true);
    if (entry.kind !== 'answer' || before.kind !== 'answer') return;
    expect(entry.correct).toBe(before.correct);
    expect(entry.response).toBe(before.correct ? (before.response as string).replace(/\s+/gu, ' ').trim() : '');
  });
  return changed;
}

describe('encodeSuspendData / decodeSuspendData', () => {
  it('round-trips 48 simulated sessions: restoreAssessment gives the same result and the same next item', () => {
    // Measured with the reference content (printed below): at most 3,826 characters over these 48
    // sessions, whose free texts run up to 500 characters (past 4,096, the incorrect ones are
    // emptied: 3 sessions here). Complete 36-item tests answered with the longest accepted
    // short-text keys and every option of multi-option items stay under 1,460 characters (200
    // seeds), against about 3,950 for the snapshot's own JSON.
    let longest = 0;
    let exact = 0;
    let shortened = 0;
    let paused = 0;
    for (let seed = 1; seed <= 48; seed++) {
      const random = createRandom(seed * 7919);
      const assessment = createAssessment({ framework, items, seed });
      const longText = seed % 4 === 0;
      const steps = seed % 3 === 0 ? Infinity : Math.floor(random() * 44);
      run(assessment, random, steps, longText);
      if (seed % 5 === 1) assessment.nextItem(); // paused with the item on screen
      const snapshot = assessment.toJSON();
      const text = encodeSuspendData(snapshot);
      longest = Math.max(longest, text.length);
      expect(text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA_MAX);
      expect(text.startsWith('J1[')).toBe(true);
      expect(JSON.parse(JSON.stringify(text))).toBe(text);
      const decoded = decodeSuspendData(JSON.parse(JSON.stringify(text)) as string, content);
      if (JSON.stringify(decoded) === JSON.stringify(snapshot)) {
        expect(decoded).toStrictEqual(snapshot);
        exact++;
      } else if (checkShortened(snapshot, decoded) > 0) shortened++;
      const restored = restoreAssessment(decoded, content);
      expect(restored.result()).toStrictEqual(assessment.result());
      expect(restored.isComplete).toBe(assessment.isComplete);
      expect(restored.nextItem()).toStrictEqual(assessment.nextItem());
      if (!assessment.isComplete) {
        paused++;
        // Both go on identically to the end.
        run(assessment, createRandom(seed), Infinity);
        run(restored, createRandom(seed), Infinity);
        expect(restored.result()).toStrictEqual(assessment.result());
      }
    }
    console.log(`suspend data: longest ${longest} characters over 48 sessions (${exact} exact, ${shortened} shortened, ${paused} paused)`);
    expect(exact).toBeGreaterThan(20);
    expect(shortened).toBeGreaterThan(0);
    expect(paused).toBeGreaterThan(10);
    expect(longest).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA_MAX);
  });

  it('writes compact data without the content ids, and keeps the versions, fingerprint and checksum', () => {
    const assessment = createAssessment({ framework, items, seed: 3, config: { maxItems: 30 } });
    run(assessment, createRandom(3), 5);
    const snapshot = assessment.toJSON();
    const text = encodeSuspendData(snapshot);
    expect(text).not.toContain(framework.id);
    expect(text).not.toContain(items.id);
    const data = JSON.parse(text.slice(2)) as unknown[];
    expect(data.slice(0, 5)).toEqual([framework.version, items.version, snapshot.bank.fingerprint, snapshot.checksum, 3]);
    expect(data[6]).toEqual({ maxItems: 30 });
    expect(text.length).toBeLessThan(JSON.stringify(snapshot).length / 2);
  });

  it('empties incorrect free texts only when needed, and throws when even that is not enough', () => {
    const assessment = createAssessment({ framework, items, seed: 8 });
    run(assessment, createRandom(8), Infinity, true);
    const snapshot = assessment.toJSON();
    const long = snapshot.log.filter((e) => e.kind === 'answer' && typeof e.response === 'string' && e.response.length >= 400);
    expect(long.length).toBeGreaterThan(0);
    const roomy = encodeSuspendData(snapshot, { limit: 100_000 });
    expect(decodeSuspendData(roomy, content)).toStrictEqual(snapshot);
    const tight = encodeSuspendData(snapshot, { limit: roomy.length - 1 });
    expect(tight.length).toBeLessThan(roomy.length - 399);
    expect(checkShortened(snapshot, decodeSuspendData(tight, content))).toBe(long.length);

    const skipped = createAssessment({ framework, items, seed: 9 });
    for (let item = skipped.nextItem(); item; item = skipped.nextItem()) skipped.skip(item.id);
    const length = encodeSuspendData(skipped.toJSON()).length;
    expect(issuesOf(() => encodeSuspendData(skipped.toJSON(), { limit: 100 }))).toEqual([{ path: 'suspend_data', message: `expected at most 100 characters, found ${length}` }]);
  });

  it('collapses the spaces of correct free texts as a last resort (scoring collapses them too)', () => {
    const assessment = createAssessment({ framework, items, seed: 4 });
    let padded = 0;
    for (let item = assessment.nextItem(); item; item = assessment.nextItem()) {
      const key = byId.get(item.id);
      if (key?.type !== 'short-text') {
        assessment.skip(item.id);
        continue;
      }
      padded++;
      const answer = key.answer[0]!;
      expect(assessment.answer(item.id, `${' '.repeat(200)}${answer.split(' ').join('\n\n\n')}${' '.repeat(299 - answer.length)}`).correct).toBe(true);
    }
    expect(padded).toBeGreaterThan(0);
    const snapshot = assessment.toJSON();
    const text = encodeSuspendData(snapshot, { limit: encodeSuspendData(snapshot, { limit: 100_000 }).length - 1 });
    const decoded = decodeSuspendData(text, content);
    expect(checkShortened(snapshot, decoded)).toBe(padded);
    expect(restoreAssessment(decoded, content).result()).toStrictEqual(assessment.result());
  });

  it('refuses a malformed or tampered snapshot before encoding', () => {
    const snapshot = createAssessment({ framework, items, seed: 2 }).toJSON();
    expect(issuesOf(() => encodeSuspendData({ ...snapshot, seed: 3 }))).toEqual([
      { path: 'checksum', message: 'expected the checksum of the snapshot content, found another value (the snapshot was corrupted or edited)' },
    ]);
    expect(issuesOf(() => encodeSuspendData({ ...snapshot, log: 'x' } as unknown as AssessmentSnapshot))).toEqual([{ path: 'log', message: 'expected an array, found the string "x"' }]);
    expect(issuesOf(() => encodeSuspendData(snapshot, { limit: 0 }))).toEqual([{ path: 'limit', message: 'expected an integer ≥ 1, found the number 0' }]);
  });
});

describe('decodeSuspendData on hostile input', () => {
  const assessment = createAssessment({ framework, items, seed: 5 });
  run(assessment, createRandom(5), 8);
  assessment.nextItem();
  const good = encodeSuspendData(assessment.toJSON());
  const fields = () => JSON.parse(good.slice(2)) as unknown[];
  const encode = (data: unknown[]) => `J1${JSON.stringify(data)}`;
  const with_ = (index: number, value: unknown) => {
    const data = fields();
    data[index] = value;
    return encode(data);
  };
  const decode = (text: unknown) => issuesOf(() => decodeSuspendData(text as string, content));

  it('explains what is wrong with the whole string', () => {
    expect(decode('')).toEqual([{ path: 'suspend_data', message: 'expected Jauge suspend data (starting with "J1"), found the string ""' }]);
    expect(decode(42)).toEqual([{ path: 'suspend_data', message: 'expected a string, found the number 42' }]);
    expect(decode(`J2${good.slice(2)}`)).toEqual([{ path: 'suspend_data', message: 'expected suspend data of format J1, found format J2 (written by another version of Jauge)' }]);
    expect(decode('{"format":"jauge-assessment"}')).toEqual([{ path: 'suspend_data', message: 'expected Jauge suspend data (starting with "J1"), found the string "{\\"format\\":\\"jauge-assessment\\"}"' }]);
    for (const cut of [3, good.length - 1, good.length - 20]) {
      expect(decode(good.slice(0, cut))).toEqual([{ path: 'suspend_data', message: 'expected JSON after "J1", found text that does not parse (truncated or corrupted)' }]);
    }
    expect(decode('J1{"__proto__":{"polluted":true}}')).toEqual([{ path: 'suspend_data', message: 'expected an array of 10 fields after "J1", found an object' }]);
    expect(decode(encode(fields().slice(0, 9)))).toEqual([{ path: 'suspend_data', message: 'expected an array of 10 fields after "J1", found an array of 9 elements' }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('gives the path of each bad field', () => {
    expect(decode(good.replace(/^J1\["([^"]+)",/, 'J1[1e999,'))).toEqual([{ path: 'suspend_data.frameworkVersion', message: 'expected a string of 1 to 40 characters, found Infinity' }]);
    const seedAt = with_(4, 'SEED');
    expect(decode(seedAt.replace('"SEED"', '1e999'))).toEqual([{ path: 'suspend_data.seed', message: 'expected an integer of at most 2^53 in absolute value, found Infinity' }]);
    expect(decode(seedAt.replace('"SEED"', '123456789012345678901234567890'))).toEqual([
      { path: 'suspend_data.seed', message: 'expected an integer of at most 2^53 in absolute value, found the number 1.2345678901234568e+29' },
    ]);
    expect(decode(with_(2, 'XYZ'))).toEqual([{ path: 'suspend_data.fingerprint', message: 'expected 8 hexadecimal digits, found the string "XYZ"' }]);
    expect(decode(with_(5, ['bureautique', 'astrologie']))).toEqual([
      { path: 'suspend_data.domains[1]', message: 'expected a domain of framework "socle-numerique-agent-public", found the string "astrologie"' },
    ]);
    const config = with_(6, 'CONFIG').replace('"CONFIG"', '{"__proto__":{"maxItems":1},"maxItems":1e999,"selfRating":"yes"}');
    expect(decode(config)).toEqual([
      { path: 'suspend_data.config', message: 'unknown field "__proto__"' },
      { path: 'suspend_data.config.selfRating', message: 'expected a boolean, found the string "yes"' },
      { path: 'suspend_data.config.maxItems', message: 'expected an integer, found Infinity' },
    ]);
    expect(decode(with_(7, 9))).toEqual([{ path: 'suspend_data.stopReason', message: 'expected an integer from 0 to 3, found the number 9' }]);
    expect(decode(with_(8, [0, 'zzz-999']))).toEqual([{ path: 'suspend_data.pending.itemId', message: 'expected an item of bank "banque-socle-numerique", found the string "zzz-999"' }]);
    const selfRating = items.items.find((item) => item.type === 'self-rating')!.id;
    expect(decode(with_(8, [0, selfRating]))).toEqual([{ path: 'suspend_data.pending.itemId', message: `expected a scored item, found the string "${selfRating}"` }]);
    expect(decode(with_(8, [2, selfRating]))).toEqual([{ path: 'suspend_data.pending.kind', message: 'expected 0 (scored) or 1 (self-rating), found the number 2' }]);
  });

  it('gives the path of each bad log entry', () => {
    const log = fields()[9] as unknown[][];
    expect(log.length).toBeGreaterThan(4);
    const scored = log.findIndex((entry, i) => i >= 2 && entry.length === 3);
    expect(scored).toBeGreaterThanOrEqual(2);
    const bad = [...log];
    bad[0] = ['zzz-999'];
    bad[1] = { __proto__: null, 0: 'x' } as unknown as unknown[];
    bad[scored] = [log[scored]![0], ['a', 7], 2];
    bad.push([log[scored]![0], 'x'.repeat(501), 1]);
    bad.push([log[scored]![0], 'text', 0, 'extra']);
    expect(decode(with_(9, bad))).toEqual([
      { path: 'suspend_data.log[0].itemId', message: 'expected an item of bank "banque-socle-numerique", found the string "zzz-999"' },
      { path: 'suspend_data.log[1]', message: 'expected [item] (skip), [item, step] (self-rating) or [item, response, 0 or 1] (answer), found an object' },
      { path: `suspend_data.log[${scored}].response[1]`, message: 'expected a string of 1 to 120 characters, found the number 7' },
      { path: `suspend_data.log[${scored}].correct`, message: 'expected 0 or 1, found the number 2' },
      { path: `suspend_data.log[${log.length}].response`, message: `expected a text of at most 500 characters, found the string "${'x'.repeat(57)}…"` },
      { path: `suspend_data.log[${log.length + 1}]`, message: 'expected [item] (skip), [item, step] (self-rating) or [item, response, 0 or 1] (answer), found an array of 4 elements' },
    ]);
    expect(decode(with_(9, 'log'))).toEqual([{ path: 'suspend_data.log', message: 'expected an array of at most 1000 entries, found the string "log"' }]);
  });

  it('leaves tampering and changed content to restoreAssessment, which refuses them', () => {
    const data = fields();
    const log = data[9] as unknown[][];
    const answer = log.findIndex((entry) => entry.length === 3);
    log[answer]![2] = log[answer]![2] === 1 ? 0 : 1;
    const tampered = decodeSuspendData(encode(data), content);
    expect(issuesOf(() => restoreAssessment(tampered, content))).toEqual([
      { path: 'checksum', message: 'expected the checksum of the snapshot content, found another value (the snapshot was corrupted or edited)' },
    ]);
    const changed: ItemBank = { ...items, items: items.items.map((item, i) => (i === 0 && item.type !== 'self-rating' ? { ...item, irt: { ...item.irt, b: item.irt.b + 0.5 } } : item)) };
    const snapshot = decodeSuspendData(good, { framework, items: changed });
    expect(issuesOf(() => restoreAssessment(snapshot, { framework, items: changed })).map((issue) => issue.path)).toEqual(['bank']);
    const newer = { ...framework, version: '9.9.9' };
    expect(issuesOf(() => restoreAssessment(decodeSuspendData(good, { framework: newer, items }), { framework: newer, items })).map((issue) => issue.path)).toContain('framework');
  });

  it('refuses missing content with a JaugeValidationError, not a TypeError', () => {
    expect(issuesOf(() => decodeSuspendData(good, undefined as unknown as typeof content))).toEqual([
      { path: 'content', message: 'expected { framework, items } (parsed content), found nothing (the field is missing)' },
    ]);
  });
});
