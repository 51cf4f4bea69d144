import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchComtrade } from '../../../src/adapters/sources/trade/comtrade-api.ts';
import { TradeApiError } from '../../../src/adapters/sources/trade/http.ts';
import type { TradeBatch } from '../../../src/adapters/sources/trade/records.ts';
import { fetchWitsTariffs, readSdmxStructureSpecific } from '../../../src/adapters/sources/trade/wits-api.ts';
import type { TariffLine, TradeFlow } from '../../../src/domain/moratorium/trade.ts';
import { errorOf } from './helpers.ts';
import { startTradeApiServer, type TradeApiServer } from './trade-api-server.ts';
import { context } from './trade-context.ts';

const quick = { retries: 2, retryDelayMs: 1, minIntervalMs: 0, timeoutMs: 5000 };

async function drain<R>(source: AsyncGenerator<TradeBatch, R>): Promise<{ flows: TradeFlow[]; tariffs: TariffLine[]; summary: R }> {
  const flows: TradeFlow[] = [];
  const tariffs: TariffLine[] = [];
  for (;;) {
    const step = await source.next();
    if (step.done) return { flows, tariffs, summary: step.value };
    flows.push(...(step.value.flows ?? []));
    tariffs.push(...(step.value.tariffs ?? []));
  }
}

let api: TradeApiServer;
beforeAll(async () => {
  api = await startTradeApiServer();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.log.length = 0;
  api.throttle = 0;
});

const PRODUCTS = ['370400', '490110', '852349', '950450'];

describe('fetchComtrade', () => {
  it('asks full answers again in halves, down to one commodity, and keeps the World remainder', async () => {
    const { flows, summary } = await drain(
      fetchComtrade({ reporters: ['524'], years: [2022], commodities: PRODUCTS }, context, { ...quick, baseUrl: api.comtrade, limit: 4 }),
    );
    const path = (codes: string) => `/public/v1/preview/C/A/HS?reporterCode=524&period=2022&flowCode=M&cmdCode=${codes}`;
    expect(api.log).toEqual([path(PRODUCTS.join(',')), path('370400,490110'), path('852349,950450'), path('852349'), path('950450')]);
    expect(summary.splits).toBe(2);
    expect(summary.truncated).toEqual([]);
    const key = (f: TradeFlow) => `${f.hs6} ${f.partner} ${f.valueUsd}`;
    expect(flows.map(key).sort()).toEqual(['370400 WLD 700', '490110 IND 8000', '852349 CHN 30000', '852349 IND 15000', '852349 WLD 7000', '950450 CHN 4100']);
    expect(flows.every((f) => f.reporter === 'NPL' && f.year === 2022 && f.edition === 'HS2022')).toBe(true);
  });

  it('reports a single commodity still at the limit as possibly incomplete', async () => {
    const { summary } = await drain(
      fetchComtrade({ reporters: ['524'], years: [2022], commodities: ['852349'] }, context, { ...quick, baseUrl: api.comtrade, limit: 3 }),
    );
    expect(summary.truncated).toHaveLength(1);
  });

  it('waits and retries after 429, then fails after the retries with the URL', async () => {
    api.throttle = 2;
    const { flows } = await drain(fetchComtrade({ reporters: ['404'], years: [2022], commodities: ['490110'] }, context, { ...quick, baseUrl: api.comtrade }));
    expect(flows.map((f) => [f.reporter, f.partner, f.valueUsd])).toEqual([['KEN', 'IND', 8000]]);
    expect(api.log).toHaveLength(3);
    api.throttle = 5;
    const error = await errorOf(() => drain(fetchComtrade({ reporters: ['404'], years: [2022], commodities: ['490110'] }, context, { ...quick, baseUrl: api.comtrade })));
    expect(error).toBeInstanceOf(TradeApiError);
    expect(error.message).toBe(
      `${api.comtrade}/preview/C/A/HS?reporterCode=404&period=2022&flowCode=M&cmdCode=490110: HTTP 429: Rate limit is exceeded. Try again in 0 seconds. (3 attempts)`,
    );
  });

  it('fails at once on an HTTP error, with the API\'s message, and on a body that is not JSON, naming the URL', async () => {
    const http = await errorOf(() => drain(fetchComtrade({ reporters: ['800'], years: [2022], commodities: ['490110'] }, context, { ...quick, baseUrl: api.comtrade })));
    expect(http.message).toBe(`${api.comtrade}/preview/C/A/HS?reporterCode=800&period=2022&flowCode=M&cmdCode=490110: HTTP 400: Invalid reporterCode: 800`);
    expect(api.log).toHaveLength(1);
    const html = await errorOf(() => drain(fetchComtrade({ reporters: ['834'], years: [2022], commodities: ['490110'] }, context, { ...quick, baseUrl: api.comtrade })));
    expect(html.message).toBe(
      `${api.comtrade}/preview/C/A/HS?reporterCode=834&period=2022&flowCode=M&cmdCode=490110: not JSON: "<html><body>Service under maintenance</body></html>"`,
    );
  });

  it('refuses a bad query before asking anything', async () => {
    const bad = await errorOf(() => drain(fetchComtrade({ reporters: ['NPL'], years: [2022], commodities: ['490110'] }, context, { ...quick, baseUrl: api.comtrade })));
    expect(bad.message).toBe(`${api.comtrade}, field "reporterCode": not a Comtrade reporter code: "NPL"`);
    expect(api.log).toEqual([]);
  });
});

