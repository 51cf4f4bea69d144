import type { HsEdition } from './hs.ts';
import type { TariffMeasure } from './options.ts';

/**
 * Why a figure of an estimate is missing. A missing figure is never zero, and never plain "no data": it
 * says which input is absent.
 * - no-trade: no imports of the listed lines in the data;
 * - no-tariff: imports, but no tariff schedule for the measure (bound, MFN) of the reporter at all;
 * - no-rate: a schedule, but no ad valorem rate for the measure on the line (blank, specific duty);
 * - no-correlation: imports recorded in an HS edition the list cannot be translated into (no UNSD
 *   correlation stored between the list's edition and that one);
 * - no-revenue-series: an estimate, but no customs or government revenue series to divide it by.
 */
export type MissingReason =
  | { code: 'no-trade' }
  | { code: 'no-tariff'; measure: TariffMeasure }
  | { code: 'no-rate'; measure: TariffMeasure }
  | { code: 'no-correlation'; from: HsEdition; to: HsEdition }
  | { code: 'no-revenue-series'; series: string };

export const MISSING_CODES = ['no-trade', 'no-tariff', 'no-rate', 'no-correlation', 'no-revenue-series'] as const;
export type MissingCode = (typeof MISSING_CODES)[number];

/**
 * The reason as one short cell, the form CSV, XLSX and the CLI write it.
 * @example missingCell({ code: 'no-correlation', from: 'HS2022', to: 'HS2012' }) // 'no-correlation HS2022>HS2012'
 */
export function missingCell(r: MissingReason): string {
  switch (r.code) {
    case 'no-trade':
      return r.code;
    case 'no-tariff':
    case 'no-rate':
      return `${r.code} ${r.measure}`;
    case 'no-correlation':
      return `${r.code} ${r.from}>${r.to}`;
    case 'no-revenue-series':
      return `${r.code} ${r.series}`;
  }
}

/** The reason in an English sentence. */
export function missingText(r: MissingReason): string {
  switch (r.code) {
    case 'no-trade':
      return 'no imports of the listed lines in the data';
    case 'no-tariff':
      return `imports, but no ${r.measure} tariff schedule for this reporter in the data`;
    case 'no-rate':
      return `no ad valorem ${r.measure} rate for the line in the tariff schedule`;
    case 'no-correlation':
      return `imports recorded in ${r.to}, but no HS correlation between ${r.from} (the list) and ${r.to} is stored`;
    case 'no-revenue-series':
      return `no ${r.series} revenue series (World Bank) for this country in the ten years up to the estimate`;
  }
}

/**
 * Why a reporter-year (or a line) has no revenue: without a tariff year for the measure there is no
 * schedule at all; with one, the lines have no rate for the measure. Null when the revenue is there.
 */
export function revenueMissing(row: { revenueUsd: number | null; tariffYear: number | null }, measure: TariffMeasure): MissingReason | null {
  if (row.revenueUsd !== null) return null;
  return row.tariffYear === null ? { code: 'no-tariff', measure } : { code: 'no-rate', measure };
}

/** Why a share of revenue is missing: the estimate is, or the revenue series is. */
export function shareMissing(
  revenue: MissingReason | null,
  series: { value: number } | null,
  seriesName: string,
): MissingReason | null {
  if (revenue) return revenue;
  return series && series.value > 0 ? null : { code: 'no-revenue-series', series: seriesName };
}

/** Why a group's year has no total: no member with imports, or members with imports but none rated. */
export function groupMissing(rows: readonly { revenueUsd: number | null; tariffYear: number | null }[], measure: TariffMeasure): MissingReason | null {
  if (rows.length === 0) return { code: 'no-trade' };
  if (rows.some((r) => r.revenueUsd !== null)) return null;
  return rows.every((r) => r.tariffYear === null) ? { code: 'no-tariff', measure } : { code: 'no-rate', measure };
}

/** Imports of a reporter that the estimate cannot use, and why: years in an edition the list has no correlation to. */
export interface Absence {
  reporter: string;
  edition: HsEdition;
  firstYear: number;
  lastYear: number;
  importsUsd: number;
  reason: MissingReason;
}

/**
 * The reporters' imports in editions none of the list's lines reach (no correlation stored), within the
 * years asked for: those years have imports, and the estimate is missing for want of a correlation table.
 */
export function uncorrelated(
  coverage: readonly { reporter: string; edition: HsEdition; firstYear: number; lastYear: number; importsUsd: number }[],
  reached: ReadonlySet<HsEdition>,
  listEdition: HsEdition,
  years: { from: number; to: number } | null,
): Absence[] {
  return coverage
    .filter((c) => !reached.has(c.edition) && (!years || (c.lastYear >= years.from && c.firstYear <= years.to)))
    .map((c) => ({
      reporter: c.reporter,
      edition: c.edition,
      firstYear: years ? Math.max(c.firstYear, years.from) : c.firstYear,
      lastYear: years ? Math.min(c.lastYear, years.to) : c.lastYear,
      importsUsd: c.importsUsd,
      reason: { code: 'no-correlation', from: listEdition, to: c.edition },
    }));
}

/** Why a member has no row at all: its imports are in an edition without correlation, else it has none. */
export function absentReason(iso3: string, absences: readonly Absence[]): MissingReason {
  return absences.find((a) => a.reporter === iso3)?.reason ?? { code: 'no-trade' };
}

/** An absence in an English sentence, for the notes. */
export function absenceText(a: Absence): string {
  const years = a.firstYear === a.lastYear ? String(a.firstYear) : `${a.firstYear}–${a.lastYear}`;
  return `${a.reporter} ${years}: no estimate, ${missingText(a.reason)} (imports recorded in ${a.edition}, not zero)`;
}
