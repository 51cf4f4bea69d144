/**
 * The data-quality rules: a value outside its unit's range, a jump beyond the indicator's threshold (both the
 * change and the ratio must be reached), and cyberlaw statuses contradicting the laws listed beside them.
 */
import { describe, expect, it } from 'vitest';
import { checkSeries, checksFor, checkStatuses, flagReason } from '../../src/domain/quality.ts';

const series = (values: Record<number, number>) => new Map(Object.entries(values).map(([y, v]) => [Number(y), v]));

describe('data-quality rules', () => {
  it('flags Fiji’s mobile subscriptions: 112 → 361 a jump, 361 → 574 a jump and above 400 per 100', () => {
    const checks = checksFor('IT.CEL.SETS.P2');
    expect(checks).toMatchObject({ min: 0, max: 400, jump: 50, jumpRatio: 1.5 });
    const flags = checkSeries('IT.CEL.SETS.P2', 'FJI', series({ 2021: 108.2, 2022: 111.7, 2023: 361.0, 2024: 574.2 }), checks!);
    expect(flags.map((f) => [f.year, f.rule, f.limit])).toEqual([
      [2023, 'jump', 50],
      [2024, 'range', 400],
      [2024, 'jump', 50],
    ]);
    expect(flagReason(flags[1]!)).toBe('574.2 is above the plausible maximum of 400');
    expect(flagReason(flags[0]!)).toBe('from 111.7 in 2022 to 361 in 2023: a change of 249.3 in one year, beyond the threshold of 50');
  });

  it('needs both the change and the ratio for a jump, and consecutive years', () => {
    const checks = checksFor('IT.CEL.SETS.P2')!;
    // +60 per 100 but ×1.4: ordinary growth of a large value.
    expect(checkSeries('X', 'A', series({ 2010: 150, 2011: 210 }), checks)).toEqual([]);
    // ×3 but +20: a small value tripling.
    expect(checkSeries('X', 'A', series({ 2010: 10, 2011: 30 }), checks)).toEqual([]);
    // A gap of years is not a year-on-year jump.
    expect(checkSeries('X', 'A', series({ 2010: 50, 2012: 200 }), checks)).toEqual([]);
    // A fall counts as much as a rise.
    expect(checkSeries('X', 'A', series({ 2019: 416, 2020: 237 }), checks).map((f) => f.rule)).toEqual(['range', 'jump']);
  });

  it('takes the range from the unit unless the indicator states one', () => {
    expect(checksFor('IT.NET.USER.ZS')).toMatchObject({ min: 0, max: 100, jump: 25 });
    // Trade ratios to GDP exceed 100% in trade hubs: no upper bound.
    expect(checksFor('NE.EXP.GNFS.ZS')).toMatchObject({ min: 0, max: null, jump: null });
    expect(checksFor('LP.LPI.OVRL.XQ')).toMatchObject({ min: 1, max: 5 });
    expect(checksFor('NOT.IN.CATALOGUE')).toBeNull();
    const flags = checkSeries('IT.NET.USER.ZS', 'A', series({ 2020: -1, 2021: 5, 2023: 100.5 }), checksFor('IT.NET.USER.ZS')!);
    expect(flags.map((f) => [f.year, f.rule])).toEqual([
      [2020, 'range'],
      [2023, 'range'],
    ]);
    expect(flagReason(flags[0]!)).toBe('-1 is below the plausible minimum of 0');
  });

  it('flags statuses that contradict the laws listed beside them', () => {
    const law = { title: 'Federal Competition and Consumer Protection Act, 2018', year: 2018, url: null };
    const flags = checkStatuses([
      { iso3: 'NGA', area: 'consumer-protection', status: 'none', laws: [law] },
      { iso3: 'BLZ', area: 'consumer-protection', status: 'no-data', laws: [law] },
      { iso3: 'KEN', area: 'cybercrime', status: 'legislation', laws: [] },
      { iso3: 'KEN', area: 'data-protection', status: 'legislation', laws: [law] },
      { iso3: 'TUV', area: 'cybercrime', status: 'none', laws: [] },
      { iso3: 'FJI', area: 'cybercrime', status: 'draft', laws: [] },
    ]);
    expect(flags.map((f) => [f.entity, f.rule])).toEqual([
      ['NGA', 'none-with-law'],
      ['BLZ', 'no-data-with-law'],
      ['KEN', 'legislation-without-law'],
    ]);
    expect(flagReason(flags[0]!)).toBe('"No legislation" while the same edition lists 1 law(s): Federal Competition and Consumer Protection Act, 2018');
  });
});
