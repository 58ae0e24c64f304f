import { ITEM_FLAGS, type CalibrationReport, type ItemCalibration } from './calibration-report.js';

/**
 * Renders a calibration report as Markdown for the people who decide what to do with the items:
 * the answers used, each scale's convergence and linking constants, the flagged items first
 * (with the reason), then every item's parameters with standard errors, fit and DIF, and the
 * settings. Plain text, no HTML, so it reads as well in a terminal as on a forge.
 */
export function renderCalibrationReport(report: CalibrationReport): string {
  const lines: string[] = [];
  const out = (line = ''): void => {
    lines.push(line);
  };
  out(`# Calibration report — ${cell(report.bank.id)} ${cell(report.bank.version)}`);
  out();
  out(`- Date: ${report.date}`);
  out(`- Model: ${report.model === 'rasch' ? 'Rasch (one common discrimination per scale)' : '2PL'}, marginal maximum likelihood (Bock–Aitkin EM), method \`${report.method}\``);
  out(`- Answers: ${int(report.answers.responses)} from ${int(report.answers.agents)} agents; ${int(report.answers.rejectedRecords)} record(s) left out`);
  out(`- Items: ${report.summary.calibrated} calibrated, ${report.summary.unchanged} unchanged (no answers), ${report.summary.flagged} flagged`);
  out(`- DIF: ${'reference' in report.dif ? `Mantel–Haenszel, reference group "${cell(report.dif.reference)}", focal group "${cell(report.dif.focal)}"` : `not analysed (${report.dif.skipped})`}`);
  if (report.answers.rejected.length > 0) {
    out();
    out('## Records left out');
    out();
    for (const issue of report.answers.rejected.slice(0, 50)) out(`- \`${cell(issue.path)}\`: ${cell(issue.message)}`);
    if (report.answers.rejectedRecords > 50) out(`- … ${int(report.answers.rejectedRecords - 50)} more`);
  }
  out();
  out('## Scales');
  out();
  out('Each scale is calibrated with its population as N(0, 1), then mapped onto the previous bank\'s scale, θ_old = A θ_new + B, from its anchor items; the population then reads N(B, A²) on the previous scale.');
  out();
  out('| Scale | Agents | Patterns | Items | Converged | EM steps | Rounds | Log-likelihood | Linking | Anchors | A | B | Population mean | Population SD |' + (report.model === 'rasch' ? ' Common a (SE) |' : ''));
  out('|---|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|' + (report.model === 'rasch' ? '---:|' : ''));
  for (const d of report.dimensions) {
    const common = d.commonA ? ` ${f(d.commonA.a)} (${d.commonA.se === null ? 'fixed' : f(d.commonA.se)}) |` : '';
    out(
      `| ${cell(d.id)} | ${int(d.agents)} | ${int(d.patterns)} | ${d.items} | ${d.convergence.converged ? 'yes' : '**no**'} | ${d.convergence.iterations} | ${d.rounds} | ${d.convergence.logLikelihood.toFixed(1)} | ${d.linking.method} | ${d.linking.anchors} | ${f(d.linking.A, 4)} | ${f(d.linking.B, 4)} | ${f(d.population.mean)} | ${f(d.population.sd)} |${common}`,
    );
  }
  const groups = report.dimensions.flatMap((d) => d.groups.map((g) => ({ scale: d.id, ...g })));
  if (groups.length > 0) {
    out();
    out('### Groups (previous scale)');
    out();
    out('| Scale | Group | Agents | Mean ability | SD |');
    out('|---|---|---:|---:|---:|');
    for (const g of groups) out(`| ${cell(g.scale)} | ${cell(g.group)} | ${int(g.n)} | ${f(g.mean)} | ${f(g.sd)} |`);
  }
  out();
  out('## Flags');
  out();
  out('| Flag | Items | Meaning |');
  out('|---|---:|---|');
  for (const flag of ITEM_FLAGS) out(`| \`${flag}\` | ${report.summary.flags[flag]} | ${FLAG_MEANING[flag]} |`);
  const flagged = report.items.filter((item) => item.flags.some((flag) => flag !== 'no-responses' && flag !== 'few-responses'));
  out();
  out('## Flagged items');
  out();
  if (flagged.length === 0) out('None.');
  else itemTable(flagged, out);
  out();
  out('## All items');
  out();
  out('a and b on the previous scale (what the calibrated bank holds), with standard errors; Δb = new b − previous b; p = share of correct answers; infit / outfit mean squares (1 under the model); r = correlation of the answer with the ability estimated from the other answers; DIF = Mantel–Haenszel Δ (ETS class).');
  out();
  itemTable(report.items, out);
  out();
  out('## Settings');
  out();
  const s = report.settings;
  out(`- Quadrature: ${s.quadrature.points} nodes on [−${s.quadrature.range}, ${s.quadrature.range}], population N(0, 1) on the calibration scale`);
  out(`- Priors: b ~ ${s.priorB ? `N(previous b, ${s.priorB.sd}²)` : 'none'}; ${report.model === 'rasch' && s.raschA !== null ? `a fixed at ${s.raschA}` : `log a ~ ${s.priorLogA ? `N(${f(s.priorLogA.mean)}, ${s.priorLogA.sd}²)` : 'none'}`} (on the previous scale); c and d fixed at their previous values`);
  out(`- Convergence: largest change of log a or b below ${s.tolerance}; SQUAREM-accelerated EM`);
  out(`- Linking: ${s.linking}; anchors need at least ${s.minResponses} answers`);
  out(`- Flags: few answers < ${s.minResponses}; tiny a < ${s.minDiscrimination}; |b| > ${s.extremeDifficulty} population SDs; fit range [${s.fitRange[0]}, ${s.fitRange[1]}] with |z| > 2; DIF class C with at least ${s.minDifGroupSize} answers per group`);
  out(`- Answers: a skip ("Je ne sais pas") counts as an incorrect answer, as in the adaptive engine`);
  return `${lines.join('\n')}\n`;
}

