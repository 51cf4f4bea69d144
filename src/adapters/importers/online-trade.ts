import { createHash } from 'node:crypto';
import { InputError } from '../../domain/errors.ts';
import { BUILT_IN_LISTS } from '../../domain/moratorium/lists.ts';
import type { SchemeMember, TariffLine, TradeFlow } from '../../domain/moratorium/trade.ts';
import { COMTRADE_API, fetchComtrade, type ComtradeApiOptions } from '../sources/trade/comtrade-api.ts';
import type { TradeBatch } from '../sources/trade/records.ts';
import { UN_TRADE_CODES } from '../sources/trade/un-codes.ts';
import { fetchWitsTariffs, WITS_API, type WitsApiOptions } from '../sources/trade/wits-api.ts';
import type { Store } from '../storage/store.ts';
import type { Vintage } from '../../domain/vintage.ts';
import { tradeContext } from './trade.ts';

/** The products asked for when none are given: every line of the built-in lists, in all their editions. */
export const DEFAULT_TRADE_PRODUCTS: readonly string[] = [...new Set(BUILT_IN_LISTS.flatMap((l) => l.lines))].sort();

export interface OnlineTradeQuery {
  /** ISO3 codes of the reporters. */
  reporters: readonly string[];
  years: readonly number[];
  /** HS6 codes; the built-in lists' lines by default. */
  products?: readonly string[];
}

export interface OnlineTradeResult {
  vintage: Vintage;
  unchanged: boolean;
  warnings: string[];
}

/** Comtrade's codes for the reporters whose trade statistics cover a customs territory of their own (un-codes.ts). */
const COMTRADE_CODE_OF = new Map([...UN_TRADE_CODES].map(([code, iso3]) => [iso3, code]));
// India reports under its M49 code (356) since 1995; 699 is the code of its earlier territory.
COMTRADE_CODE_OF.delete('IND');

/** The numeric code of each reporter (M49 from the stored countries, or Comtrade's own); an InputError names unknown ones. */
async function numericCodes(store: Store, reporters: readonly string[], own: ReadonlyMap<string, string>, source: string): Promise<string[]> {
  const m49 = new Map((await store.countries()).map((c) => [c.iso3, c.m49]));
  return reporters.map((iso3) => {
    const code = own.get(iso3) ?? m49.get(iso3) ?? null;
    if (code === null) {
      throw new InputError(`no numeric code for reporter ${JSON.stringify(iso3)}: import the M49 table first, or give an ISO3 code it lists`, {
        file: source,
        field: 'reporters',
      });
    }
    return code;
  });
}

function check(query: OnlineTradeQuery, source: string): { reporters: string[]; years: number[]; products: string[] } {
  const reporters = [...new Set(query.reporters.map((r) => r.trim().toUpperCase()))].sort();
  if (reporters.length === 0) throw new InputError('no reporter given', { file: source, field: 'reporters' });
  for (const r of reporters) if (!/^[A-Z]{3}$/.test(r)) throw new InputError(`not an ISO3 code: ${JSON.stringify(r)}`, { file: source, field: 'reporters' });
  const years = [...new Set(query.years)].sort((a, b) => a - b);
  if (years.length === 0) throw new InputError('no year given', { file: source, field: 'years' });
  const products = [...new Set(query.products ?? DEFAULT_TRADE_PRODUCTS)].sort();
  for (const p of products) if (!/^\d{6}$/.test(p)) throw new InputError(`not an HS6 code: ${JSON.stringify(p)}`, { file: source, field: 'products' });
  return { reporters, years, products };
}

/** A stable name for a query: the same reporters, years and products replace their previous vintage. */
function datasetOf(prefix: string, q: { reporters: string[]; years: number[]; products: string[] }): string {
  const products = createHash('sha256').update(q.products.join(',')).digest('hex').slice(0, 8);
  const first = q.years[0] ?? 0;
  const last = q.years.at(-1) ?? 0;
  const contiguous = last - first + 1 === q.years.length;
  const years = q.years.length === 1 ? `${first}` : contiguous ? `${first}-${last}` : q.years.join(',');
  return `${prefix}/${q.reporters.join('+')}/${years}/${q.products.length}-products-${products}`;
}

