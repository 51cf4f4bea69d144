/**
 * A local stand-in for UN Comtrade's public API and the WITS tariff API, answering from recorded responses
 * in the official formats (test/fixtures/trade-api/), filtered by the request as the APIs do; a few reporter
 * codes misbehave on purpose.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'trade-api');
export const COMTRADE_RECORDED = JSON.parse(readFileSync(join(FIXTURES, 'comtrade-preview-524-2022.json'), 'utf8')) as {
  data: Record<string, unknown>[];
};
const WITS_RECORDED = readFileSync(join(FIXTURES, 'wits-trn-404-2022.xml'), 'utf8');
const WITS_NO_RECORDS = readFileSync(join(FIXTURES, 'wits-no-records.xml'), 'utf8');

export interface TradeApiServer {
  /** The Comtrade root, ending in /public/v1. */
  comtrade: string;
  /** The WITS root, ending in /API/V1. */
  wits: string;
  /** Requests received, as path and query, in order. */
  log: string[];
  /** How many 429 answers Comtrade gives before answering, per request. */
  throttle: number;
  close(): Promise<void>;
}

/**
 * Comtrade: reporter 524 answers the recorded records of 2022 (other years: none); 404 answers like 524
 * after `throttle` 429s; 800 answers 400 with the API's JSON message; 834 answers an HTML page.
 * WITS: reporter 404 answers the recorded series of 2022 for the products asked (other years: "No Records
 * Found" with 404); 800 answers a message cut short; 834 answers 503.
 */
export async function startTradeApiServer(): Promise<TradeApiServer> {
  const log: string[] = [];
  const throttled = new Map<string, number>();
  const state = { throttle: 0 };
  const send = (res: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
  const xml = (res: ServerResponse, status: number, body: string) => send(res, status, body, 'application/xml; charset=utf-8');

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push(url.pathname + url.search);
    if (url.pathname === '/public/v1/preview/C/A/HS') {
      const reporter = url.searchParams.get('reporterCode');
      const period = url.searchParams.get('period');
      const cmd = new Set((url.searchParams.get('cmdCode') ?? '').split(','));
      if (reporter === '800') return json(res, 400, { statusCode: 400, message: 'Invalid reporterCode: 800' });
      if (reporter === '834') return send(res, 200, '<html><body>Service under maintenance</body></html>', 'text/html');
      if (reporter === '404') {
        const key = url.search;
        const n = throttled.get(key) ?? 0;
        if (n < state.throttle) {
          throttled.set(key, n + 1);
          return json(res, 429, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 0 seconds.' }, { 'retry-after': '0' });
        }
      }
      const data =
        (reporter === '524' || reporter === '404') && period === '2022'
          ? COMTRADE_RECORDED.data
              .filter((r) => cmd.has(String(r.cmdCode)))
              .map((r) => (reporter === '404' ? { ...r, reporterCode: 404, reporterISO: 'KEN', reporterDesc: 'Kenya' } : r))
          : [];
      return json(res, 200, { elapsedTime: '0.05 secs', count: data.length, data, error: '' });
    }
    const wits = /^\/API\/V1\/SDMX\/V21\/datasource\/TRN\/reporter\/(\d+)\/partner\/(\d+)\/product\/([^/]+)\/year\/(\d+)\/datatype\/reported$/.exec(url.pathname);
    if (wits) {
      const [, reporter, , products, year] = wits;
      if (reporter === '834') return send(res, 503, 'Service Unavailable', 'text/plain');
      if (reporter === '800') return xml(res, 200, WITS_RECORDED.slice(0, 900));
      if (reporter !== '404' || year !== '2022') return xml(res, 404, WITS_NO_RECORDS);
      const wanted = new Set(decodeURIComponent(products ?? '').split(';'));
      const body = WITS_RECORDED.replace(/\s*<Series [^>]*PRODUCTCODE="(\d+)"[\s\S]*?<\/Series>/g, (series, code: string) => (wanted.has(code) ? series : ''));
      return xml(res, 200, body);
    }
    return send(res, 404, 'not found', 'text/plain');
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    comtrade: `${root}/public/v1`,
    wits: `${root}/API/V1`,
    log,
    get throttle() {
      return state.throttle;
    },
    set throttle(n: number) {
      state.throttle = n;
      throttled.clear();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