const FLAG_MEANING: Record<(typeof ITEM_FLAGS)[number], string> = {
  'negative-discrimination': 'stronger agents fail it more often: check the key and the wording',
  dif: 'large differential functioning between the groups (ETS class C)',
  underfit: 'answers noisier than the model expects',
  'tiny-discrimination': 'hardly tells agents apart',
  overfit: 'answers more predictable than the model expects',
  'too-easy': 'almost every agent succeeds',
  'too-hard': 'almost every agent fails',
  'few-responses': 'too few answers: the parameters lean on the priors',
  'no-responses': 'nobody answered it: parameters unchanged',
};

function itemTable(items: readonly ItemCalibration[], out: (line?: string) => void): void {
  out('| Item | Scale | Anchor | n | p | a | SE(a) | b | SE(b) | Δb | Infit | Outfit | r | DIF | Flags |');
  out('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const item of items) {
    const { calibrated, previous, se, fit, dif } = item;
    out(
      `| ${cell(item.id)} | ${cell(item.dimension)} | ${item.anchor ? 'yes' : ''} | ${int(item.responses)} | ${item.proportionCorrect === null ? '' : f(item.proportionCorrect, 2)} | ${f(calibrated.a)} | ${se?.a == null ? '' : f(se.a)} | ${f(calibrated.b)} | ${se ? f(se.b) : ''} | ${item.estimate ? signed(calibrated.b - previous.b) : ''} | ${fit ? f(fit.infit, 2) : ''} | ${fit ? f(fit.outfit, 2) : ''} | ${fit ? f(fit.discriminationIndex, 2) : ''} | ${dif ? `${signed(dif.delta, 2)} (${dif.etsClass})` : ''} | ${item.flags.join(', ')} |`,
    );
  }
}

function f(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

function signed(x: number, digits = 3): string {
  return Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}` : String(x);
}

function int(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function cell(text: string): string {
  return text.replace(/[|\\`]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}
