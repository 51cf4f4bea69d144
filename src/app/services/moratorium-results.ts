/**
 * What the moratorium estimator answers with: the estimate per country, year and group, its remarks, its
 * sensitivity, VAT/GST on the same base and duty designs. Pages, downloads, the API and the CLI read these.
 */

import type { ScheduleFields } from './moratorium-periods.ts';
import type { Vintage } from '../../domain/vintage.ts';
import type { EstimateRow, LineFactor, LineRow } from '../../domain/moratorium/estimate.ts';
import type { HsEdition } from '../../domain/moratorium/hs.ts';
import type { Absence, MissingReason } from '../../domain/moratorium/missing.ts';
import type { ProductList } from '../../domain/moratorium/lists.ts';
import type { DutySimulation, LafferCurve } from '../../domain/moratorium/design.ts';
import type { EstimateOptions } from '../../domain/moratorium/options.ts';
import type { MergedVatEntry } from '../../domain/moratorium/vat.ts';
import type { ShareBasis } from '../../domain/moratorium/shares.ts';
import type { ComparisonRate, StandardRate } from '../../domain/moratorium/vat-rates.ts';

/** Whose revenue: one country, or the members of a group (the world: every reporter with imports). */
export type EstimateTarget = { kind: 'country'; id: string } | { kind: 'group'; id: string };

/** A figure taken from a series, with the year it is from (which may be earlier than the estimate's). */
export interface DatedValue {
  value: number;
  year: number;
}

export interface CountryYear extends EstimateRow, ScheduleFields {
  name: string;
  /** Customs and other import duties, USD: GC.TAX.IMPT.ZS × GC.TAX.TOTL.GD.ZS × NY.GDP.MKTP.CD. */
  customsRevenue: DatedValue | null;
  /** Government revenue excluding grants, USD: GC.REV.XGRT.GD.ZS × NY.GDP.MKTP.CD. */
  governmentRevenue: DatedValue | null;
  /** Revenue as a share of customs revenue (0–1), when both are known, in the currency of its basis. */
  shareOfCustoms: number | null;
  shareOfGovernment: number | null;
  /** How each share was computed: currency, the duty's and the revenue's years and exchange rates, the years warning. */
  customsShareBasis: ShareBasis | null;
  governmentShareBasis: ShareBasis | null;
}

export interface GroupYear {
  year: number;
  /** Sum over the members with a rated line; null when none has one. */
  revenueUsd: number | null;
  importsUsd: number;
  membersWithData: number;
  membersTotal: number;
}

export interface EstimateResult {
  target: { kind: EstimateTarget['kind']; id: string; name: string };
  options: EstimateOptions;
  list: ProductList;
  /** Every assumption, as label/value pairs, for pages and downloads. */
  assumptions: [string, string][];
  rows: CountryYear[];
  lines: LineRow[];
  /** Per year, for a group. */
  groupRows: GroupYear[] | null;
  /** Members (or the country) without any imports in the data: "no data", never zero. */
  noData: string[];
  /** The vintages the figures come from: imports, tariffs, schemes, correlations and revenue series. */
  vintages: Vintage[];
  /** What the reader should know: concordance splits, tariff years standing in for others, codes not concorded. */
  remarks: Remark[];
  /** The remarks as English sentences, for downloads and the command line. */
  notes: string[];
  /** The listed lines of each trade edition with their factor s(k) × valuation. */
  factors: LineFactor[];
  /** Imports the estimate cannot use, and why (years in an HS edition without a correlation to the list's). */
  absences: Absence[];
}

/** Something the reader should know about an estimate's data; pages word it in their language. */
export type Remark =
  | {
      kind: 'tariff-year';
      reporter: string;
      year: number;
      tariffYear: number;
      /** The trade period's and the schedule's names and dates, and how far apart they start. */
      period: string;
      schedule: string;
      scheduleFrom: string;
      scheduleTo: string;
      match: 'earlier' | 'later';
      gapMonths: number;
      overAYear: boolean;
      /** The reporter has no other schedule stored. */
      only: boolean;
    }
  | { kind: 'more-tariff-years'; count: number }
  | { kind: 'concorded'; from: HsEdition; to: HsEdition; lines: { hs6: string; match: LineFactor['match'] }[] }
  | { kind: 'not-concorded'; from: HsEdition; to: HsEdition; codes: string[] };

