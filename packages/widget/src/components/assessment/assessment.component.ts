import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * The adaptive assessment: intro, questions, results. (Foundation version: renders the intro
 * heading; the full flow lands with the assessment issue.)
 *
 * @tagname jauge-assessment
 * @summary Embeddable adaptive digital-competence self-assessment.
 * @csspart heading - The title of the current screen.
 */
export class JaugeAssessment extends LitElement {
  /** Component styles (adopted stylesheets: no inline style, CSP-safe). */
  static override styles = css`
    :host {
      display: block;
      font-family: var(--jauge-font-family, system-ui, sans-serif);
      color: var(--jauge-color-text, #1e1e1e);
    }
  `;

  /** Interface language: `fr` (default) or `en`. */
  @property({ reflect: true }) override lang = 'fr';

  override render() {
    return html`<h2 part="heading">${this.lang === 'en' ? 'Digital skills self-assessment' : 'Autodiagnostic des compétences numériques'}</h2>`;
  }
}
