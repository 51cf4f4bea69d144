/**
 * A composite readiness index whose method is data: its components (any stored indicator), the year each
 * is read for, how it is transformed and normalised, its weight, and what happens to an economy that lacks
 * a component. Methods are named and versioned; `compute.ts` applies one.
 */

import type { MethodAuthorship } from './user-methods.ts';

/** Which year of a component an index year reads. */
export type YearRule =
  /** The latest value in the `window` years ending `lag` years before the index year. */
  | { kind: 'latest'; window: number; lag: number }
  /** Always the value of this year. */
  | { kind: 'fixed'; year: number };

/** How a component's value is transformed before it is normalised. */
export type Transformation = 'as-is' | 'log' | 'per-capita';

/** How a transformed value becomes a score from 0 to 100. */
export type Normalisation =
  /** (x − min) / (max − min) × 100, min and max over the economies with a value for the component. */
  | { kind: 'min-max' }
  /** (x − low) / (high − low) × 100, clamped to 0–100. */
  | { kind: 'goalposts'; low: number; high: number };

/** What becomes of an economy without a value for one of the components. */
export type MissingRule =
  /** No score: the economy is listed with the components it lacks. */
  | 'drop'
  /** A score from the components it has, their weights scaled to sum to one. */
  | 'reweight'
  /** The missing normalised component is the mean of the economies that have it. */
  | 'impute';

export const MISSING_RULES: readonly MissingRule[] = ['drop', 'reweight', 'impute'];

export interface Component {
  /** A short id, stable across versions ("internet"). */
  id: string;
  /** The indicator read from the store. */
  indicator: string;
  name: string;
  year: YearRule;
  transformation: Transformation;
  normalisation: Normalisation;
  weight: number;
  /**
   * Values gathered from every imported edition of the indicator (the latest edition winning for the same
   * economy and year), for series published one edition at a time; otherwise the current vintage only.
   */
  editions?: boolean;
}

export interface IndexMethod {
  /** The method's id in addresses ("unctad-b2c"). */
  id: string;
  name: string;
  version: string;
  description: string;
  components: readonly Component[];
  missing: MissingRule;
  /** The indicators of the published index this method reproduces, when there is one. */
  published?: { index: string; rank: string; years: readonly number[] };
  /** A user-defined method's version, author and date (user-methods.ts); absent on the built-in ones. */
  authorship?: MethodAuthorship;
}

/** The indicator of population, for per-capita components and group averages. */
export const POPULATION = 'SP.POP.TOTL';

/** The codes under which the published B2C E-commerce Index editions are stored (year = edition). */
export const B2C_PUBLISHED = {
  index: 'UNCTAD.B2C.INDEX',
  rank: 'UNCTAD.B2C.RANK',
  internet: 'UNCTAD.B2C.INTERNET',
  account: 'UNCTAD.B2C.ACCOUNT',
  servers: 'UNCTAD.B2C.SERVERS',
} as const;

/** UPU postal reliability score (0–100) as the B2C editions publish it, stored at the data year (edition − 1). */
export const UPU_POSTAL_RELIABILITY = 'UPU.POSTAL.RELIABILITY';

/**
 * The UNCTAD B2C E-commerce Index: the simple mean of four components on 0–100. The edition of year Y
 * reads data of Y − 1 or the latest before (internet use and secure servers within three years, account
 * ownership within four: the Findex surveys of 2017 and 2021), as UNCTAD's technical notes say.
 */
export const UNCTAD_B2C: IndexMethod = {
  id: 'unctad-b2c',
  name: 'UNCTAD B2C E-commerce Index',
  version: '2020.1',
  description:
    'Mean of four components on 0-100: share of individuals using the Internet, share of adults with an account, secure Internet servers per million people (log, then min-max), UPU postal reliability score.',
  components: [
    { id: 'internet', indicator: 'IT.NET.USER.ZS', name: 'Individuals using the Internet (% of population)', year: { kind: 'latest', window: 3, lag: 1 }, transformation: 'as-is', normalisation: { kind: 'goalposts', low: 0, high: 100 }, weight: 1 },
    { id: 'account', indicator: 'FX.OWN.TOTL.ZS', name: 'Account ownership (% of population age 15+)', year: { kind: 'latest', window: 4, lag: 1 }, transformation: 'as-is', normalisation: { kind: 'goalposts', low: 0, high: 100 }, weight: 1 },
    { id: 'servers', indicator: 'IT.NET.SECR.P6', name: 'Secure Internet servers (per 1 million people), log, normalised', year: { kind: 'latest', window: 3, lag: 1 }, transformation: 'log', normalisation: { kind: 'min-max' }, weight: 1 },
    { id: 'postal', indicator: UPU_POSTAL_RELIABILITY, name: 'UPU postal reliability score', year: { kind: 'latest', window: 3, lag: 1 }, transformation: 'as-is', normalisation: { kind: 'goalposts', low: 0, high: 100 }, weight: 1, editions: true },
  ],
  missing: 'drop',
  published: { index: B2C_PUBLISHED.index, rank: B2C_PUBLISHED.rank, years: [2019, 2020] },
};

/** The methods the Observatory ships. */
export const BUILT_IN_METHODS: readonly IndexMethod[] = [UNCTAD_B2C];

export function builtInMethod(id: string): IndexMethod | null {
  return BUILT_IN_METHODS.find((m) => m.id === id) ?? null;
}

/** The years a component reads for an index year, latest first. */
export function yearsRead(rule: YearRule, indexYear: number): number[] {
  if (rule.kind === 'fixed') return [rule.year];
  const end = indexYear - rule.lag;
  return Array.from({ length: rule.window }, (_, i) => end - i);
}
