import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../src/domain/group.ts';
import { VAT_FACTS } from '../../../src/domain/moratorium/vat-facts.ts';
import {
  mergeVatEntries,
  vatEntryFromAnswers,
  vatLegislatedFromText,
  vatModelFromText,
  vatRevenue,
  type VatEntry,
} from '../../../src/domain/moratorium/vat.ts';

const entry = (over: Partial<VatEntry>): VatEntry => ({
  iso3: 'ZAF',
  rate: null,
  start: null,
  threshold: null,
  model: null,
  legislated: 'no data',
  source: 'test',
  sourceUrl: null,
  note: null,
  asOf: null,
  ...over,
});

describe('VAT on the duty base', () => {
  it('is base × rate under the moratorium (no duty): 15% of 1000 is 150', () => {
    expect(vatRevenue(1000, { rate: 15 })).toEqual({ taxableUsd: 1000, ratePct: 15, revenueUsd: 150 });
  });

  it('applies to value plus duty: a 10% duty makes 1100 taxable and 165 of VAT at 15%', () => {
    const r = vatRevenue(1000, { rate: 15 }, { dutyPct: 10 });
    expect(r.taxableUsd).toBeCloseTo(1100, 9);
    expect(r.revenueUsd).toBeCloseTo(165, 9);
  });

  it('follows imports as the duty moves them: ε = −2, 10% duty: 1000/1.21 × 1.1 = 909.09 taxable, 136.36 at 15%', () => {
    const r = vatRevenue(1000, { rate: 15 }, { dutyPct: 10, elasticity: -2 });
    expect(r.taxableUsd).toBeCloseTo(909.090909, 5);
    expect(r.revenueUsd).toBeCloseTo(136.363636, 5);
    // Without a duty the elasticity has nothing to respond to.
    expect(vatRevenue(1000, { rate: 15 }, { elasticity: -2 }).revenueUsd).toBe(150);
  });

  it('is "no data" (null), never zero, without a rate', () => {
    expect(vatRevenue(1000, { rate: null })).toEqual({ taxableUsd: 1000, ratePct: null, revenueUsd: null });
  });

  it('refuses a negative base, a negative duty and a positive elasticity', () => {
    expect(() => vatRevenue(-1, { rate: 15 })).toThrow(RangeError);
    expect(() => vatRevenue(1000, { rate: 15 }, { dutyPct: -5 })).toThrow(RangeError);
    expect(() => vatRevenue(1000, { rate: 15 }, { elasticity: 1 })).toThrow(RangeError);
  });
});

describe('names of collection models and statuses', () => {
  it('reads the models by name or by the questionnaire id', () => {
    expect(vatModelFromText('vendor registration')).toBe('vendor registration');
    expect(vatModelFromText(' Platform-Liability ')).toBe('platform liability');
    expect(vatModelFromText('reverse_charge')).toBe('reverse charge');
    expect(vatModelFromText('payment-withholding')).toBe('withholding by payment providers');
    expect(vatModelFromText('Withholding by payment providers')).toBe('withholding by payment providers');
    expect(vatModelFromText('customs')).toBeNull();
  });

  it('reads the tracker spellings of a status', () => {
    expect(vatLegislatedFromText('Legislation')).toBe('legislation');
    expect(vatLegislatedFromText('Draft  Legislation')).toBe('draft legislation');
    expect(vatLegislatedFromText('draft')).toBe('draft legislation');
    expect(vatLegislatedFromText('NO LEGISLATION')).toBe('no legislation');
    expect(vatLegislatedFromText('No Data')).toBe('no data');
    expect(vatLegislatedFromText('')).toBe('no data');
    expect(vatLegislatedFromText('Yes')).toBeNull();
  });
});

