import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collect } from '../../../src/adapters/sources/batches.ts';
import { fetchCountries, fetchIndicator, IncompleteDownloadError } from '../../../src/adapters/sources/worldbank-api.ts';
import { importWorldBankIndicator, importWorldBankOnline } from '../../../src/adapters/importers/online.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { InputError } from '../../../src/domain/errors.ts';
import { freshStoreEach, ENGINES } from '../../support/engines.ts';
import { snapshot, values } from '../importers/support.ts';
import { seriesPages, startIncompleteApiServer, type IncompleteApiServer } from './incomplete-api-server.ts';

const CODE = 'IT.NET.USER.ZS';
const quick = { retries: 0, retryDelayMs: 1, timeoutMs: 5000 };

let api: IncompleteApiServer;
beforeAll(async () => {
  api = await startIncompleteApiServer();
  api.faults.set('SHRINK.CODE', 'shrink');
  api.faults.set('TOTAL.CODE', 'total');
  api.faults.set('SHORT.CODE', 'short');
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.log.length = 0;
});

/** The series' address in the messages: the request without its page. */
const series = (code: string) => `${api.baseUrl}/country/all/indicator/${code}?format=json&per_page=1000`;

async function refusal(run: () => Promise<unknown>): Promise<IncompleteDownloadError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof IncompleteDownloadError) return error;
    throw error;
  }
  throw new Error('the download was not refused');
}

describe('the World Bank API client refuses an incomplete download', () => {
  it('reads a complete series whole, over the 4 pages page 1 announces', async () => {
    const recorded = seriesPages(CODE);
    const { records, summary } = await collect(fetchIndicator(CODE, { baseUrl: api.baseUrl, ...quick }));
    expect(recorded.pages).toHaveLength(4);
    expect(records).toEqual(recorded.expected);
    expect(summary).toMatchObject({ pages: 4, total: 32, observations: recorded.expected.length, nulls: recorded.nulls });
    expect(api.log).toHaveLength(4);
  });

  it('when the page count shrinks mid-way, naming the indicator, the page and what page 1 announced', async () => {
    const error = await refusal(() => collect(fetchIndicator('SHRINK.CODE', { baseUrl: api.baseUrl, ...quick })));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `${series('SHRINK.CODE')}: incomplete download of SHRINK.CODE, refused: page 2 announces 3 pages and 22 rows ` +
        'where page 1 announced 4 pages and 32 rows; expected 4 pages and 32 rows, received 2 pages and 20 rows',
    );
    expect({ series: error.series, expected: error.expected, received: error.received }).toEqual({
      series: 'SHRINK.CODE',
      expected: { pages: 4, rows: 32 },
      received: { pages: 2, rows: 20 },
    });
    // Trusting each page's own count would have read 3 pages and stopped, as if complete.
    expect(api.log).toHaveLength(2);
  });

  it('when the total changes on a later page', async () => {
    const error = await refusal(() => collect(fetchIndicator('TOTAL.CODE', { baseUrl: api.baseUrl, ...quick })));
    expect(error.message).toBe(
      `${series('TOTAL.CODE')}: incomplete download of TOTAL.CODE, refused: page 4 announces 33 rows where page 1 announced 32 rows; ` +
        'expected 4 pages and 32 rows, received 4 pages and 32 rows',
    );
  });

  it('when the pages hold fewer rows than the total, every page agreeing', async () => {
    const error = await refusal(() => collect(fetchIndicator('SHORT.CODE', { baseUrl: api.baseUrl, ...quick })));
    expect(error.message).toBe(
      `${series('SHORT.CODE')}: incomplete download of SHORT.CODE, refused: the 4 pages held 29 rows where page 1 announced 32; ` +
        'expected 4 pages and 32 rows, received 4 pages and 29 rows',
    );
    expect(error.received).toEqual({ pages: 4, rows: 29 });
  });

  it('when a country list holds fewer rows than its total', async () => {
    const complete = await fetchCountries({ baseUrl: api.baseUrl, lang: 'fr', ...quick });
    api.shortCountryLists.add('fr');
    try {
      const error = await refusal(() => fetchCountries({ baseUrl: api.baseUrl, lang: 'fr', ...quick }));
      const n = complete.length;
      expect(error.message).toBe(
        `${api.baseUrl}/fr/country?format=json&per_page=400: incomplete download of the country list (fr), refused: ` +
          `the page held ${n} rows where page 1 announced ${n + 1}; expected 1 page and ${n + 1} rows, received 1 page and ${n} rows`,
      );
    } finally {
      api.shortCountryLists.delete('fr');
    }
  });
});

for (const engine of ENGINES) {
  describe(`an incomplete download stores nothing, on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it('import --online downloads everything first: one incomplete indicator leaves the store as it was', async () => {
      const before = await snapshot(store);
      const error = await refusal(() => importWorldBankOnline(store, [CODE, 'SHRINK.CODE'], { baseUrl: api.baseUrl, ...quick }));
      expect(error.series).toBe('SHRINK.CODE');
      expect(await snapshot(store)).toEqual(before);
      expect(await store.vintages()).toEqual([]);

      const result = await importWorldBankOnline(store, [CODE], { baseUrl: api.baseUrl, ...quick });
      expect(result.countries).not.toBeNull();
      expect(result.indicators.map((i) => [i.code, i.unchanged])).toEqual([[CODE, false]]);
      expect(values(await store.observations({ indicators: [CODE] }))).toEqual(values(seriesPages(CODE).expected));
    });

    it('an incomplete country list stores nothing either', async () => {
      api.shortCountryLists.add('es');
      try {
        const before = await snapshot(store);
        const error = await refusal(() => importWorldBankOnline(store, [CODE], { baseUrl: api.baseUrl, ...quick }));
        expect(error.series).toBe('the country list (es)');
        expect(await snapshot(store)).toEqual(before);
      } finally {
        api.shortCountryLists.delete('es');
      }
    });

    it('a series that changes while it is read keeps the earlier vintage current', async () => {
      const stored = await importWorldBankOnline(store, [CODE], { baseUrl: api.baseUrl, ...quick });
      const current = stored.indicators[0]?.vintage.id;
      const before = await snapshot(store);
      for (const fault of ['shrink', 'total', 'short'] as const) {
        api.faults.set(CODE, fault);
        try {
          const error = await refusal(() => importWorldBankIndicator(store, CODE, { baseUrl: api.baseUrl, ...quick }));
          expect(error.series, fault).toBe(CODE);
        } finally {
          api.faults.delete(CODE);
        }
        expect(await snapshot(store), fault).toEqual(before);
      }
      expect((await store.indicators()).find((i) => i.code === CODE)?.vintageId).toBe(current);
      expect(values(await store.observations({ indicators: [CODE] }))).toEqual(values(seriesPages(CODE).expected));
    });
  });
}
