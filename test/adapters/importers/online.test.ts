import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureReference } from '../../../src/adapters/importers/folder.ts';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import { importWorldBankCountries, importWorldBankIndicator } from '../../../src/adapters/importers/online.ts';
import { WorldBankApiError } from '../../../src/adapters/sources/worldbank-api.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { membersAt } from '../../../src/domain/group.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { FIXTURE_AGGREGATES, FIXTURE_COUNTRIES, writeM49 } from '../../fixtures/fixtures.ts';
import { freshStoreEach, ENGINES } from '../../support/engines.ts';
import { API_ERROR, indicatorPages, startApiServer, type ApiServer } from './api-server.ts';
import { errorOf, snapshot, tempDir, values } from './support.ts';

const dir = tempDir();
const CLDR_PT = new Intl.DisplayNames(['pt'], { type: 'region', fallback: 'none' });
const quick = { retries: 0, retryDelayMs: 1, timeoutMs: 5000 };
const CODE = 'IT.NET.USER.ZS';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(async () => {
  await api.close();
});

it('serves series over two pages', () => {
  const recorded = indicatorPages(CODE);
  expect(recorded.pages).toHaveLength(2);
  expect(recorded.expected.length).toBeGreaterThan(20);
});

for (const engine of ENGINES) {
  describe(`online import on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));
    beforeEach(() => {
      api.log.length = 0;
    });

    it('stores the economies with French, Spanish and CLDR Portuguese names, the aggregates and the classification', async () => {
      const vintage = await importWorldBankCountries(store, { baseUrl: api.baseUrl, today: '2026-03-01', ...quick });
      expect(vintage).toMatchObject({
        dataset: 'worldbank-api/countries',
        source: 'World Bank Indicators API v2',
        format: 'worldbank-api',
        fileName: null,
        licence: 'CC-BY-4.0',
        sourceUrl: `${api.baseUrl}/country?format=json`,
        publishedAt: null,
        note: 'economies with their regions and income groups (classification in force in FY2026)',
      });
      expect([...api.log].sort()).toEqual(['en', 'es', 'fr'].map((l) => `/v2/${l}/country?format=json&per_page=400&page=1`));
      const countries = await store.countries();
      expect(countries).toEqual(
        FIXTURE_COUNTRIES.map((c) => ({
          iso3: c.iso3,
          iso2: c.iso2,
          m49: null,
          names: { en: c.wbName, fr: c.names.fr, es: c.names.es, pt: CLDR_PT.of(c.iso2) },
          region: null,
          subregion: null,
          intermediateRegion: null,
        })).sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1)),
      );
      expect(await store.entities()).toEqual(
        FIXTURE_AGGREGATES.map((a) => ({ code: a.code, name: a.name, kind: 'aggregate' })).sort((a, b) => (a.code < b.code ? -1 : 1)),
      );
      const memberships = await store.memberships();
      const lic = membersAt(memberships.filter((m) => m.groupId === 'LIC'), '2026-03-01');
      expect(lic).toEqual(FIXTURE_COUNTRIES.filter((c) => c.income === 'Low income').map((c) => c.iso3).sort());
      const ssf = membersAt(memberships.filter((m) => m.groupId === 'SSF'), '2026-03-01');
      expect(ssf).toEqual(FIXTURE_COUNTRIES.filter((c) => c.wbRegion === 'Sub-Saharan Africa').map((c) => c.iso3).sort());
      expect(new Set(memberships.map((m) => `${m.from}..${m.to}`))).toEqual(new Set(['2025-07-01..null']));
      expect(memberships).toHaveLength(FIXTURE_COUNTRIES.length * 2);

      const before = await snapshot(store);
      expect(await importWorldBankCountries(store, { baseUrl: api.baseUrl, today: '2026-03-01', ...quick })).toBeNull();
      expect(await snapshot(store)).toEqual(before);
    });

    it('keeps the names and codes the UN gave, adding the API’s French and Spanish names', async () => {
      const m49 = writeM49(join(dir, engine.name, 'm49'));
      await importFile(store, m49.path);
      await importWorldBankCountries(store, { baseUrl: api.baseUrl, today: '2026-03-01', ...quick });
      const congo = await store.country('COD');
      expect(congo).toMatchObject({
        m49: '180',
        names: {
          en: 'Democratic Republic of the Congo',
          fr: 'République démocratique du Congo',
          es: 'República Democrática del Congo',
          pt: CLDR_PT.of('CD'),
        },
        region: { code: '002', name: 'Africa' },
      });
    });

    it('stores an indicator read over two pages, once: a second run finds the same values', async () => {
      await importWorldBankCountries(store, { baseUrl: api.baseUrl, today: '2026-03-01', ...quick });
      const recorded = indicatorPages(CODE);
      api.log.length = 0;
      const first = await importWorldBankIndicator(store, CODE, { baseUrl: api.baseUrl, ...quick });
      expect(api.log).toEqual([1, 2].map((p) => `/v2/country/all/indicator/${CODE}?format=json&per_page=1000&page=${p}`));
      expect(first.unchanged).toBe(false);
      expect(first.vintage).toMatchObject({
        dataset: `worldbank-api/${CODE}`,
        source: 'World Bank Indicators API v2 (source 2)',
        format: 'worldbank-api',
        licence: 'CC-BY-4.0',
        sourceUrl: `${api.baseUrl}/country/all/indicator/${CODE}?format=json`,
        publishedAt: '2025-07-01',
        note: `${recorded.expected.length} values in 2 pages`,
        rowCount: recorded.expected.length,
      });
      expect(values(await store.observations({ indicators: [CODE] }))).toEqual(values(recorded.expected));
      expect((await store.indicators()).map((i) => [i.code, i.name, i.vintageId])).toEqual([[CODE, `Series ${CODE}`, first.vintage.id]]);

      const before = await snapshot(store);
      const second = await importWorldBankIndicator(store, CODE, { baseUrl: api.baseUrl, ...quick });
      expect(second).toEqual({ vintage: first.vintage, unchanged: true });
      expect(await snapshot(store)).toEqual(before);
    });

    // The API names the "Not classified" rows by their id (XY) for want of an ISO3 code: it is an
    // aggregate of the Bank's, and as an economy it would be counted in the world's totals.
    it('does not count the API’s "Not classified" rows as an economy of the world', async () => {
      await ensureReference(store);
      await importWorldBankCountries(store, { baseUrl: api.baseUrl, today: '2026-03-01', ...quick });
      await importWorldBankIndicator(store, 'SP.POP.TOTL', { baseUrl: api.baseUrl, ...quick });
      const obs = new Observatory(store, { today: () => '2026-03-01' });
      expect(obs.membersOn(await obs.ref(), 'WLD', '2026-03-01')).not.toContain('XY');
      expect((await store.entities()).find((e) => e.code === 'XY')?.kind).not.toBe('economy');
    });

    it('fails on an API error message with the URL in the message, leaving the store unchanged', async () => {
      await importWorldBankCountries(store, { baseUrl: api.baseUrl, today: '2026-03-01', ...quick });
      await importWorldBankIndicator(store, CODE, { baseUrl: api.baseUrl, ...quick });
      const before = await snapshot(store);
      const detail = `World Bank API error ${API_ERROR[0]?.message[0]?.id} "Invalid value": The provided parameter value is not valid`;

      const bad = await errorOf(() => importWorldBankIndicator(store, 'BAD.CODE', { baseUrl: api.baseUrl, ...quick }));
      expect(bad).toBeInstanceOf(WorldBankApiError);
      expect(bad.message).toBe(`${api.baseUrl}/country/all/indicator/BAD.CODE?format=json&per_page=1000&page=1: page 1: ${detail}`);
      expect(await snapshot(store)).toEqual(before);

      // An error on the second page, after the first was read, stores nothing either.
      const half = await errorOf(() => importWorldBankIndicator(store, 'HALF.CODE', { baseUrl: api.baseUrl, ...quick }));
      expect(half.message).toBe(`${api.baseUrl}/country/all/indicator/HALF.CODE?format=json&per_page=1000&page=2: page 2: ${detail}`);
      expect(await snapshot(store)).toEqual(before);
    });
  });
}
