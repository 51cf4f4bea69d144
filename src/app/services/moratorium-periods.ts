/**
 * Which tariff schedule priced each estimate row, and how far its dates are from the trade period's
 * (domain/moratorium/periods.ts): the fields every row carries in JSON, downloads, page and CLI.
 */

import type { TradeCoverage } from '../../domain/moratorium/coverage.ts';
import type { EstimateRow } from '../../domain/moratorium/estimate.ts';
import { chooseSchedule, coversYears, fitOf, gregorianLabel, periodOf, type DatedPeriod, type ScheduleMatch } from '../../domain/moratorium/periods.ts';
import type { StoredPeriod } from '../../adapters/storage/sql-periods.ts';
import type { DutyBaseRequest, ReadStore } from '../../adapters/storage/store.ts';
import type { DutyBaseLine } from '../../domain/moratorium/duty-base.ts';

/** What is wrong with the schedule that priced a row: not in force during the trade period, or more than a year from it. */
export type ScheduleWarning = 'not-in-force' | 'over-a-year';

export interface ScheduleFields {
  /** The trade period as its source names it ("FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026)", "2024"). */
  period: string;
  /** Its Gregorian name: "2024", or "FY 2025/26" when it straddles two calendar years. */
  periodGregorian: string;
  periodFrom: string;
  periodTo: string;
  /** The schedule that priced the row, its dates and how it stands to the trade period; null without one. */
  tariffSchedule: string | null;
  tariffScheduleFrom: string | null;
  tariffScheduleTo: string | null;
  tariffMatch: ScheduleMatch | null;
  /** Days and months from the start of the trade period to the start of the schedule (negative: before). */
  gapDays: number | null;
  gapMonths: number | null;
  tariffWarning: ScheduleWarning | null;
  /** How many schedules of the reporter are stored (1: no other to choose from). */
  tariffSchedules: number;
}

/** The stored periods split by kind, with each reporter's schedules; years without stored dates are calendar years. */
export class PeriodBook {
  private readonly trade: StoredPeriod[];
  private readonly tariff: StoredPeriod[];
  private readonly years = new Map<string, Set<number>>();

  constructor(periods: readonly StoredPeriod[], coverage: readonly TradeCoverage[]) {
    this.trade = periods.filter((p) => p.kind === 'trade');
    this.tariff = periods.filter((p) => p.kind === 'tariff');
    for (const c of coverage) {
      let ys = this.years.get(c.reporter);
      if (!ys) this.years.set(c.reporter, (ys = new Set()));
      for (const y of c.tariffYears) ys.add(y);
    }
  }

  tradePeriod(reporter: string, year: number): DatedPeriod {
    return periodOf(this.trade, reporter, year);
  }

  schedule(reporter: string, year: number): DatedPeriod {
    return periodOf(this.tariff, reporter, year);
  }

  /** Every stored schedule of a reporter, with its dates. */
  schedules(reporter: string): DatedPeriod[] {
    return [...(this.years.get(reporter) ?? [])].sort((a, b) => a - b).map((y) => this.schedule(reporter, y));
  }

  /**
   * A target's duty base for a range of calendar years: a period is filed under the calendar year in which it ends, so
   * the base is read up to the year after the range and kept where the trade period covers a year of it.
   */
  async dutyBaseLines(store: ReadStore, reporters: readonly string[] | null, lines: DutyBaseRequest['lines'], years: { from: number; to: number } | null): Promise<DutyBaseLine[]> {
    const range = years ? { from: years.from, to: years.to } : null;
    const read = await store.dutyBaseLines({ reporters, from: range?.from ?? null, to: range ? range.to + 1 : null, lines });
    return read.filter((l) => this.covers(l.reporter, l.year, range));
  }

  /** Whether the trade period filed under `year` covers a calendar year of the range: `years=2025` finds FY 2025/26. */
  covers(reporter: string, year: number, range: { from: number | null; to: number | null } | null): boolean {
    return coversYears(this.tradePeriod(reporter, year), range);
  }

  /** The schedule the dates choose for a row's trade period (the duty base chose by year; the two agree when periods are filed by the year in which they end). */
  chosen(reporter: string, year: number): DatedPeriod | null {
    return chooseSchedule(this.tradePeriod(reporter, year), this.schedules(reporter))?.schedule ?? null;
  }

  fields(row: Pick<EstimateRow, 'reporter' | 'year' | 'tariffYear'>): ScheduleFields {
    const period = this.tradePeriod(row.reporter, row.year);
    const count = this.years.get(row.reporter)?.size ?? 0;
    const base = { period: period.label, periodGregorian: gregorianLabel(period), periodFrom: period.from, periodTo: period.to, tariffSchedules: count };
    if (row.tariffYear === null) {
      return { ...base, tariffSchedule: null, tariffScheduleFrom: null, tariffScheduleTo: null, tariffMatch: null, gapDays: null, gapMonths: null, tariffWarning: null };
    }
    const schedule = this.schedule(row.reporter, row.tariffYear);
    const fit = fitOf(period, schedule, count);
    return {
      ...base,
      tariffSchedule: schedule.label,
      tariffScheduleFrom: schedule.from,
      tariffScheduleTo: schedule.to,
      tariffMatch: fit.match,
      gapDays: fit.gapDays,
      gapMonths: fit.gapMonths,
      tariffWarning: fit.overAYear ? 'over-a-year' : fit.match !== 'in-force' ? 'not-in-force' : null,
    };
  }
}
