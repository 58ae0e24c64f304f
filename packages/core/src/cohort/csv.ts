/**
 * A small RFC 4180 CSV writer and parser (UTF-8 text, CRLF records, `"` quoting with doubled
 * quotes), with the two things French spreadsheet users need: a `;` separator and a UTF-8 BOM so
 * that Excel reads accents, and neutralisation of cells that a spreadsheet would run as a formula.
 */

/** A value of a CSV cell: numbers are written as numbers, `null` / `undefined` as an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/** Options of {@link writeCsv}. */
export interface CsvWriteOptions {
  /** `,` (RFC 4180, default) or `;` (what French Excel and LibreOffice expect). */
  separator?: ',' | ';';
  /** Decimal mark of numbers. Defaults to `,` with the `;` separator, `.` otherwise. */
  decimal?: '.' | ',';
  /** Start with a UTF-8 byte order mark, so that Excel detects UTF-8. Defaults to false. */
  bom?: boolean;
  /**
   * Prefix with `'` every text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
   * (after any apostrophes), so that no spreadsheet runs it as a formula (CSV injection, OWASP).
   * Numbers are never prefixed. Defaults to true.
   */
  neutralizeFormulas?: boolean;
  /** Record separator. Defaults to CRLF (RFC 4180). */
  newline?: '\r\n' | '\n';
}

// A cell a spreadsheet could take for a formula, possibly behind apostrophes already there: the
// prefix is added to those too, so that removing exactly one apostrophe restores any cell.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALIZED = /^'+[=+\-@\t\r]/;

/** Formats one cell: neutralised, then quoted if it holds the separator, a quote, CR or LF. */
export function formatCsvCell(value: CsvValue, options: CsvWriteOptions = {}): string {
  const { separator = ',', neutralizeFormulas = true } = options;
  const decimal = options.decimal ?? (separator === ';' ? ',' : '.');
  let text: string;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    text = decimal === ',' ? String(value).replace('.', ',') : String(value);
  } else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else {
    text = value;
    if (neutralizeFormulas && FORMULA_START.test(text)) text = `'${text}`;
  }
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as CSV text (RFC 4180; `;` and BOM options for French spreadsheets; formula
 * neutralisation on by default).
 *
 * @example
 * ```ts
 * import { writeCsv } from '@jauge/core';
 * writeCsv([['service', 'agents'], ['=HYPERLINK("x")', 12]], { separator: ';', bom: true });
 * // '\uFEFFservice;agents\r\n"\'=HYPERLINK(""x"")";12\r\n'
 * ```
 */
export function writeCsv(rows: Iterable<readonly CsvValue[]>, options: CsvWriteOptions = {}): string {
  const { separator = ',', bom = false, newline = '\r\n' } = options;
  let out = bom ? '\uFEFF' : '';
  for (const row of rows) out += row.map((value) => formatCsvCell(value, options)).join(separator) + newline;
  return out;
}

/** A parsed record: its cells and the (1-based) line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A record that could not be parsed, and why. */
export interface CsvError {
  line: number;
  message: string;
}

/** Options of {@link parseCsv} and {@link createCsvParser}. */
export interface CsvParseOptions {
  /** `,`, `;`, or `auto` (default): the one more frequent outside quotes on the first line. */
  separator?: ',' | ';' | 'auto';
  /** Remove the `'` that {@link writeCsv} put before a formula-like cell. Defaults to false. */
  restoreNeutralized?: boolean;
}

/** An incremental CSV parser: feed it chunks of text, get the complete records back. */
export interface CsvParser {
  push(chunk: string): (CsvRecord | CsvError)[];
  end(): (CsvRecord | CsvError)[];
  /** The separator in use (`undefined` while `auto` has not seen the first line). */
  readonly separator: ',' | ';' | undefined;
}

/**
 * Creates an incremental RFC 4180 parser. Accepts CRLF, LF or CR line ends and quoted fields
 * spanning lines; skips a leading BOM and blank lines. A malformed record (a quote inside an
 * unquoted field, text after a closing quote, an unterminated quote) becomes a {@link CsvError}
 * for its first line, and parsing goes on with the next record.
 */
