/**
 * The figures the pages should show, worked out from what the fixture files say, without the
 * Observatory's code: values by year, a group's population-weighted mean or sum with the two-thirds
 * coverage rule, the year an indicator page opens on, and numbers in each language's notation.
 */
import type { SourceObservation } from '../../../src/adapters/sources/records.ts';

export type YearValues = Map<number, Map<string, number>>;

export function byYear(list: readonly SourceObservation[]): YearValues {
  const out: YearValues = new Map();
  for (const o of list) {
    const y = out.get(o.year) ?? new Map<string, number>();
    y.set(o.entity, o.value);
    out.set(o.year, y);
  }
  return out;
}

/** secure servers per million × population / 1,000,000 where both exist, as the method page states. */
export function product(a: YearValues, b: YearValues, divisor: number): YearValues {
  const out: YearValues = new Map();
  for (const [year, values] of a) {
    for (const [entity, v] of values) {
      const w = b.get(year)?.get(entity);
      if (w === undefined) continue;
      const y = out.get(year) ?? new Map<string, number>();
      y.set(entity, (v * w) / divisor);
      out.set(year, y);
    }
  }
  return out;
}

/** A country's latest year with a value, and the value. */
export function latest(values: YearValues, iso3: string): { year: number; value: number } {
  const years = [...values.keys()].sort((a, b) => b - a);
  for (const year of years) {
    const v = values.get(year)?.get(iso3);
    if (v !== undefined) return { year, value: v };
  }
  throw new Error(`no value for ${iso3}`);
}

/**
 * The population that counts for coverage in a year: that year's, else the nearest year's (the later
 * one on a tie), since population files have gaps.
 */
export function populationFor(pop: YearValues, year: number, iso3: string): number {
  const years = [...pop.keys()].sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a);
  for (const y of years) {
    const v = pop.get(y)?.get(iso3);
    if (v !== undefined) return v;
  }
  return 0;
}

export interface GroupValue {
  value: number | null;
  withData: number;
  total: number;
  /** Share of the members' population living in members with data. */
  covered: number;
}

/**
 * A group's value for a year: members without a value (or, for a weighted mean, without that year's
 * weight) are left out; nothing is published below two thirds of the population covered.
 */
export function groupValue(
  values: YearValues,
  pop: YearValues,
  members: readonly string[],
  year: number,
  rule: 'population_mean' | 'sum',
): GroupValue {
  const withData = members.filter((m) => values.get(year)?.has(m) && (rule === 'sum' || pop.get(year)?.has(m)));
  const total = members.reduce((s, m) => s + populationFor(pop, year, m), 0);
  const covered = withData.reduce((s, m) => s + populationFor(pop, year, m), 0) / total;
  const base = { withData: withData.length, total: members.length, covered };
  if (withData.length === 0 || covered < 2 / 3) return { value: null, ...base };
  const v = (m: string) => values.get(year)?.get(m) ?? NaN;
  if (rule === 'sum') return { value: withData.reduce((s, m) => s + v(m), 0), ...base };
  const w = (m: string) => pop.get(year)?.get(m) ?? NaN;
  const weighted = withData.reduce((s, m) => s + v(m) * w(m), 0);
  return { value: weighted / withData.reduce((s, m) => s + w(m), 0), ...base };
}

/** The latest year in which a group has a published value. */
export function latestGroupValue(
  values: YearValues,
  pop: YearValues,
  members: readonly string[],
  rule: 'population_mean' | 'sum',
): GroupValue & { year: number } {
  for (const year of [...values.keys()].sort((a, b) => b - a)) {
    const g = groupValue(values, pop, members, year, rule);
    if (g.value !== null) return { ...g, year };
  }
  throw new Error('the group has no published value in any year');
}

/** The year an indicator page opens on: the latest year with at least half as many countries as the best year. */
export function openingYear(values: YearValues, countries: readonly string[]): number {
  const counts = [...values].map(([year, v]) => [year, countries.filter((c) => v.has(c)).length] as const);
  const best = Math.max(...counts.map(([, n]) => n));
  return Math.max(...counts.filter(([, n]) => n > 0 && n >= best / 2).map(([y]) => y));
}

/** Highest and lowest country of a year (ties: the first by name) and how many have a value. */
export function extremes(values: ReadonlyMap<string, number>, countries: readonly string[], name: (iso3: string) => string) {
  const rows = countries
    .filter((c) => values.has(c))
    .map((c) => ({ iso3: c, name: name(c), value: values.get(c) as number }))
    .sort((a, b) => a.value - b.value || a.name.localeCompare(b.name));
  const lowest = rows[0];
  const top = rows[rows.length - 1]?.value;
  const highest = rows.find((r) => r.value === top);
  if (!lowest || !highest) throw new Error('no values');
  return { highest, lowest, count: rows.length };
}

const LOCALES = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', pt: 'pt-PT' } as const;
export type PageLang = keyof typeof LOCALES;

/** A percentage with one decimal, as the language writes it ("24.8%", "24,8 %"). */
export function percent(value: number, lang: PageLang): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** A whole number below a million with the language's grouping ("2,564", "2 564"). */
export function whole(value: number, lang: PageLang): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(value);
}

/** A share between 0 and 1 as a whole percentage. */
export function share(value: number, lang: PageLang): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(value);
}
