import { indexFramework } from '../framework/framework-index.js';
import type { Framework } from '../framework/framework.schema.js';
import { checkRecord, type RecordContext } from './check-record.js';
import { createCsvParser, type CsvError, type CsvRecord } from './csv.js';
import type { GroupedResult, LevelSummary, ResultSummary } from './grouped-result.js';
import { type CsvColumns, readCsvHeader } from './results-csv.js';

/** Options of {@link importResults} and {@link readResults}. */
export interface ImportOptions {
  /** `jsonl`: one `{ "result": …, "group": …, "trainings"?: […] }` per line; `csv`: see `docs/cohort-privacy.md`. */
  format: 'jsonl' | 'csv';
  /** Required for CSV (it gives the competences' domains); checks ids and the framework of every record. */
  framework?: Framework;
  /** CSV separator: `,`, `;` or `auto` (default). */
  separator?: ',' | ';' | 'auto';
  /** CSV: the columns that are group fields; by default every column that is not a result column. */
  groupColumns?: readonly string[];
}

/** A line that was not imported, and why (`path` inside the record, when known). */
export interface ImportError {
  line: number;
  path?: string;
  message: string;
}

/** What {@link importResults} returns: every good record, and an error per problem of the bad lines. */
export interface ImportResult {
  records: GroupedResult[];
  errors: ImportError[];
}

/** Turns lines of JSON or CSV into checked records; one instance per input. */
class RecordReader {
  private readonly context: RecordContext;
  private columns: CsvColumns | undefined;
  private fatal = false;
  private jsonLine = 0;
  private jsonRest = '';
  private readonly csv;

  constructor(
    private readonly options: ImportOptions,
    private readonly onError: (error: ImportError) => void,
  ) {
    const { framework } = options;
    this.context = {
      groupBy: [],
      framework: framework ? { id: framework.id, version: framework.version } : null,
      ...(framework ? { index: indexFramework(framework) } : {}),
      competences: new Map(),
      stamp: 0,
      scopes: new Int32Array(64),
      recent: { ids: [], entries: [] },
    };
    this.csv = options.format === 'csv' ? createCsvParser({ separator: options.separator ?? 'auto', restoreNeutralized: true }) : undefined;
    if (options.format === 'csv' && !framework) this.stop('importing CSV needs the `framework` option (it gives each competence its domain)');
    else if (options.format !== 'csv' && options.format !== 'jsonl') this.stop(`expected the format "jsonl" or "csv", found ${JSON.stringify(options.format)}`);
  }

  /** Reports a problem that makes every line unreadable (options, CSV header) and stops reading. */
  private stop(message: string, line = 1): void {
    this.fatal = true;
    this.onError({ line, message });
  }

  /** Feeds a chunk of text; returns the good records it completes. */
  push(chunk: string): GroupedResult[] {
    const out: GroupedResult[] = [];
    if (this.fatal) return out;
    if (this.csv) for (const item of this.csv.push(chunk)) this.csvItem(item, out);
    else {
      const text = this.jsonRest + chunk;
      const lines = text.split('\n');
      this.jsonRest = lines.pop()!;
      for (const line of lines) this.jsonItem(line, out);
    }
    return out;
  }

  end(): GroupedResult[] {
    const out: GroupedResult[] = [];
    if (this.fatal) return out;
    if (this.csv) {
      for (const item of this.csv.end()) this.csvItem(item, out);
      if (this.columns === undefined && !this.fatal) this.stop('expected a header line, found an empty text');
    } else if (this.jsonRest !== '') this.jsonItem(this.jsonRest, out);
    this.jsonRest = '';
    return out;
  }

  private accept(record: unknown, line: number, out: GroupedResult[]): void {
    const problems: ImportError[] = [];
    if (checkRecord(record, this.context, (path, message) => problems.push({ line, path, message }))) {
      this.context.framework ??= { ...record.result.framework };
      out.push(record);
    } else for (const problem of problems) this.onError(problem);
  }

