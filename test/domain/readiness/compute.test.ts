import { describe, expect, it } from 'vitest';
import { computeIndex, groupAverage, normaliser, type Series } from '../../../src/domain/readiness/compute.ts';
import { averageRanks, reproduction, spearman } from '../../../src/domain/readiness/compare.ts';
import { UNCTAD_B2C, yearsRead, type IndexMethod } from '../../../src/domain/readiness/method.ts';

const series = (rows: Record<string, Record<number, number>>): Series =>
  new Map(Object.entries(rows).map(([k, v]) => [k, new Map(Object.entries(v).map(([y, x]) => [Number(y), x]))]));

const METHOD: IndexMethod = {
  id: 'test',
  name: 'Test',
  version: '1',
  description: '',
  missing: 'drop',
  components: [
    { id: 'a', indicator: 'A', name: 'A', year: { kind: 'latest', window: 2, lag: 0 }, transformation: 'as-is', normalisation: { kind: 'goalposts', low: 0, high: 100 }, weight: 1 },
    { id: 'b', indicator: 'B', name: 'B', year: { kind: 'fixed', year: 2017 }, transformation: 'as-is', normalisation: { kind: 'min-max' }, weight: 3 },
  ],
};

const INPUTS = {
  economies: ['X', 'Y', 'Z', 'W'],
  series: new Map([
    ['A', series({ X: { 2020: 80 }, Y: { 2019: 40, 2017: 99 }, Z: { 2017: 10 }, W: { 2020: 50 } })],
    ['B', series({ X: { 2017: 10 }, Y: { 2017: 30 }, Z: { 2017: 20 }, W: { 2018: 5 } })],
  ]),
};

describe('normalisation', () => {
  it('min-max puts the lowest at 0 and the highest at 100', () => {
    const f = normaliser({ normalisation: { kind: 'min-max' } }, [2, 4, 10]);
    expect([f(2), f(4), f(10)]).toEqual([0, 25, 100]);
  });
  it('fixed goalposts clamp to 0–100', () => {
    const f = normaliser({ normalisation: { kind: 'goalposts', low: 10, high: 60 } }, []);
    expect([f(0), f(35), f(80)]).toEqual([0, 50, 100]);
  });
  it('a log component is normalised on the log scale', () => {
    const m: IndexMethod = { ...METHOD, components: [{ ...METHOD.components[1]!, transformation: 'log', year: { kind: 'fixed', year: 2017 } }] };
    const r = computeIndex(m, { economies: ['P', 'Q', 'R'], series: new Map([['B', series({ P: { 2017: 0 }, Q: { 2017: Math.E - 1 }, R: { 2017: Math.E ** 2 - 1 } })]]) }, 2020);
    expect(r.rows.map((x) => [x.iso3, x.score])).toEqual([['R', 100], ['Q', 50], ['P', 0]]);
  });
});

describe('years read', () => {
  it('takes the latest value in the window ending lag years before', () => {
    expect(yearsRead({ kind: 'latest', window: 3, lag: 1 }, 2020)).toEqual([2019, 2018, 2017]);
    const r = computeIndex(METHOD, INPUTS, 2020);
    const y = r.rows.find((x) => x.iso3 === 'Y');
    expect(y?.components[0]).toMatchObject({ year: 2019, raw: 40 });
    // 2017 is outside the two-year window of Z's first component.
    expect(r.rows.find((x) => x.iso3 === 'Z')?.components[0]).toMatchObject({ year: null, missing: 'no-value-in-window' });
  });
});

describe('missing components', () => {
  it('drop: no score, and the missing component said', () => {
    const r = computeIndex(METHOD, INPUTS, 2020, 'drop');
    // X: a=80, b=(10-10)/(30-10)=0 → (80 + 0*3)/4 = 20; Y: a=40, b=100 → (40+300)/4 = 85.
    expect(r.rows.map((x) => [x.iso3, x.score, x.rank, x.treatment])).toEqual([
      ['Y', 85, 1, 'complete'],
      ['X', 20, 2, 'complete'],
      ['W', null, null, 'dropped'],
      ['Z', null, null, 'dropped'],
    ]);
    expect(r.rows.find((x) => x.iso3 === 'W')?.components[1]?.missing).toBe('no-value-in-window');
  });
  it('reweight: the components present, their weights scaled', () => {
    const r = computeIndex(METHOD, INPUTS, 2020, 'reweight');
    expect(r.rows.find((x) => x.iso3 === 'W')).toMatchObject({ score: 50, treatment: 'reweighted' });
    expect(r.rows.find((x) => x.iso3 === 'Z')).toMatchObject({ score: 50, treatment: 'reweighted' });
  });
  it('impute: the mean of the economies with the component, flagged', () => {
    const r = computeIndex(METHOD, INPUTS, 2020, 'impute');
    const w = r.rows.find((x) => x.iso3 === 'W');
    // Mean of b over X, Y, Z = (0 + 100 + 50)/3 = 50 → (50 + 150)/4 = 50.
    expect(w).toMatchObject({ score: 50, treatment: 'imputed' });
    expect(w?.components[1]).toMatchObject({ imputed: true, score: 50, missing: 'no-value-in-window' });
  });
});

describe('ranks', () => {
  it('ties share a rank (1, 2, 2, 4)', () => {
    const m: IndexMethod = { ...METHOD, components: [METHOD.components[0]!] };
    const r = computeIndex(m, { economies: ['P', 'Q', 'R', 'S'], series: new Map([['A', series({ P: { 2020: 9 }, Q: { 2020: 5 }, R: { 2020: 5 }, S: { 2020: 1 } })]]) }, 2020);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, 2, 4]);
  });
  it('Spearman is 1 for the same order, −1 for the reverse, with average ranks for ties', () => {
    expect(averageRanks([3, 1, 3, 0])).toEqual([1.5, 3, 1.5, 4]);
    expect(spearman([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [30, 20, 10])).toBeCloseTo(-1, 12);
    const c = reproduction(new Map([['A', 10], ['B', 20], ['C', 0]]), new Map([['A', 12], ['B', 17], ['D', 5]]));
    expect(c).toMatchObject({ compared: 2, meanAbsoluteDifference: 2.5, maxAbsoluteDifference: 3, spearman: 1 });
  });
});

describe('group averages', () => {
  it('weight scores by population and state coverage', () => {
    const r = computeIndex(METHOD, INPUTS, 2020, 'drop');
    const g = groupAverage(r, ['X', 'Y', 'W'], new Map([['X', 1], ['Y', 3], ['W', 4]]), 0);
    expect(g.value).toBeCloseTo((20 * 1 + 85 * 3) / 4, 12);
    expect(g).toMatchObject({ membersWithData: 2, membersTotal: 3, populationCovered: 0.5 });
  });
});

describe('the UNCTAD B2C method', () => {
  it('is the equal-weight mean of four components on 0–100', () => {
    expect(UNCTAD_B2C.components.map((c) => [c.id, c.weight])).toEqual([['internet', 1], ['account', 1], ['servers', 1], ['postal', 1]]);
  });
});
