import { describe, expect, it } from 'vitest';
import { membersAt, type Membership } from '../../src/domain/group.ts';
import {
  checkClassification,
  classificationOfVintage,
  heldFiscalYears,
  identifyFiscalYear,
  matchFiscalYears,
  mergeClassification,
  periodsOf,
  type FiscalYearAssignment,
} from '../../src/domain/wb-classification.ts';
import { fiscalYearOn, fiscalYearStart } from '../../src/domain/worldbank.ts';

const a = (iso3: string, fiscalYear: number, groupId: string, kind: 'region' | 'income' = 'income'): FiscalYearAssignment => ({
  iso3, kind, fiscalYear, groupId, source: 'test',
});
const span = (m: Membership) => [m.groupId, m.iso3, m.from, m.to];

describe('World Bank fiscal years', () => {
  it('runs FY2026 from 1 July 2025 to 30 June 2026', () => {
    expect(fiscalYearStart(2026)).toBe('2025-07-01');
    expect(fiscalYearOn('2025-06-30')).toBe(2025);
    expect(fiscalYearOn('2025-07-01')).toBe(2026);
    expect(fiscalYearOn('2026-06-30')).toBe(2026);
  });

  it('joins consecutive years in one group, closes a gap and leaves the latest year open', () => {
    const periods = periodsOf([a('KEN', 1995, 'LIC'), a('KEN', 1996, 'LIC'), a('KEN', 1997, 'LMC'), a('VEN', 1995, 'UMC'), a('KEN', 1998, 'LMC')]);
    expect(periods.map(span)).toEqual([
      ['LIC', 'KEN', '1994-07-01', '1996-07-01'],
      ['LMC', 'KEN', '1996-07-01', null],
      ['UMC', 'VEN', '1994-07-01', '1995-07-01'],
    ]);
    expect(membersAt(periods.filter((m) => m.groupId === 'LIC'), '1996-06-30')).toEqual(['KEN']);
    expect(membersAt(periods.filter((m) => m.groupId === 'LIC'), '1996-07-01')).toEqual([]);
  });

  it('replaces the years a new file gives and keeps the others, for its classifications only', () => {
    const stored = periodsOf([a('KEN', 2024, 'LIC'), a('KEN', 2025, 'LIC'), a('KEN', 2025, 'SSF', 'region')]);
    const merged = mergeClassification(stored, [a('KEN', 2025, 'LMC'), a('KEN', 2026, 'LMC')], ['income']);
    expect(merged.map(span)).toEqual([
      ['SSF', 'KEN', '2024-07-01', null],
      ['LIC', 'KEN', '2023-07-01', '2024-07-01'],
      ['LMC', 'KEN', '2024-07-01', null],
    ]);
    expect(heldFiscalYears(merged, 'income')).toEqual({ first: 2024, last: 2026 });
  });

  it('identifies the fiscal year of an undated file only when one held year matches it exactly', () => {
    const stored = periodsOf([a('KEN', 2024, 'LIC'), a('KEN', 2025, 'LMC'), a('NGA', 2024, 'LMC'), a('NGA', 2025, 'LMC')]);
    expect(identifyFiscalYear(matchFiscalYears([{ iso3: 'KEN', region: null, income: 'LIC' }, { iso3: 'NGA', region: null, income: 'LMC' }], stored))).toBe(2024);
    expect(identifyFiscalYear(matchFiscalYears([{ iso3: 'NGA', region: null, income: 'LMC' }], stored))).toBeNull();
  });

  it('reads the classification of a vintage from its note, else from its date', () => {
    expect(classificationOfVintage({ publishedAt: '2026-02-24', note: null })).toBe(2026);
    expect(classificationOfVintage({ publishedAt: '2026-07-01', note: null })).toBe(2027);
    expect(classificationOfVintage({ publishedAt: null, note: 'World Bank aggregates on the FY2025 classification (matched)' })).toBe(2025);
    expect(classificationOfVintage({ publishedAt: null, note: null })).toBeNull();
  });

  describe('comparing with a World Bank value', () => {
    const memberships = periodsOf([a('AFG', 2025, 'SAS', 'region'), a('IND', 2025, 'SAS', 'region'), a('IND', 2026, 'SAS', 'region'), a('AFG', 2026, 'MEA', 'region')]);
    const sas = memberships.filter((m) => m.groupId === 'SAS');
    const check = (members: string[], membersOn: string, wbFiscalYear: number | null) =>
      checkClassification({ groupMemberships: sas, allWbMemberships: memberships, kind: 'region', members, membersOn, wbFiscalYear, known: () => true });

    it('compares when the members are those of the Bank’s classification', () => {
      expect(check(['IND'], '2025-12-31', 2026).check).toEqual({ basis: 'same_members', wbFiscalYear: 2026, membersFiscalYear: 2026, added: [], removed: [] });
    });

    it('recomputes on the Bank’s members when the fiscal years differ in membership', () => {
      const r = check(['IND'], '2025-12-31', 2025);
      expect(r.check).toMatchObject({ basis: 'recomputed', removed: ['AFG'], added: [] });
      expect(r.wbMembers).toEqual(['AFG', 'IND']);
    });

    it('does not compare with an undated file or a fiscal year not held', () => {
      expect(check(['IND'], '2025-12-31', null).check.basis).toBe('undated_source');
      expect(check(['IND'], '2026-07-01', 2027).check).toMatchObject({ basis: 'classification_not_held', wbFiscalYear: 2027, membersFiscalYear: 2027 });
    });
  });
});
