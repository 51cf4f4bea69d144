import { describe, expect, it } from 'vitest';
import { PeriodBook } from '../../../src/app/services/moratorium-periods.ts';
import type { StoredPeriod } from '../../../src/adapters/storage/sql-periods.ts';
import { nepalFiscalYear } from '../../../src/domain/moratorium/periods.ts';
import type { TradeCoverage } from '../../../src/domain/moratorium/coverage.ts';

const stored = (kind: StoredPeriod['kind'], end: number): StoredPeriod => ({ ...nepalFiscalYear('NPL', end, 'test'), kind, vintageId: 1 });
const coverage = (tariffYears: number[]): TradeCoverage[] => [
  { reporter: 'NPL', edition: 'HS2022', firstYear: 2026, lastYear: 2026, importsUsd: 1, rows: 1, tradeVintages: [1], tariffVintages: [2], tariffYears },
];

describe('the schedule fields of an estimate row', () => {
  it('warns when the schedule is more than a year from the trade period, and counts the schedules', () => {
    const book = new PeriodBook([stored('trade', 2026), stored('tariff', 2024), stored('tariff', 2028)], coverage([2024, 2028]));
    expect(book.chosen('NPL', 2026)?.year).toBe(2024);
    expect(book.fields({ reporter: 'NPL', year: 2026, tariffYear: 2024 })).toMatchObject({
      period: 'FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026)',
      periodGregorian: 'FY 2025/26',
      tariffSchedule: 'FY 2080/81 BS (16 Jul 2023 – 15 Jul 2024)',
      tariffMatch: 'earlier',
      gapDays: -731,
      gapMonths: -24,
      tariffWarning: 'over-a-year',
      tariffSchedules: 2,
    });
  });

  it('takes calendar years where no dates are stored, and says nothing without a schedule', () => {
    const book = new PeriodBook([], coverage([2022]));
    expect(book.fields({ reporter: 'NPL', year: 2022, tariffYear: 2022 })).toMatchObject({
      period: '2022', periodGregorian: '2022', periodFrom: '2022-01-01', periodTo: '2022-12-31',
      tariffScheduleFrom: '2022-01-01', tariffMatch: 'in-force', gapDays: 0, tariffWarning: null, tariffSchedules: 1,
    });
    expect(book.fields({ reporter: 'NPL', year: 2021, tariffYear: null })).toMatchObject({ tariffSchedule: null, tariffMatch: null, gapDays: null, tariffWarning: null });
    expect(book.covers('NPL', 2022, { from: 2021, to: 2021 })).toBe(false);
  });
});
