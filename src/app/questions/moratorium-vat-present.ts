/**
 * The JSON of the sensitivity and of the VAT registry: each missing total with its reason, the exchange rates
 * of the base case, and beside each registry entry the standard rate of the tables and the rate the VAT
 * comparison uses, with their sources and dates.
 */

import { FX_INDICATOR, FX_SOURCE } from '../../domain/moratorium/shares.ts';
import type { MergedVatEntry } from '../../domain/moratorium/vat.ts';
import { comparisonRate, type StandardRate } from '../../domain/moratorium/vat-rates.ts';
import { dutyFxOf } from '../services/moratorium-fx.ts';
import { reasonsJson } from '../services/moratorium-missing.ts';
import type { EstimateResult, SensitivityRow } from '../services/moratorium-results.ts';
import type { Reference } from '../services/reference.ts';
import { vatEntryJson } from './moratorium-present.ts';
import { sourceLine, vintageSummary } from './present.ts';

/** The figures' currency and the exchange rates the duty of each reporter-year was converted at for its shares. */
export function exchangeRatesJson(result: EstimateResult) {
  return {
    indicator: FX_INDICATOR,
    source: FX_SOURCE,
    currency: result.options.shareCurrency,
    dutyRates: result.rows.flatMap((r) => {
      const fx = dutyFxOf(r);
      return fx ? [{ reporter: r.reporter, year: r.year, rate: fx.rate, rateYear: fx.year }] : [];
    }),
  };
}

/** A table rate as the answers give it. */
export function standardRateJson(s: StandardRate | null) {
  return s ? { ratePct: s.ratePct, source: s.source, citation: s.citation, asOf: s.asOf, others: s.others.length, disagree: s.disagree } : null;
}

/** The sensitivity: each variant's total in US dollars, why a total is missing, the base case's exchange rates. */
export function sensitivityJson(result: EstimateResult, rows: readonly SensitivityRow[]) {
  return {
    target: result.target,
    assumptions: result.assumptions.map(([name, value]) => ({ name, value })),
    years: [...new Set(result.rows.map((r) => r.year))].sort((a, b) => a - b),
    currency: 'USD',
    exchangeRates: exchangeRatesJson(result),
    count: rows.length,
    rows: rows.map((r) => ({ ...r, missing: reasonsJson(r.missing) })),
    source: sourceLine(result.vintages),
    vintages: result.vintages.map(vintageSummary),
  };
}

/** The registry: each entry with the tables' standard rate beside it and the rate the VAT comparison uses (or why there is none). */
export function vatRegistryJson(entries: readonly MergedVatEntry[], standard: ReadonlyMap<string, StandardRate>, ref: Reference) {
  return {
    count: entries.length,
    entries: entries.map((e) => {
      const table = standard.get(e.iso3) ?? null;
      return { ...vatEntryJson(e, ref), standardRate: standardRateJson(table), rateUsed: comparisonRate(e, table) };
    }),
  };
}
