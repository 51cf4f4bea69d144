import { MAX_YEAR, MIN_YEAR } from '../../domain/observation.ts';
import { formatShare, type EstimateOptions } from '../../domain/moratorium/options.ts';
import type { MergedVatEntry } from '../../domain/moratorium/vat.ts';
import { FX_INDICATOR, FX_SOURCE } from '../../domain/moratorium/shares.ts';
import { safeFilename, type CsvTable } from '../services/csv.ts';
import type { DutyDesign, EstimateResult, VatRow } from '../services/moratorium-results.ts';
import { assumptionsTable, linesTable, resultsTable, vatTable, vintagesTable, type Table } from '../services/moratorium-tables.ts';
import { dutyFxOf, rowOf } from '../services/moratorium-fx.ts';
import { exchangeRatesJson, standardRateJson } from './moratorium-vat-present.ts';
import type { Reference } from '../services/reference.ts';
import { toXlsx } from '../services/xlsx.ts';
import { groupYearMissing, lineMissing, lineProcurement, noDataMissing, procurementLines, reasonJson, reasonsJson, rowMissing } from '../services/moratorium-missing.ts';
import { entityName, sourceLine, vintageSummary } from './present.ts';

/** What the moratorium's answers say: the estimate, VAT and design in JSON, their workbooks and file names. */

/** The formula every answer states, in words. */
export const REVENUE_FORMULA =
  'revenue(c, t) = Σ over the listed HS6 lines k of imports M(c,k,t) × share digitised s(k) × valuation factor v(k) × rate τ(c,k,t) × (1 + τ)^ε';

/** The English name of a reporter, for the tables. */
export const nameLookup = (ref: Reference) => (iso3: string) => entityName(ref, iso3);

/** The estimate as the API answers it in JSON. */
export function estimateJson(result: EstimateResult, ref: Reference, withLines: boolean) {
  const o = result.options;
  return {
    target: result.target,
    list: { ...result.list, lines: [...result.list.lines] },
    options: {
      tariff: o.tariff,
      rollup: o.rollup,
      share: formatShare(o.share),
      valuation: o.valuation,
      carrierShare: o.carrierShare,
      elasticity: o.elasticity,
      years: o.years ? { from: o.years.from, to: o.years.to } : null,
      shareCurrency: o.shareCurrency,
      vatBase: o.vatBase,
    },
    assumptions: result.assumptions.map(([name, value]) => ({ name, value })),
    exchangeRates: { indicator: FX_INDICATOR, source: FX_SOURCE, currency: o.shareCurrency },
    formula: REVENUE_FORMULA,
    count: result.rows.length,
    rows: result.rows.map((r) => ({
      reporter: r.reporter,
      name: r.name,
      year: r.year,
      tariffYear: r.tariffYear,
      period: r.period,
      periodGregorian: r.periodGregorian,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      tariffSchedule: r.tariffSchedule,
      tariffScheduleFrom: r.tariffScheduleFrom,
      tariffScheduleTo: r.tariffScheduleTo,
      tariffMatch: r.tariffMatch,
      gapDays: r.gapDays,
      gapMonths: r.gapMonths,
      tariffWarning: r.tariffWarning,
      tariffSchedules: r.tariffSchedules,
      importsUsd: r.importsUsd,
      importsRatedUsd: r.importsRatedUsd,
      revenueUsd: r.revenueUsd,
      linesWithRate: r.linesWithRate,
      linesWithoutRate: r.linesWithoutRate,
      customsRevenue: r.customsRevenue,
      governmentRevenue: r.governmentRevenue,
      shareOfCustoms: r.shareOfCustoms,
      shareOfGovernment: r.shareOfGovernment,
      missing: reasonsJson(rowMissing(r, result)),
      customsShareBasis: r.customsShareBasis,
      governmentShareBasis: r.governmentShareBasis,
    })),
    groupRows: result.groupRows?.map((g) => {
      const why = g.revenueUsd === null ? groupYearMissing(result, g.year) : null;
      return { ...g, missing: why ? { revenueUsd: reasonJson(why) } : {} };
    }) ?? null,
    noData: result.noData.map((iso3) => ({ iso3, name: entityName(ref, iso3), reason: reasonJson(noDataMissing(result, iso3)) })),
    absences: result.absences.map((a) => ({ ...a, reason: reasonJson(a.reason) })),
    procurement: procurementLines(result),
    ...(withLines
      ? {
          lines: result.lines.map((l) => {
            const why = lineMissing(l, result);
            return { ...l, procurement: lineProcurement(l), missing: why ? { ratePct: reasonJson(why), revenueUsd: reasonJson(why) } : {} };
          }),
        }
      : {}),
    notes: result.notes,
    source: sourceLine(result.vintages),
    vintages: result.vintages.map(vintageSummary),
  };
}

