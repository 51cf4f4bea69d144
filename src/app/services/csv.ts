/** A value of a CSV cell: numbers keep full precision, null and undefined leave the cell empty. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * One cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, quotes doubled.
 * @example csvCell('Bahamas, The') // '"Bahamas, The"'
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // A text a spreadsheet would run as a formula (=, +, -, @, tab, return first) is written with a leading
  // apostrophe, so a downloaded file never executes what someone typed into a group's name.
  if (/^[=+\-@\t\r]/.test(value)) value = `'${value}`;
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A table as CSV text: a header row, then one line per row, each ended by CRLF as RFC 4180 asks.
 * @example toCsv(['iso3', 'value'], [['NGA', 35.5]]) // 'iso3,value\r\nNGA,35.5\r\n'
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A table ready to download: its file name, column names and rows. */
export interface CsvTable {
  filename: string;
  header: readonly string[];
  rows: Iterable<readonly CsvCell[]>;
}

/** Keeps a file name to characters every file system and browser accepts. */
export function safeFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}
