/**
 * Aligns rows into columns for a terminal; numbers (and the columns listed in `right`) align right.
 * @example formatTable(['code', 'n'], [['WLD', '217']]) // 'code  n\n----  ---\nWLD   217'
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => right.has(i) || (rows.length > 0 && rows.every((r) => /^-?[\d.,]*$/.test(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
