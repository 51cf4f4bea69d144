import { describe, expect, it } from 'vitest';
import { compareCheckpoints, coverageCountries, fundingByCurrency, measuresForCountry, parseAmount, parsePriority, progressSeries, type Measure } from '../../../src/domain/strategies/measures.ts';
import { exampleRow, isSkippedRow, MEASURE_HEADER } from '../../../src/domain/strategies/template.ts';

const measure = (id: string, over: Partial<Measure>): Measure => ({
  id,
  strategyId: 's',
  area: 'legal',
  text: id,
  priority: null,
  leadAgency: null,
  partners: null,
  donors: null,
  budget: null,
  currency: null,
  fundingCommitted: null,
  indicator: null,
  baseline: null,
  target: null,
  countries: [],
  history: [],
  ...over,
});

describe('strategy measures', () => {
  it('reads amounts with thousands separators and refuses words and signs', () => {
    expect([parseAmount('1,000'), parseAmount('1 250 000'), parseAmount("12'500.5"), parseAmount('300')]).toEqual([1000, 1250000, 12500.5, 300]);
    expect([parseAmount('12k'), parseAmount('$5'), parseAmount('-3'), parseAmount('1,00')]).toEqual([null, null, null, null]);
  });

  it('reads priorities by name or initial', () => {
    expect([parsePriority('High'), parsePriority('m'), parsePriority(' low '), parsePriority('urgent')]).toEqual(['high', 'medium', 'low', null]);
  });

  it('sums funding per currency and never across currencies', () => {
    const f = fundingByCurrency([
      measure('a', { budget: 100, currency: 'USD', fundingCommitted: 50 }),
      measure('b', { budget: 300, currency: 'USD', fundingCommitted: null }),
      measure('c', { budget: 1000, currency: 'XOF', fundingCommitted: 1000 }),
      measure('d', { budget: 0, currency: 'EUR', fundingCommitted: 0 }),
      measure('e', {}),
    ]);
    expect(f).toEqual([
      { currency: 'EUR', measures: 1, budget: 0, committed: 0, committedShare: null },
      { currency: 'USD', measures: 2, budget: 400, committed: 50, committedShare: 12.5 },
      { currency: 'XOF', measures: 1, budget: 1000, committed: 1000, committedShare: 100 },
    ]);
  });

  it('compares a checkpoint with the shares on its date, a month counting from its first day', () => {
    const ms = [
      measure('a', { history: [{ status: 'under-implementation', date: '2024-03-15', source: null }] }),
      measure('b', { history: [{ status: 'completed', date: '2024-04', source: null }] }),
    ];
    const [c] = compareCheckpoints([{ strategyId: 's', date: '2024-04', underImplementation: 40, completed: null, measures: null, quotes: [], sources: [] }], ms);
    expect(c?.computed).toMatchObject({ counted: 2, underImplementationShare: 50, completedShare: 50 });
    expect(c?.difference).toEqual({ underImplementation: 10, completed: null });
  });

  it('resolves a coverage: a group, a list of codes, or nothing', () => {
    const countries = new Set(['FJI', 'WSM', 'NGA']);
    const groups = (id: string) => (id === 'ECOWAS' ? ['NGA'] : null);
    expect(coverageCountries('ecowas', groups, countries)).toEqual(['NGA']);
    expect(coverageCountries('FJI;wsm', groups, countries)).toEqual(['FJI', 'WSM']);
    expect(coverageCountries('Forum Island Countries', groups, countries)).toBeNull();
  });

  it('counts for a country the measures of strategies covering it, less those limited to others', () => {
    const ms = [measure('a', {}), measure('b', { countries: ['WSM'] }), measure('c', { strategyId: 't' })];
    expect(measuresForCountry(ms, 'FJI', new Map([['s', ['FJI', 'WSM']]])).map((m) => m.id)).toEqual(['a']);
    expect(measuresForCountry(ms, 'WSM', new Map([['s', ['FJI', 'WSM']]])).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('gives the progress at each change date up to the date asked', () => {
    const ms = [measure('a', { history: [{ status: 'not-started', date: '2023-01-01', source: null }, { status: 'completed', date: '2025-01-01', source: null }] })];
    expect(progressSeries(ms, '2024-06-30')).toEqual([
      { date: '2023-01-01', underImplementation: 0, completed: 0 },
      { date: '2024-06-30', underImplementation: 0, completed: 0 },
    ]);
  });

  it('makes the template from one list of columns: a commented example row that imports nothing', () => {
    expect(MEASURE_HEADER.slice(0, 2)).toEqual(['strategy_id', 'strategy_name']);
    expect(exampleRow()).toHaveLength(MEASURE_HEADER.length);
    expect(isSkippedRow(exampleRow())).toBe(true);
    expect(isSkippedRow(['', ' '])).toBe(true);
    expect(isSkippedRow(['pacific', '1'])).toBe(false);
  });
});
