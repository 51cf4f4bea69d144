/**
 * The dates of trade periods and tariff schedules, and the schedule in force for a trade period.
 *
 * Every period is filed under the calendar year in which it ends: calendar year 2025 under 2025, the fiscal
 * year 2025/26 (mid-July 2025 to mid-July 2026) under 2026, Nepal's Customs Tariff 2026/27 under 2027. A period
 * that straddles two calendar years is labelled as such ("FY 2025/26") and is found by either calendar year it
 * covers (`coversYears`).
 */

/** How a period's dates were set. */
export type PeriodBasis = 'calendar-year' | 'fiscal-year' | 'fiscal-year-bs';

/** The dates of one trade period or tariff schedule of a reporter. */
export interface DatedPeriod {
  reporter: string;
  /** The calendar year the period is filed under: the one in which it ends. */
  year: number;
  /** First and last day, ISO dates, both included. */
  from: string;
  to: string;
  /** "2025", "FY 2025/26", "FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026)". */
  label: string;
  basis: PeriodBasis;
  /** Where the dates come from ("file name and PROVENANCE.md", "the tariff's year"). */
  source: string;
}

export type PeriodKind = 'trade' | 'tariff';

const DAY = 86_400_000;
const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** A calendar year, as WITS, BACI and Comtrade give their years. */
export function calendarYear(reporter: string, year: number, source = 'calendar year'): DatedPeriod {
  return { reporter, year, from: `${year}-01-01`, to: `${year}-12-31`, label: String(year), basis: 'calendar-year', source };
}

/**
 * Nepal's fiscal year ending in mid-July of `endYear` (Gregorian): Shrawan 1 falls on 16 or 17 July, so the year
 * is taken from 16 July to 15 July. Its Bikram Sambat name is (endYear + 56)/(endYear + 57): FY 2082/83 ends in 2026.
 * @example nepalFiscalYear('NPL', 2026).label // "FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026)"
 */
export function nepalFiscalYear(reporter: string, endYear: number, source: string): DatedPeriod {
  const bs = endYear + 56;
  const from = `${endYear - 1}-07-16`;
  const to = `${endYear}-07-15`;
  return { reporter, year: endYear, from, to, label: `FY ${bs}/${String(bs + 1).slice(2)} BS (${shortDate(from)} – ${shortDate(to)})`, basis: 'fiscal-year-bs', source };
}

/** A Gregorian fiscal year or tariff year that starts on `startMonthDay` ("07-16") of `endYear - 1`: "FY 2025/26". */
export function fiscalYear(reporter: string, endYear: number, startMonthDay: string, source: string): DatedPeriod {
  const start = `${endYear - 1}-${startMonthDay}`;
  const end = new Date((dayOf(`${endYear}-${startMonthDay}`) - 1) * DAY).toISOString().slice(0, 10);
  return { reporter, year: endYear, from: start, to: end, label: `FY ${endYear - 1}/${String(endYear).slice(2)}`, basis: 'fiscal-year', source };
}

/** The calendar years a period covers, first and last. */
export function calendarYearsOf(p: Pick<DatedPeriod, 'from' | 'to'>): [number, number] {
  return [Number(p.from.slice(0, 4)), Number(p.to.slice(0, 4))];
}

/** The Gregorian label of a period: "2025", or "FY 2025/26" when it straddles two calendar years. */
export function gregorianLabel(p: Pick<DatedPeriod, 'from' | 'to'>): string {
  const [a, b] = calendarYearsOf(p);
  return a === b ? String(a) : `FY ${a}/${String(b).slice(2)}`;
}

/** Whether a period covers any calendar year of a range (either bound open): `years=2025` finds FY 2025/26. */
export function coversYears(p: Pick<DatedPeriod, 'from' | 'to'>, range: { from: number | null; to: number | null } | null): boolean {
  if (range === null) return true;
  const [a, b] = calendarYearsOf(p);
  return (range.from === null || b >= range.from) && (range.to === null || a <= range.to);
}

/** How a schedule stands to a trade period. */
export type ScheduleMatch = 'in-force' | 'earlier' | 'later';

export interface ScheduleChoice {
  schedule: DatedPeriod;
  /** in-force: in force for (the larger part of) the trade period; earlier/later: in force before or after it only. */
  match: ScheduleMatch;
  /** Days of the trade period the schedule was in force. */
  overlapDays: number;
  /** Days from the start of the trade period to the start of the schedule (negative: the schedule started before). */
  gapDays: number;
  /** The same in whole months, rounded. */
  gapMonths: number;
  /** The schedule's start is more than a year from the trade period's. */
  overAYear: boolean;
  /** How many schedules of the reporter there were to choose from. */
  schedules: number;
}

/** Days (both ends included) that two periods share; 0 when they do not meet. */
export function overlapDays(a: Pick<DatedPeriod, 'from' | 'to'>, b: Pick<DatedPeriod, 'from' | 'to'>): number {
  return Math.max(0, Math.min(dayOf(a.to), dayOf(b.to)) - Math.max(dayOf(a.from), dayOf(b.from)) + 1);
}

/** How a given schedule stands to a trade period (the choice made, or one made elsewhere). */
export function fitOf(trade: Pick<DatedPeriod, 'from' | 'to'>, schedule: DatedPeriod, schedules = 1): ScheduleChoice {
  const overlap = overlapDays(trade, schedule);
  const gapDays = dayOf(schedule.from) - dayOf(trade.from);
  return {
    schedule,
    match: overlap > 0 ? 'in-force' : dayOf(schedule.to) < dayOf(trade.from) ? 'earlier' : 'later',
    overlapDays: overlap,
    gapDays,
    gapMonths: Math.round(gapDays / (365.25 / 12)),
    overAYear: Math.abs(gapDays) > 366,
    schedules,
  };
}

/**
 * The schedule that prices a trade period: the one in force for the larger part of it; when none was in force
 * during it, the nearest earlier schedule (the latest one that ended before it); only when there is no earlier
 * one, the nearest later (the earliest that started after it). Null without any schedule.
 * With periods filed by the calendar year in which they end and schedules of one calendar, this is the rule
 * on years of the duty base: the latest tariff year not after the trade year, else the earliest after it.
 * @example chooseSchedule(fy2082_83, [tariff2025_26, tariff2026_27]).schedule.year // 2026, in force
 */
export function chooseSchedule(trade: Pick<DatedPeriod, 'from' | 'to'>, schedules: readonly DatedPeriod[]): ScheduleChoice | null {
  let best: DatedPeriod | null = null;
  let bestOverlap = 0;
  for (const s of schedules) {
    const o = overlapDays(trade, s);
    if (o > bestOverlap || (o === bestOverlap && o > 0 && best !== null && s.from > best.from)) {
      best = s;
      bestOverlap = o;
    }
  }
  if (best === null) {
    const earlier = schedules.filter((s) => s.to < trade.from).sort((a, b) => (a.to < b.to ? 1 : -1))[0];
    const later = schedules.filter((s) => s.from > trade.to).sort((a, b) => (a.from < b.from ? -1 : 1))[0];
    best = earlier ?? later ?? null;
  }
  return best === null ? null : fitOf(trade, best, schedules.length);
}

/**
 * The dates of a reporter's period filed under `year`, from the stored ones; a calendar year when none is stored
 * (WITS, BACI, Comtrade and the other sources give calendar years).
 */
export function periodOf(stored: readonly DatedPeriod[], reporter: string, year: number): DatedPeriod {
  return stored.find((p) => p.reporter === reporter && p.year === year) ?? calendarYear(reporter, year);
}
