// `jauge calibrate` — item calibration from an answers file (Node only: files, streams, clock).
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { calibrateItemBank, type CalibrationProgress } from '../calibration/calibrate-item-bank.js';
import { createAnswerCollector } from '../calibration/answer-collector.js';
import type { CalibrationModel } from '../calibration/estimate-items.js';
import type { LinkingMethod } from '../calibration/linking.js';
import { renderCalibrationReport } from '../calibration/render-calibration-report.js';
import { JaugeValidationError } from '../errors.js';
import type { Framework } from '../framework/framework.schema.js';
import type { ItemBank } from '../framework/item-bank.schema.js';
import { parseFramework } from '../framework/parse-framework.js';
import { parseItemBank } from '../framework/parse-item-bank.js';
import { framework as referenceFramework } from '../reference/index.js';

/** Where the command writes: `process.stdout` / `process.stderr`, or test doubles. */
export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export const CALIBRATE_HELP = `Usage: jauge calibrate <answers.jsonl> --bank <items.json> [--out <items.calibrated.json>] [options]

Estimates the item parameters of a bank from collected answers (marginal maximum likelihood,
Rasch or 2PL, one scale per domain), links them to the bank's previous scale through its anchor
items, and writes the calibrated bank and a Markdown report (parameters, standard errors, fit,
flags, differential item functioning).

answers.jsonl: one JSON object per line,
  {"agent":"pseudonymous-id","group":"A","responses":[{"item":"cyb-001","correct":true}, …]}
  A skip ("Je ne sais pas") is "correct": false. Bad lines are reported and left out.

Options:
  --bank <file>            the item bank the answers were collected with (required)
  --framework <file>       its framework (default: the shipped reference framework)
  --out <file>             calibrated bank (default: <bank>.calibrated.json)
  --report <file>          Markdown report (default: <out>.report.md, next to --out)
  --json-report <file>     also write the report as JSON
  --model <2pl|rasch>      response model (default: 2pl)
  --linking <method>       stocking-lord (default), mean-sigma or none
  --anchors <ids>          comma-separated anchor item ids (default: every item not in draft)
  --dif <reference,focal>  the two groups compared for DIF (default: the two groups of the answers)
  --no-dif                 no DIF analysis
  --min-responses <n>      fewer answers: flagged, and not an anchor (default: 30)
  --date <YYYY-MM-DD>      calibration date written into the items (default: today)
  --quiet                  no progress bar

Exit codes: 0 calibrated, 1 unusable input, 2 usage error.`;

interface Parsed {
  answers: string;
  bank: string;
  framework?: string;
  out: string;
  report: string;
  jsonReport?: string;
  model: CalibrationModel;
  linking: LinkingMethod;
  anchors?: string[];
  dif?: { reference: string; focal: string } | false;
  minResponses?: number;
  date: string;
  quiet: boolean;
}

const VALUE_OPTIONS = new Set(['--bank', '--framework', '--out', '--report', '--json-report', '--model', '--linking', '--anchors', '--dif', '--min-responses', '--date']);

/**
 * Runs `jauge calibrate <answers.jsonl> --bank <items.json> …` (see {@link CALIBRATE_HELP}).
 * Streams the answers line by line, shows a progress bar on a terminal, and returns the exit code.
 */
