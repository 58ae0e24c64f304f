import { css } from 'lit';

/**
 * The neutral default theme. Every colour is a custom property with a default that meets
 * WCAG 2.1 AA contrast on white; `forced-colors` and `prefers-reduced-motion` are respected.
 */
export const assessmentStyles = css`
  :host {
    --jauge-color-text: #1e1e1e;
    --jauge-color-muted: #555;
    --jauge-color-background: #fff;
    --jauge-color-surface: #f5f5f7;
    --jauge-color-border: #6b6b6b;
    --jauge-color-primary: #1a4e8a;
    --jauge-color-on-primary: #fff;
    --jauge-color-focus: #0a58ca;
    --jauge-color-error: #b3261e;
    --jauge-radius: 6px;
    --jauge-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
    display: block;
    color: var(--jauge-color-text);
    background: var(--jauge-color-background);
    font-family: var(--jauge-font-family);
    font-size: 1rem;
    line-height: 1.5;
    max-width: 48rem;
    overflow-wrap: anywhere;
  }
  /*
   * Opt-in DSFR adapter (theme="dsfr"): for State sites that already load the Système de design de
   * l'État. DSFR classes cannot reach into a shadow root, but its design tokens are CSS custom
   * properties on :root, which do: the element maps its own tokens onto them. Nothing of the DSFR
   * is bundled, and Marianne is only named (served by the host page), never shipped.
   */
  :host([theme='dsfr']) {
    --jauge-color-text: var(--text-default-grey, #3a3a3a);
    --jauge-color-muted: var(--text-mention-grey, #666);
    --jauge-color-background: var(--background-default-grey, #fff);
    --jauge-color-surface: var(--background-alt-grey, #f6f6f6);
    --jauge-color-border: var(--border-default-grey, #929292);
    --jauge-color-primary: var(--background-action-high-blue-france, #000091);
    --jauge-color-on-primary: var(--text-inverted-blue-france, #f5f5fe);
    --jauge-color-focus: #0a76f6;
    --jauge-color-error: var(--text-default-error, #ce0500);
    --jauge-radius: 0;
    --jauge-font-family: Marianne, arial, sans-serif;
  }
  *, *::before, *::after { box-sizing: border-box; }
  .screen { padding: 1rem 0; }
  h2, h3 { line-height: 1.25; margin: 0 0 0.75rem; }
  h2 { font-size: 1.5rem; }
  h3 { font-size: 1.2rem; margin-top: 1.5rem; }
  h2:focus, h3:focus { outline: none; }
  h2:focus-visible, h3:focus-visible { outline: 3px solid var(--jauge-color-focus); outline-offset: 4px; }
  p { margin: 0 0 0.75rem; }
  .muted { color: var(--jauge-color-muted); }
  .notice { border-left: 4px solid var(--jauge-color-error); background: var(--jauge-color-surface); padding: 0.75rem 1rem; margin: 0 0 1rem; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1.25rem; }
  button, .button {
    font: inherit; min-height: 2.75rem; padding: 0.5rem 1.1rem; border-radius: var(--jauge-radius);
    border: 2px solid var(--jauge-color-primary); background: var(--jauge-color-background); color: var(--jauge-color-primary);
    cursor: pointer; text-decoration: none; display: inline-flex; align-items: center;
  }
  button.primary, .button.primary { background: var(--jauge-color-primary); color: var(--jauge-color-on-primary); }
  /* :focus first, so that browsers without :focus-visible (Firefox 78 ESR, Safari < 15.4) keep the outline. */
  button:focus, .button:focus, input:focus, a:focus, summary:focus {
    outline: 3px solid var(--jauge-color-focus); outline-offset: 2px;
  }
  button:focus:not(:focus-visible), .button:focus:not(:focus-visible), a:focus:not(:focus-visible), summary:focus:not(:focus-visible) { outline: none; }
  fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
  legend { padding: 0; font-weight: 600; font-size: 1.1rem; margin-bottom: 0.5rem; }
  .context { background: var(--jauge-color-surface); padding: 0.75rem 1rem; border-radius: var(--jauge-radius); }
  .options { list-style: none; margin: 0.5rem 0 0; padding: 0; display: grid; gap: 0.5rem; }
  .option label {
    display: flex; gap: 0.75rem; align-items: flex-start; padding: 0.6rem 0.75rem; cursor: pointer;
    border: 1px solid var(--jauge-color-border); border-radius: var(--jauge-radius);
  }
  .option input { margin-top: 0.3rem; width: 1.15rem; height: 1.15rem; flex: none; }
  .order-row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; padding: 0.5rem 0.75rem; border: 1px solid var(--jauge-color-border); border-radius: var(--jauge-radius); }
  .order-row .text { flex: 1 1 12rem; }
  .order-row .rank { font-weight: 600; min-width: 4.5rem; }
  .order-row button { min-height: 2.5rem; padding: 0.25rem 0.75rem; }
  input[type='text'] { font: inherit; width: 100%; max-width: 28rem; min-height: 2.75rem; padding: 0.4rem 0.6rem; border: 2px solid var(--jauge-color-border); border-radius: var(--jauge-radius); }
  .error { color: var(--jauge-color-error); font-weight: 600; }
  .progress { margin: 0 0 1rem; }
  .progress-track { height: 0.5rem; background: var(--jauge-color-surface); border: 1px solid var(--jauge-color-border); border-radius: 999px; overflow: hidden; }
  .progress-bar { height: 100%; background: var(--jauge-color-primary); }
  .domain-tag { display: inline-block; font-size: 0.9rem; color: var(--jauge-color-muted); margin-bottom: 0.25rem; }
  table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; }
  caption { text-align: left; font-weight: 600; margin-bottom: 0.5rem; }
  th, td { border: 1px solid var(--jauge-color-border); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; overflow-wrap: normal; hyphens: auto; }
  .table-wrap table { min-width: 36rem; }
  thead th { background: var(--jauge-color-surface); }
  .table-wrap { overflow-x: auto; }
  svg { max-width: 100%; height: auto; }
  .bar { fill: var(--jauge-color-primary); }
  .range { stroke: var(--jauge-color-text); stroke-width: 2; }
  .axis { stroke: var(--jauge-color-border); }
  .chart-text { fill: var(--jauge-color-text); font-size: 12px; }
  .overall { font-size: 1.25rem; }
  .cards { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
  .card { border: 1px solid var(--jauge-color-border); border-radius: var(--jauge-radius); padding: 0.75rem 1rem; }
  details { border-top: 1px solid var(--jauge-color-border); padding: 0.5rem 0; }
  summary { cursor: pointer; }
  .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  @media (prefers-reduced-motion: no-preference) { .progress-bar { transition: width 0.3s ease; } }
  @media (forced-colors: active) {
    .bar { fill: CanvasText; }
    .progress-bar { background: Highlight; forced-color-adjust: none; }
    button.primary { border-color: ButtonText; }
  }
  @media print {
    :host { max-width: none; }
    .actions, .no-print, .progress { display: none !important; }
    details { border: 0; }
    details > * { display: block; }
  }
`;
