// `jauge` — command-line tool for content authors.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { catalogue, framework, profiles } from '../reference/index.js';
import { MAX_JSON_TEXT_LENGTH } from '../framework/validate.js';
import { type ContentFile, validateFiles } from './validate-files.js';
import { CALIBRATE_HELP, calibrateCommand } from './calibrate.js';
import { CMI5_HELP, SCORM_HELP, scormCommand } from './scorm.js';

const HELP = `Usage: jauge validate <files…>
       jauge calibrate <answers.jsonl> --bank <items.json> --out <items.calibrated.json>
       jauge scorm [--out jauge-scorm.zip] [--title "…"] [options]
       jauge cmi5 [--out jauge-cmi5.zip] [--title "…"] [options]

Validates Jauge content files (framework, item bank, catalogue, target profiles, rules, stages)
together, prints every problem with its file and path, then a summary of the content.
Files that refer to a framework are checked against the framework among the files given,
or against the shipped reference framework.

Exit codes: 0 valid, 1 problems found, 2 usage error.

${CALIBRATE_HELP}

${SCORM_HELP}

${CMI5_HELP}`;

function main(argv: string[]): number | Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command ? 0 : 2;
  }
  if (command === 'calibrate') return calibrateCommand(args, { stdout: process.stdout, stderr: process.stderr });
  if (command === 'scorm') return scormCommand(args, { stdout: process.stdout, stderr: process.stderr });
  if (command === 'cmi5') return scormCommand(args, { stdout: process.stdout, stderr: process.stderr }, 'cmi5');
  if (command !== 'validate') {
    process.stderr.write(`Unknown command "${command}".\n\n${HELP}\n`);
    return 2;
  }
  if (args.length === 0) {
    process.stderr.write(`jauge validate: give at least one file.\n\n${HELP}\n`);
    return 2;
  }
  const files: ContentFile[] = [];
  const unreadable: string[] = [];
  for (const path of args) {
    try {
      const size = statSync(path).size;
      if (size > MAX_JSON_TEXT_LENGTH) {
        unreadable.push(`✗ ${path}\n    (root): expected at most ${MAX_JSON_TEXT_LENGTH / 1024 / 1024} MB of JSON, found ${(size / 1024 / 1024).toFixed(1)} MB`);
        continue;
      }
      files.push({ name: path, text: readFileSync(path, 'utf8') });
    } catch (error) {
      unreadable.push(`✗ ${path}\n    (root): cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  const report = validateFiles(files, { framework, catalogue, profiles });
  const out: string[] = [...unreadable];
  for (const file of report.files) {
    if (file.issues.length === 0) out.push(`✓ ${file.name} — ${file.kind}${file.summary ? `: ${file.summary}` : ''}`);
    else {
      out.push(`✗ ${file.name} — ${file.kind}: ${file.issues.length} problem${file.issues.length === 1 ? '' : 's'}`);
      for (const issue of file.issues) out.push(`    ${basename(file.name)}: ${issue.path || '(root)'}: ${issue.message}`);
    }
  }
  if (report.summary.length > 0) out.push('', ...report.summary);
  const problems = unreadable.length + report.files.reduce((n, file) => n + file.issues.length, 0);
  out.push('', problems === 0 ? 'All files are valid.' : `${problems} problem${problems === 1 ? '' : 's'} found.`);
  process.stdout.write(`${out.join('\n')}\n`);
  return problems === 0 ? 0 : 1;
}

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
