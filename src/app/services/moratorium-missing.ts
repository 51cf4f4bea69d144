/**
 * Why each missing figure of an estimate is missing, and which of its lines look like government
 * procurement: what JSON, CSV, XLSX, the page and the CLI carry beside the figures.
 */

import {
  absentReason,
  groupMissing,
  missingCell,
  missingText,
  revenueMissing,
  shareMissing,
  type MissingReason,
} from '../../domain/moratorium/missing.ts';
import { procurementFlag, type ProcurementFlag } from '../../domain/moratorium/procurement.ts';
import type { CountryYear, EstimateResult } from './moratorium-results.ts';
import type { LineRow } from '../../domain/moratorium/estimate.ts';

/**
 * The revenue series a share divides by, as the reasons name them: customs revenue (GC.TAX.IMPT.ZS ×
 * GC.TAX.TOTL.GD.ZS × NY.GDP.MKTP.CD) and government revenue (GC.REV.XGRT.GD.ZS × NY.GDP.MKTP.CD).
 */
export const CUSTOMS_SERIES = 'customs';
export const GOVERNMENT_SERIES = 'government';

/** The reasons of a country-year's missing figures, by field; empty when nothing is missing. */
export function rowMissing(row: CountryYear, result: EstimateResult): Partial<Record<'revenueUsd' | 'tariffYear' | 'shareOfCustoms' | 'shareOfGovernment', MissingReason>> {
  const measure = result.options.tariff;
  const revenue = revenueMissing(row, measure);
  const customs = shareMissing(revenue, row.customsRevenue, CUSTOMS_SERIES);
  const government = shareMissing(revenue, row.governmentRevenue, GOVERNMENT_SERIES);
  return {
    ...(revenue ? { revenueUsd: revenue } : {}),
    ...(row.tariffYear === null ? { tariffYear: { code: 'no-tariff', measure } as const } : {}),
    ...(row.shareOfCustoms === null && customs ? { shareOfCustoms: customs } : {}),
    ...(row.shareOfGovernment === null && government ? { shareOfGovernment: government } : {}),
  };
}

/** Why a line has no rate (and no revenue): no schedule for the measure, or none of its lines rated. */
export function lineMissing(line: LineRow, result: EstimateResult): MissingReason | null {
  if (line.ratePct !== null) return null;
  const row = result.rows.find((r) => r.reporter === line.reporter && r.year === line.year);
  return revenueMissing({ revenueUsd: null, tariffYear: row?.tariffYear ?? null }, result.options.tariff);
}

/** Why a group's year has no total. */
export function groupYearMissing(result: EstimateResult, year: number): MissingReason | null {
  return groupMissing(result.rows.filter((r) => r.year === year), result.options.tariff);
}

/** Why a member (or the country) has no row at all: no imports, or imports in an edition without correlation. */
export function noDataMissing(result: EstimateResult, iso3: string): MissingReason {
  return absentReason(iso3, result.absences);
}

/** A reason as JSON: its code, its detail and an English sentence. */
export function reasonJson(r: MissingReason) {
  return { ...r, text: missingText(r) };
}

/** The reasons of a set of fields as JSON, keyed by field. */
export function reasonsJson(reasons: Partial<Record<string, MissingReason>>) {
  return Object.fromEntries(Object.entries(reasons).map(([field, r]) => [field, reasonJson(r as MissingReason)]));
}

/** A reason as a table cell (CSV, XLSX, CLI); empty when there is none. */
export const reasonCell = (r: MissingReason | null | undefined): string | null => (r ? missingCell(r) : null);

/** The procurement flag of a line of the estimate. */
export const lineProcurement = (line: { reporter: string; hs6: string }): ProcurementFlag | null => procurementFlag(line.reporter, line.hs6);

/** A flag as a table cell: its code and the national lines known, e.g. "security-documents (49070040 Passport; …)". */
export function procurementCell(flag: ProcurementFlag | null): string | null {
  if (!flag) return null;
  return flag.nationalLines.length ? `${flag.code} (${flag.nationalLines.map((l) => `${l.line} ${l.description}`).join('; ')})` : flag.code;
}

/**
 * The flagged lines of an estimate, per reporter and year: imports, revenue and the part of the
 * reporter-year's revenue they make.
 */
export function procurementLines(result: EstimateResult) {
  return result.lines.flatMap((l) => {
    const flag = lineProcurement(l);
    if (!flag) return [];
    const row = result.rows.find((r) => r.reporter === l.reporter && r.year === l.year);
    const share = l.revenueUsd !== null && row?.revenueUsd ? l.revenueUsd / row.revenueUsd : null;
    return [{ reporter: l.reporter, year: l.year, hs6: l.hs6, importsUsd: l.importsUsd, revenueUsd: l.revenueUsd, shareOfRevenue: share, flag }];
  });
}
