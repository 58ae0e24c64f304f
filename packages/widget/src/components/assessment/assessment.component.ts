import type { AssessmentConfig, AssessmentResult, Framework, ItemBank, PresentedItem } from '@jauge/core/engine';
import { JaugeValidationError } from '@jauge/core/engine';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { emit } from '../../events/events.js';
import { type Messages, messagesFor } from '../../i18n/messages.js';
import { AssessmentSession, type View } from '../../internal/assessment-session.js';
import { type AssessmentContent, type HostContent, resolveContent } from '../../internal/content.js';
import { ShareQueue, sharedResult, type QueuedShare } from '../../internal/share-queue.js';
import { adoptScopedStyles } from '../../internal/light-styles.js';
import { type JaugeStore, type SafeStorage, storageFor } from '../../internal/storage.js';
import type { LrsConnection, LrsOptions } from '../../xapi/connect.js';
import { loadLrsModule } from '../../xapi/load.js';
import { renderRecommendations, renderResults } from '../results/render-results.js';
import { assessmentStyles } from './assessment.styles.js';
import { type Draft, localized, renderItemControls, responseOf } from './render-item.js';

/**
 * The adaptive digital-competence self-assessment: intro → questions → results. With no
 * configuration it runs the shipped reference content ("Socle numérique de l'agent public").
 * Everything stays in the browser; the element makes no network request of its own.
 *
 * @tagname jauge-assessment
 * @summary Embeddable adaptive digital-competence self-assessment.
 * @fires jauge-start - The agent started or resumed a test.
 * @fires jauge-answer - The agent answered an item (no answer key inside).
 * @fires jauge-complete - The test is over: result and recommendations.
 * @fires jauge-share - The agent asked to send their results to the administration.
 * @fires jauge-error - Invalid content or an unreadable save.
 * @fires jauge-xapi - What happened to the statements sent to the LRS (only when `lrs` is set).
 * @csspart heading - The title of the current screen.
 * @csspart options - The list of answer options.
 * @csspart option - One answer option.
 * @csspart button - The main action button.
 * @csspart progress - The progress indication.
 * @csspart chart - The results chart.
 * @csspart table - The results table.
 * @csspart overall - The overall level.
 * @csspart share - The button that sends the results to the administration.
 * @csspart recommendation - One recommended training.
 * @cssproperty --jauge-color-primary - Main colour (buttons, bars).
 * @cssproperty --jauge-color-text - Text colour.
 * @cssproperty --jauge-color-background - Background colour.
 * @cssproperty --jauge-color-focus - Focus outline colour.
 * @cssproperty --jauge-font-family - Font family (system fonts by default).
 * @cssproperty --jauge-color-muted - Secondary text colour.
 * @cssproperty --jauge-color-surface - Background of panels and table headers.
 * @cssproperty --jauge-color-border - Borders of options, tables, progress.
 * @cssproperty --jauge-color-on-primary - Text on the primary colour.
 * @cssproperty --jauge-color-error - Error messages and notices.
 * @cssproperty --jauge-radius - Corner radius of controls.
 */
let lightInstances = 0;

export class JaugeAssessment extends LitElement {
  /** Component styles (adopted stylesheets: no inline style, CSP-safe). */
  static override styles = assessmentStyles;

  @state() private view: View = { screen: 'loading' };
  @state() private draft: Draft = { choices: [], order: [], text: '' };
  @state() private message = '';
  @state() private announcement = '';
  @state() private shareState: 'none' | 'queued' | 'done' = 'none';

