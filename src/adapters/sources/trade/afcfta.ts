import { InputError } from '../../../domain/errors.ts';
import { spansOf } from '../../../domain/moratorium/schemes.ts';
import type { TariffLine } from '../../../domain/moratorium/trade.ts';
import type { BatchOptions } from '../batches.ts';
import { columns, readTable, type Table } from '../columns.ts';
import type { Chunks } from '../csv.ts';
import { cell, RowOnce } from '../fields.ts';
import { lineCell, rateCell, TradeBatcher } from './cells.ts';
import type { TradeBatch, TradeContext } from './records.ts';

/** The scheme id of AfCFTA preferences, and the group whose members stand in for its State Parties. */
export const AFCFTA = 'AfCFTA';
export const AFCFTA_PARTIES_GROUP = 'AU';

export interface AfcftaSummary {
  rows: number;
  tariffs: number;
  years: number[];
  /** Lines whose base (MFN) rate is blank. */
  withoutBase: number;
  /** Codes published with stray marks around them, read without the marks: "line N: ‹ 90184100". */
  repaired: string[];
}

const COLUMNS = columns({
  code: { header: 'hs_code', required: true, parse: lineCell },
  base: { header: 'base_rate', required: true, parse: rateCell },
});

/**
 * Reads an AfCFTA schedule of tariff concessions as digitised by AfriConnect (`hs_code,…,base_rate,
 * category,rate_2026,…,rate_2030`) for each of `reporters`: the base rate as the MFN rate of every year
 * of the phase-down (the base applies throughout), the year's rate as the AfCFTA preference, and the
 * members of the African Union in each year as the scheme's members. Rates read "25%", "10.0%" or "10";
 * a blank base rate is no MFN rate.
 * @example await forEachTradeBatch(readAfcftaSchedule(chunks, file, context, { reporters: ['ETH'] }), write)
 */
export async function* readAfcftaSchedule(
  input: Chunks,
  file: string,
  context: TradeContext,
  options: BatchOptions & { reporters: readonly string[] },
): AsyncGenerator<TradeBatch, AfcftaSummary> {
  if (options.reporters.length === 0) throw new InputError('no reporter to apply the schedule to', { file });
  const batches = new TradeBatcher(options);
  const summary: AfcftaSummary = { rows: 0, tariffs: 0, years: [], withoutBase: 0, repaired: [] };
  const once = new RowOnce(file);
  let yearCols: { index: number; year: number; name: string }[] = [];
  const onHeader = ({ header }: Table<typeof COLUMNS.spec>) => {
    yearCols = header.names.flatMap((name, index) => {
      const m = /^rate_(\d{4})$/i.exec(name.trim());
      return m?.[1] ? [{ index, year: Number(m[1]), name: name.trim() }] : [];
    });
    if (yearCols.length === 0) throw new InputError('no yearly rate column ("rate_2026" …)', { file, line: header.line, field: 'rate_YYYY' });
    summary.years = yearCols.map((c) => c.year);
  };
  for await (const rows of readTable(input, file, COLUMNS, { onHeader })) {
    for (const row of rows) {
      const { line, fields } = row;
      summary.rows++;
      const code = row.get('code');
      if (code.repaired) summary.repaired.push(`line ${line}: ${row.text('code')}`);
      once.check(code.line, line, 'hs_code', `line ${code.line}`);
      const base = row.get('base');
      if (base === null) summary.withoutBase++;
      const tariffs: TariffLine[] = [];
      for (const col of yearCols) {
        const pref = rateCell(cell(fields, col.index), { file, line, field: col.name });
        for (const reporter of options.reporters) {
          const at = { year: col.year, reporter, line: code.line, hs6: code.hs6, edition: 'HS2022' } as const;
          tariffs.push({ ...at, regime: 'mfn', scheme: null, rate: base }, { ...at, regime: 'pref', scheme: AFCFTA, rate: pref });
        }
      }
      const full = batches.push('tariffs', ...tariffs);
      if (full) yield full;
    }
  }
  const parties = new Map(summary.years.map((y) => [y, context.members(AFCFTA_PARTIES_GROUP, y)] as const));
  if ([...parties.values()].every((m) => m.length === 0)) {
    throw new InputError(`the group ${AFCFTA_PARTIES_GROUP} has no members in ${summary.years.join(', ')}: import the organisation memberships first`, { file });
  }
  const members = batches.push('schemes', ...spansOf(AFCFTA, parties));
  if (members) yield members;
  const rest = batches.rest();
  if (rest) yield rest;
  summary.tariffs = batches.counts.tariffs;
  return summary;
}
