/**
 * How an estimate's total moves with each assumption, one at a time, from the target's duty base read once;
 * a missing total carries its reason, in the vocabulary of the estimate's missing figures.
 */

import type { IndexedDutyBase } from '../../domain/moratorium/duty-base.ts';
import { estimateFromBase } from '../../domain/moratorium/duty-base.ts';
import { lineFactors } from '../../domain/moratorium/estimate.ts';
import type { HsEdition, HsLink } from '../../domain/moratorium/hs.ts';
import type { ProductList } from '../../domain/moratorium/lists.ts';
import { groupMissing, uncorrelated, type MissingReason } from '../../domain/moratorium/missing.ts';
import type { EstimateOptions } from '../../domain/moratorium/options.ts';
import type { TradeCoverage } from '../../domain/moratorium/coverage.ts';
import type { SensitivityRow } from './moratorium-results.ts';

/** The assumptions the sensitivity varies one at a time, with the value shown and the options changed. */
const SENSITIVITY_VARIANTS: readonly (readonly [assumption: string, value: string, change: Partial<EstimateOptions>])[] = [
  ['tariff measure', 'bound', { tariff: 'bound' }],
  ['tariff measure', 'mfn', { tariff: 'mfn' }],
  ['tariff measure', 'applied', { tariff: 'applied' }],
  ['national lines to HS6', 'line', { rollup: 'line' }],
  ['national lines to HS6', 'weighted', { rollup: 'weighted' }],
  ['national lines to HS6', 'simple', { rollup: 'simple' }],
  ['share digitised', '1', { share: { default: 1, byPrefix: [] } }],
  ['share digitised', '0.5', { share: { default: 0.5, byPrefix: [] } }],
  ['valuation', 'content', { valuation: 'content' }],
  ['valuation', 'carrier', { valuation: 'carrier' }],
  ['import-demand elasticity', '0', { elasticity: 0 }],
  ['import-demand elasticity', '-0.5', { elasticity: -0.5 }],
  ['import-demand elasticity', '-1.5', { elasticity: -1.5 }],
  ['import-demand elasticity', '-3', { elasticity: -3 }],
];

/** What the sensitivity reads: the target's base and who counts in it. */
export interface SensitivityBase {
  who: { memberIn: (iso3: string, year: number) => boolean };
  list: ProductList;
  coverage: TradeCoverage[];
  editions: HsEdition[];
  links: HsLink[];
  base: IndexedDutyBase;
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/**
 * The total under each variant against the base case of `options`. A null total says why: no imports of the
 * listed lines (or only in an HS edition without correlation), no tariff schedule for the measure, or no
 * rate for it on any line; a change is null with the base case's reason when the base case has no total.
 */
export function sensitivityRows(read: SensitivityBase, options: EstimateOptions): SensitivityRow[] {
  const total = (o: EstimateOptions): { revenueUsd: number | null; why: MissingReason | null } => {
    const { factors } = lineFactors(read.list, read.editions, read.links, o);
    const rows = estimateFromBase(read.base, factors, o, { lines: false }).rows.filter((x) => read.who.memberIn(x.reporter, x.year));
    const rated = rows.filter((x) => x.revenueUsd !== null);
    if (rated.length) return { revenueUsd: sum(rated.map((x) => x.revenueUsd as number)), why: null };
    const absent = rows.length ? [] : uncorrelated(read.coverage, new Set(factors.map((f) => f.edition)), read.list.edition, o.years);
    return { revenueUsd: null, why: absent[0]?.reason ?? groupMissing(rows, o.tariff) };
  };
  const base = total(options);
  return SENSITIVITY_VARIANTS.map(([assumption, value, change]) => {
    const o = { ...options, ...change };
    const isBase = JSON.stringify(o) === JSON.stringify(options);
    const { revenueUsd, why } = isBase ? base : total(o);
    return {
      assumption,
      value,
      revenueUsd,
      change: revenueUsd !== null && base.revenueUsd !== null && base.revenueUsd > 0 ? revenueUsd / base.revenueUsd - 1 : null,
      base: isBase,
      missing: { ...(why ? { revenueUsd: why } : {}), ...(why ?? base.why ? { change: (why ?? base.why) as MissingReason } : {}) },
    };
  });
}