describe('fetchWitsTariffs', () => {
  it('reads MFN rates from SDMX-ML, leaving AHS out; "no records" is an empty answer', async () => {
    const { tariffs, summary } = await drain(
      fetchWitsTariffs({ reporters: ['404'], years: [2021, 2022], products: ['490110', '852349', '950450'] }, context, { ...quick, baseUrl: api.wits, groupSize: 2 }),
    );
    expect(api.log).toEqual([
      '/API/V1/SDMX/V21/datasource/TRN/reporter/404/partner/000/product/490110;852349/year/2021/datatype/reported',
      '/API/V1/SDMX/V21/datasource/TRN/reporter/404/partner/000/product/950450/year/2021/datatype/reported',
      '/API/V1/SDMX/V21/datasource/TRN/reporter/404/partner/000/product/490110;852349/year/2022/datatype/reported',
      '/API/V1/SDMX/V21/datasource/TRN/reporter/404/partner/000/product/950450/year/2022/datatype/reported',
    ]);
    expect(tariffs).toEqual([
      { year: 2022, reporter: 'KEN', line: '852349', hs6: '852349', edition: 'HS2022', regime: 'mfn', scheme: null, rate: 25 },
      { year: 2022, reporter: 'KEN', line: '490110', hs6: '490110', edition: 'HS2022', regime: 'mfn', scheme: null, rate: 0 },
      { year: 2022, reporter: 'KEN', line: '950450', hs6: '950450', edition: 'HS2022', regime: 'mfn', scheme: null, rate: 12.5 },
    ]);
    expect(summary).toMatchObject({ requests: 4, empty: 2, tariffs: 3, applied: 1 });
  });

  it('names the URL of a message cut short and of a server that stays down', async () => {
    const cut = await errorOf(() => drain(fetchWitsTariffs({ reporters: ['800'], years: [2022], products: ['852349'] }, context, { ...quick, baseUrl: api.wits })));
    expect(cut.message).toBe(
      `${api.wits}/SDMX/V21/datasource/TRN/reporter/800/partner/000/product/852349/year/2022/datatype/reported: the SDMX message is cut short (no closing StructureSpecificData tag)`,
    );
    const down = await errorOf(() => drain(fetchWitsTariffs({ reporters: ['834'], years: [2022], products: ['852349'] }, context, { ...quick, baseUrl: api.wits })));
    expect(down.message).toBe(`${api.wits}/SDMX/V21/datasource/TRN/reporter/834/partner/000/product/852349/year/2022/datatype/reported: HTTP 503 (3 attempts)`);
  });

  it('reads SDMX attributes with entities and refuses other messages', () => {
    const message = (body: string) =>
      `<?xml version="1.0"?><message:StructureSpecificData xmlns:message="m"><message:DataSet>${body}</message:DataSet></message:StructureSpecificData>`;
    expect(readSdmxStructureSpecific(message(`<Series REPORTER='404' NAME="A &amp; B"><Obs TIME_PERIOD="2022" OBS_VALUE="1"/></Series>`), 'u')).toEqual([
      { series: { REPORTER: '404', NAME: 'A & B' }, obs: { TIME_PERIOD: '2022', OBS_VALUE: '1' } },
    ]);
    expect(() => readSdmxStructureSpecific('{"data":[]}', 'http://x/y')).toThrow('http://x/y: not an SDMX-ML structure-specific data message: "{\\"data\\":[]}"');
    const error = '<message:Error xmlns:message="m"><message:ErrorMessage code="110"><common:Text>Invalid reporter</common:Text></message:ErrorMessage></message:Error>';
    expect(() => readSdmxStructureSpecific(error, 'u')).toThrow('u: WITS error 110: Invalid reporter');
  });
});
