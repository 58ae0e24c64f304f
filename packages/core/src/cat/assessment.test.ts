import { describe, expect, it } from 'vitest';
import { syntheticContent } from '../../test/synthetic-bank.js';
import { issuesOf } from '../../test/issues.js';
import { createRandom } from '../random.js';
import { type Assessment, createAssessment, restoreAssessment } from './assessment.js';
import type { PresentedItem } from './presented-item.js';
import type { AssessmentConfig } from './config.js';

const content = syntheticContent({ domains: 3, itemsPerDomain: 30, selfRating: true });

/** A simulated agent: answers correctly with probability P(θ) of the 2PL item, seeded. */
function respond(assessment: Assessment, item: PresentedItem, theta: number, random: () => number): void {
  if (item.type === 'self-rating') {
    assessment.answer(item.id, item.scale![1]!.id);
    return;
  }
  const source = content.items.items.find((candidate) => candidate.id === item.id)!;
  if (source.type === 'self-rating') throw new Error('unexpected');
  const p = 1 / (1 + Math.exp(-source.irt.a * (theta - source.irt.b)));
  if (random() < 0.1) assessment.skip(item.id);
  else assessment.answer(item.id, random() < p ? 'a' : 'b');
}

function run(seed: number, theta: number, stopAfter = Number.POSITIVE_INFINITY, config?: AssessmentConfig): { assessment: Assessment; ids: string[] } {
  const assessment = createAssessment({ ...content, seed, ...(config ? { config } : {}) });
  const random = createRandom(seed * 7 + 1);
  const ids: string[] = [];
  for (let item = assessment.nextItem(); item && ids.length < stopAfter; item = assessment.nextItem()) {
    ids.push(item.id);
    respond(assessment, item, theta, random);
  }
  return { assessment, ids };
}

describe('createAssessment', () => {
  it('is deterministic: the same seed and answers give the same items; another seed, other items', () => {
    const first = run(11, 0.3).ids;
    expect(run(11, 0.3).ids).toEqual(first);
    expect(run(12, 0.3).ids).not.toEqual(first);
  });

  it('never puts the key, the explanation or the IRT parameters in a presented item', () => {
    const assessment = createAssessment({ ...content, seed: 3 });
    let item = assessment.nextItem();
    while (item) {
      const text = JSON.stringify(item);
      expect(Object.keys(item).sort()).not.toContain('answer');
      expect(text).not.toMatch(/"(answer|explanation|irt|calibration|sources|review)"/);
      respondFixed(assessment, item);
      item = assessment.nextItem();
    }
  });

  it('opens with easy items, balances domains, never repeats a topic in a row, stops at maxItems', () => {
    const { assessment, ids } = run(5, 1.5, Number.POSITIVE_INFINITY, { targetSe: 0.05 });
    const scored = ids.filter((id) => !id.endsWith('-auto'));
    const items = scored.map((id) => content.items.items.find((item) => item.id === id)!);
    for (const item of items.slice(0, 3)) expect(item.type !== 'self-rating' && item.level).toBeLessThanOrEqual(2);
    const counts = [0, 0, 0];
    let previousTopic = '';
    for (const item of items) {
      if (item.type === 'self-rating') continue;
      counts[Number(item.id[1])]! += 1;
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      const topic = item.skill.replace(/\.n\d$/, '');
      expect(topic).not.toBe(previousTopic);
      previousTopic = topic;
    }
    expect(scored.length).toBe(36);
    expect(assessment.isComplete).toBe(true);
    expect(assessment.result().stopReason).toBe('max-items');
    expect(assessment.nextItem()).toBeUndefined();
  });

  it('asks each domain’s self-rating once, before its first question', () => {
    const { ids } = run(8, 0);
    for (const d of ['d0', 'd1', 'd2']) {
      const rating = ids.indexOf(`${d}-auto`);
      const first = ids.findIndex((id) => id.startsWith(`${d}-q`));
      expect(rating).toBeGreaterThanOrEqual(0);
      expect(rating).toBe(first - 1);
      expect(ids.filter((id) => id === `${d}-auto`)).toHaveLength(1);
    }
  });

  it('lets a self-rating be skipped (no opinion), then presents the scored item selected with it; the snapshot restores', () => {
    const assessment = createAssessment({ ...content, seed: 6 });
    const rating = assessment.nextItem()!;
    expect(rating.type).toBe('self-rating');
    const scoredNext = assessment.toJSON().pending!.then!.itemId;
    assessment.skip(rating.id);
    expect(assessment.nextItem()!.id).toBe(scoredNext);
    const restored = restoreAssessment(JSON.parse(JSON.stringify(assessment.toJSON())), content);
    expect(restored.nextItem()!.id).toBe(scoredNext);
    expect(restored.result().domains.find((d) => d.id === rating.domain.id)!.selfRating).toBeUndefined();
  });

  it('returns the same item from nextItem() until it is answered', () => {
    const assessment = createAssessment({ ...content, seed: 2 });
    const a = assessment.nextItem();
    expect(assessment.nextItem()).toEqual(a);
  });

  it('refuses an unknown item id, an item not presented, a duplicate answer and a malformed response', () => {
    const assessment = createAssessment({ ...content, config: { selfRating: false }, seed: 4 });
    const item = assessment.nextItem()!;
    const issues = issuesOf;
    expect(issues(() => assessment.answer('nope', 'a'))).toEqual([
      { path: 'itemId', message: `expected the item being presented ("${item.id}"), found "nope" (an unknown item)` },
    ]);
    expect(issues(() => assessment.answer('d2-q29', 'a'))[0]!.message).toBe(`expected the item being presented ("${item.id}"), found "d2-q29" (an item not presented)`);
    expect(issues(() => assessment.answer(item.id, 'z'))).toEqual([
      { path: 'response', message: `expected one option id (a, b, c) for item "${item.id}" (single-choice), found "z"` },
    ]);
    assessment.answer(item.id, 'a');
    expect(issues(() => assessment.answer(item.id, 'a'))[0]!.message).toMatch(/\(an item already answered\)$/);
  });
});