export async function calibrateCommand(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${CALIBRATE_HELP}\n`);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`jauge calibrate: ${parsed}\n\n${CALIBRATE_HELP}\n`);
    return 2;
  }
  const progress = createProgressBar(io, parsed.quiet);

  let framework: Framework = referenceFramework;
  if (parsed.framework) {
    try {
      framework = parseFramework(readFileSync(parsed.framework, 'utf8'));
    } catch (error) {
      return fail(io, error, parsed.framework);
    }
  }
  let bank: ItemBank;
  try {
    bank = parseItemBank(readFileSync(parsed.bank, 'utf8'), framework);
  } catch (error) {
    return fail(io, error, parsed.bank);
  }

  const collector = createAnswerCollector(bank);
  let size = 0;
  try {
    size = statSync(parsed.answers).size;
    const stream = createReadStream(parsed.answers, { encoding: 'utf8' });
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      collector.addLine(line, lineNumber);
      if (lineNumber % 2000 === 0) progress.update('Reading answers', size > 0 ? stream.bytesRead / size : 0, `${collector.agents.toLocaleString('en-US')} agents`);
    }
  } catch (error) {
    progress.done();
    return fail(io, error, parsed.answers);
  }
  progress.update('Reading answers', 1, `${collector.agents.toLocaleString('en-US')} agents`);
  progress.done();

  try {
    const answers = collector.finish();
    if (answers.rejectedRecords > 0) {
      io.stderr.write(`${answers.rejectedRecords.toLocaleString('en-US')} line(s) of ${parsed.answers} left out:\n`);
      for (const issue of answers.rejected.slice(0, 10)) io.stderr.write(`  ${issue.path}: ${issue.message}\n`);
      if (answers.rejectedRecords > 10) io.stderr.write(`  … (every problem is listed in the report)\n`);
    }
    const onProgress = (p: CalibrationProgress): void => {
      const within = Math.min(1, Math.max(0, Math.log(1 / p.maxChange) / Math.log(1 / p.tolerance)));
      progress.update('Calibrating', (p.index + 0.9 * within) / p.dimensions, `${p.dimension} (${p.index + 1}/${p.dimensions}), round ${p.round}, step ${p.iteration}`);
    };
    const { bank: calibrated, report } = calibrateItemBank(answers, {
      bank,
      framework,
      date: parsed.date,
      model: parsed.model,
      linking: parsed.linking,
      ...(parsed.anchors ? { anchors: parsed.anchors } : {}),
      ...(parsed.dif !== undefined ? { dif: parsed.dif } : {}),
      ...(parsed.minResponses !== undefined ? { minResponses: parsed.minResponses } : {}),
      onProgress,
    });
    progress.update('Calibrating', 1, 'done');
    progress.done();
    writeFileSync(parsed.out, `${JSON.stringify(calibrated, null, 2)}\n`);
    writeFileSync(parsed.report, renderCalibrationReport(report));
    if (parsed.jsonReport) writeFileSync(parsed.jsonReport, `${JSON.stringify(report, null, 2)}\n`);

    const out: string[] = [];
    out.push(`✓ ${report.answers.agents.toLocaleString('en-US')} agents, ${report.answers.responses.toLocaleString('en-US')} answers${report.answers.rejectedRecords > 0 ? ` (${report.answers.rejectedRecords} line(s) left out)` : ''}`);
    out.push(`✓ ${report.summary.calibrated} items calibrated (${report.model === 'rasch' ? 'Rasch' : '2PL'}), ${report.summary.unchanged} unchanged (no answers)`);
    for (const d of report.dimensions) {
      out.push(
        `  ${d.id}: ${d.agents.toLocaleString('en-US')} agents, ${d.items} items, ${d.convergence.converged ? 'converged' : 'NOT converged'} in ${d.convergence.iterations} EM steps; ${d.linking.method === 'none' || d.linking.anchors === 0 ? 'not linked' : `linked on ${d.linking.anchors} anchors, A = ${d.linking.A.toFixed(3)}, B = ${d.linking.B.toFixed(3)}`}`,
      );
    }
    const flagged = report.items.filter((item) => item.flags.some((flag) => flag !== 'no-responses' && flag !== 'few-responses'));
    if (flagged.length > 0) {
      out.push(`! ${flagged.length} item(s) flagged:`);
      for (const item of flagged.slice(0, 20)) out.push(`  ${item.id}: ${item.flags.join(', ')}`);
      if (flagged.length > 20) out.push(`  … see the report`);
    }
    out.push(`→ ${parsed.out}`, `→ ${parsed.report}`);
    if (parsed.jsonReport) out.push(`→ ${parsed.jsonReport}`);
    io.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } catch (error) {
    progress.done();
    return fail(io, error, parsed.answers);
  }
}

function parseArgs(args: string[]): Parsed | string {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let quiet = false;
  let noDif = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--quiet') quiet = true;
    else if (arg === '--no-dif') noDif = true;
    else if (VALUE_OPTIONS.has(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value.`;
      values.set(arg, value);
      i++;
    } else if (arg.startsWith('--') && VALUE_OPTIONS.has(arg.split('=')[0]!)) values.set(arg.split('=')[0]!, arg.slice(arg.indexOf('=') + 1));
    else if (arg.startsWith('-')) return `unknown option ${arg}.`;
    else positional.push(arg);
  }
  if (positional.length !== 1) return positional.length === 0 ? 'give the answers file (JSON lines).' : `give one answers file, found ${positional.length}.`;
  const bank = values.get('--bank');
  if (!bank) return '--bank <items.json> is required.';
  const model = values.get('--model') ?? '2pl';
  if (model !== '2pl' && model !== 'rasch') return `--model must be 2pl or rasch, found "${model}".`;
  const linking = values.get('--linking') ?? 'stocking-lord';
  if (linking !== 'stocking-lord' && linking !== 'mean-sigma' && linking !== 'none') return `--linking must be stocking-lord, mean-sigma or none, found "${linking}".`;
  let dif: Parsed['dif'];
  if (noDif) dif = false;
  const difValue = values.get('--dif');
  if (difValue !== undefined) {
    if (noDif) return '--dif and --no-dif cannot be used together.';
    const [reference, focal, ...rest] = difValue.split(',');
    if (!reference || !focal || rest.length > 0) return `--dif takes two group labels separated by a comma, found "${difValue}".`;
    dif = { reference, focal };
  }
  let minResponses: number | undefined;
  const min = values.get('--min-responses');
  if (min !== undefined) {
    minResponses = Number(min);
    if (!Number.isInteger(minResponses) || minResponses < 0) return `--min-responses must be an integer ≥ 0, found "${min}".`;
  }
  const date = values.get('--date') ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return `--date must look like 2027-03-15, found "${date}".`;
  const out = values.get('--out') ?? bank.replace(/(\.json)?$/i, '.calibrated.json');
  const report = values.get('--report') ?? out.replace(/(\.json)?$/i, '.report.md');
  const anchors = values.get('--anchors')?.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const framework = values.get('--framework');
  const jsonReport = values.get('--json-report');
  return {
    answers: positional[0]!,
    bank,
    out,
    report,
    model,
    linking,
    date,
    quiet,
    ...(framework ? { framework } : {}),
    ...(jsonReport ? { jsonReport } : {}),
    ...(anchors ? { anchors } : {}),
    ...(dif !== undefined ? { dif } : {}),
    ...(minResponses !== undefined ? { minResponses } : {}),
  };
}

