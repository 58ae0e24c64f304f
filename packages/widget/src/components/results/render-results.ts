import type { AssessmentResult, ProfileStatus, ReachedStage, Recommendation } from '@jauge/core/engine';
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';

function tr(value: { translations?: Record<string, Record<string, unknown>> } | undefined, field: string, lang: string, fallback: string): string {
  const translated = value?.translations?.[lang.slice(0, 2)]?.[field];
  return lang.startsWith('fr') || typeof translated !== 'string' ? fallback : translated;
}

/** The per-domain chart: bars for levels, lines for the likely range. An image with a text alternative; the table holds the data. */
function renderChart(result: AssessmentResult, m: Messages, id: string): TemplateResult {
  const rowHeight = 34;
  const left = 190;
  const width = 560;
  const scale = (level: number) => left + ((width - left - 20) * level) / 8;
  const height = result.domains.length * rowHeight + 30;
  return html`<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width=${width} part="chart">
    <title id="${id}-title">${m.chartTitle}</title>
    <desc id="${id}-desc">${m.chartDesc}</desc>
    ${[1, 2, 3, 4, 5, 6, 7, 8].map(
      (level) => svg`<line class="axis" x1=${scale(level)} x2=${scale(level)} y1="0" y2=${height - 24}></line>
        <text class="chart-text" x=${scale(level)} y=${height - 8} text-anchor="middle">${level}</text>`,
    )}
    ${result.domains.map((domain, i) => {
      const y = i * rowHeight + 6;
      return svg`<text class="chart-text" x="0" y=${y + 16}>${domain.title.length > 28 ? `${domain.title.slice(0, 27)}…` : domain.title}</text>
        <rect class="bar" x=${left} y=${y + 4} height="14" width=${Math.max(2, scale(domain.level) - left)}></rect>
        <line class="range" x1=${scale(domain.levelRange[0])} x2=${scale(domain.levelRange[1])} y1=${y + 24} y2=${y + 24}></line>`;
    })}
  </svg>`;
}

/** Renders the results: overall level, stages, chart and table per domain, explanations. */
export function renderResults(result: AssessmentResult, stages: ReachedStage[], m: Messages, lang: string, extra: TemplateResult | typeof nothing = nothing, ids = ''): TemplateResult {
  const overall = result.overall;
  const overallStage = stages.find((s) => s.scope === 'overall');
  return html`
    <p class="overall" part="overall">
      <strong>${m.overall} : ${m.levelWithUncertainty(overall.level, overall.levelSe)}</strong>
      (${m.band[overall.band]}, ${m.levelRange(overall.levelRange[0], overall.levelRange[1])})
    </p>
    ${overall.level > 1 ? html`<p class="muted">${m.confidence(Math.round(overall.confidence * 100))}</p>` : nothing}
    ${overallStage
      ? html`<section aria-labelledby="${ids}stages-title">
          <h3 id="${ids}stages-title">${m.stagesTitle}</h3>
          <p><strong>${tr(overallStage.stage, 'title', lang, overallStage.stage.title)}</strong> — ${tr(overallStage.stage, 'message', lang, overallStage.stage.message)}</p>
        </section>`
      : nothing}
    ${renderChart(result, m, `${ids}jauge-chart`)}
    <div class="table-wrap">
      <table part="table">
        <caption>${m.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${m.colDomain}</th>
            <th scope="col">${m.colLevel}</th>
            <th scope="col">${m.colRange}</th>
            <th scope="col">${m.colQuestions}</th>
            <th scope="col">${m.colSelfRating}</th>
          </tr>
        </thead>
        <tbody>
          ${result.domains.map((domain) => {
            const stage = stages.find((s) => s.scope === 'domain' && s.domain === domain.id);
            return html`<tr>
              <th scope="row">${domain.title}</th>
              <td>${m.levelWithUncertainty(domain.level, domain.levelSe)} (${m.band[domain.band]})${stage ? html`<br /><span class="muted">${tr(stage.stage, 'title', lang, stage.stage.title)}</span>` : nothing}</td>
              <td>${m.levelRange(domain.levelRange[0], domain.levelRange[1])}</td>
              <td>${domain.answered}</td>
              <td>${domain.selfRating ? m.selfRatingLevel(domain.selfRating.level) : m.notRated}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${extra}
    <section aria-labelledby="${ids}explanations-title">
      <h3 id="${ids}explanations-title">${m.explanationsTitle}</h3>
      ${result.answered
        .filter((a) => a.outcome !== 'rated')
        .map(
          (a) => html`<details>
            <summary>${a.stem} — <em>${m.outcome[a.outcome]}</em></summary>
            ${a.context ? html`<p class="context">${a.context}</p>` : nothing}
            ${a.explanation ? html`<p>${a.explanation}</p>` : nothing}
            ${(a.sources ?? []).map(
              (s) => html`<p class="muted">${m.source} : ${safeUrl(s.url) ? html`<a href=${safeUrl(s.url)!} target="_blank" rel="noopener noreferrer">${s.publisher} — ${s.title}</a>` : html`${s.publisher} — ${s.title}`}</p>`,
            )}
          </details>`,
        )}
    </section>
  `;
}

/** Only http(s) links are ever rendered (content is validated too: this is defence in depth). */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** The recommended trainings (at most five), each with its reasons, and the "profil atteint" status. */
export function renderRecommendations(recommendations: readonly Recommendation[], profile: ProfileStatus | undefined, m: Messages, ids = ''): TemplateResult {
  const shown = recommendations.slice(0, 5);
  return html`<section aria-labelledby="${ids}reco-title">
    <h3 id="${ids}reco-title">${m.recommendationsTitle}</h3>
    ${profile ? html`<p>${profile.reached ? m.profileReached : m.profileNotReached(profile.met, profile.total)}</p>` : nothing}
    ${shown.length === 0
      ? html`<p>${m.noRecommendation}</p>`
      : html`<ul class="cards">
          ${shown.map((r) => {
            const url = safeUrl(r.training.url);
            return html`<li class="card" part="recommendation">
              <p>
                <strong>${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${r.training.title}</a>` : r.training.title}</strong>
                — ${r.training.provider}${r.training.durationMinutes ? html`, ${m.duration(r.training.durationMinutes)}` : nothing}
                ${r.uncertain ? html` <em>(${m.tentative})</em>` : nothing}
              </p>
              <p>${r.text}</p>
              ${!url && r.training.urlNote ? html`<p class="muted">${r.training.urlNote}</p>` : nothing}
            </li>`;
          })}
        </ul>`}
  </section>`;
}
