/**
 * The product lists' membership and reasons, the reasons of missing figures and the procurement flag, on
 * small cases worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { HS2017_LIST_LINES, HS2022_LIST_LINES, LINE_REASONS } from '../../../src/domain/moratorium/list-lines.ts';
import { BROAD_LIST, BUILT_IN_LISTS, DEFAULT_LIST } from '../../../src/domain/moratorium/lists.ts';
import {
  absentReason,
  groupMissing,
  missingCell,
  missingText,
  revenueMissing,
  shareMissing,
  uncorrelated,
} from '../../../src/domain/moratorium/missing.ts';
import { KNOWN_NATIONAL_LINES, procurementFlag, procurementWord } from '../../../src/domain/moratorium/procurement.ts';
import { DEFAULT_OPTIONS } from '../../../src/domain/moratorium/options.ts';

const list = (id: string) => {
  const l = BUILT_IN_LISTS.find((x) => x.id === id);
  if (!l) throw new Error(id);
  return l;
};

describe('product lists', () => {
  it('defaults to the narrow list; the broad list of the studies stays an option', () => {
    expect(DEFAULT_LIST).toBe('digitisable-narrow-hs2022');
    expect(DEFAULT_OPTIONS.list).toBe(DEFAULT_LIST);
    expect(BROAD_LIST).toBe('digitisable-hs2022');
    expect(BUILT_IN_LISTS.map((l) => l.id)).toEqual(['digitisable-narrow-hs2022', 'digitisable-narrow-hs2017', 'digitisable-hs2022', 'digitisable-hs2017']);
  });

  it('keeps in the narrow list films, books, newspapers, music, maps, recorded media and video games, and nothing else', () => {
    expect(list('digitisable-narrow-hs2022').lines).toEqual([
      '370400', '370500', '370610', '370690', '490110', '490191', '490199', '490210', '490290', '490300', '490400', '490520', '490590',
      '852329', '852349', '852380', '950450',
    ]);
    expect(list('digitisable-narrow-hs2017').lines).toEqual([
      '370400', '370500', '370610', '370690', '490110', '490191', '490199', '490210', '490290', '490300', '490400', '490591', '490599',
      '852329', '852349', '852380', '950450',
    ]);
  });

  it('keeps the 35 lines of the studies in the broad lists, unchanged', () => {
    expect(list('digitisable-hs2022').lines).toHaveLength(35);
    expect(list('digitisable-hs2017').lines).toHaveLength(36);
    expect(list('digitisable-hs2017').lines).toContain('490510');
    expect(list('digitisable-hs2022').lines).toContain('490700');
  });

  it('gives every line of every built-in list its reason, description and study, in agreement with the lines counted', () => {
    for (const l of BUILT_IN_LISTS) {
      expect(l.detail?.length, l.id).toBe(l.edition === 'HS2022' ? HS2022_LIST_LINES.length : HS2017_LIST_LINES.length);
      for (const d of l.detail ?? []) {
        expect(Object.keys(LINE_REASONS)).toContain(d.reason);
        expect(d.description.length).toBeGreaterThan(3);
        expect(d.study).toContain('WT/GC/W/833');
        expect(l.lines.includes(d.hs6)).toBe(d.included);
      }
    }
    const narrow = list('digitisable-narrow-hs2022').detail ?? [];
    expect(narrow.find((d) => d.hs6 === '490700')).toMatchObject({ included: false, reason: 'security-documents' });
    expect(narrow.find((d) => d.hs6 === '852352')).toMatchObject({ included: false, reason: 'blank-media' });
    expect(narrow.find((d) => d.hs6 === '950440')).toMatchObject({ included: false, reason: 'physical-games' });
    expect(narrow.find((d) => d.hs6 === '852349')).toMatchObject({ included: true, reason: 'recorded-media' });
    expect(narrow.find((d) => d.hs6 === '490199')?.study).toContain('narrowed by');
  });
});

describe('why a figure is missing', () => {
  it('tells no tariff (no schedule for the measure) from no rate (a schedule without a rate for the line)', () => {
    expect(revenueMissing({ revenueUsd: null, tariffYear: null }, 'mfn')).toEqual({ code: 'no-tariff', measure: 'mfn' });
    expect(revenueMissing({ revenueUsd: null, tariffYear: 2022 }, 'bound')).toEqual({ code: 'no-rate', measure: 'bound' });
    expect(revenueMissing({ revenueUsd: 0, tariffYear: 2022 }, 'mfn')).toBeNull();
  });

  it('passes the revenue reason to the shares, and names the series when only the series is missing', () => {
    const noRate = { code: 'no-rate', measure: 'mfn' } as const;
    expect(shareMissing(noRate, { value: 1e9 }, 'customs')).toBe(noRate);
    expect(shareMissing(null, null, 'customs')).toEqual({ code: 'no-revenue-series', series: 'customs' });
    expect(shareMissing(null, { value: 0 }, 'customs')?.code).toBe('no-revenue-series');
    expect(shareMissing(null, { value: 1e9 }, 'customs')).toBeNull();
  });

  it('says why a group year has no total', () => {
    expect(groupMissing([], 'mfn')).toEqual({ code: 'no-trade' });
    expect(groupMissing([{ revenueUsd: null, tariffYear: null }], 'mfn')).toEqual({ code: 'no-tariff', measure: 'mfn' });
    expect(groupMissing([{ revenueUsd: null, tariffYear: null }, { revenueUsd: null, tariffYear: 2020 }], 'bound')).toEqual({ code: 'no-rate', measure: 'bound' });
    expect(groupMissing([{ revenueUsd: null, tariffYear: null }, { revenueUsd: 5, tariffYear: 2020 }], 'mfn')).toBeNull();
  });

  it('finds imports recorded in an edition the list has no correlation to, within the years asked, and names both editions', () => {
    const coverage = [
      { reporter: 'AAA', edition: 'HS2012' as const, firstYear: 2013, lastYear: 2016, importsUsd: 400 },
      { reporter: 'AAA', edition: 'HS2022' as const, firstYear: 2022, lastYear: 2023, importsUsd: 900 },
      { reporter: 'BBB', edition: 'HS2012' as const, firstYear: 2012, lastYear: 2013, importsUsd: 10 },
    ];
    const reached = new Set(['HS2022' as const]);
    expect(uncorrelated(coverage, reached, 'HS2022', null).map((a) => [a.reporter, a.firstYear, a.lastYear])).toEqual([
      ['AAA', 2013, 2016],
      ['BBB', 2012, 2013],
    ]);
    const within = uncorrelated(coverage, reached, 'HS2022', { from: 2015, to: 2030 });
    expect(within).toEqual([{ reporter: 'AAA', edition: 'HS2012', firstYear: 2015, lastYear: 2016, importsUsd: 400, reason: { code: 'no-correlation', from: 'HS2022', to: 'HS2012' } }]);
    expect(absentReason('AAA', within)).toEqual({ code: 'no-correlation', from: 'HS2022', to: 'HS2012' });
    expect(absentReason('CCC', within)).toEqual({ code: 'no-trade' });
    expect(missingCell(within[0]!.reason)).toBe('no-correlation HS2022>HS2012');
    expect(missingText(within[0]!.reason)).toContain('no HS correlation between HS2022 (the list) and HS2012');
  });

  it('writes every reason as a cell and a sentence', () => {
    expect(missingCell({ code: 'no-trade' })).toBe('no-trade');
    expect(missingCell({ code: 'no-tariff', measure: 'applied' })).toBe('no-tariff applied');
    expect(missingCell({ code: 'no-revenue-series', series: 'customs' })).toBe('no-revenue-series customs');
    expect(missingText({ code: 'no-rate', measure: 'bound' })).toBe('no ad valorem bound rate for the line in the tariff schedule');
  });
});

describe('the procurement flag', () => {
  it('flags heading 4907 with the national lines the source describes, and nothing of the narrow list', () => {
    const flag = procurementFlag('NPL', '490700');
    expect(flag?.code).toBe('security-documents');
    expect(flag?.nationalLines.map((l) => l.description)).toContain('Passport');
    expect(procurementFlag('TUV', '490700')?.nationalLines).toEqual([]);
    for (const hs6 of list('digitisable-narrow-hs2022').lines) expect(procurementFlag('NPL', hs6), hs6).toBeNull();
    expect(procurementFlag('NPL', '491199')).toBeNull();
  });

  it('recognises procurement in the national descriptions as published, and not in ordinary ones', () => {
    for (const l of KNOWN_NATIONAL_LINES) expect(procurementWord(l.description), l.description).not.toBeNull();
    expect(procurementWord('Passport')).toBe('Passport');
    expect(procurementWord('Excise tickets (Sticker)')).toBe('Excise');
    expect(procurementWord('Printed books, brochures, leaflets and similar printed matter, nes')).toBeNull();
    expect(procurementWord('Computer Software\'s Printed Manual .')).toBeNull();
  });
});