function respondFixed(assessment: Assessment, item: PresentedItem): void {
  if (item.type === 'self-rating') assessment.answer(item.id, item.scale![0]!.id);
  else assessment.answer(item.id, 'a');
}

describe('toJSON / restoreAssessment', () => {
  it('continues exactly as the original from a snapshot taken at every step', () => {
    const reference = run(21, -0.4);
    for (let step = 0; step <= reference.ids.length; step += 1) {
      const partial = run(21, -0.4, step);
      const snapshot = JSON.parse(JSON.stringify(partial.assessment.toJSON())) as unknown;
      const restored = restoreAssessment(snapshot, content);
      expect(restored.toJSON()).toEqual(partial.assessment.toJSON());
      expect(restored.result()).toEqual(partial.assessment.result());
      expect(restored.nextItem()).toEqual(partial.assessment.nextItem());
    }
  });

  it('refuses corrupted, tampered and mismatched snapshots, and non-snapshots, naming the problem', () => {
    const { assessment } = run(30, -2, 14);
    const good = assessment.toJSON();
    const fail = (snapshot: unknown, options = content) => issuesOf(() => restoreAssessment(snapshot, options));
    expect(fail('{"broken": ')).toEqual([{ path: '', message: 'expected an object, found the string "{\\"broken\\": "' }]);
    expect(fail(null)).toEqual([{ path: '', message: 'expected an object, found null' }]);
    expect(fail({ ...good, version: 2 })).toEqual([{ path: 'version', message: 'expected 1, found the number 2' }]);
    expect(fail({ ...good, seed: good.seed + 1 })).toEqual([
      { path: 'checksum', message: 'expected the checksum of the snapshot content, found another value (the snapshot was corrupted or edited)' },
    ]);
    // A tampered history whose checksum was recomputed is still caught by the replay.
    const tampered = structuredClone(good);
    const entry = tampered.log.find((e) => e.kind === 'answer' && !e.correct);
    if (!entry || entry.kind !== 'answer') throw new Error('the fixture needs an incorrect answer');
    entry.correct = true;
    const { checksum: _ignored, ...rest } = tampered;
    const resigned = createAssessment({ ...content, seed: 1 }).toJSON(); // to reach the checksum function through the public API
    expect(resigned.checksum).toMatch(/^[0-9a-f]{8}$/);
    const issues = fail({ ...rest, checksum: checksumOf(rest) });
    expect(issues[0]!.message).toMatch(/^expected false \(the response re-scored\), found true$/);
    const other = syntheticContent({ domains: 3, itemsPerDomain: 30, selfRating: true, seed: 99 });
    expect(fail(good, other)[0]!.path).toBe('bank');
  });
});

// The checksum is FNV-1a over canonical JSON; recomputing it here shows that editing a snapshot
// *and* its checksum is still caught by the replay.
import { canonicalJson } from './session.js';
import { fnv1a } from './item-pool.js';
function checksumOf(state: object): string {
  return fnv1a(canonicalJson(state));
}
