import { describe, expect, it } from 'vitest';
import { changeDates, checkHistory, parseItemStatus, parsePolicyArea, sharesAt, sharesByArea, statusAt, type TrackedItem } from '../../src/domain/tracking.ts';

const item = (id: string, area: TrackedItem['area'], ...history: [string, string][]): TrackedItem => ({
  id,
  area,
  history: history.map(([date, status]) => ({ date, status: parseItemStatus(status)!, source: null })),
});

describe('policy areas and statuses', () => {
  it('reads the areas by id or by their names in the reports, and refuses others', () => {
    expect(parsePolicyArea('Trade logistics and trade facilitation')).toBe('trade-logistics');
    expect(parsePolicyArea('Access to finance')).toBe('financing');
    expect(parsePolicyArea('legal & regulatory frameworks')).toBe('legal');
    expect(parsePolicyArea('ict_infrastructure')).toBe('ict-infrastructure');
    expect(parsePolicyArea('tourism')).toBeNull();
  });
  it('reads the four statuses and nothing else', () => {
    expect(parseItemStatus('Under implementation')).toBe('under-implementation');
    expect(parseItemStatus('not_started')).toBe('not-started');
    expect(parseItemStatus('in progress')).toBeNull();
  });
});

describe('dated status history', () => {
  const a = item('a', 'legal', ['2021', 'not-started'], ['2022-06', 'under-implementation'], ['2024-04-18', 'completed']);
  it('gives the latest status dated on or before the date, and none before the first', () => {
    expect(statusAt(a, '2020-12-31')).toBeNull();
    expect(statusAt(a, '2021-01-01')).toBe('not-started');
    expect(statusAt(a, '2022-05-31')).toBe('not-started');
    expect(statusAt(a, '2022-06-01')).toBe('under-implementation');
    expect(statusAt(a, '2024-04-18')).toBe('completed');
  });
  it('refuses a date in the future, a malformed date and two statuses on one date', () => {
    expect(checkHistory(a.history, '2026-12-04')).toBeNull();
    expect(checkHistory(a.history, '2024-04-17')).toMatch(/change 3: 2024-04-18 is in the future/);
    expect(checkHistory([{ date: '2022-13', status: 'completed', source: null }], '2026-12-04')).toMatch(/change 1: "2022-13" is not a date/);
    expect(checkHistory([...a.history, { date: '2021-01-01', status: 'dropped', source: null }], '2026-12-04')).toMatch(/two statuses on 2021-01-01/);
  });
});

describe('shares at a date', () => {
  const items = [
    item('a', 'legal', ['2021-01', 'not-started'], ['2022-06', 'under-implementation'], ['2024-04', 'completed']),
    item('b', 'legal', ['2021-01', 'under-implementation']),
    item('c', 'payments', ['2021-01', 'not-started'], ['2023-01', 'dropped']),
    item('d', 'payments', ['2023-06', 'not-started']),
  ];
  it('leaves dropped items and items not yet recorded out of the denominator', () => {
    const s = sharesAt(items, '2024-04-30');
    expect(s).toMatchObject({ recorded: 4, counted: 3, notStarted: 1, underImplementation: 1, completed: 1, dropped: 1 });
    expect(s.underImplementationShare).toBeCloseTo(100 / 3, 10);
    expect(s.completedShare).toBeCloseTo(100 / 3, 10);
    const early = sharesAt(items, '2022-12-31');
    expect(early).toMatchObject({ recorded: 3, counted: 3, underImplementation: 2, completed: 0 });
    expect(early.underImplementationShare).toBeCloseTo(200 / 3, 10);
  });
  it('gives no share when nothing is counted', () => {
    expect(sharesAt(items, '2020-01-01')).toMatchObject({ recorded: 0, counted: 0, underImplementationShare: null, completedShare: null });
  });
  it('splits by area in the reports\' order and lists the dates of change', () => {
    expect(sharesByArea(items, '2024-04-30').map((x) => [x.area, x.shares.counted])).toEqual([['payments', 1], ['legal', 2]]);
    expect(changeDates(items)).toEqual(['2021-01-01', '2022-06-01', '2023-01-01', '2023-06-01', '2024-04-01']);
  });
});
