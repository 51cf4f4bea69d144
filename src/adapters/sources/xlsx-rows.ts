import { strFromU8, unzipSync } from 'fflate';
import { InputError } from '../../domain/errors.ts';

/**
 * The rows of a workbook's first worksheet as text, row by row from row 1 (an empty row is an empty
 * array), so that a row's index + 1 is the row number the spreadsheet shows. Reads shared strings, inline
 * strings, numbers and booleans; a formula's cached value is read as its value. Enough for the templates
 * the Observatory gives out, filled in with Excel, LibreOffice or Google Sheets.
 */
export function xlsxRows(bytes: Uint8Array, file: string): string[][] {
  let zip: Record<string, Uint8Array>;
  try {
    zip = unzipSync(bytes);
  } catch (error) {
    throw new InputError(`not a workbook (.xlsx): ${String(error instanceof Error ? error.message : error)}`, { file });
  }
  const text = (name: string) => (zip[name] ? strFromU8(zip[name]) : null);
  const sheetPath = firstSheet(text);
  const sheet = sheetPath === null ? null : text(sheetPath);
  if (sheet === null) throw new InputError('not a workbook (.xlsx): no worksheet found', { file });
  const shared = sharedStrings(text('xl/sharedStrings.xml'));
  const rows: string[][] = [];
  for (const m of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = /\br="(\d+)"/.exec(m[1] ?? '');
    const index = r ? Number(r[1]) - 1 : rows.length;
    const cells: string[] = [];
    let next = 0;
    for (const c of (m[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs);
      const col = ref ? columnIndex(ref[1] ?? 'A') : next;
      next = col + 1;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const body = c[2] ?? '';
      let value = '';
      if (type === 's') value = shared[Number(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? -1)] ?? '';
      else if (type === 'inlineStr') value = textRuns(body);
      else if (type === 'b') value = /<v>1<\/v>/.test(body) ? 'TRUE' : 'FALSE';
      else value = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    while (rows.length < index) rows.push([]);
    rows[index] = cells;
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

function firstSheet(text: (name: string) => string | null): string | null {
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const rid = workbook ? /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1] : undefined;
  if (rid && rels) {
    for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const attrs = m[1] ?? '';
      if (new RegExp(`\\bId="${rid}"`).test(attrs)) {
        const target = /\bTarget="([^"]+)"/.exec(attrs)?.[1];
        if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      }
    }
  }
  return text('xl/worksheets/sheet1.xml') === null ? null : 'xl/worksheets/sheet1.xml';
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  return [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((m) => textRuns(m[1] ?? ''));
}

/** The text of a string item: its <t> runs joined, phonetic runs (<rPh>) left out. */
function textRuns(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return [...withoutPhonetic.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A1 column letters → zero-based index: A → 0, AA → 26. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
