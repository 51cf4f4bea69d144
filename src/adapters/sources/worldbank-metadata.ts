import { Batcher, type BatchOptions } from './batches.ts';
import { readCsvBatches, type Chunks } from './csv.ts';
import { cell, entityCell, Header, noHeader, optionalText } from './fields.ts';

/** One row of a World Bank `Metadata_Country_*.csv`: the Bank's region and income group of an economy. */
export interface WorldBankCountryMeta {
  /** The World Bank code: ISO3 for economies, its own codes for aggregates (AFE, WLD …). */
  iso3: string;
  /** Null for aggregates, which the Bank leaves without a region. */
  region: string | null;
  /** Null for aggregates and for economies the Bank has not classified (Venezuela; Ethiopia in FY2026). */
  incomeGroup: string | null;
  name: string;
  isAggregate: boolean;
  specialNotes: string | null;
  line: number;
}

export interface WorldBankMetadataSummary {
  rows: number;
  aggregates: number;
}

/**
 * Reads the World Bank's `Metadata_Country_*.csv` (Country Code, Region, IncomeGroup, SpecialNotes,
 * TableName; BOM, a trailing empty column, notes with line breaks inside quotes).
 * @example const { records } = await collect(readWorldBankMetadata(fileChunks(p), p));
 */
export async function* readWorldBankMetadata(
  input: Chunks,
  file: string,
  options: BatchOptions = {},
): AsyncGenerator<WorldBankCountryMeta[], WorldBankMetadataSummary> {
  const batches = new Batcher<WorldBankCountryMeta>(options);
  const summary: WorldBankMetadataSummary = { rows: 0, aggregates: 0 };
  let header: Header | null = null;
  let iCode = -1;
  let iRegion = -1;
  let iIncome = -1;
  let iNotes = -1;
  let iName = -1;

  for await (const rows of readCsvBatches(input, file)) {
    for (const { line, fields } of rows) {
      if (header === null) {
        header = new Header(fields, line, file);
        iCode = header.require('Country Code');
        iRegion = header.require('Region');
        iIncome = header.require('IncomeGroup', 'Income Group');
        iName = header.require('TableName', 'Table Name');
        iNotes = header.find('SpecialNotes', 'Special Notes');
        continue;
      }
      const iso3 = entityCell(cell(fields, iCode), { file, line, field: 'Country Code' });
      const region = optionalText(cell(fields, iRegion));
      const record: WorldBankCountryMeta = {
        iso3,
        region,
        incomeGroup: optionalText(cell(fields, iIncome)),
        name: cell(fields, iName),
        isAggregate: region === null,
        specialNotes: optionalText(cell(fields, iNotes)),
        line,
      };
      summary.rows++;
      if (record.isAggregate) summary.aggregates++;
      const full = batches.push(record);
      if (full) yield full;
    }
  }
  if (header === null) noHeader(file, 'Country Code');
  const rest = batches.rest();
  if (rest) yield rest;
  return summary;
}
