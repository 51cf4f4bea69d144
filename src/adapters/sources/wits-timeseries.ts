import { InputError } from '../../domain/errors.ts';
import { Batcher, type BatchOptions } from './batches.ts';
import { readCsvBatches, type Chunks } from './csv.ts';
import { cell, Header, noHeader, numberCell, RowOnce, yearColumns, type YearColumn } from './fields.ts';

/** One value of a WITS "Country-Timeseries" sheet; the country is known by its WITS name only. */
export interface WitsRecord {
  countryName: string;
  indicatorName: string;
  year: number;
  value: number;
  line: number;
}

export interface WitsSummary {
  rows: number;
  observations: number;
  /** Countries with at least one value. */
  countriesWithData: number;
  indicators: string[];
  years: number[];
}

const COUNTRY = 'Country Name';

/**
 * Reads a WITS "Country-Timeseries" CSV (`Country Name,Indicator Name,1988,…`) into values by
 * country name; the importer resolves the names ("Gambia, The", "Ethiopia(excludes Eritrea)") to ISO3.
 * Rows cut short by the spreadsheet export read as empty to the end.
 * @example const { records } = await collect(readWitsTimeseries(fileChunks(p), p));
 */
export async function* readWitsTimeseries(
  input: Chunks,
  file: string,
  options: BatchOptions = {},
): AsyncGenerator<WitsRecord[], WitsSummary> {
  const batches = new Batcher<WitsRecord>(options);
  const summary: WitsSummary = { rows: 0, observations: 0, countriesWithData: 0, indicators: [], years: [] };
  const indicators = new Set<string>();
  const withData = new Set<string>();
  let header: Header | null = null;
  let iCountry = -1;
  let iIndicator = -1;
  let yearCols: YearColumn[] = [];
  const once = new RowOnce(file);

  for await (const rows of readCsvBatches(input, file)) {
    for (const { line, fields } of rows) {
      if (header === null) {
        header = new Header(fields, line, file);
        iCountry = header.require(COUNTRY);
        iIndicator = header.require('Indicator Name');
        yearCols = yearColumns(header, [iCountry, iIndicator], 'WITS');
        summary.years = yearCols.map((c) => c.year);
        continue;
      }
      summary.rows++;
      const countryName = cell(fields, iCountry);
      if (countryName === '') throw new InputError('empty country name', { file, line, field: COUNTRY });
      const indicatorName = cell(fields, iIndicator);
      once.check(`${countryName}|${indicatorName}`, line, COUNTRY, `"${indicatorName}" for "${countryName}"`);
      indicators.add(indicatorName);
      let any = false;
      for (const col of yearCols) {
        const value = numberCell(fields[col.index] ?? '', { file, line, field: col.name });
        if (value === null) continue;
        any = true;
        const full = batches.push({ countryName, indicatorName, year: col.year, value, line });
        if (full) yield full;
      }
      if (any) withData.add(countryName);
    }
  }
  if (header === null) noHeader(file, COUNTRY);
  const rest = batches.rest();
  if (rest) yield rest;
  summary.observations = batches.count;
  summary.indicators = [...indicators];
  summary.countriesWithData = withData.size;
  return summary;
}
