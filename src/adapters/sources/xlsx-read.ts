import { strFromU8, unzipSync } from 'fflate';
import { InputError } from '../../domain/errors.ts';

/**
 * The first worksheet of an XLSX workbook as rows of text, row N of the sheet at index N - 1 (empty rows
 * kept empty), so that a line number in an error is the spreadsheet's row number. Shared strings, inline
 * strings, numbers and booleans are read; formulas by their cached value. Dates typed as dates are
 * serial numbers: the template asks for dates as text.
 */
export function readXlsxRows(bytes: Uint8Array, file: string): string[][] {
  let zip: Record<string, Uint8Array>;
  try {
    zip = unzipSync(bytes);
  } catch {
    throw new InputError('not an XLSX workbook (the file is not a zip archive)', { file });
  }
  const text = (name: string) => (zip[name] ? strFromU8(zip[name] as Uint8Array) : null);
  const workbook = text('xl/workbook.xml');
  if (workbook === null) throw new InputError('not an XLSX workbook (no xl/workbook.xml)', { file });
  const sheetPath = firstSheetPath(workbook, text('xl/_rels/workbook.xml.rels'));
  const sheet = text(sheetPath);
  if (sheet === null) throw new InputError(`the workbook has no worksheet ${sheetPath}`, { file });
  const shared = sharedStrings(text('xl/sharedStrings.xml'));
  const rows: string[][] = [];
  for (const row of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(/\br="(\d+)"/.exec(row[1] ?? '')?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : cells.length;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const body = c[2] ?? '';
      let value = '';
      if (type === 'inlineStr') value = textRuns(body);
      else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        if (v !== undefined) value = type === 's' ? (shared[Number(v)] ?? '') : type === 'b' ? (v === '1' ? 'TRUE' : 'FALSE') : unescapeXml(v);
      }
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    while (rows.length < r - 1) rows.push([]);
    rows[r - 1] = cells;
  }
  return rows;
}

/** Rows as CSV text, one line per row (line breaks inside a cell become spaces, so line numbers stay the rows'). */
export function rowsToCsv(rows: readonly (readonly string[])[]): string {
  const quote = (v: string) => {
    const flat = v.replace(/\r\n|\r|\n/g, ' ');
    return /[",]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
  };
  return rows.map((r) => r.map(quote).join(',')).join('\n');
}

function firstSheetPath(workbook: string, rels: string | null): string {
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  if (rid && rels) {
    for (const rel of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const attrs = rel[1] ?? '';
      if (/\bId="([^"]+)"/.exec(attrs)?.[1] !== rid) continue;
      const target = /\bTarget="([^"]+)"/.exec(attrs)?.[1] ?? '';
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }
  return 'xl/worksheets/sheet1.xml';
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textRuns(m[1] ?? ''));
}

function textRuns(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
