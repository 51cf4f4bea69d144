import { describe, expect, it } from 'vitest';
import {
  calendarYear,
  chooseSchedule,
  coversYears,
  fiscalYear,
  fitOf,
  gregorianLabel,
  nepalFiscalYear,
} from '../../../src/domain/moratorium/periods.ts';
import { tariffYearFor } from '../../../src/domain/moratorium/trade.ts';

const fy = (end: number) => nepalFiscalYear('NPL', end, 'test');

describe('fiscal years and their labels', () => {
  it('names Nepal’s FY 2082/83 with its Gregorian span and files it under 2026', () => {
    const p = fy(2026);
    expect(p).toMatchObject({ year: 2026, from: '2025-07-16', to: '2026-07-15', basis: 'fiscal-year-bs' });
    expect(p.label).toBe('FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026)');
    expect(gregorianLabel(p)).toBe('FY 2025/26');
    expect(fy(2027).label).toBe('FY 2083/84 BS (16 Jul 2026 – 15 Jul 2027)');
  });

  it('labels a Gregorian fiscal year and a calendar year', () => {
    const p = fiscalYear('AUS', 2026, '07-01', 'test');
    expect(p).toMatchObject({ from: '2025-07-01', to: '2026-06-30', label: 'FY 2025/26' });
    expect(gregorianLabel(calendarYear('KEN', 2024))).toBe('2024');
  });

  it('finds a fiscal year by either calendar year it covers, a calendar year by its own only', () => {
    const p = fy(2026);
    expect(coversYears(p, { from: 2025, to: 2025 })).toBe(true);
    expect(coversYears(p, { from: 2026, to: 2026 })).toBe(true);
    expect(coversYears(p, { from: 2024, to: 2024 })).toBe(false);
    expect(coversYears(p, { from: 2027, to: 2030 })).toBe(false);
    expect(coversYears(p, { from: null, to: 2025 })).toBe(true);
    expect(coversYears(calendarYear('KEN', 2026), { from: 2025, to: 2025 })).toBe(false);
    expect(coversYears(calendarYear('KEN', 2026), null)).toBe(true);
  });
});

describe('the schedule in force for a trade period', () => {
  const schedules = [fy(2025), fy(2026), fy(2027)];

  it('takes the schedule in force during the trade period', () => {
    const c = chooseSchedule(fy(2026), schedules);
    expect(c).toMatchObject({ match: 'in-force', gapDays: 0, gapMonths: 0, overAYear: false, schedules: 3 });
    expect(c?.schedule.year).toBe(2026);
  });

  it('takes the nearest earlier schedule when none was in force, before any later one', () => {
    const c = chooseSchedule(fy(2026), [fy(2023), fy(2024), fy(2027)]);
    expect(c?.schedule.year).toBe(2024);
    expect(c).toMatchObject({ match: 'earlier', gapDays: -731, gapMonths: -24, overAYear: true });
  });

  it('takes the nearest later schedule only when there is no earlier one: Nepal’s 2026/27 tariff for FY 2082/83', () => {
    const c = chooseSchedule(fy(2026), [fy(2028), fy(2027)]);
    expect(c?.schedule.label).toBe('FY 2083/84 BS (16 Jul 2026 – 15 Jul 2027)');
    expect(c).toMatchObject({ match: 'later', gapDays: 365, gapMonths: 12, overAYear: false, overlapDays: 0 });
  });

  it('takes, across calendars, the schedule in force for the larger part of the period', () => {
    // FY 2025/26 (16 Jul 2025 – 15 Jul 2026): calendar 2025 covers 169 days of it, calendar 2026 covers 196.
    const c = chooseSchedule(fy(2026), [calendarYear('NPL', 2025), calendarYear('NPL', 2026)]);
    expect(c?.schedule.year).toBe(2026);
    expect(c).toMatchObject({ match: 'in-force', overlapDays: 196, gapDays: 169 });
    expect(fitOf(fy(2026), calendarYear('NPL', 2025)).overlapDays).toBe(169);
  });

  it('has nothing to choose without a schedule', () => {
    expect(chooseSchedule(fy(2026), [])).toBeNull();
  });

  it('agrees with the duty base’s rule on years when periods are filed by the year in which they end', () => {
    const stored = [2019, 2021, 2024];
    for (const year of [2018, 2019, 2020, 2021, 2022, 2024, 2026]) {
      const byDates = chooseSchedule(fy(year), stored.map(fy))?.schedule.year;
      expect(byDates, `trade year ${year}`).toBe(tariffYearFor(year, stored));
    }
  });
});