export function createCsvParser(options: CsvParseOptions = {}): CsvParser {
  const restore = options.restoreNeutralized ?? false;
  let separator: ',' | ';' | undefined = options.separator === ',' || options.separator === ';' ? options.separator : undefined;
  let pending = ''; // text held back while `auto` waits for the end of the first line
  let started = false;
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let field = '';
  let state: 'start' | 'unquoted' | 'quoted' | 'quote' | 'error' = 'start';
  let error = '';
  let skipLf = false;
  let crInQuotes = false;
  let fieldTouched = false;

  const finishField = () => {
    cells.push(restore && NEUTRALIZED.test(field) ? field.slice(1) : field);
    field = '';
    fieldTouched = false;
  };
  const finishRecord = (out: (CsvRecord | CsvError)[]) => {
    if (state === 'error') out.push({ line: recordLine, message: error });
    else {
      const blank = cells.length === 0 && !fieldTouched;
      finishField();
      if (!blank) out.push({ line: recordLine, cells });
    }
    cells = [];
    field = '';
    fieldTouched = false;
    state = 'start';
    recordLine = line;
  };
  const detect = (text: string): ',' | ';' => {
    let commas = 0;
    let semicolons = 0;
    let quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) break;
      else if (!quoted && ch === ',') commas++;
      else if (!quoted && ch === ';') semicolons++;
    }
    return semicolons > commas ? ';' : ',';
  };
  const run = (text: string, out: (CsvRecord | CsvError)[]) => {
    const sep = separator!;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (skipLf) {
        skipLf = false;
        if (ch === '\n') continue;
      }
      if (state === 'quoted') {
        if (ch === '"') state = 'quote';
        else {
          if (ch === '\r' || (ch === '\n' && !crInQuotes)) line++;
          field += ch;
        }
        crInQuotes = ch === '\r';
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        line++;
        if (ch === '\r') skipLf = true;
        finishRecord(out);
        continue;
      }
      if (state === 'error') continue;
      if (state === 'quote') {
        if (ch === '"') {
          field += '"';
          state = 'quoted';
        } else if (ch === sep) {
          finishField();
          state = 'start';
        } else {
          state = 'error';
          error = `unexpected ${JSON.stringify(ch)} after a closing quote (a quote inside a quoted field is written "")`;
        }
        continue;
      }
      if (ch === sep) {
        finishField();
        state = 'start';
      } else if (ch === '"') {
        if (state === 'start') {
          state = 'quoted';
          fieldTouched = true;
        } else {
          state = 'error';
          error = 'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b""")';
        }
      } else {
        // Unquoted text: take the run up to the next special character in one slice.
        let j = i + 1;
        while (j < text.length) {
          const c = text[j]!;
          if (c === sep || c === '"' || c === '\r' || c === '\n') break;
          j++;
        }
        field += text.slice(i, j);
        fieldTouched = true;
        state = 'unquoted';
        i = j - 1;
      }
    }
  };
  const feed = (chunk: string, out: (CsvRecord | CsvError)[]) => {
    if (!started) {
      pending += chunk;
      if (pending.length === 0) return;
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
      if (separator === undefined) {
        // Wait for a complete first line (outside quotes) before choosing the separator.
        let quoted = false;
        let complete = false;
        for (const ch of pending) {
          if (ch === '"') quoted = !quoted;
          else if (!quoted && (ch === '\n' || ch === '\r')) {
            complete = true;
            break;
          }
        }
        if (!complete) return;
        separator = detect(pending);
      }
      started = true;
      const text = pending;
      pending = '';
      run(text, out);
      return;
    }
    run(chunk, out);
  };
  return {
    push(chunk: string) {
      const out: (CsvRecord | CsvError)[] = [];
      feed(chunk, out);
      return out;
    },
    end() {
      const out: (CsvRecord | CsvError)[] = [];
      if (!started) {
        if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
        separator ??= detect(pending);
        started = true;
        const text = pending;
        pending = '';
        run(text, out);
      }
      if (state === 'quoted') {
        state = 'error';
        error = 'a quoted field is not closed before the end of the text';
      }
      if (state !== 'start' || cells.length > 0 || fieldTouched) finishRecord(out);
      return out;
    },
    get separator() {
      return separator;
    },
  };
}

/**
 * Parses CSV text (see {@link createCsvParser}): the good records with their line numbers, and one
 * error per malformed record.
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): { rows: CsvRecord[]; errors: CsvError[]; separator: ',' | ';' } {
  const parser = createCsvParser(options);
  const rows: CsvRecord[] = [];
  const errors: CsvError[] = [];
  for (const item of [...parser.push(text), ...parser.end()]) {
    if ('cells' in item) rows.push(item);
    else errors.push(item);
  }
  return { rows, errors, separator: parser.separator ?? ',' };
}
