import { toCsv, type CsvCell } from '../services/csv.ts';

export interface TableOptions {
  /** Columns aligned right whatever they hold. */
  right?: ReadonlySet<number>;
  /**
   * Whether a cell reads as a number; a column whose cells all do is aligned right. By default: digits with
   * `.` and `,`, an optional leading `-`, or nothing (a missing value).
   */
  isNumber?: (cell: string) => boolean;
  /** The character the rule under the header is drawn with; `-` by default. */
  rule?: string;
}

const PLAIN_NUMBER = /^-?[\d.,]*$/;

/**
 * Aligns rows into columns for a terminal; numbers (and the columns listed in `right`) align right.
 * @example formatTable(['code', 'n'], [['WLD', '217']]) // 'code    n\n----  ---\nWLD   217'
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const { right = new Set<number>(), isNumber = (cell: string) => PLAIN_NUMBER.test(cell), rule = '-' } = options;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => right.has(i) || (rows.length > 0 && rows.every((r) => isNumber(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => rule.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A cell as the commands print it: text, a number, or nothing. */
export type Cell = string | number | null;

/**
 * Writes rows as an aligned table (numbers to ten significant digits, nothing for a missing value) or as CSV.
 * @example print(process.stdout, 'table', ['id', 'members'], [['LDC', 44]])
 */
export function print(out: { write(text: string): unknown }, format: 'table' | 'csv', header: string[], rows: Cell[][]): void {
  if (format === 'csv') {
    out.write(toCsv(header, rows));
    return;
  }
  const text = rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' ? String(Number(c.toPrecision(10))) : c)));
  out.write(`${formatTable(header, text)}\n`);
}

/** Cells as print takes them: true and false as words, undefined as nothing. */
const printable = (rows: readonly (readonly CsvCell[])[]): Cell[][] => rows.map((r) => r.map((c) => (c === undefined ? null : typeof c === 'boolean' ? String(c) : c)));

/**
 * Writes a download's table: on a terminal, only the named columns; as CSV, every column (assumptions and vintages included).
 * @example printColumns(process.stdout, 'table', coverageTable(coverage, nameOf), ['reporter', 'first_year'])
 */
export function printColumns(
  out: { write(text: string): unknown },
  format: 'table' | 'csv',
  table: { header: string[]; rows: readonly (readonly CsvCell[])[] },
  columns: readonly string[],
): void {
  if (format === 'csv') {
    print(out, format, table.header, printable(table.rows));
    return;
  }
  const index = columns.map((c) => table.header.indexOf(c));
  print(out, format, [...columns], printable(table.rows.map((r) => index.map((i) => r[i]))));
}
