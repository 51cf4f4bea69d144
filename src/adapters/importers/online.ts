import { createHash } from 'node:crypto';
import type { Country } from '../../domain/country.ts';
import { fiscalYearOn } from '../../domain/worldbank.ts';
import { forEachBatch } from '../sources/batches.ts';
import type { SourceObservation } from '../sources/records.ts';
import {
  fetchCountries,
  fetchIndicator,
  WORLD_BANK_API,
  type ApiCountry,
  type ApiRequestOptions,
  type IndicatorFetchSummary,
  type IndicatorProgress,
} from '../sources/worldbank-api.ts';
import type { Store } from '../storage/store.ts';
import type { Vintage } from '../../domain/vintage.ts';
import { ensureReference } from './folder.ts';
import { writeClassification } from './groups.ts';
import { observationSink } from './observations.ts';

/** Indicators fetched from the World Bank API when no local source folder is given. */
export const ONLINE_INDICATORS = [
  'SP.POP.TOTL',
  'IT.NET.USER.ZS',
  'IT.NET.SECR.P6',
  'EG.ELC.ACCS.ZS',
  'IT.NET.BBND.P2',
  'IT.CEL.SETS.P2',
  'FX.OWN.TOTL.ZS',
  'BX.GSR.CCIS.CD',
  'NY.GDP.MKTP.CD',
  'NY.GDP.PCAP.CD',
];

const SOURCE = 'World Bank Indicators API v2';

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** One indicator downloaded whole from the World Bank API, not yet stored. */
export interface IndicatorDownload {
  code: string;
  /** The values, sorted by entity and year. */
  rows: SourceObservation[];
  summary: IndicatorFetchSummary;
  /** The API root it came from. */
  baseUrl: string;
}

/**
 * Downloads every value of one indicator, checking that every page announced the pages and total of page 1
 * and that the rows add up to that total (IncompleteDownloadError otherwise); stores nothing.
 */
export async function downloadWorldBankIndicator(
  code: string,
  options: ApiRequestOptions & { onProgress?: (p: IndicatorProgress) => void } = {},
): Promise<IndicatorDownload> {
  const rows: SourceObservation[] = [];
  const summary = await forEachBatch(fetchIndicator(code, options), (batch) => {
    rows.push(...batch);
  });
  rows.sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : a.year - b.year));
  return { code, rows, summary, baseUrl: options.baseUrl ?? WORLD_BANK_API };
}

/** Stores a downloaded indicator as a vintage, unless the same values are stored already. */
export async function storeWorldBankIndicator(store: Store, download: IndicatorDownload): Promise<{ vintage: Vintage; unchanged: boolean }> {
  const { code, rows, summary } = download;
  const sha256 = digest(rows.map((r) => [r.entity, r.year, r.value]));
  const dataset = `worldbank-api/${code}`;
  const previous = await store.findVintage(dataset, sha256);
  if (previous) return { vintage: previous, unchanged: true };
  const url = `${download.baseUrl}/country/all/indicator/${code}?format=json`;
  const known = new Set((await store.countries()).map((c) => c.iso3));
  const vintage = await store.importVintage(
    {
      dataset,
      source: `${SOURCE}${summary.sourceId ? ` (source ${summary.sourceId})` : ''}`,
      format: 'worldbank-api',
      fileName: null,
      sha256,
      licence: 'CC-BY-4.0',
      sourceUrl: url,
      publishedAt: summary.lastUpdated,
      note: `${summary.observations} values in ${summary.pages} pages`,
    },
    async (writer) => {
      const sink = observationSink(writer, url, known);
      await sink.add(rows);
      await sink.finish(new Map(summary.indicatorName ? [[code, summary.indicatorName]] : []));
    },
  );
  return { vintage, unchanged: false };
}

/**
 * Downloads one indicator for every country and aggregate from the World Bank API and stores it as a
 * vintage, unless the same values are stored already. An incomplete download stores nothing.
 */
export async function importWorldBankIndicator(
  store: Store,
  code: string,
  options: ApiRequestOptions & { onProgress?: (p: IndicatorProgress) => void } = {},
): Promise<{ vintage: Vintage; unchanged: boolean }> {
  return storeWorldBankIndicator(store, await downloadWorldBankIndicator(code, options));
}

/**
 * Downloads the World Bank's list of economies (names in English, French and Spanish, Portuguese from CLDR)
 * with its current regions and income groups, and stores it as a vintage.
 */
export async function importWorldBankCountries(store: Store, options: ApiRequestOptions & { today?: string } = {}): Promise<Vintage | null> {
  return storeWorldBankCountries(store, await downloadWorldBankCountries(options), options);
}

