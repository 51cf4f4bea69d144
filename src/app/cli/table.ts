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