/** The tables of an estimate as a workbook: results, lines, assumptions, vintages. */
export function estimateWorkbook(result: EstimateResult, ref: Reference): Uint8Array {
  const name = nameLookup(ref);
  return toXlsx([resultsTable(result, name), linesTable(result, name), assumptionsTable(result), vintagesTable(result.vintages)]);
}

/** The file name of an estimate's downloads, saying what they hold. */
export function estimateFilename(result: EstimateResult, extension: string, part = ''): string {
  const o = result.options;
  const years = o.years ? `_${o.years.from === MIN_YEAR ? '' : o.years.from}-${o.years.to === MAX_YEAR ? '' : o.years.to}` : '';
  return safeFilename(`moratorium_${result.target.id}_${o.tariff}${years}${part}.${extension}`);
}

/** A table of the estimate's tables as a download. */
export const csvOf = (table: Table, filename: string): CsvTable => ({ filename, header: table.header, rows: table.rows });

/** The formula of the VAT comparison, in words. */
export const VAT_FORMULA =
  'VAT(c, t) = Σ over the listed HS6 lines k of imports M(c,k,t) × s(k) × v(k) × (1 + τ)^ε × (1 + τ) × VAT rate: VAT on the value plus the duty, after the imports respond to the duty';

/** The formulas of a duty design, in words. */
export const DESIGN_FORMULA =
  'imports after = B × (1 + t)^ε; revenue = t × imports after; cost to consumers = B × ((1 + t)^(ε+1) − 1)/(ε + 1) (B × ln(1 + t) when ε = −1); ' +
  'deadweight loss = cost − revenue; revenue-maximising rate = 1/(−ε − 1) when ε < −1';

/** A registry entry as the API answers it. */
export function vatEntryJson(e: MergedVatEntry, ref: Reference) {
  return {
    iso3: e.iso3,
    name: entityName(ref, e.iso3),
    rate: e.rate,
    start: e.start,
    threshold: e.threshold,
    model: e.model,
    legislated: e.legislated,
    asOf: e.asOf,
    sources: e.sources,
    sourceUrl: e.sourceUrl,
    note: e.note,
  };
}

/** Duty against VAT per country and year, as the API answers it in JSON. */
export function vatJson(result: EstimateResult, rows: readonly VatRow[], ref: Reference) {
  return {
    target: result.target,
    assumptions: result.assumptions.map(([name, value]) => ({ name, value })),
    formula: result.options.vatBase === 'with-duty' ? VAT_FORMULA : VAT_FORMULA_IMPORT_VALUE,
    vatBase: result.options.vatBase,
    count: rows.length,
    rows: rows.map((r) => ({
      reporter: r.reporter,
      name: r.name,
      year: r.year,
      dutyRevenueUsd: r.dutyRevenueUsd,
      vatRevenueUsd: r.vatRevenueUsd,
      vat: r.entry ? vatEntryJson(r.entry, ref) : null,
      rate: r.rate,
      standardRate: standardRateJson(r.standard),
      dutyFx: dutyFxOf(rowOf(result, r.reporter, r.year)),
    })),
    exchangeRates: exchangeRatesJson(result),
    noData: result.noData.map((iso3) => ({ iso3, name: entityName(ref, iso3) })),
    source: sourceLine(result.vintages),
    vintages: result.vintages.map(vintageSummary),
  };
}

/** The VAT comparison as a workbook: the comparison, the estimate's assumptions and its vintages. */
export function vatWorkbook(result: EstimateResult, rows: readonly VatRow[]): Uint8Array {
  return toXlsx([vatTable(result, rows), assumptionsTable(result), vintagesTable(result.vintages)]);
}

/** The formula of the VAT comparison on the import value, the default. */
export const VAT_FORMULA_IMPORT_VALUE =
  'VAT(c, t) = Σ over the listed HS6 lines k of imports M(c,k,t) × s(k) × v(k) × (1 + τ)^ε × VAT rate: VAT on the same import value as the duty, duty excluded';

/** A duty design as the API answers it in JSON. */
export function designJson(design: DutyDesign, options: EstimateOptions, ref: Reference) {
  const fromData = design.baseFrom === 'listed lines';
  return {
    country: { iso3: design.iso3, name: entityName(ref, design.iso3) },
    base: {
      usd: design.baseUsd,
      from: design.baseFrom,
      year: design.year,
      ...(fromData ? { list: options.list, share: formatShare(options.share), valuation: options.valuation, carrierShare: options.carrierShare } : {}),
    },
    formula: DESIGN_FORMULA,
    simulation: design.simulation,
    peakRatePct: design.peakRatePct,
    peak: design.laffer.peak,
    curve: design.laffer.points,
    source: fromData ? sourceLine(design.vintages) : 'value of electronic transmissions given by the user',
    vintages: design.vintages.map(vintageSummary),
  };
}

/** The file name of a design's downloads: country, rate and elasticity. */
export function designFilename(design: DutyDesign, extension: string): string {
  return safeFilename(`moratorium_design_${design.iso3}_${design.simulation.ratePct}pct_e${design.simulation.elasticity}.${extension}`);
}
