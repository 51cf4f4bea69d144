import { describe, expect, it } from 'vitest';
import { afterToday, leadingDate, measuresOf, shareKind, strategyNamed } from '../../../src/domain/strategies/checkpoints.ts';

describe('strategy checkpoints', () => {
  it('reads the date a statement cell starts with, as precise as given; a range of days keeps its month', () => {
    expect(leadingDate('2024-04-18 (2nd PEC meeting)')).toBe('2024-04-18');
    expect(leadingDate('2021-08 (published) / endorsed 2021')).toBe('2021-08');
    expect(leadingDate('2023-07-06/07 (Bissau)')).toBe('2023-07');
    expect(leadingDate('2024-13-01')).toBeNull();
    expect(leadingDate('soon')).toBeNull();
  });

  it('compares a month with today by its first day', () => {
    expect(afterToday('2026-12', '2026-12-04')).toBe(false);
    expect(afterToday('2026-12-05', '2026-12-04')).toBe(true);
  });

  it('tells the share a metric gives, and the measures a unit names', () => {
    expect(shareKind('share_of_measures_under_implementation')).toBe('underImplementation');
    expect(shareKind('share_implemented_completed')).toBe('completed');
    expect(shareKind('share_completed (alt. wording)')).toBe('completed');
    expect(shareKind('projects_and_value')).toBeNull();
    expect(measuresOf('percent of 54 measures')).toBe(54);
    expect(measuresOf('percent')).toBeNull();
  });

  it('knows a strategy by the start of its name, and no other', () => {
    expect(strategyNamed('Pacific Regional E-commerce Strategy and Roadmap (PIFS)')?.id).toBe('pacific');
    expect(strategyNamed('ECOWAS E-commerce Strategy and Implementation Plan 2023-2027')).toMatchObject({ id: 'ecowas', scope: 'regional', period: '2023-2027' });
    expect(strategyNamed('Atlantis Strategy')).toBeNull();
  });
});