  /** Interface language: `fr` (default) or `en`. */
  @property({ reflect: true }) override lang = 'fr';
  /** `dsfr` maps the element's colours and font onto the DSFR tokens of a State host page that loads the DSFR (nothing of it is bundled). */
  @property({ reflect: true }) theme?: 'dsfr';
  /**
   * Renders into the page (light DOM) instead of a shadow root, with the element's styles scoped
   * to `jauge-assessment[light-dom]` and ids prefixed per element: for audit tools that do not
   * enter shadow roots, and for host stylesheets. Read once, when the element first connects: put
   * it in the HTML (or set it before inserting the element). `::part()` does not apply then.
   */
  @property({ type: Boolean, attribute: 'light-dom', reflect: true }) lightDom = false;
  /** Where to keep the test between visits: `local` (default), `session` or `none`. */
  @property() storage: 'local' | 'session' | 'none' = 'local';
  /** At most this many scored questions. */
  @property({ type: Number, attribute: 'max-items' }) maxItems?: number;
  /** At least this many scored questions. */
  @property({ type: Number, attribute: 'min-items' }) minItems?: number;
  /** Limit the test to some domains (space- or comma-separated ids). */
  @property() domains?: string;
  /** Target profile id (used by recommendations). */
  @property() profile?: string;
  /** Campaign id: when set, the results screen offers to share the results with the administration. */
  @property() campaign?: string;
  /** Pseudonymous id supplied by the host, sent only with a share. */
  @property() pseudonym?: string;
  /** Group fields sent with a share (direction, service, role…). */
  @property({ attribute: false }) group: Record<string, string> = {};
  /** A framework to use instead of the reference one (validated). */
  @property({ attribute: false }) framework?: unknown;
  /** An item bank to use instead of the reference one (validated against the framework). */
  @property({ attribute: false }) items?: unknown;
  /** A training catalogue (validated). */
  @property({ attribute: false }) catalogue?: unknown;
  /** Recommendation rules. */
  @property({ attribute: false }) rules?: unknown;
  /** Target profiles (validated); the `profile` attribute picks one. */
  @property({ attribute: false }) profiles?: unknown;
  /** Stages ("paliers"). */
  @property({ attribute: false }) stages?: unknown;
  /**
   * Keeps the test in this store instead of Web Storage (`getItem`/`setItem`/`removeItem`, like
   * `localStorage`): the SCORM adapter uses one backed by `cmi.suspend_data`. Wins over `storage`.
   */
  @property({ attribute: false }) store?: JaugeStore;
  /**
   * Sends the assessment's xAPI statements to a Learning Record Store when set (endpoint and a
   * credentials provider; see the xAPI guide). The sending code is loaded only then.
   */
  @property({ attribute: false }) lrs?: LrsOptions;
  /** The last result (read-only in practice: set when the test completes). */
  @property({ attribute: false }) result?: AssessmentResult;

  private session?: AssessmentSession;
  /** Prefix of the ids in the template: empty in a shadow root, unique per element in light DOM. */
  private ids = '';
  private content?: AssessmentContent;
  private lrsConnection?: LrsConnection;
  private lrsToken = 0;
  private shares?: ShareQueue;
  private unsubscribe?: () => void;
  private loadToken = 0;
  private focusPending = false;

  /**
   * The content in use once loaded — the host's or the shipped reference content — as validated
   * framework and item bank; `undefined` while loading or after invalid content.
   */
  get activeContent(): { framework: Framework; items: ItemBank } | undefined {
    return this.content ? { framework: this.content.framework, items: this.content.items } : undefined;
  }

  private get m(): Messages {
    return messagesFor(this.lang);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (!this.hasAttribute('light-dom')) return super.createRenderRoot();
    adoptScopedStyles(this, assessmentStyles, 'jauge-assessment[light-dom]');
    this.ids = `jauge-${++lightInstances}-`;
    this.replaceChildren(); // fallback content the page put inside
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    // On a reconnection: the first connection is handled by updated(), which sees lrs change.
    if (this.lrs && this.hasUpdated) void this.connectLrs();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.lrsToken++;
    this.lrsConnection?.close();
    this.lrsConnection = undefined;
  }

  private storageBackend(): SafeStorage {
    return storageFor(this.storage, this.store);
  }

