/**
 * Filling in members without a value for a year before a group value is computed: none by default, or the
 * member's latest earlier value carried forward at most N years. Every value carried is flagged with the
 * year it comes from, so an aggregate can say which members it rests on and how old their figures are.
 */

/** How members without a value for the year are treated: left out, or given their latest earlier value. */
export type ImputeMethod = 'none' | 'carry-forward';

export const IMPUTE_METHODS: readonly ImputeMethod[] = ['none', 'carry-forward'];

/**
 * No imputation by default: every group value then rests only on values published for that very year, and
 * the members it leaves out are named where they weigh (see `LARGE_MEMBER_SHARE` in aggregate.ts).
 */
export const DEFAULT_IMPUTE: ImputeMethod = 'none';

/** How many years back a value may be carried by default, and the bounds a request may choose from. */
export const DEFAULT_IMPUTE_YEARS = 2;
export const MIN_IMPUTE_YEARS = 1;
export const MAX_IMPUTE_YEARS = 10;

export interface ImputeOptions {
  method: ImputeMethod;
  /** The most years a value may be carried forward (carry-forward only). */
  years: number;
}

export const DEFAULT_IMPUTE_OPTIONS: ImputeOptions = { method: DEFAULT_IMPUTE, years: DEFAULT_IMPUTE_YEARS };

/** A member's value carried to a year it has none for, from the year it comes from. */
export interface Carried {
  iso3: string;
  /** The year of the value used. */
  from: number;
  /** The year it stands in for. */
  to: number;
  value: number;
}

export interface Imputed {
  /** The year's values with the carried ones added (the published ones are never replaced). */
  values: Map<string, number>;
  /** Each value carried, by member, in the members' order. */
  carried: Carried[];
}

/**
 * The values of `members` for `year`, where a member without one takes its latest value of the
 * `options.years` years before, if any. Values are only carried forward, never back from a later year.
 *
 * @example
 * imputeYear(new Map([[2020, new Map([['IND', 43.4]])], [2022, new Map([['CHN', 75.6]])]]), 2022, ['CHN', 'IND'],
 *   { method: 'carry-forward', years: 2 })
 * // { values: Map { CHN → 75.6, IND → 43.4 }, carried: [{ iso3: 'IND', from: 2020, to: 2022, value: 43.4 }] }
 */
export function imputeYear(
  byYear: ReadonlyMap<number, ReadonlyMap<string, number>>,
  year: number,
  members: readonly string[],
  options: ImputeOptions,
): Imputed {
  const own = byYear.get(year) ?? new Map<string, number>();
  const values = new Map(own);
  const carried: Carried[] = [];
  if (options.method === 'none') return { values, carried };
  for (const iso3 of members) {
    const v = own.get(iso3);
    if (v !== undefined && Number.isFinite(v)) continue;
    for (let from = year - 1; from >= year - options.years; from--) {
      const earlier = byYear.get(from)?.get(iso3);
      if (earlier === undefined || !Number.isFinite(earlier)) continue;
      values.set(iso3, earlier);
      carried.push({ iso3, from, to: year, value: earlier });
      break;
    }
  }
  return { values, carried };
}
