import { isIso2, isIso3, normalizeM49 } from '../../domain/country.ts';
import { InputError, type InputLocation } from '../../domain/errors.ts';
import type { Localized } from '../../domain/lang.ts';
import { Batcher, type BatchOptions } from './batches.ts';
import { readCsvBatches, type Chunks } from './csv.ts';
import { cell, Header, headerKey, m49AreaFields, noHeader, requireM49AreaColumns, type M49AreaColumns } from './fields.ts';
import type { CountryRecord } from './records.ts';

/** The languages UNSD publishes the M49 table in that the Observatory speaks. */
export type M49Lang = 'en' | 'fr' | 'es';

/**
 * A country of the M49 table. Only the file's language is named: the English file gives `names.en`,
 * the French one `names.fr`; the importer merges the files by ISO3.
 */
export interface M49Record extends Omit<CountryRecord, 'names'> {
  names: Partial<Localized>;
}

export interface M49Options extends BatchOptions {
  /** "," or ";" (UNSD's own download); "auto" (the default) tells them apart from the header line. */
  delimiter?: ',' | ';' | 'auto';
  /** The file's language when its header is not English; guessed from the header words otherwise. */
  lang?: M49Lang;
}

export interface M49Summary {
  lang: M49Lang;
  rows: number;
  countries: number;
  /** Areas without an ISO 3166 code (Sark, in some editions), which cannot be countries here. */
  skipped: { line: number; name: string }[];
}

/** Positions in the UNSD table, which keeps its column order in every language. */
const POS = {
  regionCode: 2,
  regionName: 3,
  subregionCode: 4,
  subregionName: 5,
  intermediateCode: 6,
  intermediateName: 7,
  name: 8,
  m49: 9,
  iso2: 10,
  iso3: 11,
  ldc: 12,
  lldc: 13,
  sids: 14,
} as const;

type Columns = M49AreaColumns & { name: number; m49: number; iso2: number; iso3: number };

/**
 * Reads the UNSD "Standard country or area codes for statistical use (M49)" CSV, comma- or
 * semicolon-separated, in English, French or Spanish, into countries with their M49 regions and the
 * LDC / LLDC / SIDS flags.
 * @example const { records } = await collect(readM49(fileChunks(p), p));
 */
export async function* readM49(
  input: Chunks,
  file: string,
  options: M49Options = {},
): AsyncGenerator<M49Record[], M49Summary> {
  const batches = new Batcher<M49Record>(options);
  const summary: M49Summary = { lang: options.lang ?? 'en', rows: 0, countries: 0, skipped: [] };
  let cols: Columns | null = null;
  let header: Header | null = null;

  for await (const rows of readCsvBatches(input, file, { delimiter: options.delimiter ?? 'auto' })) {
    for (const { line, fields } of rows) {
      if (header === null || cols === null) {
        header = new Header(fields, line, file);
        const found = columnsOf(header, options.lang);
        cols = found.cols;
        summary.lang = found.lang;
        continue;
      }
      summary.rows++;
      const record = toRecord(fields, line, header, cols, summary.lang);
      if (typeof record === 'string') {
        summary.skipped.push({ line, name: record });
        continue;
      }
      summary.countries++;
      const full = batches.push(record);
      if (full) yield full;
    }
  }
  if (header === null) noHeader(file, 'ISO-alpha3 Code');
  const rest = batches.rest();
  if (rest) yield rest;
  return summary;
}

/** The record of a row, or the row's name when it has no ISO3 code. */
function toRecord(fields: readonly string[], line: number, header: Header, cols: Columns, lang: M49Lang): M49Record | string {
  const at = (field: keyof Columns): InputLocation => ({ file: header.file, line, field: header.nameAt(cols[field]) });
  const name = cell(fields, cols.name);
  const iso3 = cell(fields, cols.iso3);
  if (iso3 === '') return name;
  if (!isIso3(iso3)) throw new InputError(`not an ISO 3166 alpha-3 code: ${JSON.stringify(iso3)}`, at('iso3'));
  const iso2 = cell(fields, cols.iso2);
  if (iso2 !== '' && !isIso2(iso2)) throw new InputError(`not an ISO 3166 alpha-2 code: ${JSON.stringify(iso2)}`, at('iso2'));
  const m49 = normalizeM49(cell(fields, cols.m49));
  if (m49 === null) throw new InputError(`not an M49 code: ${JSON.stringify(cell(fields, cols.m49))}`, at('m49'));
  if (name === '') throw new InputError('empty name', at('name'));
  const names: Partial<Localized> = {};
  names[lang] = name;
  return {
    iso3,
    iso2: iso2 === '' ? null : iso2,
    m49,
    names,
    ...m49AreaFields(fields, line, header, cols),
    line,
  };
}

/**
 * Finds the columns: by name in the English table; by position in the French and Spanish ones, whose
 * headers UNSD translates but whose order it keeps. The position reading is checked against the
 * columns whose headers carry a language-independent token (M49, ISO alpha codes) so that a foreign
 * table is refused rather than misread.
 */
function columnsOf(header: Header, lang: M49Lang | undefined): { cols: Columns; lang: M49Lang } {
  const english = header.find('Country or Area') >= 0;
  if (english && lang !== undefined && lang !== 'en') {
    throw new InputError(`the header is in English, but the file was given as "${lang}"`, { file: header.file, line: header.line });
  }
  if (english) {
    const cols: Columns = {
      ...requireM49AreaColumns(header),
      name: header.require('Country or Area'),
      m49: header.require('M49 Code'),
      iso2: header.require('ISO-alpha2 Code'),
      iso3: header.require('ISO-alpha3 Code'),
    };
    return { cols, lang: 'en' };
  }

  const detected = lang ?? guessLang(header);
  if (detected === null || detected === 'en') header.require('Country or Area');
  const expect = (pos: number, tokens: readonly string[], name: string): void => {
    const key = headerKey(header.names[pos] ?? '').replace(/[-\s]/g, '');
    if (!tokens.some((t) => key.includes(t))) {
      throw new InputError(`missing column "${name}" (expected as column ${pos + 1} of the UNSD table)`, {
        file: header.file,
        line: header.line,
        field: name,
      });
    }
  };
  expect(POS.m49, ['m49'], 'M49 Code');
  expect(POS.iso2, ['alpha2'], 'ISO-alpha2 Code');
  expect(POS.iso3, ['alpha3'], 'ISO-alpha3 Code');
  const flag = (tokens: readonly string[], pos: number): number => {
    const byToken = header.names.findIndex((n) => tokens.some((t) => n.toUpperCase().includes(t)));
    return byToken >= 0 ? byToken : pos;
  };
  const cols: Columns = {
    ...POS,
    ldc: flag(['(LDC)', '(PMA)'], POS.ldc),
    lldc: flag(['(LLDC)', '(PDSL)'], POS.lldc),
    sids: flag(['(SIDS)', '(PEID)'], POS.sids),
  };
  return { cols, lang: detected ?? 'en' };
}

/** The language of a translated header, from words only French or only Spanish uses there. */
function guessLang(header: Header): M49Lang | null {
  const text = header.names.map(headerKey).join(' ');
  if (/\bpays\b|région|\bzone\b/.test(text)) return 'fr';
  if (/país|región|área|código/.test(text)) return 'es';
  return null;
}
