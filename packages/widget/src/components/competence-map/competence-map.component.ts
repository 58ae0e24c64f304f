import type { CompetenceMap, MapCell, MapRow } from '@jauge/core/cohort';
import { competenceMapToCsv, publishCompetenceMap } from '@jauge/core/cohort';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { assessmentStyles } from '../assessment/assessment.styles.js';
import { mapMessagesFor } from './map-messages.js';

type SortKey = { column: string; direction: 'ascending' | 'descending' };

/**
 * The competence map of an organisation for a manager: groups × domains, each cell with its mean
 * level in words and figures (never colour alone), its uncertainty and its headcount; sortable,
 * filterable, distribution over levels on demand, suppressed cells shown as such, CSV download.
 * A raw map (minimum group size 1) is published with suppression before anything is shown.
 *
 * @tagname jauge-competence-map
 * @summary Groups × domains competence map with small-group suppression.
 * @csspart table - The map table.
 * @cssproperty --jauge-color-primary - Buttons and the strongest cells.
 */
export class JaugeCompetenceMap extends LitElement {
  /** Component styles. */
  static override styles = [
    assessmentStyles,
    css`
      :host { max-width: none; }
      .heat-1, .heat-2 { background: #fde8e6; }
      .heat-3 { background: #fdf3dc; }
      .heat-4 { background: #eef6e4; }
      .heat-5, .heat-6, .heat-7, .heat-8 { background: #dcefe3; }
      .suppressed { background: repeating-linear-gradient(135deg, #f0f0f0 0 6px, #e4e4e4 6px 12px); color: var(--jauge-color-muted); }
      th button { all: unset; cursor: pointer; text-decoration: underline; }
      th button:focus { outline: 3px solid var(--jauge-color-focus); outline-offset: 2px; }
      th button:focus:not(:focus-visible) { outline: none; }
      .filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin-bottom: 0.75rem; }
      .filters label { display: grid; gap: 0.25rem; }
      .number { font-variant-numeric: tabular-nums; white-space: nowrap; }
      .distribution td, .distribution th { font-size: 0.9rem; }
      @media (forced-colors: active) { .suppressed { background: Canvas; } }
    `,
  ];

  /** Interface language: `fr` (default) or `en`. */
  @property({ reflect: true }) override lang = 'fr';
  /** The competence map (`aggregateResults`); a raw map is published with `min-group-size` first. */
  @property({ attribute: false }) map?: CompetenceMap;
  /** Domain titles by id (e.g. from the framework); ids are shown otherwise. */
  @property({ attribute: false }) titles: Record<string, string> = {};
  /** Minimum group size applied to a raw map. Defaults to 5. */
  @property({ type: Number, attribute: 'min-group-size' }) minGroupSize = 5;

  @state() private filter = '';
  @state() private sort: SortKey = { column: 'group', direction: 'ascending' };
  @state() private open = new Set<string>();

  private published(): CompetenceMap | undefined {
    if (!this.map) return undefined;
    return this.map.minGroupSize === 1 ? publishCompetenceMap(this.map, { minGroupSize: this.minGroupSize }) : this.map;
  }

  private label(row: MapRow, map: CompetenceMap): string {
    return map.groupBy.map((field) => row.key[field]).filter(Boolean).join(' — ') || mapMessagesFor(this.lang).everyone;
  }

  private cell(row: MapRow, id: string): MapCell | undefined {
    if (row.suppressed) return undefined;
    return id === 'overall' ? row.overall : row.domains.find((c) => c.id === id);
  }

