import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import { indexFramework } from '../framework/framework-index.js';
import type { Framework } from '../framework/framework.schema.js';
import type { Item, ItemBank, ScoredItem } from '../framework/item-bank.schema.js';
import { nextRandom, randomState, type RandomState } from '../random.js';
import { buildResult, type AssessmentResult } from '../scoring/result.js';
import { checkResponse, isCorrect } from '../scoring/score-response.js';
import { AbilityModel, type ThetaEstimate } from './ability-model.js';
import { type AssessmentConfig, resolveConfig } from './config.js';
import { compilePool, fnv1a, type ItemPool } from './item-pool.js';
import type { PresentedItem } from './presented-item.js';
import {
  type AssessmentSnapshot,
  canonicalJson,
  reduce,
  type SessionAction,
  type SessionState,
  SNAPSHOT_VERSION,
} from './session.js';
import { checkSnapshot } from './snapshot-check.js';
import { defaultStopper, maxInfoSelector, type SelectionContext, type Selector, type Stopper } from './strategies.js';

/** What an assessment is built from. */
export interface AssessmentOptions {
  framework: Framework;
  items: ItemBank;
  config?: AssessmentConfig;
  /** Seed of the random choices (item exposure control, option order). Defaults to 1. */
  seed?: number;
  /** Strategies, to replace the defaults (advanced use, simulations). */
  strategies?: { selector?: Selector; stopper?: Stopper };
}

/** The outcome of one answer. */
export interface AnswerOutcome {
  /** Whether the answer was correct (always false for an unscored self-rating item). */
  correct: boolean;
  /** False for a self-rating item, which is not scored. */
  scored: boolean;
}

/**
 * One agent's adaptive assessment. A thin object over plain data: every change is a typed action
 * applied by a reducer, so the session serialises (`toJSON`), restores and replays exactly.
 */
export interface Assessment {
  /** The item to show now, or `undefined` once the test is complete. Calling it again returns the same item until it is answered. */
  nextItem(): PresentedItem | undefined;
  /** Answers the item being presented; scored in core. Throws {@link JaugeValidationError} for another item id or a malformed response. */
  answer(itemId: string, response: unknown): AnswerOutcome;
  /** "Je ne sais pas": counted as not knowing (an incorrect response) for a scored item. */
  skip(itemId: string): void;
  /** True once a stopping rule has fired. */
  readonly isComplete: boolean;
  /** The result so far (complete or not): overall, domains, competences, answered items, stop reason. */
  result(): AssessmentResult;
  /** A plain-JSON snapshot; {@link restoreAssessment} continues exactly from it. */
  toJSON(): AssessmentSnapshot;
}

class Session implements Assessment {
  private state: SessionState;
  private readonly pool: ItemPool;
  private readonly model: AbilityModel;
  private readonly scope: number[];
  private readonly rng: RandomState;
  private readonly selector: Selector;
  private readonly stopper: Stopper;
  private readonly itemsById: Map<string, Item>;
  private administered: number[] = [];

  constructor(
    private readonly framework: Framework,
    bank: ItemBank,
    state: SessionState,
    pool: ItemPool,
    strategies: AssessmentOptions['strategies'],
  ) {
    this.state = state;
    this.pool = pool;
    this.scope = state.config.domains.map((id) => pool.domainIds.indexOf(id));
    this.model = new AbilityModel(pool.domainIds.length, state.config.domainCorrelation);
    this.rng = randomState(state.seed);
    this.selector = strategies?.selector ?? maxInfoSelector();
    this.stopper = strategies?.stopper ?? defaultStopper;
    this.itemsById = new Map(bank.items.map((item) => [item.id, item]));
  }

  private dispatch(action: SessionAction): void {
    this.state = reduce(this.state, action);
  }

  private random = (): number => nextRandom(this.rng);

  private estimates(): ThetaEstimate[] {
    const all = this.pool.domainIds.map((_, d) => d);
    return this.model.estimates(all).domains;
  }

  private context(): SelectionContext {
    return { pool: this.pool, config: this.state.config, scope: this.scope, administered: this.administered, estimates: this.estimates(), random: this.random, seed: this.state.seed };
  }

  private scoredCount(): number {
    return this.administered.length;
  }

