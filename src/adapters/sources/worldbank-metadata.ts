import { Batcher, type BatchOptions } from './batches.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';
import { entityCell, optionalText } from './fields.ts';

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

const COLUMNS = columns({
  code: { header: 'Country Code', required: true, parse: entityCell },
  region: { header: 'Region', required: true, parse: optionalText },
  income: { header: ['IncomeGroup', 'Income Group'], required: true, parse: optionalText },
  name: { header: ['TableName', 'Table Name'], required: true },
  notes: { header: ['SpecialNotes', 'Special Notes'], parse: optionalText },
});

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
  for await (const rows of readTable(input, file, COLUMNS)) {
    for (const row of rows) {
      const region = row.get('region');
      const record: WorldBankCountryMeta = {
        iso3: row.get('code'),
        region,
        incomeGroup: row.get('income'),
        name: row.get('name'),
        isAggregate: region === null,
        specialNotes: row.get('notes'),
        line: row.line,
      };
      summary.rows++;
      if (record.isAggregate) summary.aggregates++;
      const full = batches.push(record);
      if (full) yield full;
    }
  }
  const rest = batches.rest();
  if (rest) yield rest;
  return summary;
}