  /** Loads the sending code on demand (its own file in the CDN bundle) and connects to the LRS. */
  private async connectLrs(): Promise<void> {
    const token = ++this.lrsToken;
    this.lrsConnection?.close();
    this.lrsConnection = undefined;
    const options = this.lrs;
    if (!options || !this.isConnected) return;
    const { checkLrsOptions, startLrs } = await loadLrsModule();
    if (token !== this.lrsToken) return;
    const issues = checkLrsOptions(options);
    if (issues.length > 0) {
      emit(this, 'jauge-error', { code: 'invalid-configuration', message: `Invalid lrs property: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues });
      return;
    }
    this.lrsConnection = startLrs(this, options, {
      storage: this.storageBackend(),
      framework: () => this.content?.framework,
      pseudonym: () => this.pseudonym,
      report: (status) => emit(this, 'jauge-xapi', status),
      invalid: (issues, message) => emit(this, 'jauge-error', { code: 'invalid-configuration', message, issues }),
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    const reload = ['framework', 'items', 'catalogue', 'rules', 'profiles', 'stages', 'storage', 'store', 'maxItems', 'minItems', 'domains', 'profile'] as const;
    if (this.session && reload.some((key) => changed.has(key))) void this.load();
    if (changed.has('lrs') && (this.lrs || this.lrsConnection)) void this.connectLrs();
    // Width set through the CSSOM, not a style attribute: allowed under a strict CSP.
    const bar = this.renderRoot.querySelector<HTMLElement>('.progress-bar');
    if (bar) bar.style.width = `${bar.dataset.percent ?? 0}%`;
    if (this.focusPending) {
      this.focusPending = false;
      (this.renderRoot.querySelector('[data-focus]') as HTMLElement | null)?.focus();
    }
  }

  private config(): AssessmentConfig {
    const config: AssessmentConfig = {};
    if (this.maxItems !== undefined && Number.isFinite(this.maxItems)) config.maxItems = this.maxItems;
    if (this.minItems !== undefined && Number.isFinite(this.minItems)) config.minItems = this.minItems;
    else if (config.maxItems !== undefined) config.minItems = Math.min(24, config.maxItems);
    const domains = this.domains?.split(/[\s,]+/).filter(Boolean);
    if (domains && domains.length > 0) config.domains = domains;
    return config;
  }

  private async load(): Promise<void> {
    const token = ++this.loadToken;
    this.unsubscribe?.();
    this.view = { screen: 'loading' };
    this.content = undefined;
    try {
      const host: HostContent = { framework: this.framework, items: this.items, catalogue: this.catalogue, rules: this.rules, profiles: this.profiles, stages: this.stages };
      const content = await resolveContent(host);
      if (token !== this.loadToken) return;
      this.content = content;
      this.session = new AssessmentSession(content, this.storageBackend(), this.config(), {
        started: (resumed) => emit(this, 'jauge-start', { resumed, framework: { id: content.framework.id, version: content.framework.version } }),
        answered: (itemId, domain, outcome, answered) => emit(this, 'jauge-answer', { itemId, domain, outcome, answered }),
        completed: (result, recommendations) => {
          this.result = result;
          emit(this, 'jauge-complete', {
            result,
            recommendations: recommendations.map((r) => ({ trainingId: r.training.id, title: r.training.title, ...(r.training.url ? { url: r.training.url } : {}), reasons: r.reasons.map((x) => x.text), uncertain: r.uncertain })),
          });
        },
        corrupted: (message) => emit(this, 'jauge-error', { code: 'corrupted-save', message }),
      }, { ...(this.profile ? { profile: this.profile } : {}), lang: () => this.lang });
      this.unsubscribe = this.session.$view.subscribe((view) => {
        const previous = this.view;
        this.view = view;
        if (view.screen === 'question' && (previous.screen !== 'question' || previous.item.id !== view.item.id)) this.resetDraft(view.item);
        if (view.screen === 'results') this.result = view.result;
        if (previous.screen !== view.screen || view.screen === 'question') this.focusPending = previous.screen !== 'loading' || view.screen !== 'intro';
      });
      this.session.init();
      this.shares = new ShareQueue(this.storageBackend());
      // Shares not yet acknowledged by the host are offered again on this visit.
      for (const queued of this.shares.list()) if (queued.campaign === this.campaign) this.emitShare(queued);
    } catch (error) {
      if (token !== this.loadToken) return;
      const issues = error instanceof JaugeValidationError ? error.issues : undefined;
      const configuration = issues?.some((issue) => issue.path.startsWith('config.')) ?? false;
      this.view = { screen: 'error', message: configuration ? this.m.configurationError : this.m.contentError };
      emit(this, 'jauge-error', { code: configuration ? 'invalid-configuration' : 'invalid-content', message: error instanceof Error ? error.message : String(error), ...(issues ? { issues } : {}) });
    }
  }

  private resetDraft(item: PresentedItem): void {
    this.draft = { choices: [], order: (item.options ?? []).map((o) => o.id), text: '' };
    this.message = '';
  }

  private submit(event: Event): void {
    event.preventDefault();
    const view = this.view;
    if (view.screen !== 'question' || !this.session) return;
    const response = responseOf(view.item, this.draft);
    if (response === undefined) {
      this.message = this.m.answerRequired;
      return;
    }
    this.session.answer(response);
    this.announceNext();
  }

  private skip(): void {
    this.session?.skip();
    this.announceNext();
  }

  private announceNext(): void {
    const view = this.view;
    this.announcement = view.screen === 'question' ? this.m.answerSaved(view.number) : '';
  }

  private move(index: number, delta: -1 | 1): void {
    const order = [...this.draft.order];
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target]!, order[index]!];
    this.draft = { ...this.draft, order };
    const view = this.view;
    if (view.screen === 'question') {
      const option = view.item.options?.find((o) => o.id === order[target]);
      const text = option ? localized(view.item, this.lang).option(option.id, option.text) : '';
      this.announcement = this.m.moved(text, target + 1, order.length);
    }
    // Keep the focus on the same option's button after it moved.
    void this.updateComplete.then(() => {
      const rows = this.renderRoot.querySelectorAll('.order-row');
      const button = rows[target]?.querySelector<HTMLButtonElement>(`button[data-move="${delta < 0 ? 'up' : 'down'}"]:not([disabled])`) ?? rows[target]?.querySelector<HTMLButtonElement>('button:not([disabled])');
      button?.focus();
    });
  }

  private emitShare(queued: QueuedShare): void {
    if (!this.shares) return;
    this.shareState = 'queued';
    emit(this, 'jauge-share', this.shares.detail(queued, (delivered) => (this.shareState = delivered ? 'done' : 'queued')));
  }

  private share(): void {
    if (!this.result || !this.campaign || !this.shares) return;
    const queued = this.shares.add({ campaign: this.campaign, group: { ...this.group }, ...(this.pseudonym ? { pseudonym: this.pseudonym } : {}), result: sharedResult(this.result) });
    this.emitShare(queued);
  }

  private download(): void {
    if (!this.result) return;
    const blob = new Blob([JSON.stringify(this.result, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'resultats-jauge.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private renderIntro(view: Extract<View, { screen: 'intro' }>): TemplateResult {
    const m = this.m;
    return html`<section class="screen" aria-labelledby="${this.ids}title">
      <h2 id="${this.ids}title" part="heading" tabindex="-1" data-focus>${m.title}</h2>
      ${view.notice ? html`<p class="notice" role="alert">${m.corruptedSave}</p>` : nothing}
      <p>${m.introLead}</p>
      <p>${m.introMeasures(view.domains.map((d) => (this.lang.startsWith('en') && typeof d.translations?.en?.title === 'string' ? d.translations.en.title : d.title)))}</p>
      <p>${m.introDuration(view.minItems, view.maxItems)}</p>
      <p>${m.introDontKnow}</p>
      <p>${m.introPrivacy}</p>
      <div class="actions">
        ${view.canResume
          ? html`<button class="primary" part="button" @click=${() => this.session?.start(true)}>${m.resume}</button>
              <button @click=${() => this.session?.restart()}>${m.restart}</button>`
          : html`<button class="primary" part="button" @click=${() => this.session?.start(false)}>${m.start}</button>`}
      </div>
    </section>`;
  }

  private renderQuestion(view: Extract<View, { screen: 'question' }>): TemplateResult {
    const m = this.m;
    const { item } = view;
    const text = localized(item, this.lang);
    const progress = item.progress;
    const heading = item.type === 'self-rating' ? item.domain.title : m.questionHeading(view.number);
    return html`<section class="screen" aria-labelledby="${this.ids}q-title">
      <div class="progress" part="progress">
        <p id="${this.ids}progress-text">${m.progressText(progress.answered, progress.minItems, progress.maxItems)}</p>
        <div class="progress-track" role="progressbar" aria-labelledby="${this.ids}progress-text" aria-valuemin="0" aria-valuemax=${progress.maxItems} aria-valuenow=${progress.answered}>
          <div class="progress-bar" data-percent=${Math.round((100 * progress.answered) / progress.maxItems)}></div>
        </div>
      </div>
      <p class="domain-tag">${m.domainLabel} : ${item.domain.title}</p>
      <h2 id="${this.ids}q-title" part="heading" tabindex="-1" data-focus>${heading}</h2>
      <form @submit=${(e: Event) => this.submit(e)} novalidate>
        ${text.context ? html`<p class="context">${text.context}</p>` : nothing}
        <fieldset aria-describedby=${this.message ? `${this.ids}answer-error` : nothing}>
          <legend>${text.stem}</legend>
          ${renderItemControls(item, this.draft, m, this.lang, this.ids, {
            choose: (id) => (this.draft = { ...this.draft, choice: id }),
            toggle: (id, checked) => (this.draft = { ...this.draft, choices: checked ? [...this.draft.choices, id] : this.draft.choices.filter((c) => c !== id) }),
            move: (index, delta) => this.move(index, delta),
            type: (value) => (this.draft = { ...this.draft, text: value }),
          })}
        </fieldset>
        ${this.message ? html`<p id="${this.ids}answer-error" class="error" role="alert">${this.message}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" part="button">${m.submit}</button>
          <button type="button" @click=${() => this.skip()}>${m.dontKnow}</button>
          <button type="button" class="no-print" @click=${() => this.session?.pause()}>${m.pause}</button>
        </div>
      </form>
    </section>`;
  }

  private renderResultsScreen(view: Extract<View, { screen: 'results' }>): TemplateResult {
    const m = this.m;
    return html`<section class="screen" aria-labelledby="${this.ids}r-title">
      <h2 id="${this.ids}r-title" part="heading" tabindex="-1" data-focus>${m.resultsTitle}</h2>
      ${renderResults(view.result, view.stages, m, this.lang, renderRecommendations(view.recommendations, view.profile, m, this.ids), this.ids)}
      ${this.campaign
        ? html`<div class="actions">
              <button class="primary" part="button share" ?disabled=${this.shareState === 'done'} @click=${() => this.share()}>${m.share}</button>
            </div>
            <p role="status">${this.shareState === 'done' ? m.shareDone : this.shareState === 'queued' ? m.shareQueued : ''}</p>`
        : nothing}
      <div class="actions">
        <button class=${this.campaign ? '' : 'primary'} part="button" @click=${() => this.download()}>${m.download}</button>
        <button @click=${() => window.print()}>${m.print}</button>
        <button @click=${() => this.session?.restart()}>${m.restart}</button>
      </div>
    </section>`;
  }

  override render(): TemplateResult {
    const view = this.view;
    const m = this.m;
    let body: TemplateResult;
    switch (view.screen) {
      case 'loading':
        body = html`<p class="screen" role="status">${m.loading}</p>`;
        break;
      case 'error':
        body = html`<div class="screen"><h2 part="heading">${m.title}</h2><p class="notice" role="alert">${view.message}</p></div>`;
        break;
      case 'intro':
        body = this.renderIntro(view);
        break;
      case 'question':
        body = this.renderQuestion(view);
        break;
      case 'paused':
        body = html`<section class="screen" aria-labelledby="${this.ids}p-title">
          <h2 id="${this.ids}p-title" part="heading" tabindex="-1" data-focus>${m.pausedTitle}</h2>
          <p>${m.pausedText}</p>
          <div class="actions"><button class="primary" part="button" @click=${() => this.session?.resume()}>${m.resume}</button></div>
        </section>`;
        break;
      case 'results':
        body = this.renderResultsScreen(view);
        break;
    }
    return html`<div lang=${this.lang}>${body}<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div></div>`;
  }
}
