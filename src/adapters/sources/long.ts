import { basename, dirname } from 'node:path';
import { InputError } from '../../domain/errors.ts';
import { isIndicatorCode } from '../../domain/indicator.ts';
import { Batcher, type BatchOptions } from './batches.ts';
import { readCsvBatches, type Chunks } from './csv.ts';
import { cell, entityCell, Header, noHeader, numberCell, optionalText, RowOnce, yearCell } from './fields.ts';
import type { SourceObservation } from './records.ts';

export interface LongCsvOptions extends BatchOptions {
  /** The indicator of every value in the file: the long format does not say it. */
  indicator: string;
}

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
  let header: Header | null = null;
  let iName = -1;
  let iCode = -1;
  let iYear = -1;
  let iValue = -1;
  const once = new RowOnce(file);

  for await (const rows of readCsvBatches(input, file)) {
    for (const { line, fields } of rows) {
      if (header === null) {
        header = new Header(fields, line, file);
        iCode = header.require('Country Code');
        iYear = header.require('Year');
        iValue = header.require('Value');
        iName = header.find('Country Name');
        continue;
      }
      summary.rows++;
      const entity = entityCell(cell(fields, iCode), { file, line, field: 'Country Code' });
      const year = yearCell(cell(fields, iYear), { file, line, field: 'Year' });
      once.check(`${entity}|${year}`, line, 'Country Code', `${entity} in ${year}`);
      const value = numberCell(cell(fields, iValue), { file, line, field: 'Value' });
      if (value === null) {
        summary.missing++;
        continue;
      }
      const full = batches.push({ indicator, entity, entityName: iName < 0 ? null : optionalText(cell(fields, iName)), year, value });
      if (full) yield full;
    }
  }
  if (header === null) noHeader(file, 'Country Code');
  const rest = batches.rest();
  if (rest) yield rest;
  summary.observations = batches.count;
  return summary;
}
