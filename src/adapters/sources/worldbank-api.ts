import { InputError } from '../../domain/errors.ts';
import { isIndicatorCode } from '../../domain/indicator.ts';
import { entityCell, yearOf } from './fields.ts';
import type { SourceObservation } from './records.ts';
import { describe, sleep } from './trade/http.ts';
import { PageTally } from './worldbank-api-completeness.ts';

export { IncompleteDownloadError, type DownloadCount } from './worldbank-api-completeness.ts';

/** The World Bank Indicators API, version 2. */
export const WORLD_BANK_API = 'https://api.worldbank.org/v2';

/** What every request to the API can be given. */
export interface ApiRequestOptions {
  /** The API root, ending in /v2 (a local server in tests, a mirror behind a firewall). */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
  /** How long one request may take before it counts as failed (30 s by default). */
  timeoutMs?: number;
  /** Further attempts after a 5xx answer, a 429, a timeout or a network error (3 by default). */
  retries?: number;
  /** The wait before the first retry, doubled for each next one (500 ms by default). */
  retryDelayMs?: number;
}

export interface IndicatorProgress {
  page: number;
  pages: number;
  /** Rows the API says the series has, values or nulls. */
  total: number;
  /** Rows received so far. */
  received: number;
}

export interface FetchIndicatorOptions extends ApiRequestOptions {
  /** Rows per page (1,000 by default); the API accepts large pages, but small ones retry cheaply. */
  perPage?: number;
  onProgress?: (progress: IndicatorProgress) => void;
  /** The years to ask for, as the API writes them ("2022", "2000:2023"); all years when absent. */
  date?: string;
}

export interface IndicatorFetchSummary {
  indicator: string;
  indicatorName: string | null;
  /** The API's "lastupdated" date: the vintage of the values. */
  lastUpdated: string | null;
  sourceId: string | null;
  total: number;
  pages: number;
  observations: number;
  /** Rows without a value (null), which are skipped. */
  nulls: number;
}

/**
 * A failed or malformed answer from the World Bank API; an InputError, so it is reported like a bad
 * file, and its message names the URL and the page.
 */
export class WorldBankApiError extends InputError {
  readonly url: string;
  readonly page: number | null;
  readonly status: number | null;

  constructor(reason: string, where: { url: string; page: number | null; status?: number | null }) {
    super(where.page === null ? reason : `page ${where.page}: ${reason}`, { file: where.url });
    this.name = 'WorldBankApiError';
    this.url = where.url;
    this.page = where.page;
    this.status = where.status ?? null;
  }
}

/**
 * Fetches every value of an indicator for all countries and aggregates, page by page
 * (`/country/all/indicator/{code}?format=json&per_page=…&page=N`), yielding one batch of
 * observations per page, in the same shape as the file parsers. Null values are skipped; an
 * aggregate without an ISO3 code is named by its API id. Retries 5xx answers, timeouts and network
 * errors with a growing wait; an API error message or a malformed page throws WorldBankApiError. Every page
 * must announce the pages and total of page 1, and the rows received must be that total, else
 * IncompleteDownloadError (thrown after the last batch: a caller stores nothing before the summary).
 * @example const summary = await forEachBatch(fetchIndicator('IT.NET.USER.ZS'), (b) => store(b));
 */
