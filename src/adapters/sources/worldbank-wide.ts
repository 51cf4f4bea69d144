import { InputError } from '../../domain/errors.ts';
import { isIndicatorCode } from '../../domain/indicator.ts';
import { Batcher, type BatchOptions } from './batches.ts';
import { readCsvBatches, type Chunks } from './csv.ts';
import { cell, entityCell, Header, headerKey, noHeader, numberCell, optionalText, RowOnce, yearColumns, type YearColumn } from './fields.ts';
import type { SourceObservation } from './records.ts';

/** What a World Bank wide file says about itself, besides its values. */
export interface WorldBankWideMetadata {
  /** "World Development Indicators", from the preamble, when the file kept it. */
  dataSource: string | null;
  /** The "Last Updated Date" of the preamble ("2026-02-24"): the vintage of the values. */
  lastUpdated: string | null;
  /** Indicator code → name, in the order first seen (the full WDI file holds hundreds). */
  indicators: Map<string, string>;
  /** Data rows read (one per entity and indicator). */
  rows: number;
  /** Values yielded; empty cells are not values. */
  observations: number;
  /** The year columns of the header. */
  years: number[];
}

const NAME = 'Country Name';
const CODE = 'Country Code';
const INDICATOR_NAME = 'Indicator Name';
const INDICATOR_CODE = 'Indicator Code';

/** DataBank exports call indicators "series"; the bulk download calls them "indicators". */
const INDICATOR_NAME_ALIASES = ['Series Name'];
const INDICATOR_CODE_ALIASES = ['Series Code'];

const PREAMBLE_SOURCE = 'data source';
const PREAMBLE_UPDATED = 'last updated date';

/**
 * Reads a World Bank bulk-download CSV in wide form (`Country Name,Country Code,Indicator Name,
 * Indicator Code,1960,…`), with or without the "Data Source"/"Last Updated Date" preamble, one or
 * many indicators. Yields observations in batches; empty cells (and DataBank's "..") are missing
 * values, skipped, never zero. Returns the file's metadata when done.
 * @example const meta = await forEachBatch(readWorldBankWide(fileChunks(p), p), (b) => store(b));
 */
export async function* readWorldBankWide(
  input: Chunks,
  file: string,
  options: BatchOptions = {},
): AsyncGenerator<SourceObservation[], WorldBankWideMetadata> {
  const batches = new Batcher<SourceObservation>(options);
  const meta: WorldBankWideMetadata = {
    dataSource: null,
    lastUpdated: null,
    indicators: new Map(),
    rows: 0,
    observations: 0,
    years: [],
  };
  let header: Header | null = null;
  let iName = -1;
  let iCode = -1;
  let iIndName = -1;
  let iIndCode = -1;
  let yearCols: YearColumn[] = [];
  let width = 0;
  const once = new RowOnce(file);

  for await (const rows of readCsvBatches(input, file)) {
    for (const { line, fields } of rows) {
      if (header === null) {
        const first = headerKey(fields[0] ?? '');
        if (first === PREAMBLE_SOURCE) {
          meta.dataSource = optionalText(fields[1] ?? '');
          continue;
        }
        if (first === PREAMBLE_UPDATED) {
          meta.lastUpdated = optionalText(fields[1] ?? '');
          continue;
        }
        header = new Header(fields, line, file);
        iName = header.require(NAME);
        iCode = header.require(CODE);
        iIndName = header.require(INDICATOR_NAME, ...INDICATOR_NAME_ALIASES);
        iIndCode = header.require(INDICATOR_CODE, ...INDICATOR_CODE_ALIASES);
        yearCols = yearColumns(header, [iName, iCode, iIndName, iIndCode], 'World Bank');
        meta.years = yearCols.map((c) => c.year);
        width = fields.length;
        continue;
      }

      if (isFooter(fields)) continue;
      meta.rows++;
      const entity = entityCell(cell(fields, iCode), { file, line, field: CODE });
      const indicator = cell(fields, iIndCode);
      if (!isIndicatorCode(indicator)) {
        throw new InputError(
          indicator === '' ? 'empty indicator code' : `not an indicator code: ${JSON.stringify(indicator)}`,
          { file, line, field: header.nameAt(iIndCode) },
        );
      }
      once.check(`${indicator}|${entity}`, line, CODE, `${indicator} for ${entity}`);
      if (!meta.indicators.has(indicator)) meta.indicators.set(indicator, cell(fields, iIndName));
      const entityName = optionalText(fields[iName] ?? '');

      for (const col of yearCols) {
        const text = fields[col.index];
        if (text === undefined || text === '') continue;
        const value = numberCell(text, { file, line, field: col.name });
        if (value === null) continue;
        const full = batches.push({ indicator, entity, entityName, year: col.year, value });
        if (full) yield full;
      }
      for (let k = width; k < fields.length; k++) {
        if ((fields[k] ?? '').trim() !== '') {
          throw new InputError(`a value beyond the last column of the header: ${JSON.stringify(fields[k])}`, {
            file,
            line,
            field: `column ${k + 1}`,
          });
        }
      }
    }
  }
  if (header === null) {
    noHeader(file, NAME);
  }
  const rest = batches.rest();
  if (rest) yield rest;
  meta.observations = batches.count;
  return meta;
}

/** DataBank exports end with "Data from database: …" and "Last Updated: …" lines after the data. */
function isFooter(fields: readonly string[]): boolean {
  for (let k = 1; k < fields.length; k++) if ((fields[k] ?? '').trim() !== '') return false;
  const first = (fields[0] ?? '').trim().toLowerCase();
  return first === '' || first.startsWith('data from database') || first.startsWith('last updated');
}
