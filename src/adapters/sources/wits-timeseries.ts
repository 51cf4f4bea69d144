import { InputError } from '../../domain/errors.ts';
import { Batcher, type BatchOptions } from './batches.ts';
import { columns, readTable, type Table } from './columns.ts';
import type { Chunks } from './csv.ts';
import { numberCell, RowOnce, yearColumns, type YearColumn } from './fields.ts';

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

/** The two leading columns; every other column is a year. */
const COLUMNS = columns({
  country: { header: COUNTRY, required: true },
  indicator: { header: 'Indicator Name', required: true },
});

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
  let yearCols: YearColumn[] = [];
  const once = new RowOnce(file);
  const onHeader = (table: Table<typeof COLUMNS.spec>) => {
    yearCols = yearColumns(table.header, [table.index.country, table.index.indicator], 'WITS');
    summary.years = yearCols.map((c) => c.year);
  };

  for await (const rows of readTable(input, file, COLUMNS, { onHeader })) {
    for (const row of rows) {
      const { line, fields } = row;
      summary.rows++;
      const countryName = row.text('country');
      if (countryName === '') throw new InputError('empty country name', row.at('country'));
      const indicatorName = row.text('indicator');
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
  const rest = batches.rest();
  if (rest) yield rest;
  summary.observations = batches.count;
  summary.indicators = [...indicators];
  summary.countriesWithData = withData.size;
  return summary;
}
