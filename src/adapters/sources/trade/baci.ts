import { InputError } from '../../../domain/errors.ts';
import type { HsEdition } from '../../../domain/moratorium/hs.ts';
import type { TradeFlow } from '../../../domain/moratorium/trade.ts';
import type { BatchOptions } from '../batches.ts';
import { columns, type Table } from '../columns.ts';
import { readCsvBatches, type Chunks } from '../csv.ts';
import { Header, noHeader, numberCell, yearCell } from '../fields.ts';
import { hs6Cell } from './cells.ts';
import type { TradeBatch, TradeContext } from './records.ts';
import { UnCodeResolver, UnknownCodes } from './un-codes.ts';

export interface BaciSummary {
  rows: number;
  flows: number;
  edition: HsEdition;
  years: number[];
  /** Country codes neither M49 nor a known Comtrade code: their rows are left out. */
  unknownCodes: UnknownCodes;
  /** Rows with a value of zero or less, left out (BACI gives none, but a filtered copy might). */
  empty: number;
}

export interface BaciOptions extends BatchOptions {
  /** The HS edition of the file: BACI_HS17_… says HS2017; required when the name does not say it. */
  edition: HsEdition;
}

const COLUMNS = columns({
  t: { header: 't', required: true },
  i: { header: 'i', required: true },
  j: { header: 'j', required: true },
  k: { header: 'k', required: true },
  v: { header: 'v', required: true },
  q: { header: 'q', required: true },
});

/**
 * Reads a CEPII BACI file (`t,i,j,k,v,q`: year, exporter, importer, HS6 product, value in thousand US
 * dollars, quantity in tonnes or "NA") into imports of the importer `j` from the exporter `i`, in whole US
 * dollars. Products lost their leading zero ("10121" is 010121). Codes are UN numeric codes, with
 * Comtrade's own for a few countries (un-codes.ts); rows of unknown codes are counted and left out.
 * Millions of rows pass here: codes and products are resolved once per distinct value.
 * @example await writeTradeBatches(readBaci(chunks, file, context, { edition: 'HS2017' }), writer)
 */
export async function* readBaci(
  input: Chunks,
  file: string,
  context: TradeContext,
  options: BaciOptions,
): AsyncGenerator<TradeBatch, BaciSummary> {
  // Flows only, gathered here rather than through TradeBatcher: this loop runs millions of times.
  const batchSize = options.batchSize ?? 50_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  let batch: TradeFlow[] = [];
  let flows = 0;
  const codes = new UnCodeResolver(context);
  const summary: BaciSummary = { rows: 0, flows: 0, edition: options.edition, years: [], unknownCodes: new UnknownCodes(), empty: 0 };
  const edition = options.edition;
  const years = new Map<string, number>();
  const products = new Map<string, string>();
  let at: Table<typeof COLUMNS.spec>['index'] | null = null;

  for await (const rows of readCsvBatches(input, file)) {
    for (const { line, fields } of rows) {
      // Millions of rows pass here: the cells are read by position, without a row object each.
      if (at === null) {
        at = COLUMNS.find(new Header(fields, line, file)).index;
        continue;
      }
      summary.rows++;
      const tText = (fields[at.t] ?? '').trim();
      let year = years.get(tText);
      if (year === undefined) {
        year = yearCell(tText, { file, line, field: 't' });
        years.set(tText, year);
      }
      const iText = (fields[at.i] ?? '').trim();
      const jText = (fields[at.j] ?? '').trim();
      const partner = codes.iso3(iText);
      const reporter = codes.iso3(jText);
      if (reporter === null || partner === null) {
        if (reporter === null) summary.unknownCodes.add(jText === '' ? '(empty)' : jText);
        if (partner === null && iText !== jText) summary.unknownCodes.add(iText === '' ? '(empty)' : iText);
        continue;
      }
      const kText = (fields[at.k] ?? '').trim();
      let hs6 = products.get(kText);
      if (hs6 === undefined) {
        hs6 = hs6Cell(kText, { file, line, field: 'k' });
        products.set(kText, hs6);
      }
      const value = numberCell((fields[at.v] ?? '').trim(), { file, line, field: 'v' });
      if (value === null) throw new InputError('empty value', { file, line, field: 'v' });
      if (value <= 0) {
        summary.empty++;
        continue;
      }
      const qText = (fields[at.q] ?? '').trim();
      const quantity = qText === 'NA' ? null : numberCell(qText, { file, line, field: 'q' });
      batch.push({ year, reporter, partner, line: hs6, hs6, edition, valueUsd: value * 1000, quantity });
      if (batch.length >= batchSize) {
        flows += batch.length;
        yield { flows: batch };
        batch = [];
      }
    }
  }
  if (at === null) noHeader(file, COLUMNS.first);
  if (batch.length > 0) {
    flows += batch.length;
    yield { flows: batch };
  }
  summary.flows = flows;
  summary.years = [...new Set(years.values())].sort((a, b) => a - b);
  return summary;
}