/** Everything a download yields, kept in memory until it is complete, so a failed download writes nothing. */
async function drain<R>(source: AsyncGenerator<TradeBatch, R>): Promise<{ flows: TradeFlow[]; tariffs: TariffLine[]; schemes: SchemeMember[]; summary: R }> {
  const flows: TradeFlow[] = [];
  const tariffs: TariffLine[] = [];
  const schemes: SchemeMember[] = [];
  for (;;) {
    const step = await source.next();
    if (step.done) return { flows, tariffs, schemes, summary: step.value };
    for (const f of step.value.flows ?? []) flows.push(f);
    for (const t of step.value.tariffs ?? []) tariffs.push(t);
    for (const s of step.value.schemes ?? []) schemes.push(s);
  }
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

const key = (...parts: (string | number | null)[]) => parts.join('\t');

/**
 * Downloads annual imports by partner from UN Comtrade's public API for the reporters, years and products,
 * and stores them as one vintage once the whole download has succeeded, unless the same rows are stored
 * already. An error of any request leaves the store as it was.
 * @example await importComtrade(store, { reporters: ['NPL'], years: [2022] })
 */
export async function importComtrade(store: Store, query: OnlineTradeQuery, options: ComtradeApiOptions = {}): Promise<OnlineTradeResult> {
  const base = (options.baseUrl ?? COMTRADE_API).replace(/\/+$/, '');
  const q = check(query, base);
  const codes = await numericCodes(store, q.reporters, COMTRADE_CODE_OF, base);
  const context = await tradeContext(store);
  const { flows, summary } = await drain(fetchComtrade({ reporters: codes, years: q.years, commodities: q.products }, context, options));
  flows.sort((a, b) => key(a.reporter, a.year, a.partner, a.edition, a.hs6).localeCompare(key(b.reporter, b.year, b.partner, b.edition, b.hs6)));
  const sha256 = digest(flows.map((f) => [f.reporter, f.year, f.partner, f.edition, f.hs6, f.valueUsd, f.quantity]));
  const dataset = datasetOf('comtrade-api', q);
  const warnings: string[] = [];
  if (summary.unknownCodes.size > 0) warnings.push(`Comtrade: rows of country codes not recognised left out (kept in the World remainder): ${summary.unknownCodes.describe()}`);
  if (summary.truncated.length > 0) warnings.push(`Comtrade: answers of one product at the ${options.limit ?? 500}-record limit, possibly incomplete: ${summary.truncated.join(' ')}`);
  const previous = await store.findVintage(dataset, sha256);
  if (previous) return { vintage: previous, unchanged: true, warnings };
  const vintage = await store.importVintage(
    {
      dataset,
      source: 'United Nations, UN Comtrade database (public API, preview)',
      format: 'comtrade-api',
      fileName: null,
      sha256,
      licence: 'UN Comtrade terms of use: free for non-commercial use with attribution; no redistribution in bulk',
      sourceUrl: `${base}/preview/C/A/HS`,
      publishedAt: null,
      note:
        `Annual imports (flowCode M) of ${q.reporters.join(', ')} in ${q.years.join(', ')} for ${q.products.length} HS6 products, ` +
        `${summary.answers} answers (${summary.splits} split for reaching the record limit). The reporter's primary value, in the edition of each record; ` +
        'imports from the World not split among recognised partners are under WLD.',
    },
    async (writer) => {
      for (let i = 0; i < flows.length; i += 5000) await writer.addTradeFlows(flows.slice(i, i + 5000));
    },
  );
  return { vintage, unchanged: false, warnings };
}

/**
 * Downloads MFN tariffs (HS6 simple averages, UNCTAD TRAINS) from the WITS API for the reporters, years and
 * products, and stores them as one vintage once the whole download has succeeded.
 * @example await importWitsTariffs(store, { reporters: ['KEN'], years: [2022] })
 */
export async function importWitsTariffs(store: Store, query: OnlineTradeQuery, options: WitsApiOptions = {}): Promise<OnlineTradeResult> {
  const base = (options.baseUrl ?? WITS_API).replace(/\/+$/, '');
  const q = check(query, base);
  // WITS codes countries by their ISO 3166 numeric code, which M49 follows.
  const codes = await numericCodes(store, q.reporters, new Map(), base);
  const context = await tradeContext(store);
  const { tariffs, schemes, summary } = await drain(fetchWitsTariffs({ reporters: codes, years: q.years, products: q.products }, context, options));
  tariffs.sort((a, b) => key(a.reporter, a.year, a.edition, a.hs6, a.regime, a.scheme).localeCompare(key(b.reporter, b.year, b.edition, b.hs6, b.regime, b.scheme)));
  const sha256 = digest({ tariffs: tariffs.map((t) => [t.reporter, t.year, t.edition, t.hs6, t.regime, t.scheme, t.rate]), schemes });
  const dataset = datasetOf('wits-api/TRN', q);
  const warnings: string[] = [];
  if (summary.empty > 0) warnings.push(`WITS: ${summary.empty} of ${summary.requests} requests found no records`);
  const previous = await store.findVintage(dataset, sha256);
  if (previous) return { vintage: previous, unchanged: true, warnings };
  const vintage = await store.importVintage(
    {
      dataset,
      source: 'UNCTAD TRAINS via World Bank WITS API',
      format: 'wits-api',
      fileName: null,
      sha256,
      licence: 'WITS terms of use: TRAINS data free to use with attribution ("UNCTAD TRAINS, via WITS")',
      sourceUrl: `${base}/SDMX/V21/datasource/TRN`,
      publishedAt: null,
      note:
        `Tariffs reported by ${q.reporters.join(', ')} towards all partners (000) in ${q.years.join(', ')} for ${q.products.length} HS6 products: ` +
        `HS6 simple averages of the national lines, ${summary.requests} requests. Effectively applied (AHS) observations are left out.`,
    },
    async (writer) => {
      for (let i = 0; i < tariffs.length; i += 5000) await writer.addTariffLines(tariffs.slice(i, i + 5000));
      if (schemes.length > 0) await writer.addSchemeMembers(schemes);
    },
  );
  return { vintage, unchanged: false, warnings };
}
