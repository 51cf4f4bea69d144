import { basename, dirname } from 'node:path';
import { InputError } from '../../domain/errors.ts';
import { isIndicatorCode } from '../../domain/indicator.ts';
import { Batcher, type BatchOptions } from './batches.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';
import { entityCell, numberCell, optionalText, RowOnce, yearCell } from './fields.ts';
import type { SourceObservation } from './records.ts';

export interface LongCsvOptions extends BatchOptions {
  /** The indicator of every value in the file: the long format does not say it. */
  indicator: string;
}

const COLUMNS = columns({
  code: { header: 'Country Code', required: true, parse: entityCell },
  year: { header: 'Year', required: true, parse: yearCell },
  value: { header: 'Value', required: true, parse: numberCell },
  name: { header: 'Country Name', parse: optionalText },
});

export interface LongCsvSummary {
  indicator: string;
  /** Data rows read, with or without a value. */
  rows: number;
  observations: number;
  /** Rows whose value cell is empty. */
  missing: number;
}

/**
 * The indicator code a `datasets/world-development-indicators` file is named after: the file name
 * upper-cased without `.csv`, or the folder's name for the repository's own `indicators/<code>/data.csv`.
 * @example indicatorFromFileName('data/datasets-wdi/it.net.secr.p6.csv') // 'IT.NET.SECR.P6'
 */
export function indicatorFromFileName(path: string): string {
  let name = basename(path);
  if (/^data\.csv$/i.test(name)) name = basename(dirname(path));
  const code = name.replace(/\.csv$/i, '').toUpperCase();
  if (!isIndicatorCode(code)) {
    throw new InputError(`the file name does not give an indicator code (expected e.g. "it.net.secr.p6.csv")`, { file: path });
  }
  return code;
}

/**
 * Reads a long CSV `Country Name,Country Code,Year,Value` holding one indicator. "Country Name" may
 * be absent; an empty value is a missing value, never zero.
 * @example readLongCsv(fileChunks(p), p, { indicator: indicatorFromFileName(p) })
 */
export async function* readLongCsv(
  input: Chunks,
  file: string,
  options: LongCsvOptions,
): AsyncGenerator<SourceObservation[], LongCsvSummary> {
  const batches = new Batcher<SourceObservation>(options);
  const indicator = options.indicator;
  if (!isIndicatorCode(indicator)) throw new InputError(`not an indicator code: ${JSON.stringify(indicator)}`, { file });
  const summary: LongCsvSummary = { indicator, rows: 0, observations: 0, missing: 0 };
  const once = new RowOnce(file);

  for await (const rows of readTable(input, file, COLUMNS)) {
    for (const row of rows) {
      summary.rows++;
      const entity = row.get('code');
      const year = row.get('year');
      once.check(`${entity}|${year}`, row.line, 'Country Code', `${entity} in ${year}`);
      const value = row.get('value');
      if (value === null) {
        summary.missing++;
        continue;
      }
      const full = batches.push({ indicator, entity, entityName: row.get('name'), year, value });
      if (full) yield full;
    }
  }
  const rest = batches.rest();
  if (rest) yield rest;
  summary.observations = batches.count;
  return summary;
}
