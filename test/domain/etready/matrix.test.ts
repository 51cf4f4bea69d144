/** The action matrix's pure rules: the template's one column definition, priorities, record keys, the published reviews' figures. */
import { describe, expect, it } from 'vitest';
import { keyTarget, recommendationKey } from '../../../src/domain/etready/edits.ts';
import { isMatrixHeader, MATRIX_COLUMNS, MATRIX_HEADER, matrixShares, parsePriority } from '../../../src/domain/etready/matrix.ts';
import { isNotFound, namedCountries, reviewDate, reviewFigures } from '../../../src/domain/etready/reviews.ts';
import type { TrackedItem } from '../../../src/domain/tracking.ts';

describe('the action-matrix template', () => {
  it('has one column definition, each column described in English and French', () => {
    expect(MATRIX_HEADER).toEqual(['row_type', 'country', 'area', 'recommendation_id', 'recommendation', 'priority', 'lead_agency', 'partners', 'timeline', 'status', 'status_date', 'source', 'requesting_authority']);
    for (const c of MATRIX_COLUMNS) {
      expect(c.en, c.name).not.toBe('');
      expect(c.fr, c.name).not.toBe(c.en);
    }
    expect(isMatrixHeader(MATRIX_HEADER.join(','))).toBe(true);
    expect(isMatrixHeader('country_or_region,status,status_date')).toBe(false);
  });

  it('reads priorities whatever their case, and nothing else', () => {
    expect(['High', 'MEDIUM', ' low '].map(parsePriority)).toEqual(['high', 'medium', 'low']);
    expect(parsePriority('urgent')).toBeNull();
  });

  it('names the records countries edit', () => {
    expect(keyTarget('assessment')).toEqual({ target: 'assessment' });
    expect(keyTarget(recommendationKey('PAY-1'))).toEqual({ target: 'recommendation', id: 'PAY-1' });
    expect(keyTarget('matrix')).toBeUndefined();
  });

  it('gives the shares per area and overall of a matrix on a date', () => {
    const items: TrackedItem[] = [
      { id: 'a', area: 'payments', history: [{ status: 'completed', date: '2021', source: null }] },
      { id: 'b', area: 'legal', history: [{ status: 'under-implementation', date: '2021-06', source: null }] },
    ];
    const m = matrixShares(items, '2021-03-01');
    expect(m.overall).toMatchObject({ counted: 1, completedShare: 100 });
    expect(m.byArea.map((a) => [a.area, a.shares.counted])).toEqual([
      ['payments', 1],
      ['legal', 0],
    ]);
  });
});

describe('the published reviews', () => {
  it('dates a review from its title', () => {
    expect(reviewDate("1st implementation review: 'Fast-tracking implementation' (Dec 2020)")).toBe('2020-12');
    expect(reviewDate("2019 stock-take (note 'Impact Politique et Perspectives')")).toBe('2019');
    expect(reviewDate('3rd implementation review (2024)')).toBe('2024');
    expect(reviewDate('an undated review')).toBeNull();
  });

  it('reads the figures a finding states, and only those', () => {
    expect(reviewFigures('13 of the 18 countries with assessments completed by June 2019 responded; overall implementation rate 50%')).toMatchObject({ responded: 13, asked: 18, overallRate: 50, achievements: null });
    expect(reviewFigures('review carried out in 2021; 140 new achievements reported from 14 countries')).toMatchObject({ achievements: 140, reportingCountries: 14, overallRate: null });
    expect(reviewFigures('17 assessments finalised (2017-2019); 8 under way (2018-2019); 12 requests received')).toMatchObject({ finalised: 17, underWay: 8, requestsReceived: 12 });
    expect(Object.values(reviewFigures('no figure here')).every((v) => v === null)).toBe(true);
  });

  it('lists the countries a caveat names before its count, and knows "NOT FOUND"', () => {
    expect(namedCountries('Countries named on the infographic (status NOT recoverable): Benin, Lao PDR, Niue (3 = 1+1+1)')).toEqual(['Benin', 'Lao PDR', 'Niue']);
    expect(namedCountries('per-country percentages NOT captured')).toEqual([]);
    expect(isNotFound(' NOT FOUND ')).toBe(true);
    expect(isNotFound('found')).toBe(false);
  });
});
