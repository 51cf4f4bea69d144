import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/adapters/importers/formats.ts';
import { planFolder } from '../../../src/adapters/importers/folder.ts';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import { importComtrade, importWitsTariffs } from '../../../src/adapters/importers/online-trade.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import type { NewVintage } from '../../../src/domain/vintage.ts';
import type { Country } from '../../../src/domain/country.ts';
import { ENGINES, freshStoreEach } from '../../support/engines.ts';
import { COMTRADE_RECORDED, startTradeApiServer, type TradeApiServer } from '../sources/trade-api-server.ts';
import { errorOf, tempDir } from './support.ts';

const dir = tempDir();
const quick = { retries: 0, retryDelayMs: 1, minIntervalMs: 0, timeoutMs: 5000 };

const COUNTRIES: [string, string, string][] = [
  ['CHN', '156', 'China'],
  ['IND', '356', 'India'],
  ['KEN', '404', 'Kenya'],
  ['NPL', '524', 'Nepal'],
  ['TZA', '834', 'United Republic of Tanzania'],
  ['UGA', '800', 'Uganda'],
  ['USA', '840', 'United States of America'],
];

const meta = (dataset: string): NewVintage => ({
  dataset,
  source: 'test',
  format: 'test',
  fileName: null,
  sha256: dataset,
  licence: null,
  sourceUrl: null,
  publishedAt: null,
  note: null,
});

