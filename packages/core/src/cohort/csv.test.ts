import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser, formatCsvCell, parseCsv, writeCsv } from './csv.js';

// Cells an attacker or a careless export would produce: formulas, quotes, both separators, line
// breaks of every kind, apostrophes, tabs, accents, emoji, and the empty cell.
const hostile = fc.oneof(
  fc.constantFrom('=HYPERLINK("http://evil.example","clic")', '+33 1 23 45 67 89', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '\t=1+1', '\r=1', "'=déjà", "''+x", '"', '""', ';', ',', '\r\n', '\n', '\r', '', ' ', 'Élise ; « guillemets »', '👩‍💻'),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '"', "'", ',', ';', '\r', '\n', '\t', 'a', 'é', ' ') }),
  fc.string({ unit: 'grapheme' }),
);
const table = fc.array(fc.array(hostile, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

describe('writeCsv / parseCsv', () => {
  it('round-trips any table of hostile text cells, with either separator, BOM or not (property-based)', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(',' as const, ';' as const), fc.boolean(), fc.constantFrom('\r\n' as const, '\n' as const), (rows, separator, bom, newline) => {
        const text = writeCsv(rows, { separator, bom, newline });
        const parsed = parseCsv(text, { separator, restoreNeutralized: true });
        expect(parsed.errors).toEqual([]);
        // A row made of one empty cell is a blank line, which a CSV reader skips by design.
        expect(parsed.rows.map((r) => r.cells)).toEqual(rows.filter((r) => !(r.length === 1 && r[0] === '')));
      }),
    );
  });

  it('never lets a written cell start with a formula character', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const parsed = parseCsv(writeCsv(rows), { separator: ',' });
        for (const row of parsed.rows) for (const cell of row.cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('neutralises formulas, quotes what must be quoted, and writes numbers as numbers', () => {
    expect(writeCsv([['=1+1', '+33', '-x', '@a', '\tb', 'ok', "'=x"], [-1.5, 2, null, undefined, true]])).toBe("'=1+1,'+33,'-x,'@a,'\tb,ok,''=x\r\n-1.5,2,,,true\r\n");
    expect(formatCsvCell('a;b', { separator: ';' })).toBe('"a;b"');
    expect(formatCsvCell('a;b', { separator: ',' })).toBe('a;b');
    expect(formatCsvCell('say "hi"\r\n')).toBe('"say ""hi""\r\n"');
    expect(formatCsvCell('=x', { neutralizeFormulas: false })).toBe('=x');
    expect(formatCsvCell(3.25, { separator: ';' })).toBe('3,25');
    expect(writeCsv([['é']], { bom: true, separator: ';' })).toBe('\uFEFFé\r\n');
  });

  it('reports malformed records with their line and keeps the good ones', () => {
    const text = 'a,b\r\n1,"2\r\nsuite"\r\nx"y,3\r\n"ok",4\r\n"a"b,5\r\n\r\nlast,6\r\n"open,7\r\nno end';
    const { rows, errors } = parseCsv(text);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2\r\nsuite'] },
      { line: 5, cells: ['ok', '4'] },
      { line: 8, cells: ['last', '6'] },
    ]);
    expect(errors).toEqual([
      { line: 4, message: 'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b""")' },
      { line: 6, message: 'unexpected "b" after a closing quote (a quote inside a quoted field is written "")' },
      { line: 9, message: 'a quoted field is not closed before the end of the text' },
    ]);
  });

  it('detects the separator and skips the BOM', () => {
    expect(parseCsv('\uFEFFservice;agents\r\n"a;b";3\r\n')).toMatchObject({ separator: ';', rows: [{ cells: ['service', 'agents'] }, { cells: ['a;b', '3'] }] });
    expect(parseCsv('a,b;c\n').separator).toBe(',');
  });

  it('parses the same records whatever the chunking (streaming)', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const text = writeCsv(rows, { separator: ';', bom: true });
        const whole = parseCsv(text, { separator: 'auto' });
        const parser = createCsvParser();
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const items = [];
        let from = 0;
        for (const point of [...points, text.length]) {
          items.push(...parser.push(text.slice(from, point)));
          from = point;
        }
        items.push(...parser.end());
        expect(items).toEqual([...whole.rows, ...whole.errors].sort((a, b) => a.line - b.line));
      }),
    );
  });
});
