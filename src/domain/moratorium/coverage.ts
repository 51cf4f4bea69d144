import type { HsEdition } from './hs.ts';

/** What the estimator can read: which reporters, years and editions have imports, and what tariffs cover them. */
export interface TradeCoverage {
  reporter: string;
  edition: HsEdition;
  firstYear: number;
  lastYear: number;
  importsUsd: number;
  rows: number;
  tradeVintages: number[];
  tariffVintages: number[];
  tariffYears: number[];
}