export async function* fetchIndicator(
  code: string,
  options: FetchIndicatorOptions = {},
): AsyncGenerator<SourceObservation[], IndicatorFetchSummary> {
  if (!isIndicatorCode(code)) throw new InputError(`not an indicator code: ${JSON.stringify(code)}`, { file: 'World Bank API' });
  const perPage = options.perPage ?? 1000;
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a positive integer, not ${perPage}`);
  const request = requestSettings(options);
  const summary: IndicatorFetchSummary = {
    indicator: code,
    indicatorName: null,
    lastUpdated: null,
    sourceId: null,
    total: 0,
    pages: 0,
    observations: 0,
    nulls: 0,
  };
  const date = options.date === undefined ? '' : `&date=${encodeURIComponent(options.date)}`;
  const series = `${request.baseUrl}/country/all/indicator/${encodeURIComponent(code)}?format=json&per_page=${perPage}${date}`;
  const tally = new PageTally(code, series);
  let received = 0;

  // The pages page 1 announces are read, and every later page must announce the same pages and total.
  for (let page = 1; page <= tally.pages; page++) {
    const url = `${request.baseUrl}/country/all/indicator/${encodeURIComponent(code)}?format=json&per_page=${perPage}&page=${page}${date}`;
    const body = await getJson(url, page, request);
    const { head, rows } = readPage(body, url, page);
    tally.page(page, head, rows.length);
    summary.pages = tally.expected.pages;
    summary.total = tally.expected.rows;
    summary.lastUpdated = head.lastUpdated;
    summary.sourceId = head.sourceId;
    const batch: SourceObservation[] = [];
    rows.forEach((row, k) => {
      const obs = toObservation(row, { url, page, row: k + 1 });
      if (summary.indicatorName === null && obs.indicatorName !== null) summary.indicatorName = obs.indicatorName;
      if (obs.value === null) summary.nulls++;
      else batch.push({ indicator: obs.indicator, entity: obs.entity, entityName: obs.entityName, year: obs.year, value: obs.value });
    });
    received += rows.length;
    options.onProgress?.({ page, pages: head.pages, total: head.total, received });
    summary.observations += batch.length;
    if (batch.length > 0) yield batch;
  }
  tally.finish();
  return summary;
}

/** A code and name pair of the API (region, income level, lending type). */
export interface ApiRef {
  id: string;
  name: string;
}

/** A country or aggregate of the API's `/country` list. */
export interface ApiCountry {
  /** ISO3 for economies; the Bank's code for aggregates (WLD, SSF …). */
  iso3: string;
  /** ISO 3166 alpha-2 for economies; null for aggregates, whose API codes (1W, ZG …) are not ISO codes. */
  iso2: string | null;
  name: string;
  region: ApiRef | null;
  adminRegion: ApiRef | null;
  incomeLevel: ApiRef | null;
  lendingType: ApiRef | null;
  capitalCity: string | null;
  isAggregate: boolean;
}

/** The languages the API names countries in. */
export type ApiLang = 'en' | 'fr' | 'es' | 'ar' | 'zh';

export interface FetchCountriesOptions extends ApiRequestOptions {
  /** The language of names (countries, regions, income levels); English by default. */
  lang?: ApiLang;
}

/**
 * Fetches the API's list of countries and aggregates (`/v2/{lang}/country?format=json&per_page=400`),
 * with the Bank's region, income level and lending type of each.
 * @example const countries = await fetchCountries({ lang: 'fr' });
 */
export async function fetchCountries(options: FetchCountriesOptions = {}): Promise<ApiCountry[]> {
  const request = requestSettings(options);
  const lang = options.lang ?? 'en';
  const countries: ApiCountry[] = [];
  const tally = new PageTally(`the country list (${lang})`, `${request.baseUrl}/${lang}/country?format=json&per_page=400`);
  for (let page = 1; page <= tally.pages; page++) {
    const url = `${request.baseUrl}/${lang}/country?format=json&per_page=400&page=${page}`;
    const { head, rows } = readPage(await getJson(url, page, request), url, page);
    tally.page(page, head, rows.length);
    rows.forEach((row, k) => countries.push(toCountry(row, { url, page, row: k + 1 })));
  }
  tally.finish();
  return countries;
}

interface RequestSettings {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
}

function requestSettings(options: ApiRequestOptions): RequestSettings {
  return {
    baseUrl: (options.baseUrl ?? WORLD_BANK_API).replace(/\/+$/, ''),
    fetch: options.fetch ?? globalThis.fetch,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 3,
    retryDelayMs: options.retryDelayMs ?? 500,
  };
}

/** A failure worth another attempt: the server or the network, not the request. */
class Transient extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

async function getJson(url: string, page: number, s: RequestSettings): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    let failure: Transient;
    try {
      return await getOnce(url, page, s);
    } catch (error) {
      if (s.signal?.aborted) throw s.signal.reason ?? error;
      if (!(error instanceof Transient)) throw error;
      failure = error;
    }
    if (attempt >= s.retries) {
      const tries = attempt + 1;
      throw new WorldBankApiError(`${failure.message} (${tries} attempt${tries > 1 ? 's' : ''})`, {
        url,
        page,
        status: failure.status,
      });
    }
    await sleep(s.retryDelayMs * 2 ** attempt, s.signal);
  }
}

async function getOnce(url: string, page: number, s: RequestSettings): Promise<unknown> {
  const timeout = AbortSignal.timeout(s.timeoutMs);
  const signal = s.signal ? AbortSignal.any([s.signal, timeout]) : timeout;
  let status: number | null = null;
  try {
    const response = await s.fetch(url, { signal, headers: { accept: 'application/json' } });
    status = response.status;
    const text = await response.text();
    if (response.status >= 500 || response.status === 429) throw new Transient(`HTTP ${response.status}`, status);
    const body = parseJson(text);
    if (!response.ok) {
      const message = body === undefined ? null : apiMessage(body);
      throw new WorldBankApiError(message ?? `HTTP ${response.status} ${response.statusText}`.trim(), { url, page, status });
    }
    // A gateway's HTML page or a cut-off body: the next attempt usually gets the JSON.
    if (body === undefined) throw new Transient(`the answer is not JSON: ${JSON.stringify(text.slice(0, 120))}`, status);
    return body;
  } catch (error) {
    if (error instanceof Transient || error instanceof WorldBankApiError) throw error;
    if (s.signal?.aborted) throw error;
    if (timeout.aborted) throw new Transient(`no complete answer within ${s.timeoutMs} ms`, status);
    throw new Transient(`network error: ${describe(error)}`, status);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function apiMessage(body: unknown): string | null {
  if (!Array.isArray(body)) return null;
  const first: unknown = body[0];
  if (!isObject(first) || !Array.isArray(first.message)) return null;
  const parts = first.message.map((m: unknown) => {
    if (!isObject(m)) return String(m);
    const id = text(m.id);
    const key = text(m.key);
    const value = text(m.value);
    return `World Bank API error${id ? ` ${id}` : ''}${key ? ` "${key}"` : ''}${value ? `: ${value}` : ''}`;
  });
  return parts.length > 0 ? parts.join('; ') : 'World Bank API error without a message';
}

interface PageHead {
  page: number;
  pages: number;
  total: number;
  sourceId: string | null;
  lastUpdated: string | null;
}

/** Checks the `[ {page, pages, per_page, total, …}, [rows] ]` shape of a page. */
function readPage(body: unknown, url: string, page: number): { head: PageHead; rows: unknown[] } {
  const message = apiMessage(body);
  if (message !== null) throw new WorldBankApiError(message, { url, page });
  if (!Array.isArray(body) || body.length < 2 || !isObject(body[0])) {
    throw new WorldBankApiError('expected a JSON array [page information, rows]', { url, page });
  }
  const info = body[0];
  const head: PageHead = {
    page: count(info.page),
    pages: count(info.pages),
    total: count(info.total),
    sourceId: text(info.sourceid) || null,
    lastUpdated: text(info.lastupdated) || null,
  };
  if (Number.isNaN(head.pages) || Number.isNaN(head.total)) {
    throw new WorldBankApiError('the page information lacks "pages" or "total"', { url, page });
  }
  // An empty series comes back as page 0 of 0 with null rows.
  if (head.total > 0 && head.page !== page) {
    throw new WorldBankApiError(`asked for page ${page}, received page ${head.page}`, { url, page });
  }
  const rows: unknown = body[1];
  if (rows === null) return { head, rows: [] };
  if (!Array.isArray(rows)) throw new WorldBankApiError('the rows are not an array', { url, page });
  return { head, rows };
}

interface RowPlace {
  url: string;
  page: number;
  row: number;
}

function toObservation(
  row: unknown,
  at: RowPlace,
): Omit<SourceObservation, 'value'> & { value: number | null; indicatorName: string | null } {
  const fail = (reason: string): never => {
    throw new WorldBankApiError(`row ${at.row}: ${reason}`, { url: at.url, page: at.page });
  };
  if (!isObject(row)) return fail('not an object');
  const indicator = isObject(row.indicator) ? text(row.indicator.id) : '';
  if (!isIndicatorCode(indicator)) return fail(`no indicator id`);
  const country = isObject(row.country) ? row.country : {};
  const code = text(row.countryiso3code) || text(country.id);
  if (code === '') return fail('neither "countryiso3code" nor "country.id"');
  let entity: string;
  try {
    entity = entityCell(code, { file: at.url });
  } catch (error) {
    // The file parsers' rule for codes, reported with the page and row of the answer.
    if (error instanceof InputError) return fail(error.reason);
    throw error;
  }
  const date = text(row.date);
  const year = yearOf(date);
  if (year === null) return fail(`date ${JSON.stringify(date)} is not a year: only annual series can be imported`);
  let value: number | null = null;
  if (typeof row.value === 'number' && Number.isFinite(row.value)) value = row.value;
  else if (typeof row.value === 'string' && row.value.trim() !== '' && Number.isFinite(Number(row.value))) value = Number(row.value);
  else if (row.value !== null && row.value !== undefined && row.value !== '') return fail(`value ${JSON.stringify(row.value)} is not a number`);
  return {
    indicator,
    entity,
    entityName: text(country.value) || null,
    year,
    value,
    indicatorName: isObject(row.indicator) ? text(row.indicator.value) || null : null,
  };
}

/** The API gives aggregates "NA" as region and income level; "Aggregates" names it in English. */
const AGGREGATE_ID = 'NA';

function toCountry(row: unknown, at: RowPlace): ApiCountry {
  if (!isObject(row)) throw new WorldBankApiError(`row ${at.row}: not an object`, { url: at.url, page: at.page });
  const id = text(row.id);
  if (!/^[A-Z0-9]{3}$/.test(id)) {
    throw new WorldBankApiError(`row ${at.row}: not a country code: ${JSON.stringify(id)}`, { url: at.url, page: at.page });
  }
  const region = ref(row.region);
  const isAggregate = region?.id === AGGREGATE_ID || region?.name === 'Aggregates';
  const iso2 = text(row.iso2Code);
  return {
    iso3: id,
    iso2: !isAggregate && /^[A-Z]{2}$/.test(iso2) ? iso2 : null,
    name: text(row.name),
    region: isAggregate ? null : region,
    adminRegion: ref(row.adminregion),
    incomeLevel: isAggregate ? null : ref(row.incomeLevel),
    lendingType: isAggregate ? null : ref(row.lendingType),
    capitalCity: text(row.capitalCity) || null,
    isAggregate,
  };
}

/** A `{id, value}` pair, trimmed (the API pads some names: "Latin America & Caribbean "); null when empty. */
function ref(value: unknown): ApiRef | null {
  if (!isObject(value)) return null;
  const id = text(value.id);
  const name = text(value.value);
  return id === '' && name === '' ? null : { id, name };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** A count of the page information, which older API versions wrote as strings ("per_page": "50"). */
function count(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : NaN;
}