  /** Chooses what to present next (or stops), consuming the random generator deterministically. */
  private advance(): void {
    if (this.state.stopReason || this.state.pending) return;
    const context = this.context();
    const reason = this.stopper.stop(context);
    if (reason) {
      this.dispatch({ type: 'stop', reason });
      return;
    }
    const index = this.selector.select(context);
    if (index === undefined) {
      this.dispatch({ type: 'stop', reason: 'bank-exhausted' });
      return;
    }
    const item = this.pool.items[index]!;
    const domainId = this.pool.domainIds[this.pool.domainOf[index]!]!;
    const rating = this.pool.selfRating.get(domainId);
    const optionOrder = this.optionOrder(item);
    if (this.state.config.selfRating && rating && !this.state.log.some((entry) => entry.itemId === rating.id)) {
      const then = { itemId: item.id, ...(optionOrder ? { optionOrder } : {}) };
      this.dispatch({ type: 'present', pending: { itemId: rating.id, kind: 'self-rating', then } });
      return;
    }
    this.dispatch({ type: 'present', pending: { itemId: item.id, kind: 'scored', ...(optionOrder ? { optionOrder } : {}) } });
  }

  private optionOrder(item: ScoredItem): string[] | undefined {
    if (item.type === 'short-text') return undefined;
    const ids = item.options.map((option) => option.id);
    const shuffle = item.type === 'ordering' || item.shuffle !== false;
    if (!shuffle) return ids;
    for (let attempt = 0; attempt < 5; attempt++) {
      for (let i = ids.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      }
      // An ordering item must not be presented already in the right order.
      if (item.type !== 'ordering' || ids.some((id, i) => id !== item.answer[i])) break;
    }
    return ids;
  }

  nextItem(): PresentedItem | undefined {
    this.advance();
    const pending = this.state.pending;
    if (!pending) return undefined;
    return this.present(pending.itemId, pending.optionOrder);
  }

  private present(itemId: string, optionOrder: string[] | undefined): PresentedItem {
    const item = this.itemsById.get(itemId)!;
    const index = indexFramework(this.framework);
    const progress = { answered: this.scoredCount(), minItems: this.state.config.minItems, maxItems: this.state.config.maxItems };
    const translations = presentTranslations(item);
    if (item.type === 'self-rating') {
      const domain = index.domains.get(item.domain)!;
      const competence = item.competence ? index.competences.get(item.competence)?.competence : undefined;
      return {
        id: item.id,
        type: item.type,
        stem: item.stem,
        scale: this.framework.selfRatingScale.map((step) => ({ ...step })),
        domain: { id: domain.id, title: domain.title },
        ...(competence ? { competence: { id: competence.id, title: competence.title } } : {}),
        ...(translations ? { translations } : {}),
        progress,
      };
    }
    const place = index.skills.get(item.skill)!;
    const presented: PresentedItem = {
      id: item.id,
      type: item.type,
      stem: item.stem,
      domain: { id: place.domain.id, title: place.domain.title },
      competence: { id: place.competence.id, title: place.competence.title },
      progress,
    };
    if (item.context) presented.context = item.context;
    if (item.type !== 'short-text') {
      const byId = new Map(item.options.map((option) => [option.id, option.text]));
      presented.options = (optionOrder ?? [...byId.keys()]).map((id) => ({ id, text: byId.get(id)! }));
    }
    if (translations) presented.translations = translations;
    if (item.accessibility?.altText || item.accessibility?.textAlternative) {
      presented.accessibility = {
        ...(item.accessibility.altText ? { altText: item.accessibility.altText } : {}),
        ...(item.accessibility.textAlternative ? { textAlternative: item.accessibility.textAlternative } : {}),
      };
    }
    return presented;
  }

  private expectPending(itemId: unknown): { item: Item; kind: 'scored' | 'self-rating' } {
    this.advance();
    const pending = this.state.pending;
    if (!pending) throw new JaugeValidationError('answer', [{ path: 'itemId', message: `expected no answer: the assessment is complete (${this.state.stopReason})` }]);
    if (itemId !== pending.itemId) {
      const known = typeof itemId === 'string' && this.itemsById.has(itemId);
      const already = typeof itemId === 'string' && this.state.log.some((entry) => entry.itemId === itemId);
      const why = already ? 'an item already answered' : known ? 'an item not presented' : 'an unknown item';
      throw new JaugeValidationError('answer', [{ path: 'itemId', message: `expected the item being presented ("${pending.itemId}"), found ${JSON.stringify(itemId)} (${why})` }]);
    }
    return { item: this.itemsById.get(pending.itemId)!, kind: pending.kind };
  }

