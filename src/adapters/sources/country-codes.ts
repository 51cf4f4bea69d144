import { isIso2, isIso3, normalizeM49 } from '../../domain/country.ts';
import { InputError, type InputLocation } from '../../domain/errors.ts';
import type { Localized } from '../../domain/lang.ts';
import { Batcher, type BatchOptions } from './batches.ts';
import { readCsvBatches, type Chunks } from './csv.ts';
import { cell, Header, m49AreaFields, noHeader, requireM49AreaColumns, type M49AreaColumns } from './fields.ts';
import type { CountryRecord } from './records.ts';

export interface CountryCodesSummary {
  rows: number;
  countries: number;
  /** Rows without an ISO 3166 alpha-3 code, which cannot be countries here. */
  skipped: number[];
}

const ISO3 = 'ISO3166-1-Alpha-3';
const ISO2 = 'ISO3166-1-Alpha-2';

/*
 * Which names: the UNSD names (official_name_en/fr/es) first. They are the "Country or Area" names of
 * the M49 standard, so a country is named the same whether the country-codes or the M49 file was
 * imported; they exist for every row, territories included; and they carry no article or asterisk.
 * The UN protocol short names (UNTERM … Short) are the fallback: the same names as a rule, but absent
 * for 54 territories (and, in this file, for Côte d'Ivoire and Türkiye), and written for sentences
 * ("Gambia (the)", "Afghanistan (l')", "Holy See (the) *"), so the article and asterisk are removed.
 * The CLDR display name comes last, for English only: customary forms ("UK", "Congo - Kinshasa",
 * "North Korea") are not the designations an intergovernmental platform should print.
 */
const NAME_COLUMNS: Record<'en' | 'fr' | 'es', readonly string[]> = {
  en: ['official_name_en', 'UNTERM English Short', 'CLDR display name'],
  fr: ['official_name_fr', 'UNTERM French Short'],
  es: ['official_name_es', 'UNTERM Spanish Short'],
};

/**
 * A UN short name without the article UNTERM appends for use in a sentence, nor the asterisk it puts
 * on non-member observer States.
 * @example cleanShortName('Afganistán (el)') // 'Afganistán'
 * @example cleanShortName('Saint-Siège (le) *') // 'Saint-Siège'
 */
export function cleanShortName(name: string): string {
  return name
    .trim()
    .replace(/\s*\*$/, '')
    .replace(/\s*\((?:the|l['’]|la|le|les|el|los|las)\)$/i, '')
    .trim();
}

/**
 * Reads `country-codes.csv` of datasets/country-codes (56 columns) into countries with ISO and M49
 * codes, names in English, French and Spanish, M49 regions and the LDC / LLDC / SIDS flags ("x").
 * Rows without an ISO3 code are skipped.
 * @example const { records } = await collect(readCountryCodes(fileChunks(p), p));
 */
export async function* readCountryCodes(
  input: Chunks,
  file: string,
  options: BatchOptions = {},
): AsyncGenerator<CountryRecord[], CountryCodesSummary> {
  const batches = new Batcher<CountryRecord>(options);
  const summary: CountryCodesSummary = { rows: 0, countries: 0, skipped: [] };
  let header: Header | null = null;
  let cols: Columns | null = null;

  for await (const rows of readCsvBatches(input, file)) {
    for (const { line, fields } of rows) {
      if (header === null || cols === null) {
        header = new Header(fields, line, file);
        cols = columnsOf(header);
        continue;
      }
      summary.rows++;
      const record = toRecord(fields, line, header, cols);
      if (record === null) {
        summary.skipped.push(line);
        continue;
      }
      summary.countries++;
      const full = batches.push(record);
      if (full) yield full;
    }
  }
  if (header === null) noHeader(file, ISO3);
  const rest = batches.rest();
  if (rest) yield rest;
  return summary;
}

interface Columns extends M49AreaColumns {
  iso3: number;
  iso2: number;
  m49: number;
  names: Record<'en' | 'fr' | 'es', number[]>;
}

function columnsOf(header: Header): Columns {
  const names = { en: [] as number[], fr: [] as number[], es: [] as number[] };
  for (const lang of ['en', 'fr', 'es'] as const) {
    for (const column of NAME_COLUMNS[lang]) {
      const i = header.find(column);
      if (i >= 0) names[lang].push(i);
    }
  }
  if (names.en.length === 0) header.require('official_name_en', 'UNTERM English Short', 'CLDR display name');
  return {
    iso3: header.require(ISO3),
    iso2: header.require(ISO2),
    m49: header.require('M49'),
    names,
    ...requireM49AreaColumns(header),
  };
}

function toRecord(fields: readonly string[], line: number, header: Header, cols: Columns): CountryRecord | null {
  const at = (i: number): InputLocation => ({ file: header.file, line, field: header.nameAt(i) });
  const iso3 = cell(fields, cols.iso3);
  if (iso3 === '') return null;
  if (!isIso3(iso3)) throw new InputError(`not an ISO 3166 alpha-3 code: ${JSON.stringify(iso3)}`, at(cols.iso3));
  const iso2 = cell(fields, cols.iso2);
  if (iso2 !== '' && !isIso2(iso2)) throw new InputError(`not an ISO 3166 alpha-2 code: ${JSON.stringify(iso2)}`, at(cols.iso2));
  const m49Text = cell(fields, cols.m49);
  const m49 = m49Text === '' ? null : normalizeM49(m49Text);
  if (m49Text !== '' && m49 === null) throw new InputError(`not an M49 code: ${JSON.stringify(m49Text)}`, at(cols.m49));

  const en = firstName(fields, cols.names.en);
  if (en === null) throw new InputError('no English name in any name column', at(cols.names.en[0] ?? cols.iso3));
  const names: Localized = { en };
  const fr = firstName(fields, cols.names.fr);
  if (fr !== null) names.fr = fr;
  const es = firstName(fields, cols.names.es);
  if (es !== null) names.es = es;

  return {
    iso3,
    iso2: iso2 === '' ? null : iso2,
    m49,
    names,
    ...m49AreaFields(fields, line, header, cols),
    line,
  };
}

function firstName(fields: readonly string[], columns: readonly number[]): string | null {
  for (const i of columns) {
    const name = cleanShortName(cell(fields, i));
    if (name !== '') return name;
  }
  return null;
}
