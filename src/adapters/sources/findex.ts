import { InputError, type InputLocation } from '../../domain/errors.ts';
import { ADULT_POPULATION } from '../../domain/indicator.ts';
import { Batcher, type BatchOptions } from './batches.ts';
import { columns, readTable, type Table } from './columns.ts';
import type { Chunks } from './csv.ts';
import { cell, entityCell, numberCell, optionalText, RowOnce, yearCell } from './fields.ts';
import type { SourceObservation } from './records.ts';

/** A Findex column the Observatory imports, and the indicator code it is stored under. */
export interface FindexColumn {
  code: string;
  /** The header as Findex writes it, then accepted variants. */
  headers: readonly string[];
  /** Shares of adults: written "68%" in spreadsheet exports, 0.68 in the raw DatabankWide. */
  percent: boolean;
}

/**
 * The Findex columns read; every other of the 1,226 indicator columns is ignored. Account ownership
 * keeps the WDI code (FX.OWN.TOTL.ZS) so that it joins the WDI series of the same name.
 */
export const FINDEX_COLUMNS: readonly FindexColumn[] = [
  { code: 'FX.OWN.TOTL.ZS', headers: ['Account (% age 15+)'], percent: true },
  // "populaiton" is the DatabankWide's own spelling.
  { code: ADULT_POPULATION, headers: ['Adult populaiton', 'Adult population'], percent: false },
  { code: 'FINDEX.DIGPAY', headers: ['Made or received a digital payment (% age 15+)'], percent: true },
  { code: 'FINDEX.MOBILE.ACCOUNT', headers: ['Mobile money account (% age 15+)'], percent: true },
  {
    code: 'FINDEX.BUY.ONLINE',
    headers: ['Used a mobile phone or the internet to buy something online (% age 15+)'],
    percent: true,
  },
  { code: 'FINDEX.INTERNET.ACCESS', headers: ['Has access to the internet (% age 15+)'], percent: true },
];

/** The leading columns; errors name them as the file writes them. */
const COLUMNS = columns({
  name: { header: 'Country name', required: true, parse: optionalText },
  code: { header: 'Country code', required: true, parse: entityCell, asWritten: true },
  year: { header: 'Year', required: true, parse: yearCell, asWritten: true },
});

export interface FindexSummary {
  rows: number;
  observations: number;
  /** The indicator codes whose column the file has. */
  indicators: string[];
}

/**
 * Reads the Global Findex DatabankWide CSV (or a column subset of it with the same leading columns)
 * into observations of the columns in FINDEX_COLUMNS. Values such as "68%" become 68; rows of
 * regions and income groups (WLD, SSF, LMY …) are kept with their codes, for the caller to sort out.
 * @example const { records } = await collect(readFindex(fileChunks(p), p));
 */
export async function* readFindex(
  input: Chunks,
  file: string,
  options: BatchOptions = {},
): AsyncGenerator<SourceObservation[], FindexSummary> {
  const batches = new Batcher<SourceObservation>(options);
  const summary: FindexSummary = { rows: 0, observations: 0, indicators: [] };
  let indicatorColumns: { index: number; name: string; def: FindexColumn }[] = [];
  const once = new RowOnce(file);
  const onHeader = ({ header }: Table<typeof COLUMNS.spec>) => {
    indicatorColumns = [];
    for (const def of FINDEX_COLUMNS) {
      const index = header.find(...def.headers);
      if (index >= 0) indicatorColumns.push({ index, name: header.nameAt(index), def });
    }
    if (indicatorColumns.length === 0) {
      const first = FINDEX_COLUMNS[0]?.headers[0] ?? 'Account (% age 15+)';
      throw new InputError(`missing column "${first}": none of the Findex indicator columns is present`, {
        file,
        line: header.line,
        field: first,
      });
    }
    summary.indicators = indicatorColumns.map((c) => c.def.code);
  };

  for await (const rows of readTable(input, file, COLUMNS, { onHeader })) {
    for (const row of rows) {
      const { line, fields } = row;
      summary.rows++;
      const entity = row.get('code');
      const year = row.get('year');
      once.check(`${entity}|${year}`, line, row.table.field('code'), `${entity} in ${year}`);
      const entityName = row.get('name');
      for (const col of indicatorColumns) {
        const text = cell(fields, col.index);
        if (text === '') continue;
        const value = findexValue(text, col.def.percent, { file, line, field: col.name });
        if (value === null) continue;
        const full = batches.push({ indicator: col.def.code, entity, entityName, year, value });
        if (full) yield full;
      }
    }
  }
  const rest = batches.rest();
  if (rest) yield rest;
  summary.observations = batches.count;
  return summary;
}

/**
 * A Findex cell as a number in the Observatory's unit (percent for shares). A bare number in a
 * percentage column is read as a share 0–1, as the raw DatabankWide stores it; a bare number above 1
 * there is ambiguous (68 % or 6,800 %?) and refused rather than guessed.
 */
function findexValue(text: string, percent: boolean, where: InputLocation): number | null {
  if (text.endsWith('%')) {
    if (!percent) throw new InputError(`a percentage in a column of counts: ${JSON.stringify(text)}`, where);
    return numberCell(text.slice(0, -1), where);
  }
  const value = numberCell(text, where);
  if (value === null || !percent) return value;
  if (value < 0 || value > 1) {
    throw new InputError(`a bare number outside 0–1 in a percentage column: ${JSON.stringify(text)} (write "68%" or 0.68)`, where);
  }
  // toPrecision drops the binary noise of the scaling (0.07 * 100 = 7.000000000000001).
  return Number((value * 100).toPrecision(15));
}