  answer(itemId: string, response: unknown): AnswerOutcome {
    const { item } = this.expectPending(itemId);
    if (item.type === 'self-rating') {
      const steps = this.framework.selfRatingScale.map((step) => step.id);
      if (typeof response !== 'string' || !steps.includes(response)) {
        throw new JaugeValidationError('response', [{ path: 'response', message: `expected one of ${steps.map((s) => `"${s}"`).join(', ')}, found ${JSON.stringify(response)}` }]);
      }
      this.dispatch({ type: 'rate', itemId, response });
      return { correct: false, scored: false };
    }
    const checked = checkResponse(item, response);
    const correct = isCorrect(item, checked);
    this.record(item.id, correct);
    this.dispatch({ type: 'answer', itemId, response: checked, correct });
    this.advance();
    return { correct, scored: true };
  }

  skip(itemId: string): void {
    const { item } = this.expectPending(itemId);
    if (item.type === 'self-rating') {
      // Skipping a self-rating only means the agent gives no opinion: nothing is scored.
      this.dispatch({ type: 'skip', itemId });
      return;
    }
    this.record(item.id, false);
    this.dispatch({ type: 'skip', itemId });
    this.advance();
  }

  /** Updates the ability model with one scored response. */
  private record(itemId: string, correct: boolean): void {
    const i = this.pool.byId.get(itemId)!;
    this.administered.push(i);
    this.model.update(this.pool.domainOf[i]!, { a: this.pool.a[i]!, b: this.pool.b[i]!, c: this.pool.c[i]!, d: this.pool.d[i]! }, correct);
  }

  get isComplete(): boolean {
    this.advance();
    return this.state.stopReason !== null;
  }

  result(): AssessmentResult {
    return buildResult({ framework: this.framework, items: this.itemsById, pool: this.pool, model: this.model, state: this.state, scope: this.scope });
  }

  toJSON(): AssessmentSnapshot {
    // A deep copy of plain JSON data (JSON, not structuredClone: Safari < 15.4 lacks it).
    const state = JSON.parse(JSON.stringify(this.state)) as SessionState;
    return { ...state, checksum: fnv1a(canonicalJson(state)) };
  }

  /** Replays a verified snapshot's history through the engine (used by restore). */
  replay(snapshot: SessionState): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    for (const [i, entry] of snapshot.log.entries()) {
      this.advance();
      const pending = this.state.pending;
      if (!pending || pending.itemId !== entry.itemId) {
        issues.push({ path: `log[${i}].itemId`, message: `expected "${pending?.itemId ?? '(end of test)'}" (the item the engine presents at this step), found "${entry.itemId}"` });
        return issues;
      }
      try {
        if (entry.kind === 'skip') this.skip(entry.itemId);
        else {
          const outcome = this.answer(entry.itemId, entry.response);
          if (entry.kind === 'answer' && outcome.correct !== entry.correct) {
            issues.push({ path: `log[${i}].correct`, message: `expected ${outcome.correct} (the response re-scored), found ${entry.correct}` });
            return issues;
          }
        }
      } catch (error) {
        const detail = error instanceof JaugeValidationError ? error.issues.map((issue) => issue.message).join('; ') : String(error);
        issues.push({ path: `log[${i}]`, message: detail });
        return issues;
      }
    }
    this.advance();
    const pending = this.state.pending;
    if (canonicalJson(pending) !== canonicalJson(snapshot.pending) || this.state.stopReason !== snapshot.stopReason) {
      issues.push({ path: 'pending', message: `expected ${canonicalJson(pending)} and stop ${this.state.stopReason} after replay, found ${canonicalJson(snapshot.pending)} and stop ${snapshot.stopReason}` });
    }
    return issues;
  }
}

function presentTranslations(item: Item): PresentedItem['translations'] {
  if (!item.translations) return undefined;
  const out: NonNullable<PresentedItem['translations']> = {};
  for (const [lang, texts] of Object.entries(item.translations)) {
    const entry: { stem?: string; context?: string; options?: Record<string, string> } = {};
    if (typeof texts.stem === 'string') entry.stem = texts.stem;
    if (typeof texts.context === 'string') entry.context = texts.context;
    if (texts.options && typeof texts.options === 'object') entry.options = { ...texts.options };
    out[lang] = entry;
  }
  return out;
}

