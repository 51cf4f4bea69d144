import type { HsEdition } from './hs.ts';

/** Imports of one product by one reporter from one partner in one year, as a source gives them. */
export interface TradeFlow {
  year: number;
  /** ISO3 of the importing country. */
  reporter: string;
  /** ISO3 of the partner (origin), or WORLD_PARTNER when the source gives imports from all partners together. */
  partner: string;
  /** The line as recorded: a national 8/10-digit line, or the HS6 code itself. */
  line: string;
  hs6: string;
  edition: HsEdition;
  /** Customs value (CIF for most reporters) in US dollars. */
  valueUsd: number;
  quantity: number | null;
}

/** Partner code of imports whose origin the source does not split out; only MFN rates apply to them. */
export const WORLD_PARTNER = 'WLD';

/** MFN and bound rates apply to all partners; preferential rates to the members of their scheme. */
export type TariffRegime = 'bound' | 'mfn' | 'pref';

/** One rate of one national (or HS6) tariff line of one reporter and year. */
export interface TariffLine {
  year: number;
  reporter: string;
  line: string;
  hs6: string;
  edition: HsEdition;
  regime: TariffRegime;
  /** The preference scheme, for preferential rates ("SAFTA", "AfCFTA" …); null otherwise. */
  scheme: string | null;
  /** Ad valorem rate in percent; null when the line has no ad valorem rate (specific duties, blank in the source). */
  rate: number | null;
}

/** A partner entitled to a preference scheme, from year `from` to year `to` (inclusive; null = open). */
export interface SchemeMember {
  scheme: string;
  partner: string;
  from: number | null;
  to: number | null;
}

/** Whether a scheme's membership covers a partner in a year. */
export function entitled(members: readonly SchemeMember[], scheme: string, partner: string, year: number): boolean {
  return members.some(
    (m) => m.scheme === scheme && m.partner === partner && (m.from === null || m.from <= year) && (m.to === null || year <= m.to),
  );
}

/**
 * The tariff year used for imports of `year`: the latest tariff year not after it, else the earliest one
 * after it (a later schedule is better than none, and the result says which was used); null without any.
 * @example tariffYearFor(2026, [2020, 2027]) // 2020
 */
export function tariffYearFor(year: number, tariffYears: Iterable<number>): number | null {
  let before: number | null = null;
  let after: number | null = null;
  for (const y of tariffYears) {
    if (y <= year && (before === null || y > before)) before = y;
    if (y > year && (after === null || y < after)) after = y;
  }
  return before ?? after;
}