/** The World Bank's list of economies and aggregates in English, French and Spanish, not yet stored. */
export interface CountriesDownload {
  en: ApiCountry[];
  fr: ApiCountry[];
  es: ApiCountry[];
  baseUrl: string;
}

/** Downloads the list of economies in the three languages; stores nothing. */
export async function downloadWorldBankCountries(options: ApiRequestOptions = {}): Promise<CountriesDownload> {
  const [en, fr, es] = await Promise.all([
    fetchCountries({ ...options, lang: 'en' }),
    fetchCountries({ ...options, lang: 'fr' }),
    fetchCountries({ ...options, lang: 'es' }),
  ]);
  return { en, fr, es, baseUrl: options.baseUrl ?? WORLD_BANK_API };
}

/** Stores a downloaded list of economies as a vintage; null when the same list is stored already. */
export async function storeWorldBankCountries(store: Store, download: CountriesDownload, options: { today?: string } = {}): Promise<Vintage | null> {
  const { en, fr, es } = download;
  const names = (list: typeof en, iso3: string) => list.find((c) => c.iso3 === iso3)?.name;
  const portuguese = new Intl.DisplayNames(['pt'], { type: 'region', fallback: 'none' });
  const economies = en.filter((c) => !c.isAggregate);
  const sha256 = digest({ en, fr, es });
  const dataset = 'worldbank-api/countries';
  if (await store.findVintage(dataset, sha256)) return null;
  const existing = new Map((await store.countries()).map((c) => [c.iso3, c]));
  const countries: Country[] = economies.map((c) => {
    const old = existing.get(c.iso3);
    const pt = c.iso2 ? portuguese.of(c.iso2) : undefined;
    const frName = names(fr, c.iso3);
    const esName = names(es, c.iso3);
    return {
      iso3: c.iso3,
      iso2: c.iso2 ?? old?.iso2 ?? null,
      m49: old?.m49 ?? null,
      names: { ...old?.names, en: old?.names.en ?? c.name, ...(frName ? { fr: frName } : {}), ...(esName ? { es: esName } : {}), ...(pt ? { pt } : {}) },
      region: old?.region ?? null,
      subregion: old?.subregion ?? null,
      intermediateRegion: old?.intermediateRegion ?? null,
    };
  });
  const fiscalYear = fiscalYearOn(options.today ?? new Date().toISOString().slice(0, 10));
  return store.importVintage(
    {
      dataset,
      source: SOURCE,
      format: 'worldbank-api',
      fileName: null,
      sha256,
      licence: 'CC-BY-4.0',
      sourceUrl: `${download.baseUrl}/country?format=json`,
      publishedAt: null,
      note: `economies with their regions and income groups (classification in force in FY${fiscalYear})`,
    },
    async (writer) => {
      await writer.upsertCountries(countries);
      await writer.upsertEntities(en.filter((c) => c.isAggregate).map((c) => ({ code: c.iso3, name: c.name, kind: 'aggregate' as const })));
      await writeClassification(
        store,
        writer,
        economies.map((c) => ({ iso3: c.iso3, region: c.region?.id ?? null, income: c.incomeLevel?.id ?? null })),
        fiscalYear,
        SOURCE,
      );
    },
  );
}

export interface OnlineImportResult {
  /** The list of economies' vintage; null when the same list was stored already. */
  countries: Vintage | null;
  indicators: { code: string; vintage: Vintage; unchanged: boolean }[];
}

/**
 * Downloads the list of economies and every indicator asked, then stores them, the Observatory's reference
 * first: a download that fails or is incomplete (IncompleteDownloadError) stops the import before anything
 * is stored.
 * @example await importWorldBankOnline(store, ['IT.NET.USER.ZS'], { baseUrl: worldBankApiAddress(undefined).url })
 */
export async function importWorldBankOnline(
  store: Store,
  codes: readonly string[],
  options: ApiRequestOptions & { today?: string; onDownloaded?: (what: string) => void } = {},
): Promise<OnlineImportResult> {
  const { onDownloaded, today, ...request } = options;
  const countries = await downloadWorldBankCountries(request);
  onDownloaded?.('countries');
  const downloads: IndicatorDownload[] = [];
  for (const code of codes) {
    downloads.push(await downloadWorldBankIndicator(code, request));
    onDownloaded?.(code);
  }
  await ensureReference(store);
  const result: OnlineImportResult = { countries: await storeWorldBankCountries(store, countries, today ? { today } : {}), indicators: [] };
  for (const download of downloads) result.indicators.push({ code: download.code, ...(await storeWorldBankIndicator(store, download)) });
  return result;
}