function initialState(framework: Framework, bank: ItemBank, pool: ItemPool, config: AssessmentConfig | undefined, seed: number): SessionState {
  return {
    format: 'jauge-assessment',
    version: SNAPSHOT_VERSION,
    framework: { id: framework.id, version: framework.version },
    bank: { id: bank.id, version: bank.version, fingerprint: pool.fingerprint },
    config: resolveConfig(config, pool.domainIds),
    seed,
    log: [],
    pending: null,
    stopReason: null,
  };
}

function checkSeed(seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || Math.abs(seed) > 2 ** 53) {
    throw new JaugeValidationError('assessment options', [{ path: 'seed', message: `expected an integer, found ${JSON.stringify(seed)}` }]);
  }
  return seed;
}

/**
 * Starts an adaptive assessment on a framework and a (parsed) item bank.
 *
 * @example
 * ```ts
 * import { createAssessment } from '@jauge/core';
 * import { framework, items } from '@jauge/core/reference';
 *
 * const assessment = createAssessment({ framework, items, seed: 42 });
 * let item = assessment.nextItem();
 * while (item) {
 *   if (item.type === 'self-rating') assessment.answer(item.id, item.scale![2]!.id);
 *   else assessment.skip(item.id); // "Je ne sais pas"
 *   item = assessment.nextItem();
 * }
 * console.log(assessment.result().overall.level);
 * ```
 */
export function createAssessment(options: AssessmentOptions): Assessment {
  const seed = checkSeed(options.seed ?? 1);
  const pool = compilePool(options.framework, options.items);
  const state = initialState(options.framework, options.items, pool, options.config, seed);
  return new Session(options.framework, options.items, state, pool, options.strategies);
}

/**
 * Restores an assessment from a snapshot (`toJSON()` output, possibly after a trip through
 * storage). The snapshot is checked whole before anything is used: shape, checksum, the framework
 * and item bank it was made with, and a replay of its history through the engine, which must
 * present the same items and score the same responses. Anything corrupted, tampered with or made
 * with other content is refused with {@link JaugeValidationError}; nothing is half-restored.
 */
export function restoreAssessment(snapshot: unknown, options: Omit<AssessmentOptions, 'config' | 'seed'>): Assessment {
  const parsed = checkSnapshot(snapshot);
  if (!parsed.snapshot) throw new JaugeValidationError('assessment snapshot', parsed.issues);
  const { checksum, ...state } = parsed.snapshot;
  const issues: ValidationIssue[] = [];
  if (fnv1a(canonicalJson(state)) !== checksum) issues.push({ path: 'checksum', message: 'expected the checksum of the snapshot content, found another value (the snapshot was corrupted or edited)' });
  const pool = compilePool(options.framework, options.items);
  if (state.framework.id !== options.framework.id || state.framework.version !== options.framework.version) {
    issues.push({ path: 'framework', message: `expected framework "${options.framework.id}" ${options.framework.version}, found "${state.framework.id}" ${state.framework.version}` });
  }
  if (state.bank.id !== options.items.id || state.bank.fingerprint !== pool.fingerprint) {
    issues.push({ path: 'bank', message: `expected item bank "${options.items.id}" ${options.items.version} (fingerprint ${pool.fingerprint}), found "${state.bank.id}" ${state.bank.version} (fingerprint ${state.bank.fingerprint})` });
  }
  if (issues.length > 0) throw new JaugeValidationError('assessment snapshot', issues);
  let fresh: SessionState;
  try {
    fresh = initialState(options.framework, options.items, pool, state.config, state.seed);
  } catch (error) {
    if (error instanceof JaugeValidationError) throw new JaugeValidationError('assessment snapshot', error.issues);
    throw error;
  }
  if (canonicalJson(fresh.config) !== canonicalJson(state.config)) {
    throw new JaugeValidationError('assessment snapshot', [{ path: 'config', message: 'expected a configuration in normal form, found one that differs once defaults are applied' }]);
  }
  const session = new Session(options.framework, options.items, fresh, pool, options.strategies);
  const replayIssues = session.replay(state as SessionState);
  if (replayIssues.length > 0) throw new JaugeValidationError('assessment snapshot', replayIssues);
  return session;
}
