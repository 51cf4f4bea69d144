/**
 * Standard VAT/GST rates from published tables, for the VAT comparison where the registry gives no rate.
 *
 * No open, dated, global table exists, so several are imported side by side, each rate with its source and
 * date, and one is chosen per country by the quality of its source (VAT_RATE_SOURCES, best first):
 * 1. `oecd`: OECD Consumption Tax Trends, the rate on 1 January as national delegates report it (OECD members);
 * 2. `pwc`: PwC Worldwide Tax Summaries, a professional summary with a review date per territory;
 * 3. `national-law`: a national VAT act, here as quoted by secondary copies of its text;
 * 4. `node-sales-tax`: a maintained open library of rates, undated per rate;
 * 5. `shopify`: a commerce platform's configuration, undated, some rates stale, 0 often meaning "not set"
 *    (zeros are not imported).
 * A rate in the registry (legal facts, a secretariat's registry, an accepted questionnaire answer) wins over
 * the table; where they differ, the comparison says so. Where no source gives a rate, the VAT is "no data".
 */

export const VAT_RATE_SOURCES = ['oecd', 'pwc', 'national-law', 'node-sales-tax', 'shopify'] as const;
export type VatRateSource = (typeof VAT_RATE_SOURCES)[number];

export function isVatRateSource(value: string): value is VatRateSource {
  return (VAT_RATE_SOURCES as readonly string[]).includes(value);
}

/** One source's standard rate for a country. */
export interface VatRate {
  iso3: string;
  /** Percent. */
  ratePct: number;
  source: VatRateSource;
  /** How to cite it: the table, its edition or review. */
  citation: string;
  /** The date the source states the rate as of (review, 1 January of the year, entry into force); null when undated. */
  asOf: string | null;
  note: string | null;
}

/** The rate chosen for a country, with how many other sources give one and whether any disagrees. */
export interface StandardRate extends VatRate {
  /** The other sources' rates, in precedence order. */
  others: { source: VatRateSource; ratePct: number }[];
  disagree: boolean;
}

/**
 * The standard rate of each country: the best-ranked source that gives one (VAT_RATE_SOURCES); between two
 * rates of the same source, the later dated. Rates within 0.01 point count as the same.
 */
export function chooseStandardRates(rates: readonly VatRate[]): Map<string, StandardRate> {
  const rank = (r: VatRate) => VAT_RATE_SOURCES.indexOf(r.source);
  const byCountry = new Map<string, VatRate[]>();
  for (const r of rates) {
    let list = byCountry.get(r.iso3);
    if (!list) byCountry.set(r.iso3, (list = []));
    list.push(r);
  }
  const chosen = new Map<string, StandardRate>();
  for (const [iso3, list] of [...byCountry].sort((a, b) => a[0].localeCompare(b[0]))) {
    const ordered = [...list].sort((a, b) => rank(a) - rank(b) || (b.asOf ?? '').localeCompare(a.asOf ?? ''));
    const best = ordered[0] as VatRate;
    const others = ordered.slice(1).filter((r) => r.source !== best.source).map((r) => ({ source: r.source, ratePct: r.ratePct }));
    chosen.set(iso3, { ...best, others, disagree: others.some((o) => Math.abs(o.ratePct - best.ratePct) > 0.01) });
  }
  return chosen;
}

/** Where the rate of a VAT comparison comes from. */
export type VatRateOrigin = 'registry' | 'table';

/** The rate a VAT comparison uses for a country, with its origin, and the table's rate when the registry's differs from it. */
export interface ComparisonRate {
  ratePct: number | null;
  origin: VatRateOrigin | null;
  /** The source's name and date, for the reader. */
  source: string | null;
  asOf: string | null;
  /** The table's rate, when the registry's is used and differs from it; null otherwise. */
  tableRatePct: number | null;
  /** Why there is no rate. */
  missing: string | null;
}

/**
 * The rate for a country's VAT comparison: the registry's when it gives one (the table's rate is kept
 * beside it when it differs by more than 0.01 point), else the table's, else none with the reason.
 */
export function comparisonRate(registry: { rate: number | null; source: string; asOf: string | null } | null, table: StandardRate | null): ComparisonRate {
  if (registry && registry.rate !== null) {
    const differs = table !== null && Math.abs(table.ratePct - registry.rate) > 0.01;
    return { ratePct: registry.rate, origin: 'registry', source: registry.source, asOf: registry.asOf, tableRatePct: differs ? table.ratePct : null, missing: null };
  }
  if (table) return { ratePct: table.ratePct, origin: 'table', source: table.citation, asOf: table.asOf, tableRatePct: null, missing: null };
  return {
    ratePct: null,
    origin: null,
    source: null,
    asOf: null,
    tableRatePct: null,
    missing: 'no VAT/GST rate: neither the registry nor any imported rate table gives one for this country',
  };
}