async function withCountries(store: Store): Promise<void> {
  const countries: Country[] = COUNTRIES.map(([iso3, m49, name]) => ({
    iso3,
    iso2: null,
    m49,
    names: { en: name },
    region: null,
    subregion: null,
    intermediateRegion: null,
  }));
  await store.importVintage(meta('countries'), (w) => w.upsertCountries(countries));
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const BACI = 't,i,j,k,v,q\n2019,156,524,852349,12.5,0.3\n2019,842,524,10121,1.25,NA\n2019,999,404,490110,1,1\n2019,356,404,490110,2,NA\n';
const SCHEDULE = 'HS Code,Description,Import Duty,EAC Rate\n85.23,Media,,\n8523.49.10,Software,10%,0\n8523.49.90,Other,Free,\n';
const CONFIG = { reporter: 'KEN', year: 2024, edition: 'HS2022', columns: { line: 'HS Code', description: 'Description', mfn: 'Import Duty', schemes: { EAC: 'EAC Rate' } }, schemeMembers: { EAC: ['UGA', 'TZA'] } };

it('recognises the formats from their headers, names and companions', async () => {
  expect(await detectFormat(write('baci/BACI_HS17_Y2019_V202501.csv', BACI))).toBe('baci');
  write('kenya/kenya-2024.tariff.json', JSON.stringify(CONFIG));
  expect(await detectFormat(write('kenya/kenya-2024.csv', SCHEDULE))).toBe('national-tariff');
  expect(await detectFormat(join(dir, 'kenya/kenya-2024.tariff.json'))).toBeNull();
  expect(await detectFormat(write('comtrade/answer.json', JSON.stringify({ elapsedTime: '1 secs', count: 0, data: [], error: '' })))).toBe('comtrade-plus-json');
  expect(await detectFormat(write('wits/AVEMFN.csv', 'NomenCode,Reporter_ISO_N,Year,ProductCode,Sum_Of_Rates,Min_Rate,Max_Rate,SimpleAverage\n'))).toBe('wits-tariff');
  expect(await detectFormat(write('wits/query.csv', 'Native Nomen,Reporter,Product,Partner,Tariff Year,DutyType,Simple Average\n'))).toBe('wits-tariff');
  expect(await detectFormat(write('comtrade/plus.csv', 'typeCode,freqCode,refYear,reporterCode,flowCode,partnerCode,classificationCode,cmdCode,primaryValue\n'))).toBe('comtrade-plus-csv');
  expect(await detectFormat(write('comtrade/legacy.csv', 'Classification,Year,Period,Period Desc.,Aggregate Level,Trade Flow Code,Reporter Code,Partner Code,Commodity Code,Trade Value (US$)\n'))).toBe(
    'comtrade-legacy',
  );
  const plan = await planFolder(dir);
  expect(plan.find((p) => p.label === 'kenya/kenya-2024.tariff.json')?.skip).toBe('documentation');
  expect(plan.find((p) => p.label === 'comtrade/answer.json')?.format).toBe('comtrade-plus-json');
});

let api: TradeApiServer;
beforeAll(async () => {
  api = await startTradeApiServer();
});
afterAll(async () => {
  await api.close();
});

for (const engine of ENGINES) {
  describe(`generic trade imports on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));
    beforeEach(async () => {
      api.log.length = 0;
      await withCountries(store);
    });

    it('imports a BACI file as one vintage, with Comtrade\'s own codes and a warning for unknown ones', async () => {
      const path = write('baci/BACI_HS17_Y2019_V202501.csv', BACI);
      const result = await importFile(store, path);
      expect(result.status).toBe('imported');
      expect(result.vintage).toMatchObject({ format: 'baci', rowCount: 3, source: 'CEPII, BACI: international trade database at the product level' });
      expect(result.vintage?.note).toMatch(/^CEPII BACI, HS2017: imports of the importer \(j\)/);
      expect(result.warnings).toEqual(['BACI_HS17_Y2019_V202501.csv: 1 rows with country codes not recognised left out: 999 (1 row)']);
      const coverage = await store.tradeCoverage();
      expect(coverage.map((c) => [c.reporter, c.edition, c.firstYear, c.rows, c.importsUsd])).toEqual([
        ['KEN', 'HS2017', 2019, 1, 2000],
        ['NPL', 'HS2017', 2019, 2, 13750],
      ]);
      expect((await importFile(store, path)).status).toBe('unchanged');
    });

    it('refuses a BACI file whose name gives no edition unless told, and a bad row, leaving the store as it was', async () => {
      const nameless = write('baci/trade.csv', BACI);
      expect((await errorOf(() => importFile(store, nameless))).message).toBe(
        'trade.csv: the file name does not give the HS edition ("BACI_HS17_…"): give the edition to the import (--edition HS2017)',
      );
      expect((await importFile(store, nameless, { edition: 'HS2012' })).vintage?.rowCount).toBe(3);
      const before = await store.vintages();
      const bad = write('baci/BACI_HS22_Y2023_V202501.csv', `${BACI}2023,156,524,8523,1,1\n`);
      expect((await errorOf(() => importFile(store, bad))).message).toBe('BACI_HS22_Y2023_V202501.csv, line 6, field "k": not an HS 6-digit code: "8523"');
      expect(await store.vintages()).toEqual(before);
      expect((await store.tradeCoverage()).some((c) => c.edition === 'HS2022')).toBe(false);
    });

    it('imports a national schedule with its configuration, and a changed configuration as a new vintage', async () => {
      const path = write('kenya/kenya-2024.csv', SCHEDULE);
      const config = write('kenya/kenya-2024.tariff.json', JSON.stringify(CONFIG));
      const first = await importFile(store, path);
      expect(first.vintage).toMatchObject({ format: 'national-tariff', rowCount: 5 });
      expect(first.vintage?.note).toContain('National tariff schedule of KEN, tariff year 2024, HS2022 national lines, read as kenya-2024.tariff.json describes it');
      expect((await importFile(store, path)).status).toBe('unchanged');
      writeFileSync(config, JSON.stringify({ ...CONFIG, year: 2025 }));
      const second = await importFile(store, path);
      expect(second.status).toBe('imported');
      expect(second.vintage?.id).not.toBe(first.vintage?.id);
      writeFileSync(config, JSON.stringify({ ...CONFIG, reporter: 'Kenya' }));
      expect((await errorOf(() => importFile(store, path))).message).toBe(
        'kenya-2024.tariff.json, field "reporter": expected the ISO3 code of the reporting country, e.g. "KEN"',
      );
    });

    it('imports a Comtrade download as one vintage, unchanged the second time, nothing when a request fails', async () => {
      const query = { reporters: ['NPL'], years: [2022], products: ['370400', '490110', '852349', '950450'] };
      const first = await importComtrade(store, query, { ...quick, baseUrl: api.comtrade, limit: 4 });
      expect(first.unchanged).toBe(false);
      expect(first.vintage).toMatchObject({ format: 'comtrade-api', rowCount: 6, sourceUrl: `${api.comtrade}/preview/C/A/HS` });
      expect(first.vintage.dataset).toMatch(/^comtrade-api\/NPL\/2022\/4-products-[0-9a-f]{8}$/);
      expect(first.vintage.note).toContain('5 answers (2 split for reaching the record limit)');
      const total = COMTRADE_RECORDED.data.filter((r) => r.partnerCode === 0).reduce((s, r) => s + Number(r.primaryValue), 0);
      expect((await store.tradeCoverage()).map((c) => [c.reporter, c.importsUsd])).toEqual([['NPL', total]]);
      const again = await importComtrade(store, query, { ...quick, baseUrl: api.comtrade, limit: 4 });
      expect(again).toMatchObject({ unchanged: true, vintage: { id: first.vintage.id } });

      const before = await store.vintages();
      // Tanzania's requests answer an HTML page: the download fails after Nepal's succeeded, and nothing is written.
      const failed = await errorOf(() => importComtrade(store, { ...query, reporters: ['NPL', 'TZA'] }, { ...quick, baseUrl: api.comtrade }));
      expect(failed.message).toMatch(/reporterCode=834&period=2022&flowCode=M&cmdCode=370400,490110,852349,950450: not JSON/);
      expect(await store.vintages()).toEqual(before);
      expect((await errorOf(() => importComtrade(store, { ...query, reporters: ['XXA'] }, { ...quick, baseUrl: api.comtrade }))).message).toBe(
        `${api.comtrade}, field "reporters": no numeric code for reporter "XXA": import the M49 table first, or give an ISO3 code it lists`,
      );
    });

    it('imports WITS tariffs as one vintage', async () => {
      const result = await importWitsTariffs(store, { reporters: ['KEN'], years: [2022], products: ['490110', '852349'] }, { ...quick, baseUrl: api.wits });
      expect(result.vintage).toMatchObject({ format: 'wits-api', rowCount: 2 });
      expect(api.log).toEqual(['/API/V1/SDMX/V21/datasource/TRN/reporter/404/partner/000/product/490110;852349/year/2022/datatype/reported']);
      const before = await store.vintages();
      expect((await errorOf(() => importWitsTariffs(store, { reporters: ['KEN', 'TZA'], years: [2022], products: ['852349'] }, { ...quick, baseUrl: api.wits }))).message).toMatch(
        /reporter\/834\/.*: HTTP 503 \(1 attempt\)$/,
      );
      expect(await store.vintages()).toEqual(before);
    });
  });
}
