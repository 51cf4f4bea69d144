import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/domain/errors.ts';
import { collect } from '../../../src/adapters/sources/batches.ts';
import {
  fetchCountries,
  fetchIndicator,
  WorldBankApiError,
  type IndicatorProgress,
} from '../../../src/adapters/sources/worldbank-api.ts';
import { worldBankApiCountries, worldBankApiPages } from '../../fixtures/fixtures.ts';
import { errorOf } from './helpers.ts';

const CODE = 'IT.NET.USER.ZS';
const PER_PAGE = 10;
const recorded = worldBankApiPages(CODE, { perPage: PER_PAGE });
const INVALID = [{ message: [{ id: '120', key: 'Invalid value', value: 'The provided parameter value is not valid' }] }];

/** Requests received, as path + query, in order. */
const log: string[] = [];
/** Per request key, how many more times to fail before answering. */
const failures = new Map<string, number>();

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json;charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Serves the recorded pages in the official format, and a few misbehaviours keyed by indicator code. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  log.push(url.pathname + url.search);
  const page = Number(url.searchParams.get('page') ?? '1');
  const countries = /^\/v2\/(en|fr|es)\/country$/.exec(url.pathname);
  if (countries) {
    send(res, 200, worldBankApiCountries(countries[1] as 'en' | 'fr' | 'es'));
    return;
  }
  const m = /^\/v2\/country\/all\/indicator\/([^/]+)$/.exec(url.pathname);
  const code = m ? decodeURIComponent(m[1] ?? '') : '';
  const key = `${code}#${page}`;
  const failing = (failures.get(key) ?? 0) > 0;
  if (failing) failures.set(key, (failures.get(key) ?? 0) - 1);

  switch (code) {
    case CODE:
    case 'FLAKY.CODE':
    case 'DROP.CODE': {
      if (failing && code === 'FLAKY.CODE') return send(res, 500, '<html>Internal Server Error</html>', 'text/html');
      if (failing && code === 'DROP.CODE') {
        req.socket.destroy();
        return;
      }
      const body = recorded.pages[page - 1];
      return body === undefined ? send(res, 200, [{ page, pages: recorded.pages.length, per_page: PER_PAGE, total: recorded.total }, null]) : send(res, 200, body);
    }
    case 'NOT.THERE':
      return send(res, 200, INVALID);
    case 'EMPTY.CODE':
      return send(res, 200, [{ page: 0, pages: 0, per_page: PER_PAGE, total: 0, sourceid: null, lastupdated: '2025-07-01' }, null]);
    case 'HTML.CODE':
      return send(res, 200, '<html>maintenance</html>', 'text/html');
    case 'DOWN.CODE':
      return send(res, 503, 'unavailable', 'text/plain');
    case 'GONE.CODE':
      return send(res, 400, INVALID);
    case 'SLOW.CODE':
      setTimeout(() => send(res, 200, recorded.pages[0]), 400);
      return;
    case 'BADENTITY.CODE':
      return send(res, 200, [
        { page: 1, pages: 1, per_page: PER_PAGE, total: 1 },
        [{ indicator: { id: 'BADENTITY.CODE', value: 'x' }, country: { id: 'K E', value: 'Kenya' }, countryiso3code: '', date: '2020', value: 1 }],
      ]);
    case 'MONTHLY.CODE':
      return send(res, 200, [
        { page: 1, pages: 1, per_page: PER_PAGE, total: 1 },
        [{ indicator: { id: 'MONTHLY.CODE', value: 'x' }, country: { id: 'KE', value: 'Kenya' }, countryiso3code: 'KEN', date: '2020M01', value: 1 }],
      ]);
    default:
      return send(res, 404, 'not found', 'text/plain');
  }
}

let server: Server;
let baseUrl = '';

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const quick = { retryDelayMs: 1, timeoutMs: 2000 };

