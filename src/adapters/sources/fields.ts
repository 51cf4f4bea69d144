import { normalizeM49, type M49Area } from '../../domain/country.ts';
import { InputError, type InputLocation } from '../../domain/errors.ts';
import type { CountryRecord } from './records.ts';

/** Header names compare without regard to case, surrounding spaces or repeated spaces. */
export function headerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A file's header row, with lookups that name the missing column and the header's line in their error.
 * @example new Header(['Country Code', 'Year'], 1, 'f.csv').require('Value') // throws 'f.csv, line 1, field "Value": missing column "Value"'
 */
export class Header {
  private readonly index = new Map<string, number>();

  constructor(
    readonly names: readonly string[],
    readonly line: number,
    readonly file: string,
  ) {
    names.forEach((name, i) => {
      const key = headerKey(name);
      if (key !== '' && !this.index.has(key)) this.index.set(key, i);
    });
  }

  /** The position of the first of `aliases` present, or -1. */
  find(...aliases: string[]): number {
    for (const alias of aliases) {
      const i = this.index.get(headerKey(alias));
      if (i !== undefined) return i;
    }
    return -1;
  }

  /** The position of the column `name` (or one of its aliases); throws InputError when none is present. */
  require(name: string, ...aliases: string[]): number {
    const i = this.find(name, ...aliases);
    if (i < 0) {
      const also = aliases.length > 0 ? ` (or ${aliases.map((a) => `"${a}"`).join(', ')})` : '';
      throw new InputError(`missing column "${name}"${also}`, { file: this.file, line: this.line, field: name });
    }
    return i;
  }

  /** The header's name of column `i`, or "column N" when the header has no name there. */
  nameAt(i: number): string {
    const name = this.names[i]?.trim();
    return name ? name : `column ${i + 1}`;
  }
}