describe('merging the sources of the registry', () => {
  const fact = entry({
    rate: 15,
    start: '2014-06-01',
    threshold: { amount: 1_000_000, currency: 'ZAR' },
    model: 'vendor registration',
    legislated: 'legislation',
    source: 'VAT Act',
    sourceUrl: 'https://example.org/act',
    note: 'from the act',
    asOf: '2019-04-01',
  });
  const tracker = entry({ legislated: 'legislation', source: 'tracker 2026', asOf: '2026-03-05' });

  it('keeps the rate of an older legal fact when a newer tracker edition gives the status only', () => {
    const merged = mergeVatEntries([fact, tracker]).get('ZAF');
    expect(merged).toEqual({
      ...fact,
      source: 'tracker 2026; VAT Act',
      sources: ['tracker 2026', 'VAT Act'],
      asOf: '2026-03-05',
    });
  });

  it('lets a newer accepted answer replace the fields it restates, field by field', () => {
    const answer = vatEntryFromAnswers('ZAF', { rate: 16, start: '2014-06-01', 'collection-model': 'platform-liability', revenue: null }, '2026-06-01');
    const merged = mergeVatEntries([answer, tracker, fact]).get('ZAF');
    expect(merged?.rate).toBe(16);
    expect(merged?.model).toBe('platform liability');
    expect(merged?.start).toBe('2014-06-01');
    expect(merged?.threshold).toEqual({ amount: 1_000_000, currency: 'ZAR' });
    expect(merged?.legislated).toBe('legislation');
    expect(merged?.asOf).toBe('2026-06-01');
    expect(merged?.sources).toEqual([answer.source, 'VAT Act']);
  });

  it('lets a newer status of "no legislation" stand, and never lets "no data" or null erase what an older source says', () => {
    expect(mergeVatEntries([fact, entry({ legislated: 'no legislation', source: 'repeal', asOf: '2027-01-01' })]).get('ZAF')?.legislated).toBe('no legislation');
    const merged = mergeVatEntries([fact, entry({ legislated: 'no data', source: 'later, silent', asOf: '2027-01-01' })]).get('ZAF');
    expect(merged?.legislated).toBe('legislation');
    expect(merged?.rate).toBe(15);
    expect(merged?.sources).toEqual(['VAT Act']);
  });

  it('counts undated entries as older than dated ones, and of two of the same date the later in the list wins', () => {
    const undated = entry({ rate: 20, source: 'undated' });
    expect(mergeVatEntries([fact, undated]).get('ZAF')?.rate).toBe(15);
    expect(mergeVatEntries([undated, fact]).get('ZAF')?.rate).toBe(15);
    const a = entry({ rate: 12, source: 'a', asOf: '2020-01-01' });
    const b = entry({ rate: 13, source: 'b', asOf: '2020-01-01' });
    expect(mergeVatEntries([a, b]).get('ZAF')?.rate).toBe(13);
    expect(mergeVatEntries([b, a]).get('ZAF')?.rate).toBe(12);
    // Only undated entries: the later in the list wins.
    expect(mergeVatEntries([undated, entry({ rate: 21, source: 'undated 2' })]).get('ZAF')?.rate).toBe(21);
  });

  it('says a rate implies legislation when no source states the status, and keeps countries apart', () => {
    const merged = mergeVatEntries([entry({ iso3: 'KEN', rate: 16, source: 'k' }), entry({ iso3: 'FJI', source: 'f' })]);
    expect([...merged.keys()]).toEqual(['FJI', 'KEN']);
    expect(merged.get('KEN')?.legislated).toBe('legislation');
    expect(merged.get('FJI')).toMatchObject({ legislated: 'no data', rate: null, source: 'f', sources: ['f'] });
  });

  it('reads an accepted answer of the digital-VAT questionnaire', () => {
    expect(
      vatEntryFromAnswers('KEN', { rate: 16, start: '2021-01-02', threshold: 5_000_000, 'collection-model': 'vendor-registration', 'legal-basis': 'https://example.org/ln' }, '2026-05-02'),
    ).toEqual({
      iso3: 'KEN',
      rate: 16,
      start: '2021-01-02',
      threshold: { amount: 5_000_000, currency: null },
      model: 'vendor registration',
      legislated: 'legislation',
      source: 'answer to the questionnaire on VAT/GST on digital supplies, accepted on 2026-05-02',
      sourceUrl: 'https://example.org/ln',
      note: null,
      asOf: '2026-05-02',
    });
    expect(vatEntryFromAnswers('KEN', {}, '2026-05-02')).toMatchObject({ rate: null, legislated: 'no data', threshold: null, model: null });
  });
});

describe('the built-in facts', () => {
  it('give one entry per country, each legislated, dated, with a rate and the legal instrument it comes from', () => {
    const countries = VAT_FACTS.map((f) => f.iso3);
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries.sort()).toEqual(['AUS', 'KEN', 'NZL', 'ZAF']);
    for (const f of VAT_FACTS) {
      expect(f.legislated, f.iso3).toBe('legislation');
      expect(f.rate, f.iso3).toBeGreaterThan(0);
      expect(f.rate, f.iso3).toBeLessThan(100);
      expect(f.source, f.iso3).toMatch(/\b(Act|Regulations)\b/);
      expect(f.asOf !== null && isIsoDate(f.asOf), f.iso3).toBe(true);
      if (f.start !== null) expect(isIsoDate(f.start) && f.start <= (f.asOf ?? ''), f.iso3).toBe(true);
    }
  });

  it('state the figures of the official sources', () => {
    const by = new Map(VAT_FACTS.map((f) => [f.iso3, f]));
    expect(by.get('ZAF')).toMatchObject({ rate: 15, start: '2014-06-01', threshold: { amount: 1_000_000, currency: 'ZAR' }, model: 'vendor registration' });
    expect(by.get('KEN')).toMatchObject({ rate: 16 });
    expect(by.get('AUS')).toMatchObject({ rate: 10, start: '2017-07-01', threshold: { amount: 75_000, currency: 'AUD' } });
    expect(by.get('NZL')).toMatchObject({ rate: 15, start: '2016-10-01', threshold: { amount: 60_000, currency: 'NZD' } });
  });
});
