import type { AssessmentResult } from '@jauge/core/engine';
import { LitElement, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { messagesFor } from '../../i18n/messages.js';
import { keys, storageFor } from '../../internal/storage.js';
import { assessmentStyles } from '../assessment/assessment.styles.js';
import { renderResults } from '../results/render-results.js';

/** A light check of a stored result before rendering it (storage can be edited by anyone). */
export function isResultLike(value: unknown): value is AssessmentResult {
  const r = value as AssessmentResult | null;
  const level = (x: unknown) => typeof x === 'object' && x !== null && Number.isInteger((x as { level: unknown }).level) && Array.isArray((x as { levelRange: unknown }).levelRange);
  return (
    typeof r === 'object' &&
    r !== null &&
    level(r.overall) &&
    Array.isArray(r.domains) &&
    r.domains.every((d) => level(d) && typeof d.title === 'string') &&
    Array.isArray(r.competences) &&
    Array.isArray(r.answered) &&
    r.answered.every((a) => typeof a.stem === 'string' && typeof a.outcome === 'string')
  );
}

/**
 * Renders a result as on the results screen of `<jauge-assessment>`: the `result` property, or
 * the last result saved in this browser.
 *
 * @tagname jauge-profile
 * @summary A saved or given assessment result: levels with uncertainty, chart, table, explanations.
 * @csspart heading - The title.
 * @csspart chart - The results chart.
 * @csspart table - The results table.
 * @csspart overall - The overall level.
 */
export class JaugeProfile extends LitElement {
  /** Component styles (shared with the assessment). */
  static override styles = assessmentStyles;

  /** Interface language: `fr` (default) or `en`. */
  @property({ reflect: true }) override lang = 'fr';
  /** Where to read the saved result: `local` (default), `session` or `none`. */
  @property() storage: 'local' | 'session' | 'none' = 'local';
  /** Framework whose saved result to show. */
  @property({ attribute: 'framework-id' }) frameworkId = 'socle-numerique-agent-public';
  /** The result to show (takes precedence over the saved one). */
  @property({ attribute: false }) result?: AssessmentResult;

  @state() private saved?: AssessmentResult;

  override connectedCallback(): void {
    super.connectedCallback();
    try {
      const value = JSON.parse(storageFor(this.storage).get(keys.result(this.frameworkId)) ?? 'null') as unknown;
      this.saved = isResultLike(value) ? value : undefined;
    } catch {
      this.saved = undefined;
    }
  }

  override render(): TemplateResult {
    const m = messagesFor(this.lang);
    const result = this.result && isResultLike(this.result) ? this.result : this.saved;
    return html`<section class="screen" lang=${this.lang} aria-labelledby="profile-title">
      <h2 id="profile-title" part="heading">${m.resultsTitle}</h2>
      ${result ? renderResults(result, [], m, this.lang) : html`<p>${m.noResult}</p>`}
    </section>`;
  }
}
