/**
 * A local World Bank API v2 whose series can change while they are read: complete pages by default, and, per
 * indicator code, pages that shrink mid-way, a total that changes, or fewer rows than the total announced.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { worldBankApiCountries, worldBankApiPages, type ApiResponses } from '../../fixtures/fixtures.ts';

/** Rows per page, whatever the client asks: the fixture series (8 entities × 4 years = 32 rows) spans 4 pages. */
export const ROWS_PER_PAGE = 10;

/** How a series misbehaves. */
export type Fault =
  /** From page 2 on, every page announces one page and ten rows fewer, as if the series shrank while read. */
  | 'shrink'
  /** The last page announces one row more than page 1 did. */
  | 'total'
  /** Every page announces the same pages and total, but page 2 lacks its last three rows. */
  | 'short';

export interface IncompleteApiServer {
  baseUrl: string;
  /** Requests received, as path and query, in order. */
  log: string[];
  /** The fault of each indicator code; a code not listed is served whole. */
  faults: Map<string, Fault>;
  /** Languages whose country list announces one row more than it holds. */
  shortCountryLists: Set<string>;
  close(): Promise<void>;
}

/** The recorded pages of a series, the indicator id in its rows being the code asked. */
export function seriesPages(code: string): ApiResponses {
  return worldBankApiPages(code, { perPage: ROWS_PER_PAGE });
}

type Page = [Record<string, unknown>, unknown[] | null];

function faulty(pages: Page[], page: number, fault: Fault | undefined): Page | undefined {
  const body = pages[page - 1];
  if (body === undefined || fault === undefined) return body;
  const [head, rows] = body;
  const last = page === pages.length;
  switch (fault) {
    case 'shrink':
      return page === 1 ? body : [{ ...head, pages: Number(head.pages) - 1, total: Number(head.total) - ROWS_PER_PAGE }, rows];
    case 'total':
      return last ? [{ ...head, total: Number(head.total) + 1 }, rows] : body;
    case 'short':
      return page === 2 ? [head, (rows ?? []).slice(0, -3)] : body;
  }
}

export async function startIncompleteApiServer(): Promise<IncompleteApiServer> {
  const log: string[] = [];
  const faults = new Map<string, Fault>();
  const shortCountryLists = new Set<string>();
  const send = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push(url.pathname + url.search);
    const page = Number(url.searchParams.get('page') ?? '1');
    const countries = /^\/v2\/(en|fr|es)\/country$/.exec(url.pathname);
    if (countries) {
      const lang = countries[1] as 'en' | 'fr' | 'es';
      const [head, rows] = worldBankApiCountries(lang) as Page;
      return send(res, shortCountryLists.has(lang) ? [{ ...head, total: Number(head.total) + 1 }, rows] : [head, rows]);
    }
    const m = /^\/v2\/country\/all\/indicator\/([^/]+)$/.exec(url.pathname);
    if (!m) return send(res, 'not found', 404);
    const code = decodeURIComponent(m[1] ?? '');
    const pages = seriesPages(code).pages as Page[];
    const body = faulty(pages, page, faults.get(code));
    return send(res, body ?? [{ page, pages: pages.length, per_page: ROWS_PER_PAGE, total: 0 }, null]);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`,
    log,
    faults,
    shortCountryLists,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
