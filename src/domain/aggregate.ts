import type { AggregationRule } from './indicator.ts';

/** Why a group has no value for a year, when it has none. */
export type AggregateStatus = 'ok' | 'insufficient_coverage' | 'no_data' | 'not_aggregable';

export interface AggregateResult {
  value: number | null;
  status: AggregateStatus;
  /** Members with a value (and, for weighted means, a weight) that year. */
  membersWithData: number;
  /** Members of the group counted in the aggregate. */
  membersTotal: number;
  /** Share (0–1) of the group's population living in members with data; null when population is unknown. */
  populationCovered: number | null;
  /**
   * Members left out for want of a value (or weight) that hold more than `LARGE_MEMBER_SHARE` of the group's
   * population, largest first: the value speaks for the rest of the group, and must say so by name.
   */
  missingLarge: MissingMember[];
  /** Members counted with a value carried from an earlier year, with that year and their population share. */
  imputed: ImputedMember[];
}

/** A member left out of a group value, with its share (0–1) of the group's population. */
export interface MissingMember {
  iso3: string;
  share: number;
}

/** A member counted with a value of an earlier year. */
export interface ImputedMember {
  iso3: string;
  /** The year the value comes from. */
  from: number;
  /** Its share (0–1) of the group's population; null when population is unknown. */
  share: number | null;
}

/** The population share (0–1) above which a member left out of a group value is named beside it. */
export const LARGE_MEMBER_SHARE = 0.1;

export interface AggregateInput {
  rule: AggregationRule;
  members: readonly string[];
  values: ReadonlyMap<string, number>;
  /** Values of the weight indicator the same year (weighted means only). */
  weights?: ReadonlyMap<string, number>;
  /** Population of each member, for the coverage share. */
  population: ReadonlyMap<string, number>;
  /** The smallest population share (0–1) with data for which a value is published. */
  minCoverage: number;
  /** Members whose value in `values` was carried from an earlier year, and that year (see imputation.ts). */
  imputedFrom?: ReadonlyMap<string, number>;
}

/** The share of the group's population a group value must cover by default: two thirds, as the World Bank does. */
export const DEFAULT_MIN_COVERAGE = 2 / 3;

/**
 * Combines members' values into the group's value for one year, with the coverage of the result.
 * Members without data are left out, never counted as zero; the value is withheld when the members
 * with data hold less than `minCoverage` of the group's population. Members left out that hold more than
 * `LARGE_MEMBER_SHARE` of the population are listed (`missingLarge`), and so are members counted with a value
 * carried from an earlier year (`imputed`, from `imputedFrom`).
 *
 * @example
 * aggregate({ rule: { kind: 'sum' }, members: ['A', 'B'], values: new Map([['A', 2]]),
 *   population: new Map([['A', 9], ['B', 1]]), minCoverage: 0.5 })
 * // { value: 2, status: 'ok', membersWithData: 1, membersTotal: 2, populationCovered: 0.9,
//   missingLarge: [] (B holds 10%, not more), imputed: [] }
 */
export function aggregate(input: AggregateInput): AggregateResult {
  const { rule, members, values, weights, population, minCoverage, imputedFrom } = input;
  const contributors: string[] = [];
  for (const iso3 of members) {
    const v = values.get(iso3);
    if (v === undefined || !Number.isFinite(v)) continue;
    if (rule.kind === 'weighted_mean') {
      const w = weights?.get(iso3);
      if (w === undefined || !Number.isFinite(w) || w < 0) continue;
    }
    contributors.push(iso3);
  }

  let totalPopulation = 0;
  let coveredPopulation = 0;
  for (const iso3 of members) totalPopulation += population.get(iso3) ?? 0;
  for (const iso3 of contributors) coveredPopulation += population.get(iso3) ?? 0;
  const populationCovered = totalPopulation > 0 ? coveredPopulation / totalPopulation : null;
  const shareOf = (iso3: string): number | null => {
    const p = population.get(iso3);
    return totalPopulation > 0 && p !== undefined ? p / totalPopulation : null;
  };

  const counted = new Set(contributors);
  const missingLarge: MissingMember[] = [];
  const imputed: ImputedMember[] = [];
  if (rule.kind !== 'none') {
    for (const iso3 of members) {
      const share = shareOf(iso3);
      if (!counted.has(iso3) && share !== null && share > LARGE_MEMBER_SHARE) missingLarge.push({ iso3, share });
    }
    missingLarge.sort((a, b) => b.share - a.share || (a.iso3 < b.iso3 ? -1 : 1));
    for (const iso3 of contributors) {
      const from = imputedFrom?.get(iso3);
      if (from !== undefined) imputed.push({ iso3, from, share: shareOf(iso3) });
    }
  }

  const base = { membersWithData: contributors.length, membersTotal: members.length, populationCovered, missingLarge, imputed };
  if (rule.kind === 'none') return { value: null, status: 'not_aggregable', ...base };
  if (contributors.length === 0) return { value: null, status: 'no_data', ...base };
  const covered = populationCovered ?? contributors.length / members.length;
  if (covered + 1e-12 < minCoverage) return { value: null, status: 'insufficient_coverage', ...base };

  let value: number;
  if (rule.kind === 'sum') {
    value = 0;
    for (const iso3 of contributors) value += values.get(iso3) ?? 0;
  } else {
    let weighted = 0;
    let weightSum = 0;
    for (const iso3 of contributors) {
      const w = weights?.get(iso3) ?? 0;
      weighted += (values.get(iso3) ?? 0) * w;
      weightSum += w;
    }
    if (weightSum === 0) return { value: null, status: 'no_data', ...base };
    value = weighted / weightSum;
  }
  return { value, status: 'ok', ...base };
}

/** How far a group value is from the World Bank's own published value for the same group and year. */
export interface Agreement {
  observatory: number;
  worldBank: number;
  difference: number;
  relativeDifference: number;
  agrees: boolean;
}

/** Relative tolerance under which the Observatory's and the World Bank's values are taken to agree. */
export const AGREEMENT_TOLERANCE = 0.01;

export function compareWithPublished(observatory: number, worldBank: number, tolerance = AGREEMENT_TOLERANCE): Agreement {
  const difference = observatory - worldBank;
  const scale = Math.max(Math.abs(worldBank), Math.abs(observatory), Number.MIN_VALUE);
  const relativeDifference = Math.abs(difference) / scale;
  return { observatory, worldBank, difference, relativeDifference, agrees: relativeDifference <= tolerance };
}
