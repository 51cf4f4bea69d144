/**
 * The exchange rates an estimate used, for every download of it (CSV, XLSX, CLI): the figures are in US
 * dollars of the trade data; the revenue shares convert the duty at the rate of the latest year not after the
 * trade year and the revenue at the rate of its own year (domain/moratorium/shares.ts). Tables that have no
 * share of their own (lines, VAT, sensitivity) carry the rate the duty of their reporter and year was
 * converted at, so that a row copied on its own still says how to read it in local currency.
 */

import { FX_SOURCE, type FxRate } from '../../domain/moratorium/shares.ts';
import type { CsvCell } from './csv.ts';
import type { CountryYear, EstimateResult } from './moratorium-results.ts';

/** The rate the duty of a country-year was converted at for its shares; null when the shares are in US dollars or absent. */
export function dutyFxOf(row: CountryYear | undefined): FxRate | null {
  const basis = row?.customsShareBasis ?? row?.governmentShareBasis ?? null;
  return basis?.currency === 'local' ? basis.dutyFx : null;
}

/** The country-year of an estimate, by reporter and year. */
export function rowOf(result: EstimateResult, reporter: string, year: number): CountryYear | undefined {
  return result.rows.find((r) => r.reporter === reporter && r.year === year);
}

/** The columns of the duty's exchange rate on a reporter-year's row of a table. */
export const DUTY_FX_HEADER = ['currency', 'duty_fx_lcu_per_usd', 'duty_fx_year', 'fx_source'];

/** A reporter-year's duty exchange rate as cells: the figures' currency (US dollars), the rate, its year and source. */
export function dutyFxCells(result: EstimateResult, reporter: string, year: number): CsvCell[] {
  const fx = dutyFxOf(rowOf(result, reporter, year));
  return ['USD', fx?.rate, fx?.year, fx ? FX_SOURCE : null];
}

/**
 * The base case's duty exchange rates over the whole estimate, for a table of totals (the sensitivity):
 * "NPL 2022: 120 (2021)", one per reporter and year with a rate, joined by "; ".
 */
export function dutyFxList(result: EstimateResult): string | null {
  const rated = result.rows.flatMap((r) => {
    const fx = dutyFxOf(r);
    return fx ? [`${r.reporter} ${r.year}: ${fx.rate} (${fx.year})`] : [];
  });
  return rated.length ? rated.join('; ') : null;
}

/** The columns of a table of totals: the currency, the base case's rates and their source. */
export const TOTALS_FX_HEADER = ['currency', 'base_duty_fx_lcu_per_usd', 'fx_source'];

export function totalsFxCells(result: EstimateResult): CsvCell[] {
  const list = dutyFxList(result);
  return ['USD', list, list ? FX_SOURCE : null];
}
