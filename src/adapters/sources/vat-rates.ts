import { InputError, type InputLocation } from '../../domain/errors.ts';
import type { VatRate, VatRateSource } from '../../domain/moratorium/vat-rates.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';
import { numberCell, optionalText } from './fields.ts';

/** The layouts of the standard-rate tables: one per source (domain/moratorium/vat-rates.ts ranks them). */
export type VatRateLayout = VatRateSource;

/** A rate read from a file, with the line it is on. */
export interface VatRateRow {
  rate: VatRate;
  line: number;
}

const ISO3 = /^[A-Z]{3}$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "17 January 2025" → 2025-01-17; an error naming the cell otherwise. */
export function reviewDate(text: string, where: InputLocation): string {
  const m = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(text.trim());
  const month = m ? MONTHS.indexOf((m[2] as string).toLowerCase()) + 1 : 0;
  if (!m || month === 0) throw new InputError(`not a date such as "17 January 2025": ${JSON.stringify(text)}`, where);
  return `${m[3]}-${String(month).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
}

function iso3Cell(text: string, where: InputLocation): string {
  const t = text.trim().toUpperCase();
  if (!ISO3.test(t)) throw new InputError(`not an ISO 3166 alpha-3 code: ${JSON.stringify(text)}`, where);
  return t;
}

function rateCheck(rate: number, where: InputLocation): number {
  if (rate < 0 || rate > 100) throw new InputError(`a rate is a percentage between 0 and 100, not ${rate}`, where);
  return rate;
}

/**
 * The members of the OECD under the names its Consumption Tax Trends tables use (the file gives names only).
 * A name not listed here is an error naming its line.
 */
const OECD_MEMBERS: Readonly<Record<string, string>> = {
  Australia: 'AUS', Austria: 'AUT', Belgium: 'BEL', Canada: 'CAN', Chile: 'CHL', Colombia: 'COL', 'Costa Rica': 'CRI',
  'Czech Republic': 'CZE', Czechia: 'CZE', Denmark: 'DNK', Estonia: 'EST', Finland: 'FIN', France: 'FRA', Germany: 'DEU', Greece: 'GRC',
  Hungary: 'HUN', Iceland: 'ISL', Ireland: 'IRL', Israel: 'ISR', Italy: 'ITA', Japan: 'JPN', Korea: 'KOR', Latvia: 'LVA', Lithuania: 'LTU',
  Luxembourg: 'LUX', Mexico: 'MEX', Netherlands: 'NLD', 'New Zealand': 'NZL', Norway: 'NOR', Poland: 'POL', Portugal: 'PRT',
  'Slovak Republic': 'SVK', Slovenia: 'SVN', Spain: 'ESP', Sweden: 'SWE', Switzerland: 'CHE', Türkiye: 'TUR', Turkey: 'TUR',
  'United Kingdom': 'GBR', 'United States': 'USA',
};

const PWC = columns({
  iso3: { header: 'iso3', required: true, parse: iso3Cell },
  reviewed: { header: 'last_reviewed', required: true },
  rate: { header: 'standard_rate_pct_parsed', required: true, parse: numberCell },
  rule: { header: 'parse_rule' },
});
const OECD = columns({
  country: { header: 'country', required: true },
  year: { header: 'year', required: true },
  rate: { header: 'standard_vat_rate_pct_on_1_january', required: true },
});
const NATIONAL = columns({
  iso3: { header: 'iso3', required: true, parse: iso3Cell },
  rate: { header: 'standard_rate_pct', required: true, parse: numberCell },
  from: { header: 'vat_in_force_from', required: true },
  url: { header: 'source_url' },
  caveat: { header: 'caveat' },
});
const NODE = columns({
  iso3: { header: 'iso3', required: true, parse: iso3Cell },
  type: { header: 'type', required: true },
  rate: { header: 'rate_pct', required: true, parse: numberCell },
  applies: { header: 'applies', required: true },
  before: { header: 'before_utc' },
});
const SHOPIFY = columns({
  iso3: { header: 'iso3', required: true, parse: iso3Cell },
  rate: { header: 'tax_rate_pct', required: true, parse: numberCell },
  name: { header: 'tax_name' },
});

/** How each source is cited on its rates. */
export const VAT_RATE_CITATIONS: Readonly<Record<VatRateSource, string>> = {
  oecd: 'OECD Consumption Tax Trends, Annex Table 2.A.1 (standard VAT rate on 1 January)',
  pwc: 'PwC Worldwide Tax Summaries, VAT rates quick chart',
  'national-law': 'national VAT/GST act',
  'node-sales-tax': 'node-sales-tax rate table (res/sales_tax_rates.json)',
  shopify: 'Shopify worldwide tax configuration (data/regions)',
};

/**
 * Reads one standard-rate table in the layout of its source:
 * - `pwc`: a row per territory with its review date; rows PwC gives no single number for are left out;
 * - `oecd`: a row per member and year; the latest year of each member is kept, dated 1 January;
 * - `national-law`: a rate per country with the date its act came into force and the link to the text;
 * - `node-sales-tax`: current rates, dated from the end of the previous rate where the file gives one;
 *   "none" rows (no VAT) are left out;
 * - `shopify`: undated; zeros are left out, as the platform writes 0 for a rate not set.
 * A country given twice in a table that should have one row per country is an error naming the line.
 */
export async function readVatRates(input: Chunks, file: string, layout: VatRateLayout): Promise<VatRateRow[]> {
  const out: VatRateRow[] = [];
  const seen = new Map<string, number>();
  const once = (iso3: string, line: number, where: InputLocation) => {
    const first = seen.get(iso3);
    if (first !== undefined) throw new InputError(`${iso3} is given twice (first on line ${first})`, where);
    seen.set(iso3, line);
  };
  const citation = VAT_RATE_CITATIONS[layout];
  const push = (line: number, r: Omit<VatRate, 'source' | 'citation'> & { citation?: string }) =>
    out.push({ line, rate: { ...r, source: layout, citation: r.citation ?? citation } });

  if (layout === 'pwc') {
    for await (const batch of readTable(input, file, PWC)) {
      for (const row of batch) {
        const rate = row.get('rate');
        if (rate === null) continue;
        const iso3 = row.get('iso3');
        once(iso3, row.line, row.at('iso3'));
        const asOf = reviewDate(row.text('reviewed'), row.at('reviewed'));
        const rule = optionalText(row.text('rule'));
        push(row.line, { iso3, ratePct: rateCheck(rate, row.at('rate')), asOf, citation: `${citation} (reviewed ${asOf})`, note: rule === 'plain number' ? null : rule });
      }
    }
  } else if (layout === 'oecd') {
    const latest = new Map<string, { year: number; rate: number; line: number }>();
    for await (const batch of readTable(input, file, OECD)) {
      for (const row of batch) {
        const name = row.text('country');
        const iso3 = OECD_MEMBERS[name];
        if (!iso3) throw new InputError(`${JSON.stringify(name)} is not an OECD member's name as the tables write it`, row.at('country'));
        // Rows whose year cell is not a year ("Reduced rates") give reduced rates, not the standard one.
        if (!/^\d{4}$/.test(row.text('year'))) continue;
        const year = Number(row.text('year'));
        // "-" marks a year without a VAT in the OECD table (Costa Rica before its 2019 VAT): no rate.
        const rateText = row.text('rate');
        if (rateText === '-' || rateText === '..') continue;
        const rate = numberCell(rateText, row.at('rate'));
        if (rate === null) continue;
        rateCheck(rate, row.at('rate'));
        const prior = latest.get(iso3);
        if (!prior || year > prior.year) latest.set(iso3, { year, rate, line: row.line });
      }
    }
    for (const [iso3, l] of latest) push(l.line, { iso3, ratePct: l.rate, asOf: `${l.year}-01-01`, citation: `${citation}, ${l.year}`, note: null });
  } else if (layout === 'national-law') {
    for await (const batch of readTable(input, file, NATIONAL)) {
      for (const row of batch) {
        const rate = row.get('rate');
        if (rate === null) continue;
        const iso3 = row.get('iso3');
        once(iso3, row.line, row.at('iso3'));
        const from = row.text('from');
        if (from !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new InputError(`not a date (YYYY-MM-DD): ${JSON.stringify(from)}`, row.at('from'));
        const url = optionalText(row.text('url'));
        push(row.line, {
          iso3,
          ratePct: rateCheck(rate, row.at('rate')),
          asOf: from || null,
          citation: `${citation}${from ? `, in force from ${from}` : ''}${url ? ` (${url})` : ''}`,
          note: optionalText(row.text('caveat')),
        });
      }
    }
  } else if (layout === 'node-sales-tax') {
    const lastBefore = new Map<string, string>();
    const current: { iso3: string; rate: number; line: number }[] = [];
    for await (const batch of readTable(input, file, NODE)) {
      for (const row of batch) {
        const iso3 = row.get('iso3');
        const rate = row.get('rate');
        if (row.text('applies') === 'current') {
          if (row.text('type') === 'none' || rate === null) continue;
          once(iso3, row.line, row.at('iso3'));
          current.push({ iso3, rate: rateCheck(rate, row.at('rate')), line: row.line });
        } else {
          // The instant a rate ended is local midnight written in UTC (2022-12-31T22:00Z): the next rate's first day is the nearest date.
          const instant = Date.parse(row.text('before'));
          if (Number.isNaN(instant)) continue;
          const since = new Date(instant + 12 * 3600_000).toISOString().slice(0, 10);
          if (since > (lastBefore.get(iso3) ?? '')) lastBefore.set(iso3, since);
        }
      }
    }
    for (const c of current) {
      const since = lastBefore.get(c.iso3) ?? null;
      push(c.line, { iso3: c.iso3, ratePct: c.rate, asOf: since, note: since ? `in force since ${since}` : null });
    }
  } else {
    for await (const batch of readTable(input, file, SHOPIFY)) {
      for (const row of batch) {
        const rate = row.get('rate');
        if (rate === null || rate === 0) continue;
        const iso3 = row.get('iso3');
        once(iso3, row.line, row.at('iso3'));
        push(row.line, { iso3, ratePct: rateCheck(rate, row.at('rate')), asOf: null, note: optionalText(row.text('name')) });
      }
    }
  }
  return out;
}
