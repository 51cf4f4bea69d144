/**
 * A local stand-in for the World Bank Indicators API v2: answers in the API's own JSON layout, generated
 * from the fixture countries, so the online importers and the first-start fill run without the network.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WB_INCOME_GROUPS, WB_REGION_GROUPS } from '../../../src/domain/worldbank.ts';
import { FIXTURE_AGGREGATES, FIXTURE_COUNTRIES, worldBankApiPages, type ApiResponses } from '../../fixtures/fixtures.ts';

export type ApiLang = 'en' | 'fr' | 'es';

/** Rows per page the local API uses whatever the client asks, so that every series spans pages. */
export const PAGE_ROWS = 20;

/** The API's error answer for an unknown indicator (HTTP 200 with a message). */
export const API_ERROR = [{ message: [{ id: '120', key: 'Invalid value', value: 'The provided parameter value is not valid' }] }];

/** The `/v2/{lang}/country` answer: the fixture countries with their regions and income levels, and the aggregates. */
export function countriesAnswer(lang: ApiLang): unknown {
  const aggregates = { en: 'Aggregates', fr: 'Agrégats', es: 'Agregados' }[lang];
  const ref = (id: string, value: string) => ({ id, iso2code: '', value });
  const rows = [
    ...FIXTURE_COUNTRIES.map((c) => ({
      id: c.iso3,
      iso2Code: c.iso2,
      name: lang === 'en' ? c.wbName : c.names[lang],
      region: ref(WB_REGION_GROUPS.get(c.wbRegion) ?? '', c.wbRegion),
      adminregion: ref('', ''),
      incomeLevel: ref(WB_INCOME_GROUPS.get(c.income) ?? '', c.income),
      lendingType: ref('IDX', 'IDA'),
      capitalCity: '',
      longitude: '',
      latitude: '',
    })),
    ...FIXTURE_AGGREGATES.map((a) => ({
      id: a.code,
      iso2Code: '',
      name: a.name,
      region: ref('NA', aggregates),
      adminregion: ref('', ''),
      incomeLevel: ref('NA', aggregates),
      lendingType: ref('', aggregates),
      capitalCity: '',
      longitude: '',
      latitude: '',
    })),
  ];
  return [{ page: 1, pages: 1, per_page: '400', total: rows.length, sourceid: null, lastupdated: '2025-12-16' }, rows];
}

/** The recorded pages of an indicator: synthetic values, a seed per code so series differ. */
export function indicatorPages(code: string): ApiResponses {
  let seed = 0;
  for (const ch of code) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
  return worldBankApiPages(code, { perPage: PAGE_ROWS, seed, name: `Series ${code}`, firstYear: 2019, lastYear: 2023 });
}

export interface ApiServer {
  baseUrl: string;
  /** Requests received, as path and query, in order. */
  log: string[];
  /** Indicator codes answered with the API's error message, as a withdrawn series would be. */
  failing: Set<string>;
  close(): Promise<void>;
}

/**
 * Serves countries and indicators. Codes starting with "BAD." answer the API's error message on page 1,
 * codes starting with "HALF." answer page 1 and then the error message on page 2; so do the codes put in `failing`.
 */
export async function startApiServer(): Promise<ApiServer> {
  const log: string[] = [];
  const failing = new Set<string>();
  const send = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push(url.pathname + url.search);
    const page = Number(url.searchParams.get('page') ?? '1');
    const countries = /^\/v2\/(en|fr|es)\/country$/.exec(url.pathname);
    if (countries) return send(res, countriesAnswer(countries[1] as ApiLang));
    const m = /^\/v2\/country\/all\/indicator\/([^/]+)$/.exec(url.pathname);
    if (!m) return send(res, 'not found', 404);
    const code = decodeURIComponent(m[1] ?? '');
    if (failing.has(code) || code.startsWith('BAD.') || (code.startsWith('HALF.') && page === 2)) return send(res, API_ERROR);
    const body = indicatorPages(code).pages[page - 1];
    return body === undefined ? send(res, [{ page, pages: 0, per_page: PAGE_ROWS, total: 0 }, null]) : send(res, body);
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`,
    log,
    failing,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A base URL where nothing listens: a server started and closed again, so its port is free. */
export async function unreachableBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v2`;
}