  private jsonItem(raw: string, out: GroupedResult[]): void {
    const line = ++this.jsonLine;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.onError({ line, message: `expected a JSON object, found text that does not parse (${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    this.accept(value, line, out);
  }

  private csvItem(item: CsvRecord | CsvError, out: GroupedResult[]): void {
    if (this.fatal) return;
    if (!('cells' in item)) {
      if (this.columns === undefined) this.stop(`the header line cannot be read: ${item.message}`, item.line);
      else this.onError(item);
      return;
    }
    if (this.columns === undefined) {
      const header = readCsvHeader(item.cells, this.options.framework!, this.options.groupColumns);
      if (Array.isArray(header)) for (const message of header) this.stop(`header: ${message}`, item.line);
      else this.columns = header;
      return;
    }
    const { cells, line } = item;
    const columns = this.columns;
    if (cells.length !== columns.count) {
      this.onError({ line, message: `expected ${columns.count} cells as in the header, found ${cells.length}` });
      return;
    }
    const framework = this.options.framework!;
    const level = (levelCell: string, seCell: string): LevelSummary => ({ level: number(levelCell) as number, levelSe: number(seCell) as number });
    const group: Record<string, string> = {};
    for (const [field, c] of columns.group) if (cells[c] !== '') group[field] = cells[c]!;
    const domains: (LevelSummary & { id: string })[] = [];
    for (const { id, level: l, se } of columns.domains) if (cells[l] !== '' || cells[se] !== '') domains.push({ id, ...level(cells[l]!, cells[se]!) });
    const competences: (LevelSummary & { id: string; domain: string })[] = [];
    for (const { id, domain, level: l, se } of columns.competences) {
      if (cells[l] !== '' || cells[se] !== '') competences.push({ id, domain, ...level(cells[l]!, cells[se]!) });
    }
    const result: ResultSummary = {
      framework: {
        id: columns.framework !== undefined ? cells[columns.framework]! : framework.id,
        version: columns.frameworkVersion !== undefined ? cells[columns.frameworkVersion]! : framework.version,
      },
      complete: true,
      overall: level(cells[columns.overall.level]!, cells[columns.overall.se]!),
      domains,
      competences,
    };
    const trainings = columns.trainings !== undefined ? cells[columns.trainings]!.split(/[\s|]+/).filter((id) => id !== '') : [];
    this.accept({ result, group, ...(trainings.length > 0 ? { trainings } : {}) }, line, out);
  }
}

/** A number from a CSV cell (`.` or `,` decimal mark), or the cell itself when it is not one (so the check can say what it found). */
function number(cell: string): number | string | undefined {
  if (cell === '') return undefined;
  const value = Number(cell.trim().replace(',', '.'));
  return Number.isFinite(value) ? value : cell;
}

/**
 * Imports results from JSON lines or CSV text. Each line is parsed and checked on its own: good
 * records are kept, and every problem of a bad line is reported with its line number (and path).
 * A CSV header that cannot be read stops the import (all lines would be wrong), reported on line 1.
 *
 * @example
 * ```ts
 * import { aggregateResults, importResults } from '@jauge/core';
 * import { framework } from '@jauge/core/reference';
 * declare const text: string; // a CSV export
 * const { records, errors } = importResults(text, { format: 'csv', framework });
 * for (const error of errors) console.warn(`ligne ${error.line} : ${error.message}`);
 * const map = aggregateResults(records, { groupBy: ['direction', 'service'] });
 * ```
 */
export function importResults(text: string, options: ImportOptions): ImportResult {
  const errors: ImportError[] = [];
  const reader = new RecordReader(options, (error) => errors.push(error));
  const records = [...reader.push(text), ...reader.end()];
  return { records, errors };
}

/**
 * Reads results from a stream of text chunks (a Node `fs.createReadStream(path, 'utf8')`, a fetch
 * body decoded to text…), yielding good records as they complete; feed it straight to
 * {@link aggregateResults} to aggregate a file of any size in bounded memory.
 */
export async function* readResults(
  chunks: Iterable<string> | AsyncIterable<string>,
  options: ImportOptions & { onError?: (error: ImportError) => void },
): AsyncGenerator<GroupedResult> {
  const reader = new RecordReader(options, options.onError ?? (() => {}));
  for await (const chunk of chunks) {
    // A Buffer cut between the bytes of one character would be decoded wrongly: ask for text.
    if (typeof chunk !== 'string') throw new TypeError('readResults expects text chunks: open the stream with an encoding, e.g. createReadStream(path, "utf8")');
    yield* reader.push(chunk);
  }
  yield* reader.end();
}
