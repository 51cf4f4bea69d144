/** The moratorium estimator's trade periods and tariff schedules: column labels, the per-row note, remarks and method. */
export const moratoriumSchedules = {
  period: 'Trade period',
  schedule: 'Tariff schedule',
  /** How a schedule stands to the trade period, with the months between their starts. */
  partlyInForce: (months: number) => `in force for part of it (starts ${Math.abs(months)} months ${months > 0 ? 'later' : 'earlier'})`,
  notInForce: (months: number) => `not in force: starts ${Math.abs(months)} months ${months > 0 ? 'after' : 'before'} the trade period`,
  overAYear: 'more than a year apart',
  only: 'the only schedule stored',
  /** A remark on a year priced by a schedule not in force during it: its head, then the parts that apply. */
  remark: (reporter: string, period: string, schedule: string, scheduleFrom: string, scheduleTo: string) =>
    `${reporter}: ${period} imports priced with the tariff schedule ${schedule} (${scheduleFrom} to ${scheduleTo})`,
  remarkAfter: (months: number) => `, in force only after the trade period, ${Math.abs(months)} months ${months >= 0 ? 'later' : 'earlier'}`,
  remarkBefore: (months: number) => `, in force only before the trade period, ${Math.abs(months)} months ${months >= 0 ? 'later' : 'earlier'}`,
  remarkOverAYear: ' (more than a year apart)',
  remarkOnly: '; it is the only schedule stored for this country.',
  remarkNone: '; no stored schedule was in force during the trade period.',
  method: [
    'Tariff year against trade year: each tariff schedule is stored with the dates it is in force, and each trade period with its dates. National schedules take them from their file and its provenance (Nepal’s Customs Tariff 2026/27 is in force for the Nepali fiscal year from Shrawan 1, 16 July 2026, to 15 July 2027); WITS, BACI, Comtrade and the other sources give calendar years. The schedule that prices a trade period is the one in force during (the larger part of) it; when none was, the nearest earlier schedule; only when there is no earlier one, the nearest later. Every row names its trade period and the schedule that priced it, with both sets of dates and the months between their starts, and is flagged when the schedule was not in force during the trade period or starts more than a year from it.',
    'Fiscal years: a period is filed under the calendar year in which it ends, and a period that straddles two calendar years is named as such: Nepal’s FY 2082/83 (Bikram Sambat) is FY 2025/26, 16 July 2025 to 15 July 2026, filed under 2026. The years filter (years=) finds a period by either calendar year it covers: years=2025 and years=2026 both find FY 2025/26, in the API, on this page and in the command line.',
    'Nepal: the files hold one schedule, the Customs Tariff 2026/27, and one trade period, FY 2082/83 (2025/26). The 2026/27 schedule therefore prices the 2025/26 imports although it came into force the day after they end (12 months after the start of the trade period), and each row says so. Some rates changed in the 2026/27 budget: recorded media with software (8523.49) and SIM cards (8523.52) are free in 2026/27 but carried about 10 % before, so the estimate for 2025/26 understates the duty on these lines.',
  ],
};