  private sorted(rows: MapRow[], map: CompetenceMap): MapRow[] {
    const { column, direction } = this.sort;
    const sign = direction === 'ascending' ? 1 : -1;
    const value = (row: MapRow): number | string | undefined => {
      if (column === 'group') return this.label(row, map);
      if (column === 'n') return row.suppressed ? undefined : row.n;
      const c = this.cell(row, column);
      return c && !c.suppressed ? c.meanLevel : undefined;
    };
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      // Hidden values have no rank: they stay at the end whatever the direction.
      if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0) || this.label(a, map).localeCompare(this.label(b, map), 'fr');
      const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, 'fr') : (x as number) - (y as number);
      return sign * order || this.label(a, map).localeCompare(this.label(b, map), 'fr');
    });
  }

  private download(map: CompetenceMap): void {
    const blob = new Blob([competenceMapToCsv(map, { separator: ';', bom: true })], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'carte-des-competences.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private renderCell(cell: MapCell | undefined, suppressedRow: boolean): TemplateResult {
    const m = mapMessagesFor(this.lang);
    if (suppressedRow || !cell) return html`<td class="suppressed">${m.hidden}</td>`;
    if (cell.suppressed) return html`<td class="suppressed">${m.hidden}<span class="visually-hidden"> (${m.reason[cell.reason]})</span></td>`;
    const level = Math.round(cell.meanLevel);
    return html`<td class="number heat-${Math.min(8, Math.max(1, level))}">
      ${m.level(cell.meanLevel, cell.meanLevelSe)}<br /><span class="muted">${m.agents(cell.n)}${cell.belowShare !== null ? html` · ${m.below(cell.belowShare)}` : nothing}</span>
    </td>`;
  }

  private header(column: string, text: string): TemplateResult {
    const active = this.sort.column === column;
    const next: SortKey = { column, direction: active && this.sort.direction === 'ascending' ? 'descending' : 'ascending' };
    return html`<th scope="col" aria-sort=${active ? this.sort.direction : 'none'}><button @click=${() => (this.sort = next)}>${text}</button></th>`;
  }

  override render(): TemplateResult {
    const m = mapMessagesFor(this.lang);
    const map = this.published();
    if (!map) return html`<p>${m.empty}</p>`;
    // Domains in the order of `titles` (the framework's order when built from it), then the others.
    const present = new Set([...map.groups, map.totals].flatMap((row) => (row.suppressed ? [] : row.domains.map((d) => d.id))));
    const domains = [...Object.keys(this.titles).filter((id) => present.has(id)), ...[...present].filter((id) => !(id in this.titles)).sort()];
    const needle = this.filter.trim().toLocaleLowerCase('fr');
    const rows = this.sorted(map.groups.filter((row) => !needle || this.label(row, map).toLocaleLowerCase('fr').includes(needle)), map);
    const suppressed = map.suppression ? map.suppression.rows.belowMinimum + map.suppression.rows.complementary : 0;
    const renderRow = (row: MapRow, total = false): TemplateResult[] => {
      const key = this.label(row, map);
      const isOpen = this.open.has(key);
      const main = html`<tr>
        <th scope="row">${total ? html`<strong>${key}</strong>` : key}
          ${row.suppressed
            ? html`<br /><span class="muted">${m.reason[row.reason]}</span>`
            : html`<br /><button class="no-print" aria-expanded=${isOpen ? 'true' : 'false'} @click=${() => {
                const open = new Set(this.open);
                if (isOpen) open.delete(key);
                else open.add(key);
                this.open = open;
              }}>${m.distribution}</button>`}
        </th>
        <td class="number">${row.suppressed ? m.hidden : row.n}</td>
        ${this.renderCell(this.cell(row, 'overall'), row.suppressed)}
        ${domains.map((id) => this.renderCell(this.cell(row, id), row.suppressed))}
      </tr>`;
      if (!isOpen || row.suppressed) return [main];
      const detail = html`<tr>
        <td colspan=${domains.length + 3}>
          <table class="distribution">
            <caption>${m.distributionCaption(key)}</caption>
            <thead><tr><th scope="col">${m.domain}</th>${[1, 2, 3, 4, 5, 6, 7, 8].map((l) => html`<th scope="col">${m.levelHeader(l)}</th>`)}</tr></thead>
            <tbody>
              ${domains.map((id) => {
                const c = this.cell(row, id);
                return html`<tr><th scope="row">${this.titles[id] ?? id}</th>${[0, 1, 2, 3, 4, 5, 6, 7].map((l) => html`<td class="number">${c && !c.suppressed ? c.distribution[l] : m.hidden}</td>`)}</tr>`;
              })}
            </tbody>
          </table>
        </td>
      </tr>`;
      return [main, detail];
    };
    return html`<section lang=${this.lang} aria-labelledby="map-title">
      <h2 id="map-title" part="heading">${m.title}</h2>
      <p>${m.lead(map.minGroupSize)}${suppressed > 0 ? ` ${m.suppressedCount(suppressed)}` : ''}</p>
      <div class="filters">
        <label>${m.filter}<input type="text" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} /></label>
        <button @click=${() => this.download(map)}>${m.download}</button>
      </div>
      <p role="status" class="muted">${m.shown(rows.length, map.groups.length)}</p>
      <div class="table-wrap">
        <table part="table">
          <caption>${m.caption}</caption>
          <thead>
            <tr>
              ${this.header('group', m.group)} ${this.header('n', m.headcount)} ${this.header('overall', m.overall)}
              ${domains.map((id) => this.header(id, this.titles[id] ?? id))}
            </tr>
          </thead>
          <tbody>
            ${rows.flatMap((row) => renderRow(row))}
          </tbody>
          <tfoot>${renderRow(map.totals, true)}</tfoot>
        </table>
      </div>
    </section>`;
  }
}