/** A cell of a ragged row: rows that stop early (spreadsheet exports drop trailing empty cells) read as empty. */
export function cell(fields: readonly string[], i: number): string {
  return i < 0 ? '' : (fields[i] ?? '').trim();
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * The number in a cell, or null for a missing value: an empty cell, or ".." as World Bank DataBank
 * exports write it. Anything else that is not a plain decimal number is an error, never zero or NaN.
 * @example numberCell('1.5E-3', { file: 'f.csv', line: 2, field: '2020' }) // 0.0015
 */
export function numberCell(text: string, where: InputLocation): number | null {
  // Millions of cells pass here: a clean cell starting with a digit or minus is taken by Number(),
  // which accepts exactly the decimal forms of NUMBER once radix prefixes (0x, 0b, 0o) are excluded.
  const n = text.length;
  if (n > 0) {
    const first = text.charCodeAt(0);
    if (((first >= 48 && first <= 57) || first === 45) && text.charCodeAt(n - 1) > 32) {
      const second = n > 1 ? text.charCodeAt(1) | 32 : 0;
      if (!(first === 48 && (second === 120 || second === 98 || second === 111))) {
        const v = +text;
        if (Number.isFinite(v)) return v;
      }
    }
  }
  const t = text.trim();
  if (t === '' || t === '..') return null;
  if (!NUMBER.test(t)) throw new InputError(`not a number: ${JSON.stringify(t)}`, where);
  const v = Number(t);
  if (!Number.isFinite(v)) throw new InputError(`number out of range: ${JSON.stringify(t)}`, where);
  return v;
}

/** The years a source file may plausibly hold; anything outside is a misplaced column, not history. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

/** The year in a cell or header ("2021", or "2021 [YR2021]" as DataBank writes year columns), or null. */
export function yearOf(text: string): number | null {
  const m = /^(\d{4})(?: \[YR\1\])?$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

/** The year in a cell; throws InputError when it is not a year between 1900 and 2100. */
export function yearCell(text: string, where: InputLocation): number {
  const year = yearOf(text);
  if (year === null) throw new InputError(`not a year: ${JSON.stringify(text.trim())}`, where);
  return year;
}

/** A year column of a wide file: its position, its year and its header as written (for messages). */
export interface YearColumn {
  index: number;
  year: number;
  name: string;
}

/**
 * The year columns of a wide header (World Bank, WITS), all columns but the `known` ones. Every other
 * named column is an error, so that a shifted or foreign header is reported instead of read as
 * years, and so is a year given twice, whose values would be ambiguous; unnamed columns come from a
 * trailing comma. `format` names the file's kind in the message ("World Bank", "WITS").
 * @example yearColumns(header, [iName, iCode], 'WITS') // [{ index: 2, year: 1988, name: '1988' }, …]
 */
export function yearColumns(header: Header, known: readonly number[], format: string): YearColumn[] {
  const cols: YearColumn[] = [];
  const seen = new Set<number>();
  header.names.forEach((raw, index) => {
    if (known.includes(index)) return;
    const name = raw.trim();
    if (name === '') return;
    const where = { file: header.file, line: header.line, field: name };
    const year = yearOf(name);
    if (year === null) throw new InputError(`column "${name}" is neither a year nor a ${format} column`, where);
    if (seen.has(year)) throw new InputError(`year ${year} appears twice in the header`, where);
    seen.add(year);
    cols.push({ index, year, name });
  });
  return cols;
}

const ENTITY = /^[A-Za-z0-9_]{2,16}$/;

/** A country or aggregate code as data files write them (ISO3, or World Bank codes like WLD, SSF, 1W). */
export function entityCell(text: string, where: InputLocation): string {
  const t = text.trim();
  if (t === '') throw new InputError('empty code', where);
  if (!ENTITY.test(t)) throw new InputError(`not a country or aggregate code: ${JSON.stringify(t)}`, where);
  return t;
}

/** The flag columns of UNSD files: "x" marks membership, an empty cell its absence. */
function flagCell(text: string, where: InputLocation): boolean {
  const t = text.trim().toLowerCase();
  if (t === '') return false;
  if (t === 'x') return true;
  throw new InputError(`expected "x" or an empty cell, found ${JSON.stringify(text.trim())}`, where);
}

/** An empty cell as null, anything else trimmed. */
export function optionalText(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : t;
}

/** The error for a file that ends before its header: the first required column is missing on line 1. */
export function noHeader(file: string, column: string): never {
  throw new InputError(`missing column "${column}": the file has no header row`, { file, line: 1, field: column });
}

/** An M49 area from its code and name columns; null when the code cell is empty (Antarctica has no region). */
function areaCell(fields: readonly string[], codeAt: number, nameAt: number, where: InputLocation): M49Area | null {
  const raw = cell(fields, codeAt);
  if (raw === '') return null;
  const code = normalizeM49(raw);
  if (code === null) throw new InputError(`not an M49 code: ${JSON.stringify(raw)}`, where);
  return { code, name: cell(fields, nameAt) };
}

/**
 * The English headers of the M49 region and category columns, which the UNSD table and
 * datasets/country-codes (built from it) both carry.
 */
const M49_AREA_COLUMNS = {
  regionCode: 'Region Code',
  regionName: 'Region Name',
  subregionCode: 'Sub-region Code',
  subregionName: 'Sub-region Name',
  intermediateCode: 'Intermediate Region Code',
  intermediateName: 'Intermediate Region Name',
  ldc: 'Least Developed Countries (LDC)',
  lldc: 'Land Locked Developing Countries (LLDC)',
  sids: 'Small Island Developing States (SIDS)',
} as const;

/** The positions of the M49 region and category columns in a header. */
export type M49AreaColumns = { [K in keyof typeof M49_AREA_COLUMNS]: number };

/** The M49 region and category columns of an English header; throws InputError naming the first missing. */
export function requireM49AreaColumns(header: Header): M49AreaColumns {
  const at = (key: keyof M49AreaColumns): number => header.require(M49_AREA_COLUMNS[key]);
  return {
    regionCode: at('regionCode'),
    regionName: at('regionName'),
    subregionCode: at('subregionCode'),
    subregionName: at('subregionName'),
    intermediateCode: at('intermediateCode'),
    intermediateName: at('intermediateName'),
    ldc: at('ldc'),
    lldc: at('lldc'),
    sids: at('sids'),
  };
}

/** A country's M49 regions and LDC / LLDC / SIDS flags from a row, errors naming the header's column. */
export function m49AreaFields(
  fields: readonly string[],
  line: number,
  header: Header,
  cols: M49AreaColumns,
): Pick<CountryRecord, 'region' | 'subregion' | 'intermediateRegion' | 'ldc' | 'lldc' | 'sids'> {
  const at = (i: number): InputLocation => ({ file: header.file, line, field: header.nameAt(i) });
  return {
    region: areaCell(fields, cols.regionCode, cols.regionName, at(cols.regionCode)),
    subregion: areaCell(fields, cols.subregionCode, cols.subregionName, at(cols.subregionCode)),
    intermediateRegion: areaCell(fields, cols.intermediateCode, cols.intermediateName, at(cols.intermediateCode)),
    ldc: flagCell(cell(fields, cols.ldc), at(cols.ldc)),
    lldc: flagCell(cell(fields, cols.lldc), at(cols.lldc)),
    sids: flagCell(cell(fields, cols.sids), at(cols.sids)),
  };
}

/**
 * Remembers the line of each row key seen (a country and year, an indicator and country) and refuses a
 * repeat, naming both lines: a file that gives the same figure twice is ambiguous, whichever value wins.
 * @example const once = new RowOnce(file); once.check(`${entity}|${year}`, line, 'Country Code', `${entity} in ${year}`);
 */
export class RowOnce {
  private readonly lines = new Map<string, number>();

  constructor(private readonly file: string) {}

  check(key: string, line: number, field: string, what: string): void {
    const first = this.lines.get(key);
    if (first !== undefined) {
      throw new InputError(`${what} is given again (first on line ${first})`, { file: this.file, line, field });
    }
    this.lines.set(key, line);
  }
}