/** Today's local date, YYYY-MM-DD (the CLI, not core, reads the clock). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function fail(io: CommandIo, error: unknown, file: string): number {
  if (error instanceof JaugeValidationError) {
    io.stderr.write(`✗ ${file}: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}\n`);
    for (const issue of error.issues.slice(0, 50)) io.stderr.write(`    ${issue.path || '(root)'}: ${issue.message}\n`);
    if (error.issues.length > 50) io.stderr.write(`    … and ${error.issues.length - 50} more\n`);
    return 1;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code) {
    io.stderr.write(`✗ ${file}: cannot read or write the file (${code})\n`);
    return 1;
  }
  throw error;
}

/**
 * A one-line progress bar redrawn in place on a terminal; elsewhere (a pipe, a CI log) one line
 * per phase when it ends, so logs stay short.
 */
function createProgressBar(io: CommandIo, quiet: boolean): { update(label: string, fraction: number, detail: string): void; done(): void } {
  const tty = io.stderr.isTTY === true;
  let shown = '';
  let last = { label: '', detail: '' };
  let lastDraw = 0;
  return {
    update(label, fraction, detail) {
      if (quiet) return;
      last = { label, detail };
      if (!tty) return;
      const now = performance.now();
      if (now - lastDraw < 80 && fraction < 1) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
      const line = `${label.padEnd(16)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(100 * fraction)).padStart(3)} % ${detail}`;
      io.stderr.write(`\r${line}${' '.repeat(Math.max(0, shown.length - line.length))}`);
      shown = line;
    },
    done() {
      if (quiet) return;
      if (tty && shown !== '') io.stderr.write('\n');
      else if (!tty && last.label !== '') io.stderr.write(`${last.label}: ${last.detail}\n`);
      shown = '';
      last = { label: '', detail: '' };
    },
  };
}
