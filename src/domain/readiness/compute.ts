import { aggregate, type AggregateResult } from '../aggregate.ts';
import { yearsRead, type Component, type IndexMethod, type MissingRule } from './method.ts';

/** One indicator's values: economy → year → value. */
export type Series = ReadonlyMap<string, ReadonlyMap<number, number>>;

export interface IndexInputs {
  /** The economies the index may cover (ISO3). */
  economies: readonly string[];
  /** The values of each component's indicator, by indicator code. */
  series: ReadonlyMap<string, Series>;
  /** Population by economy and year, for per-capita components. */
  population?: Series;
}

/** Why a component is missing for an economy. */
export type MissingReason = 'no-value-in-window' | 'not-transformable' | 'no-population';

export interface ComponentScore {
  id: string;
  /** The year read; null when missing. */
  year: number | null;
  /** The value as stored. */
  raw: number | null;
  /** The normalised score 0–100 counted in the index (imputed when `imputed`). */
  score: number | null;
  imputed: boolean;
  missing: MissingReason | null;
}

/** How the economy's score was made. */
export type Treatment = 'complete' | 'dropped' | 'reweighted' | 'imputed';

export interface EconomyScore {
  iso3: string;
  /** 0–100; null when dropped. */
  score: number | null;
  /** Competition rank ("1, 2, 2, 4") among the economies with a score. */
  rank: number | null;
  treatment: Treatment;
  components: ComponentScore[];
}

export interface IndexResult {
  method: string;
  version: string;
  year: number;
  missing: MissingRule;
  /** Highest score first, then the economies without a score by code. */
  rows: EconomyScore[];
}

function pick(series: Series | undefined, iso3: string, years: readonly number[]): { year: number; value: number } | null {
  const byYear = series?.get(iso3);
  if (!byYear) return null;
  for (const y of years) {
    const v = byYear.get(y);
    if (v !== undefined && Number.isFinite(v)) return { year: y, value: v };
  }
  return null;
}

function transform(c: Component, value: number, population: number | null): number | null {
  switch (c.transformation) {
    case 'as-is':
      return value;
    case 'log':
      // The natural log of 1 + x, so that zero stays defined; negative values cannot be logged.
      return value < 0 ? null : Math.log1p(value);
    case 'per-capita':
      return population && population > 0 ? value / population : null;
  }
}

/**
 * Computes an index for one year: each component read by its year rule, transformed, normalised to 0–100,
 * then the weighted mean of the components; economies lacking a component are handled by `missing`
 * (dropped, re-weighted or imputed, said per economy). Ranks count from the highest score.
 */
export function computeIndex(method: IndexMethod, inputs: IndexInputs, year: number, missing: MissingRule = method.missing): IndexResult {
  const perComponent = method.components.map((c) => {
    const years = yearsRead(c.year, year);
    const series = inputs.series.get(c.indicator);
    const read = new Map<string, { year: number | null; raw: number | null; value: number | null; missing: MissingReason | null }>();
    for (const iso3 of inputs.economies) {
      const found = pick(series, iso3, years);
      if (!found) {
        read.set(iso3, { year: null, raw: null, value: null, missing: 'no-value-in-window' });
        continue;
      }
      const pop = c.transformation === 'per-capita' ? (pick(inputs.population, iso3, [found.year])?.value ?? null) : null;
      if (c.transformation === 'per-capita' && pop === null) {
        read.set(iso3, { year: found.year, raw: found.value, value: null, missing: 'no-population' });
        continue;
      }
      const value = transform(c, found.value, pop);
      read.set(iso3, { year: found.year, raw: found.value, value, missing: value === null ? 'not-transformable' : null });
    }
    const values = [...read.values()].map((r) => r.value).filter((v): v is number => v !== null);
    const scoreOf = normaliser(c, values);
    const scores = new Map<string, number>();
    for (const [iso3, r] of read) if (r.value !== null) scores.set(iso3, scoreOf(r.value));
    const mean = scores.size > 0 ? [...scores.values()].reduce((a, b) => a + b, 0) / scores.size : null;
    return { c, read, scores, mean };
  });

  const rows: EconomyScore[] = inputs.economies.map((iso3) => {
    const components: ComponentScore[] = perComponent.map(({ c, read, scores, mean }) => {
      const r = read.get(iso3);
      const score = scores.get(iso3) ?? null;
      const imputed = score === null && missing === 'impute' && mean !== null;
      return { id: c.id, year: r?.year ?? null, raw: r?.raw ?? null, score: imputed ? mean : score, imputed, missing: r ? r.missing : 'no-value-in-window' };
    });
    const lacking = components.filter((k) => k.missing !== null);
    const present = components.filter((k) => k.score !== null);
    let treatment: Treatment = lacking.length === 0 ? 'complete' : missing === 'drop' ? 'dropped' : missing === 'reweight' ? 'reweighted' : 'imputed';
    if (present.length === 0) treatment = 'dropped';
    if (missing === 'impute' && lacking.length > 0 && present.length < components.length) treatment = 'dropped';
    let score: number | null = null;
    if (treatment !== 'dropped') {
      let sum = 0;
      let weights = 0;
      for (const [i, k] of components.entries()) {
        if (k.score === null) continue;
        const w = method.components[i]?.weight ?? 0;
        sum += w * k.score;
        weights += w;
      }
      score = weights > 0 ? sum / weights : null;
      if (score === null) treatment = 'dropped';
    }
    return { iso3, score, rank: null, treatment, components };
  });

  const scored = new Map(rows.filter((r) => r.score !== null).map((r) => [r.iso3, r.score as number]));
  for (const r of rows) r.rank = r.score === null ? null : ranked(scored, r.score);
  rows.sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.iso3.localeCompare(b.iso3));
  return { method: method.id, version: method.version, year, missing, rows };
}

function ranked(scores: ReadonlyMap<string, number>, own: number): number {
  let better = 0;
  for (const v of scores.values()) if (v > own) better++;
  return better + 1;
}

/** The function that puts a transformed value on 0–100. Min-max over equal values gives 100 to all. */
export function normaliser(c: Pick<Component, 'normalisation'>, values: readonly number[]): (x: number) => number {
  const n = c.normalisation;
  if (n.kind === 'goalposts') {
    const span = n.high - n.low;
    return (x) => Math.min(100, Math.max(0, ((x - n.low) / span) * 100));
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  return (x) => (span > 0 ? ((x - min) / span) * 100 : 100);
}

/**
 * The population-weighted mean score of a group's members, with its coverage, as every aggregate.
 */
export function groupAverage(result: IndexResult, members: readonly string[], population: ReadonlyMap<string, number>, minCoverage: number): AggregateResult {
  const values = new Map<string, number>();
  for (const r of result.rows) if (r.score !== null) values.set(r.iso3, r.score);
  return aggregate({ rule: { kind: 'weighted_mean', weight: 'SP.POP.TOTL' }, members, values, weights: population, population, minCoverage });
}
