import {
  type Assessment,
  type AssessmentConfig,
  type AssessmentResult,
  type PresentedItem,
  type ReachedStage,
  createAssessment,
  JaugeValidationError,
  profileStatus,
  type ProfileStatus,
  reachedStages,
  recommend,
  type Recommendation,
  restoreAssessment,
} from '@jauge/core/engine';
import { atom } from 'nanostores';
import type { AssessmentContent } from './content.js';
import { keys, type SafeStorage } from './storage.js';

/** What the element shows. */
export type View =
  | { screen: 'loading' }
  | { screen: 'error'; message: string }
  | { screen: 'intro'; canResume: boolean; notice?: 'corrupted-save'; minItems: number; maxItems: number; domains: { id: string; title: string; translations?: Record<string, Record<string, unknown>> }[] }
  | { screen: 'question'; item: PresentedItem; number: number }
  | { screen: 'paused' }
  | { screen: 'results'; result: AssessmentResult; stages: ReachedStage[]; recommendations: Recommendation[]; profile?: ProfileStatus };

/** Hooks the element gives the session, to turn its steps into DOM events. */
export interface SessionHooks {
  started(resumed: boolean): void;
  answered(itemId: string, domain: string, outcome: 'correct' | 'incorrect' | 'skipped' | 'rated', answered: number): void;
  completed(result: AssessmentResult, recommendations: Recommendation[]): void;
  corrupted(message: string): void;
}

/** A seed for a new assessment: the only randomness outside core (the engine itself is seeded). */
function newSeed(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto?.getRandomValues?.(buffer);
  return buffer[0]! >>> 1 || 1;
}

/**
 * The glue between core's `Assessment` and the element: a nanostores atom holding the current
 * view, persistence of every step in storage, resume and restart. No DOM here.
 */
export class AssessmentSession {
  readonly $view = atom<View>({ screen: 'loading' });
  private assessment: Assessment | undefined;
  private readonly sessionKey: string;

  constructor(
    private readonly content: AssessmentContent,
    private readonly storage: SafeStorage,
    private readonly config: AssessmentConfig,
    private readonly hooks: SessionHooks,
    private readonly options: { profile?: string; lang?: () => string } = {},
  ) {
    this.sessionKey = keys.session(content.framework.id, content.items.id);
  }

  /**
   * Shows the intro, offering to resume a saved test; a save that cannot be restored is dropped
   * with a notice. Throws {@link JaugeValidationError} for an invalid configuration (attributes).
   */
  init(): void {
    // Validates the configuration now (unknown domain, min > max…), not when the agent clicks "Commencer".
    const probe = createAssessment({ ...this.content, config: this.config, seed: 1 }).toJSON().config;
    const saved = this.storage.get(this.sessionKey);
    let canResume = false;
    let notice: 'corrupted-save' | undefined;
    if (saved !== null) {
      try {
        this.assessment = restoreAssessment(JSON.parse(saved) as unknown, this.content);
        canResume = !this.assessment.isComplete;
        if (this.assessment.isComplete) {
          this.showResults(false);
          return;
        }
      } catch (error) {
        this.assessment = undefined;
        this.storage.remove(this.sessionKey);
        notice = 'corrupted-save';
        this.hooks.corrupted(error instanceof JaugeValidationError ? error.message : String(error));
      }
    }
    const domains = this.content.framework.domains.filter((d) => probe.domains.includes(d.id)).map((d) => ({ id: d.id, title: d.title, ...(d.translations ? { translations: d.translations } : {}) }));
    this.$view.set({ screen: 'intro', canResume, minItems: probe.minItems, maxItems: probe.maxItems, domains, ...(notice ? { notice } : {}) });
  }

  /** Starts a new test, or resumes the restored one. */
  start(resume: boolean): void {
    if (!resume || !this.assessment) {
      this.assessment = createAssessment({ ...this.content, config: this.config, seed: newSeed() });
      this.save();
    }
    this.hooks.started(resume);
    this.show();
  }

  private save(): void {
    if (this.assessment) this.storage.set(this.sessionKey, JSON.stringify(this.assessment.toJSON()));
  }

  private show(): void {
    const assessment = this.assessment;
    if (!assessment) return;
    const item = assessment.nextItem();
    this.save();
    if (!item) {
      this.showResults(true);
      return;
    }
    const number = item.progress.answered + (item.type === 'self-rating' ? 0 : 1);
    this.$view.set({ screen: 'question', item, number });
  }

  private showResults(fresh: boolean): void {
    const result = this.assessment!.result();
    const stages = this.content.stages ? reachedStages(result, this.content.stages) : [];
    const profile = this.options.profile ? this.content.profiles?.profiles.find((p) => p.id === this.options.profile) : undefined;
    const lang = this.options.lang?.().startsWith('en') ? 'en' : 'fr';
    const recommendations = this.content.catalogue
      ? recommend(result, { catalogue: this.content.catalogue, framework: this.content.framework, lang, ...(this.content.rules ? { rules: this.content.rules } : {}), ...(profile ? { profile } : {}) })
      : [];
    this.storage.set(keys.result(this.content.framework.id), JSON.stringify(result));
    this.$view.set({ screen: 'results', result, stages, recommendations, ...(profile ? { profile: profileStatus(result, profile, this.content.framework) } : {}) });
    if (fresh) this.hooks.completed(result, recommendations);
  }

  /** Answers the current item (throws JaugeValidationError for a malformed response). */
  answer(response: unknown): void {
    const view = this.$view.get();
    if (view.screen !== 'question' || !this.assessment) return;
    const outcome = this.assessment.answer(view.item.id, response);
    this.hooks.answered(view.item.id, view.item.domain.id, outcome.scored ? (outcome.correct ? 'correct' : 'incorrect') : 'rated', this.assessment.result().counts.answered);
    this.show();
  }

  /** "Je ne sais pas". */
  skip(): void {
    const view = this.$view.get();
    if (view.screen !== 'question' || !this.assessment) return;
    this.assessment.skip(view.item.id);
    this.hooks.answered(view.item.id, view.item.domain.id, view.item.type === 'self-rating' ? 'rated' : 'skipped', this.assessment.result().counts.answered);
    this.show();
  }

  pause(): void {
    this.save();
    this.$view.set({ screen: 'paused' });
  }

  resume(): void {
    this.show();
  }

  /** Forgets the saved test and starts a new one. */
  restart(): void {
    this.storage.remove(this.sessionKey);
    this.assessment = undefined;
    this.start(false);
  }
}
