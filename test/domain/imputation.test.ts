import { describe, expect, it } from 'vitest';
import { aggregate, LARGE_MEMBER_SHARE } from '../../src/domain/aggregate.ts';
import { imputeYear } from '../../src/domain/imputation.ts';

const byYear = new Map<number, Map<string, number>>([
  [2019, new Map([['A', 10], ['B', 40]])],
  [2020, new Map([['A', 12], ['B', 43]])],
  [2021, new Map([['A', 15], ['C', 70]])],
  [2022, new Map([['A', 20]])],
]);

describe('imputeYear', () => {
  it('carries nothing with method none', () => {
    const r = imputeYear(byYear, 2022, ['A', 'B', 'C'], { method: 'none', years: 2 });
    expect([...r.values]).toEqual([['A', 20]]);
    expect(r.carried).toEqual([]);
  });

  it('carries the latest earlier value within N years, flagged with its year', () => {
    const r = imputeYear(byYear, 2022, ['A', 'B', 'C'], { method: 'carry-forward', years: 2 });
    expect(r.values.get('A')).toBe(20);
    expect(r.values.get('B')).toBe(43);
    expect(r.values.get('C')).toBe(70);
    expect(r.carried).toEqual([
      { iso3: 'B', from: 2020, to: 2022, value: 43 },
      { iso3: 'C', from: 2021, to: 2022, value: 70 },
    ]);
  });

  it('does not carry a value older than N years, nor one from a later year', () => {
    const one = imputeYear(byYear, 2022, ['B'], { method: 'carry-forward', years: 1 });
    expect(one.values.has('B')).toBe(false);
    const before = imputeYear(byYear, 2020, ['C'], { method: 'carry-forward', years: 10 });
    expect(before.values.has('C')).toBe(false);
  });

  it('leaves members outside the list alone', () => {
    const r = imputeYear(byYear, 2022, ['A'], { method: 'carry-forward', years: 2 });
    expect(r.values.has('B')).toBe(false);
  });
});

describe('aggregate: members left out and values carried', () => {
  const population = new Map([['BIG', 60], ['MID', 25], ['SMALL', 10], ['TINY', 5]]);
  const members = ['BIG', 'MID', 'SMALL', 'TINY'];
  const rule = { kind: 'weighted_mean', weight: 'POP' } as const;

  it('names members left out that hold more than 10% of the population, largest first', () => {
    const r = aggregate({ rule, members, values: new Map([['BIG', 50], ['TINY', 10]]), weights: population, population, minCoverage: 0.5 });
    expect(r.value).toBeCloseTo((50 * 60 + 10 * 5) / 65, 12);
    expect(r.missingLarge).toEqual([
      { iso3: 'MID', share: 0.25 },
    ]);
    // SMALL holds exactly 10%: not more than the threshold.
    expect(LARGE_MEMBER_SHARE).toBe(0.1);
    expect(r.imputed).toEqual([]);
  });

  it('names them also when the value is withheld for coverage', () => {
    const r = aggregate({ rule, members, values: new Map([['MID', 5]]), weights: population, population, minCoverage: 2 / 3 });
    expect(r.status).toBe('insufficient_coverage');
    expect(r.missingLarge.map((m) => m.iso3)).toEqual(['BIG']);
  });

  it('lists members counted with a carried value, with its year and share', () => {
    const r = aggregate({
      rule,
      members,
      values: new Map([['BIG', 50], ['MID', 30], ['SMALL', 20], ['TINY', 10]]),
      weights: population,
      population,
      minCoverage: 0.5,
      imputedFrom: new Map([['MID', 2020]]),
    });
    expect(r.missingLarge).toEqual([]);
    expect(r.imputed).toEqual([{ iso3: 'MID', from: 2020, share: 0.25 }]);
  });

  it('names nobody for an indicator that is not aggregated', () => {
    const r = aggregate({ rule: { kind: 'none', reason: 'not additive' }, members, values: new Map(), population, minCoverage: 0 });
    expect(r.missingLarge).toEqual([]);
  });
});