describe('fetchIndicator', () => {
  it('pages through the API, skipping nulls and naming aggregates without ISO3 by their id', async () => {
    log.length = 0;
    const progress: IndicatorProgress[] = [];
    const { records, summary } = await collect(
      fetchIndicator(CODE, { baseUrl, perPage: PER_PAGE, onProgress: (p) => progress.push(p), ...quick }),
    );
    expect(recorded.pages.length).toBeGreaterThanOrEqual(2);
    expect(records).toEqual(recorded.expected);
    expect(records.some((r) => r.entity === 'XY' && r.entityName === 'Not classified')).toBe(true);
    expect(summary).toEqual({
      indicator: CODE,
      indicatorName: 'Individuals using the Internet (% of population)',
      lastUpdated: '2025-07-01',
      sourceId: '2',
      total: recorded.total,
      pages: recorded.pages.length,
      observations: recorded.expected.length,
      nulls: recorded.nulls,
    });
    expect(log).toEqual(
      recorded.pages.map((_, i) => `/v2/country/all/indicator/${CODE}?format=json&per_page=${PER_PAGE}&page=${i + 1}`),
    );
    expect(progress.map((p) => p.page)).toEqual(recorded.pages.map((_, i) => i + 1));
    expect(progress.at(-1)).toEqual({ page: recorded.pages.length, pages: recorded.pages.length, total: recorded.total, received: recorded.total });
  });

  it('retries a 500 with backoff and then succeeds', async () => {
    failures.set('FLAKY.CODE#2', 1);
    log.length = 0;
    const { records } = await collect(fetchIndicator('FLAKY.CODE', { baseUrl, perPage: PER_PAGE, ...quick }));
    expect(records).toEqual(recorded.expected.map((o) => ({ ...o, indicator: CODE })));
    expect(log.filter((l) => l.endsWith('page=2'))).toHaveLength(2);
  });

  it('retries a dropped connection', async () => {
    failures.set('DROP.CODE#1', 2);
    const { records } = await collect(fetchIndicator('DROP.CODE', { baseUrl, perPage: PER_PAGE, ...quick }));
    expect(records).toHaveLength(recorded.expected.length);
  });

  it('reports the API error format with the URL and page, without retrying', async () => {
    log.length = 0;
    const error = await errorOf(() => collect(fetchIndicator('NOT.THERE', { baseUrl, ...quick })));
    expect(error).toBeInstanceOf(WorldBankApiError);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `${baseUrl}/country/all/indicator/NOT.THERE?format=json&per_page=1000&page=1: page 1: World Bank API error 120 "Invalid value": The provided parameter value is not valid`,
    );
    expect(log).toHaveLength(1);
    const gone = await errorOf(() => collect(fetchIndicator('GONE.CODE', { baseUrl, ...quick })));
    expect(gone).toMatchObject({ status: 400, page: 1 });
    expect(gone.message).toMatch(/page 1: World Bank API error 120 "Invalid value"/);
  });

  it('gives up after the retries on 5xx, non-JSON answers and timeouts, naming URL and page', async () => {
    const down = await errorOf(() => collect(fetchIndicator('DOWN.CODE', { baseUrl, retries: 2, ...quick })));
    expect(down.message).toBe(`${baseUrl}/country/all/indicator/DOWN.CODE?format=json&per_page=1000&page=1: page 1: HTTP 503 (3 attempts)`);
    const html = await errorOf(() => collect(fetchIndicator('HTML.CODE', { baseUrl, retries: 1, ...quick })));
    expect(html.message).toMatch(/page=1: page 1: the answer is not JSON: "<html>maintenance<\/html>" \(2 attempts\)$/);
    const slow = await errorOf(() => collect(fetchIndicator('SLOW.CODE', { baseUrl, retries: 0, retryDelayMs: 1, timeoutMs: 50 })));
    expect(slow.message).toMatch(/SLOW\.CODE\?format=json&per_page=1000&page=1: page 1: no complete answer within 50 ms \(1 attempt\)$/);
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = collect(fetchIndicator('SLOW.CODE', { baseUrl, signal: controller.signal, ...quick }));
    setTimeout(() => controller.abort(new Error('cancelled by the user')), 20);
    await expect(pending).rejects.toThrow('cancelled by the user');
  });

  it('reads an empty series, and refuses dates that are not years', async () => {
    const { records, summary } = await collect(fetchIndicator('EMPTY.CODE', { baseUrl, ...quick }));
    expect(records).toEqual([]);
    expect(summary.total).toBe(0);
    const monthly = await errorOf(() => collect(fetchIndicator('MONTHLY.CODE', { baseUrl, ...quick })));
    expect(monthly.message).toMatch(/page 1: row 1: date "2020M01" is not a year: only annual series can be imported$/);
  });

  it('refuses a country code that the file parsers would refuse, naming page and row', async () => {
    const error = await errorOf(() => collect(fetchIndicator('BADENTITY.CODE', { baseUrl, ...quick })));
    expect(error).toBeInstanceOf(WorldBankApiError);
    expect(error.message).toMatch(/BADENTITY\.CODE\?format=json&per_page=1000&page=1: page 1: row 1: not a country or aggregate code: "K E"$/);
  });

  it('refuses an indicator code before asking', async () => {
    await expect(collect(fetchIndicator('bad code', { baseUrl }))).rejects.toThrow('World Bank API: not an indicator code: "bad code"');
  });
});

describe('fetchCountries', () => {
  it('reads countries and aggregates with region, income level and trimmed names', async () => {
    const countries = await fetchCountries({ baseUrl, ...quick });
    const kenya = countries.find((c) => c.iso3 === 'KEN');
    expect(kenya).toEqual({
      iso3: 'KEN',
      iso2: 'KE',
      name: 'Kenya',
      region: { id: 'SSF', name: 'Sub-Saharan Africa' },
      adminRegion: null,
      incomeLevel: { id: 'LMC', name: 'Lower middle income' },
      lendingType: { id: 'IDX', name: 'IDA' },
      capitalCity: 'Capital',
      isAggregate: false,
    });
    const world = countries.find((c) => c.iso3 === 'WLD');
    expect(world).toMatchObject({ isAggregate: true, region: null, incomeLevel: null, iso2: null });
  });

  it('asks for names in the given language', async () => {
    log.length = 0;
    const countries = await fetchCountries({ baseUrl, lang: 'fr', ...quick });
    expect(log).toEqual(['/v2/fr/country?format=json&per_page=400&page=1']);
    expect(countries.find((c) => c.iso3 === 'SEN')?.name).toBe('Sénégal');
    expect(countries.find((c) => c.iso3 === 'SSF')?.isAggregate).toBe(true);
  });
});
