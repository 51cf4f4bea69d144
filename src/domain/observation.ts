/** One value of one indicator for one country (or World Bank aggregate) and year, from one vintage. */
export interface Observation {
  indicator: string;
  /** ISO3 code of a country, or the World Bank's code of one of its aggregates (WLD, SSF …). */
  entity: string;
  year: number;
  value: number;
  vintageId: number;
}

/** Values of one indicator for one year, keyed by entity. */
export type YearValues = ReadonlyMap<string, number>;

/**
 * Groups observations by year, then by entity.
 * @example byYear(obs).get(2022)?.get('NGA')
 */
export function byYear(observations: Iterable<Observation>): Map<number, Map<string, number>> {
  const result = new Map<number, Map<string, number>>();
  for (const o of observations) {
    let year = result.get(o.year);
    if (!year) result.set(o.year, (year = new Map()));
    year.set(o.entity, o.value);
  }
  return result;
}

/** A closed range of years, as in "2020-2022". */
export interface YearRange {
  from: number;
  to: number;
}

export const MIN_YEAR = 1960;
export const MAX_YEAR = 2100;

/**
 * Parses "2020", "2020-2022", "2015-" or "-2010" into a year range; null when the text is not a range.
 * @example parseYearRange('2020-2022') // { from: 2020, to: 2022 }
 */
export function parseYearRange(text: string): YearRange | null {
  const m = /^\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*$/.exec(text);
  if (!m || (!m[1] && !m[3])) return null;
  const from = m[1] ? Number(m[1]) : MIN_YEAR;
  const to = m[3] ? Number(m[3]) : m[2] ? MAX_YEAR : from;
  if (!m[2] && m[3] && m[1]) return null;
  if (from > to || from < MIN_YEAR || to > MAX_YEAR) return null;
  return { from, to };
}
