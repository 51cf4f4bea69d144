import { InputError } from '../../../domain/errors.ts';
import { editionInForce } from '../../../domain/moratorium/hs.ts';
import { WORLD_PARTNER } from '../../../domain/moratorium/trade.ts';
import type { BatchOptions } from '../batches.ts';
import { columns, readTable } from '../columns.ts';
import type { Chunks } from '../csv.ts';
import { RowOnce, yearCell } from '../fields.ts';
import { amountCell, hs6Cell, TradeBatcher } from './cells.ts';
import type { TradeBatch } from './records.ts';

export interface TradeMapSummary {
  rows: number;
  flows: number;
  reporters: string[];
  years: number[];
}

const WORLD = 'imports_from_world_usd_thousand';
const INDIA = 'imports_from_india_usd_thousand';
const COLUMNS = columns({
  reporter: { header: 'reporter_iso3', required: true },
  hs6: { header: 'hs6', required: true },
  year: { header: 'year', required: true, parse: yearCell },
  world: { header: WORLD, required: true, parse: amountCell },
  india: { header: INDIA, required: true, parse: amountCell },
});
/** The partner of the bilateral column: Trade Map's table "Existing and potential trade between China and India". */
const PARTNER = 'IND';

/**
 * Reads an ITC Trade Map bilateral table in long form (`reporter,reporter_iso3,hs6,product_label,year,
 * imports_from_world_usd_thousand,imports_from_india_usd_thousand,…`) into flows: per HS6 and year,
 * imports from India, and from the rest of the world (world − India) under WLD, in US dollars. Rows of
 * all products ("TOTAL") and zero values are left out; each year's lines are in the HS edition then in force.
 * @example await forEachTradeBatch(readTradeMap(chunks, file), write)
 */
export async function* readTradeMap(input: Chunks, file: string, options: BatchOptions = {}): AsyncGenerator<TradeBatch, TradeMapSummary> {
  const batches = new TradeBatcher(options);
  const summary: TradeMapSummary = { rows: 0, flows: 0, reporters: [], years: [] };
  const reporters = new Set<string>();
  const years = new Set<number>();
  const once = new RowOnce(file);
  for await (const rows of readTable(input, file, COLUMNS)) {
    for (const row of rows) {
      const { line } = row;
      summary.rows++;
      const code = row.text('hs6');
      if (/^total$/i.test(code)) continue;
      const reporter = row.text('reporter');
      if (!/^[A-Z]{3}$/.test(reporter)) throw new InputError(`not an ISO3 code: ${JSON.stringify(reporter)}`, row.at('reporter'));
      const hs6 = hs6Cell(code, row.at('hs6'));
      const year = row.get('year');
      once.check(`${reporter}|${hs6}|${year}`, line, 'hs6', `${hs6} in ${year}`);
      const world = row.get('world');
      const india = row.get('india');
      if (world !== null && india !== null && india > world) {
        throw new InputError(`imports from India (${india}) exceed imports from the world (${world})`, row.at('india'));
      }
      if (world === null && india !== null) throw new InputError('imports from India without imports from the world', row.at('world'));
      const edition = editionInForce(year);
      const base = { year, reporter, line: hs6, hs6, edition, quantity: null } as const;
      const rest = (world ?? 0) - (india ?? 0);
      if (india !== null && india > 0) {
        const full = batches.push('flows', { ...base, partner: PARTNER, valueUsd: india * 1000 });
        if (full) yield full;
      }
      if (rest > 0) {
        const full = batches.push('flows', { ...base, partner: WORLD_PARTNER, valueUsd: rest * 1000 });
        if (full) yield full;
      }
      reporters.add(reporter);
      years.add(year);
    }
  }
  const rest = batches.rest();
  if (rest) yield rest;
  summary.flows = batches.counts.flows;
  summary.reporters = [...reporters].sort();
  summary.years = [...years].sort((a, b) => a - b);
  return summary;
}
