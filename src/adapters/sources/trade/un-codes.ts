import type { HsEdition } from '../../../domain/moratorium/hs.ts';
import { WORLD_PARTNER } from '../../../domain/moratorium/trade.ts';
import type { TradeContext } from './records.ts';

/**
 * Country codes of UN Comtrade (and of CEPII's BACI, which is built from it) that are not M49 codes: the
 * trade statistics keep the customs territory a country reported as, so France, Norway, Switzerland, India
 * and the United States carry codes of their own, and Taiwan is reported as "Other Asia, nes".
 * M49 codes are tried first, so a store that gives one of these numbers to a country keeps it.
 */
export const UN_TRADE_CODES: ReadonlyMap<string, string> = new Map([
  ['251', 'FRA'], // France including Monaco (M49 250)
  ['579', 'NOR'], // Norway including Svalbard and Jan Mayen (M49 578)
  ['699', 'IND'], // India as reported until 1995 with Sikkim (M49 356)
  ['757', 'CHE'], // Switzerland including Liechtenstein (M49 756)
  ['842', 'USA'], // United States including Puerto Rico and the US Virgin Islands (M49 840)
  ['490', 'TWN'], // "Other Asia, nes": Taiwan Province of China in Comtrade and BACI
]);

/** The world as a partner in Comtrade: code 0. */
const WORLD_CODES = new Set(['0', '00', '000']);

/**
 * Resolves the numeric country codes of UN trade statistics to ISO3, caching each code, so a file of
 * millions of rows looks up a few hundred distinct codes once each.
 */
export class UnCodeResolver {
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly context: TradeContext) {}

  /** ISO3 of a code; WORLD_PARTNER for the world (0); null for a code neither M49 nor a known exception. */
  iso3(code: string): string | null {
    const cached = this.cache.get(code);
    if (cached !== undefined) return cached;
    const trimmed = code.trim().replace(/^0+(?=\d)/, '');
    let iso3: string | null;
    if (WORLD_CODES.has(trimmed)) iso3 = WORLD_PARTNER;
    else if (!/^\d{1,3}$/.test(trimmed)) iso3 = null;
    else iso3 = this.context.iso3OfM49(trimmed.padStart(3, '0')) ?? UN_TRADE_CODES.get(trimmed) ?? null;
    this.cache.set(code, iso3);
    return iso3;
  }
}

/** Counts of codes left out, for one warning per file that names each code and how many rows it had. */
export class UnknownCodes {
  private readonly counts = new Map<string, number>();

  add(code: string): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
  }

  get size(): number {
    return this.counts.size;
  }

  /** Rows left out in all. */
  get rows(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /** "490 (12 rows), 899 (3 rows)", most rows first. */
  describe(): string {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([code, n]) => `${code} (${n} row${n === 1 ? '' : 's'})`)
      .join(', ');
  }

  entries(): [string, number][] {
    return [...this.counts];
  }
}

/** Comtrade's and WITS's classification codes: H0 is HS 1988/92, H1 HS 1996 … H6 HS 2022. */
const BY_CLASSIFICATION: Record<string, HsEdition> = {
  H0: 'HS1992',
  H1: 'HS1996',
  H2: 'HS2002',
  H3: 'HS2007',
  H4: 'HS2012',
  H5: 'HS2017',
  H6: 'HS2022',
};

/**
 * The HS edition of a Comtrade or WITS classification code ("H5", also "HS"/"H5" with spaces); null for
 * other classifications (SITC "S3", BEC).
 * @example editionOfClassification('H6') // 'HS2022'
 */
export function editionOfClassification(code: string): HsEdition | null {
  return BY_CLASSIFICATION[code.trim().toUpperCase()] ?? null;
}

/** BACI's edition tags in its file names: HS92 … HS22. */
const BY_BACI_TAG: Record<string, HsEdition> = {
  '92': 'HS1992',
  '96': 'HS1996',
  '02': 'HS2002',
  '07': 'HS2007',
  '12': 'HS2012',
  '17': 'HS2017',
  '22': 'HS2022',
};

/**
 * The edition of a BACI file from its name ("BACI_HS17_Y2019_V202501.csv"), or null.
 * @example baciEditionOf('BACI_HS17_Y2019_V202501.csv') // 'HS2017'
 */
export function baciEditionOf(fileName: string): HsEdition | null {
  const m = /BACI_HS(\d{2})(?:[_.]|$)/i.exec(fileName);
  return m?.[1] ? (BY_BACI_TAG[m[1]] ?? null) : null;
}
