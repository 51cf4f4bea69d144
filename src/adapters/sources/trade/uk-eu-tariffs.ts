import { InputError } from '../../../domain/errors.ts';
import { EU27 } from '../../../domain/moratorium/schemes.ts';
import type { TariffLine } from '../../../domain/moratorium/trade.ts';
import type { BatchOptions } from '../batches.ts';
import { columns, readTable } from '../columns.ts';
import type { Chunks } from '../csv.ts';
import { RowOnce } from '../fields.ts';
import { lineCell, rateCell, TradeBatcher } from './cells.ts';
import type { TradeBatch } from './records.ts';

/** The year of the EU CET rates (the CN 2020, applied by the United Kingdom until 31 December 2020) and of the UK Global Tariff. */
export const CET_YEAR = 2020;
export const UKGT_YEAR = 2021;
const UK = 'GBR';

export interface UkEuTariffSummary {
  rows: number;
  tariffs: number;
  /** Lines whose CET is a mixed duty, of which only the ad valorem part is stored. */
  mixedCet: string[];
}

const CET = 'cet_ad_valorem_pct';
const UKGT = 'ukgt_ad_valorem_pct';

const COLUMNS = columns({
  code: { header: 'cn_code', required: true, parse: lineCell },
  hs6: { header: 'hs6', required: true },
  cet: { header: CET, required: true, parse: rateCell },
  ukgt: { header: UKGT, required: true, parse: rateCell },
  cetText: { header: 'cet_duty_rate' },
});

/**
 * Reads the UK Department for International Trade's comparison of the UK Global Tariff with the EU's
 * Common External Tariff (`cn_code,…,cet_duty_rate,ukgt_duty_rate,…,cet_ad_valorem_pct,ukgt_ad_valorem_pct,hs6`):
 * the CET as the 2020 MFN rate of the 27 EU member states and of the United Kingdom, the UKGT as the
 * United Kingdom's 2021 MFN rate. The lines are CN 2020/2021 codes, on HS 2017.
 * @example await forEachTradeBatch(readUkEuTariffs(chunks, file), write)
 */
export async function* readUkEuTariffs(input: Chunks, file: string, options: BatchOptions = {}): AsyncGenerator<TradeBatch, UkEuTariffSummary> {
  const batches = new TradeBatcher(options);
  const summary: UkEuTariffSummary = { rows: 0, tariffs: 0, mixedCet: [] };
  const once = new RowOnce(file);
  for await (const rows of readTable(input, file, COLUMNS)) {
    for (const row of rows) {
      summary.rows++;
      const code = row.get('code');
      if (row.text('hs6') !== code.hs6) {
        throw new InputError(`hs6 ${JSON.stringify(row.text('hs6'))} is not the subheading of line ${code.line}`, row.at('hs6'));
      }
      once.check(code.line, row.line, 'cn_code', `line ${code.line}`);
      const cet = row.get('cet');
      const ukgt = row.get('ukgt');
      if (/max|min|\+|eur/i.test(row.text('cetText'))) summary.mixedCet.push(code.line);
      const at = { line: code.line, hs6: code.hs6, edition: 'HS2017', regime: 'mfn', scheme: null } as const;
      const tariffs: TariffLine[] = [
        ...[...EU27, UK].map((reporter) => ({ ...at, year: CET_YEAR, reporter, rate: cet })),
        { ...at, year: UKGT_YEAR, reporter: UK, rate: ukgt },
      ];
      const full = batches.push('tariffs', ...tariffs);
      if (full) yield full;
    }
  }
  const rest = batches.rest();
  if (rest) yield rest;
  summary.tariffs = batches.counts.tariffs;
  return summary;
}