/** A remark in English. */
export function remarkText(r: Remark): string {
  switch (r.kind) {
    case 'tariff-year':
      return (
        `${r.reporter}: ${r.period} imports priced with the tariff schedule ${r.schedule} (${r.scheduleFrom} to ${r.scheduleTo}), ` +
        `in force ${r.match === 'later' ? 'only after' : 'only before'} the trade period, ${Math.abs(r.gapMonths)} months ${r.gapMonths >= 0 ? 'later' : 'earlier'}` +
        `${r.overAYear ? ' (more than a year apart)' : ''}; ${r.only ? 'the only schedule stored for this country' : 'no schedule stored was in force during the trade period'}`
      );
    case 'more-tariff-years':
      return `… and ${r.count} more reporter-years priced with another year's schedule`;
    case 'concorded':
      return `${r.from} list concorded to ${r.to} (UNSD correlation): ${r.lines.map((l) => `${l.hs6} ${l.match}`).join(', ')}`;
    case 'not-concorded':
      return `${r.codes.length} ${r.from} line(s) of the list have no ${r.to} correlation stored and are left out for ${r.to} trade: ${r.codes.join(', ')}`;
  }
}

/** What the reader should know about an estimate: tariff years standing in for others, concordance splits, codes not concorded. */
export function remarksOf(rows: CountryYear[], factors: LineFactor[], unmatched: { edition: HsEdition; codes: string[] }[], list: ProductList, editions: HsEdition[]): Remark[] {
  const remarks: Remark[] = [];
  const substituted = rows
    .filter((r) => r.tariffYear !== null && (r.tariffMatch === 'earlier' || r.tariffMatch === 'later'))
    .map(
      (r): Remark => ({
        kind: 'tariff-year',
        reporter: r.reporter,
        year: r.year,
        tariffYear: r.tariffYear as number,
        period: r.period,
        schedule: r.tariffSchedule ?? String(r.tariffYear),
        scheduleFrom: r.tariffScheduleFrom ?? '',
        scheduleTo: r.tariffScheduleTo ?? '',
        match: r.tariffMatch as 'earlier' | 'later',
        gapMonths: r.gapMonths ?? 0,
        overAYear: r.tariffWarning === 'over-a-year',
        only: r.tariffSchedules === 1,
      }),
    );
  remarks.push(...substituted.slice(0, 20));
  if (substituted.length > 20) remarks.push({ kind: 'more-tariff-years', count: substituted.length - 20 });
  for (const edition of editions) {
    if (edition === list.edition) continue;
    const split = factors.filter((f) => f.edition === edition && f.match !== 'exact');
    if (split.length) remarks.push({ kind: 'concorded', from: list.edition, to: edition, lines: split.map((f) => ({ hs6: f.hs6, match: f.match })) });
  }
  for (const u of unmatched) remarks.push({ kind: 'not-concorded', from: list.edition, to: u.edition, codes: u.codes });
  return remarks;
}

/** VAT/GST on digital supplies against the duty, per country and year, on the same base. */
export interface VatRow {
  reporter: string;
  name: string;
  year: number;
  /** The registry entry (built-in facts, imported registries and tracker, accepted answers), or null. */
  entry: MergedVatEntry | null;
  /** The standard rate of the imported tables, with its source and date; null when no table gives one. */
  standard: StandardRate | null;
  /** The rate used: the registry's, else the table's, else none with the reason. */
  rate: ComparisonRate;
  dutyRevenueUsd: number | null;
  /** VAT on the listed lines' base plus the duty (when a duty is levied), after the import response; null without a rate. */
  vatRevenueUsd: number | null;
}

export interface DutyDesign {
  iso3: string;
  /** The year of the imports the base comes from, when it comes from the data. */
  year: number | null;
  baseUsd: number;
  /** 'listed lines': the imports of the list's lines × share × valuation; 'given': the user's value of electronic transmissions. */
  baseFrom: 'listed lines' | 'given';
  simulation: DutySimulation;
  laffer: LafferCurve;
  /** The rate that maximises revenue under the elasticity (percent), or null when revenue rises with the rate. */
  peakRatePct: number | null;
  /** The vintages the base comes from: none when the value is given. */
  vintages: Vintage[];
}

export interface SensitivityRow {
  assumption: string;
  value: string;
  /** Revenue summed over the estimate's years (and members), or null without data. */
  revenueUsd: number | null;
  /** Change against the base case, as a ratio (0.25 = +25%). */
  change: number | null;
  base: boolean;
  /** Why the total (and so the change) is null, or why the change is, when the base case's total is missing. */
  missing: Partial<Record<'revenueUsd' | 'change', MissingReason>>;
}

/**
 * Everything the moratorium page shows for one target and set of options, from one read of the duty base:
 * the estimate, its sensitivity to each assumption, VAT/GST on the same base and duty designs.
 */
export interface MoratoriumReport {
  result: EstimateResult;
  sensitivity: SensitivityRow[];
  vat: VatRow[];
  /** A duty design for a country of the estimate, from the same base (see MoratoriumService.design). */
  design(iso3: string, ratePct: number, baseUsd?: number): Promise<DutyDesign>;
}
