/**
 * The VAT comparison's rate, the registry's standard rates, the sensitivity's reasons and the exchange rates
 * of every download, through the API on both engines: the API fixture with the estimator's trade vintage for
 * Nepal (Haiti: imports without a tariff), the national act's 13% for Nepal and Nepal's exchange rates
 * (test/support/vat-rates-setup.ts); then the registry's 15% for Nepal, which wins with the table's kept beside.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { FX_SOURCE } from '../../../src/domain/moratorium/shares.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { openApiDocument } from '../../../src/app/web/api/openapi.ts';
import type { Schema } from '../../../src/app/questions/schema.ts';
import { parseCsv } from '../../support/csv.ts';
import { ENGINES } from '../../support/engines.ts';
import { MORATORIUM_EXPECTED as X, seedMoratorium, seedVat } from '../../support/moratorium-fixture.ts';
import { FX, NATIONAL_ACT_AS_OF, seedRatesAndFx } from '../../support/vat-rates-setup.ts';
import { seed, TODAY } from './fixture.ts';
import { schemaErrors } from './schema-check.ts';

const schemaOf = (path: string): Schema => {
  const r = openApiDocument.paths[path]?.get?.responses['200'];
  return (r && 'content' in r ? r.content?.['application/json; charset=utf-8']?.schema : undefined) as Schema;
};
/** A CSV answer as objects keyed by column. */
const records = (csv: string) => {
  const [header = [], ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
};

for (const engine of ENGINES) {
  describe(`VAT rates, missing totals and exchange rates on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      await store.importVintage(
        { dataset: 'test/npl', source: 'test', format: 'test', fileName: null, sha256: 'npl', licence: null, sourceUrl: null, publishedAt: null, note: null },
        (w) => w.upsertCountries([{ iso3: 'NPL', iso2: 'NP', m49: '524', names: { en: 'Nepal' }, region: null, subregion: null, intermediateRegion: null }]),
      );
      await seedMoratorium(store, { reporter: 'NPL', unrated: 'HTI' });
      await store.importVintage(
        { dataset: 'test/hs2012', source: 'UN Comtrade (test extract, HS 2012)', format: 'test', fileName: 'hs2012.csv', sha256: 'hs2012', licence: null, sourceUrl: null, publishedAt: null, note: null },
        (w) => w.addTradeFlows([{ year: 2015, reporter: 'NPL', partner: 'FRA', line: '49011040', hs6: '490110', edition: 'HS2012', valueUsd: 70_000, quantity: null }]),
      );
      await seedRatesAndFx(store, 'NPL');
      app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }) });
    });
    afterAll(async () => {
      await dispose();
    });

    const get = (path: string) => app.request(`/api/v1/moratorium${path}`);
    const json = async (path: string): Promise<any> => {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      return res.json();
    };
    const csv = async (path: string) => {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      return records(await res.text());
    };

    it('uses the table’s 13% for Nepal with its source and date, and says why Haiti has no rate (JSON, CSV, XLSX)', async () => {
      const body = await json('/vat?country=NPL');
      expect(schemaErrors(body, schemaOf('/moratorium/vat'))).toEqual([]);
      const r2021 = body.rows.find((r: any) => r.year === 2021);
      expect(r2021.rate).toMatchObject({ ratePct: 13, origin: 'table', asOf: NATIONAL_ACT_AS_OF, tableRatePct: null, missing: null });
      expect(r2021.rate.source).toContain('in force from 1997-11-16');
      expect(r2021.standardRate).toMatchObject({ ratePct: 13, source: 'national-law' });
      // Import value, duty excluded: 2,000,000 × 13%.
      expect(r2021.vatRevenueUsd).toBeCloseTo(X.imports[2021] * 0.13, 6);
      // The 2022 duty was converted at 125 NPR per US$ (2022) for its share; 2021 has no revenue series, so no share and no rate used.
      expect(body.rows.find((r: any) => r.year === 2022).dutyFx).toEqual({ rate: FX[2022], year: 2022 });
      expect(r2021.dutyFx).toBeNull();
      expect(body.exchangeRates).toMatchObject({ indicator: 'PA.NUS.FCRF', source: FX_SOURCE, dutyRates: [{ reporter: 'NPL', year: 2022, rate: FX[2022], rateYear: 2022 }] });

      const rows = await csv('/vat?country=NPL&format=csv');
      expect(rows.map((r) => [r.year, r.rate_used_pct, r.rate_origin, r.rate_table, r.rate_as_of, r.vat_base, r.duty_fx_lcu_per_usd, r.duty_fx_year, r.currency])).toEqual([
        ['2021', '13', 'table', 'national-law', NATIONAL_ACT_AS_OF, 'import-value', '', '', 'USD'],
        ['2022', '13', 'table', 'national-law', NATIONAL_ACT_AS_OF, 'import-value', String(FX[2022]), '2022', 'USD'],
      ]);
      expect(rows[1]?.fx_source).toBe(FX_SOURCE);
      expect(rows[0]?.rate_source).toContain('in force from 1997-11-16');

      const haiti = await json('/vat?country=HTI');
      expect(haiti.rows[0].vatRevenueUsd).toBeNull();
      expect(haiti.rows[0].rate).toMatchObject({ ratePct: null, origin: null });
      expect(haiti.rows[0].rate.missing).toMatch(/^no VAT\/GST rate: neither the registry nor any imported rate table/);
      const [h] = await csv('/vat?country=HTI&format=csv');
      expect([h?.rate_used_pct, h?.status, h?.missing]).toEqual(['', 'no data', haiti.rows[0].rate.missing]);

      const res = await get('/vat?country=NPL&format=xlsx');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('moratorium_NPL_mfn_vat.xlsx');
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const sheets = Object.entries(files).filter(([n]) => n.startsWith('xl/')).map(([, f]) => strFromU8(f)).join('\n');
      for (const word of ['rate_used_pct', 'rate_source', 'rate_as_of', 'vat_base', 'national-law', 'duty_fx_lcu_per_usd', FX_SOURCE.slice(0, 30)]) expect(sheets).toContain(word);
    });

    it('gives the registry the tables’ standard rate and the rate used; with the registry’s 15%, both rates', async () => {
      const before = await csv('/vat-registry?format=csv');
      expect(before.find((r) => r.iso3 === 'NPL')).toBeUndefined();
      await seedVat(store, { reporter: 'NPL', unrated: 'HTI' });
      const registry = await json('/vat-registry');
      expect(schemaErrors(registry, schemaOf('/moratorium/vat-registry'))).toEqual([]);
      const npl = registry.entries.find((e: any) => e.iso3 === 'NPL');
      expect(npl.rate).toBe(15);
      expect(npl.standardRate).toMatchObject({ ratePct: 13, source: 'national-law', asOf: NATIONAL_ACT_AS_OF });
      expect(npl.rateUsed).toMatchObject({ ratePct: 15, origin: 'registry', tableRatePct: 13 });
      const hti = registry.entries.find((e: any) => e.iso3 === 'HTI');
      expect(hti.standardRate).toBeNull();
      expect(hti.rateUsed.missing).toMatch(/^no VAT\/GST rate/);
      const rows = await csv('/vat-registry?format=csv');
      const n = rows.find((r) => r.iso3 === 'NPL');
      expect([n?.rate_pct, n?.standard_rate_pct, n?.standard_rate_from, n?.standard_rate_as_of, n?.rate_used_pct, n?.rate_used_origin]).toEqual(['15', '13', 'national-law', NATIONAL_ACT_AS_OF, '15', 'registry']);
      expect(rows.find((r) => r.iso3 === 'HTI')?.rate_missing).toMatch(/^no VAT\/GST rate/);

      const vat = await csv('/vat?country=NPL&format=csv');
      expect(vat.map((r) => [r.rate_used_pct, r.rate_origin, r.table_rate_differs_pct, r.table_rate_from])).toEqual([
        ['15', 'registry', '13', 'national-law'],
        ['15', 'registry', '13', 'national-law'],
      ]);
    });

    it('says why a sensitivity total is missing: no tariff, no correlation (JSON, CSV)', async () => {
      const haiti = await json('/sensitivity?country=HTI');
      expect(schemaErrors(haiti, schemaOf('/moratorium/sensitivity'))).toEqual([]);
      expect(haiti.rows.every((r: any) => r.revenueUsd === null)).toBe(true);
      expect(haiti.rows.find((r: any) => r.value === 'bound').missing.revenueUsd).toMatchObject({ code: 'no-tariff', measure: 'bound' });
      expect(haiti.rows.find((r: any) => r.base).missing).toMatchObject({ revenueUsd: { code: 'no-tariff', measure: 'mfn' }, change: { code: 'no-tariff' } });
      const rows = await csv('/sensitivity?country=HTI&format=csv');
      expect(rows.find((r) => r.value === 'applied')?.revenue_missing).toBe('no-tariff applied');
      expect(rows.find((r) => r.varied === 'share digitised' && r.value === '0.5')?.revenue_missing).toBe('no-tariff mfn');

      const hs2012 = await json('/sensitivity?country=NPL&years=2015');
      expect(hs2012.rows.map((r: any) => r.missing.revenueUsd?.code)).toEqual(hs2012.rows.map(() => 'no-correlation'));
      expect(hs2012.rows[0].missing.revenueUsd).toMatchObject({ from: 'HS2022', to: 'HS2012' });

      const nepal = await json('/sensitivity?country=NPL');
      expect(schemaErrors(nepal, schemaOf('/moratorium/sensitivity'))).toEqual([]);
      expect(nepal.rows.find((r: any) => r.base).missing).toEqual({});
      expect(nepal.currency).toBe('USD');
      expect(nepal.exchangeRates.dutyRates).toEqual([{ reporter: 'NPL', year: 2022, rate: FX[2022], rateYear: 2022 }]);
      const [first] = await csv('/sensitivity?country=NPL&format=csv');
      expect([first?.revenue_missing, first?.currency, first?.base_duty_fx_lcu_per_usd, first?.fx_source]).toEqual(['', 'USD', `NPL 2022: ${FX[2022]} (2022)`, FX_SOURCE]);
    });

    it('carries the exchange rate, its year and source in the estimate’s results, lines and workbook', async () => {
      const results = await csv('/estimate?country=NPL&format=csv');
      const r2022 = results.find((r) => r.year === '2022');
      expect([r2022?.duty_fx_lcu_per_usd, r2022?.duty_fx_year, r2022?.customs_fx_lcu_per_usd, r2022?.customs_fx_year, r2022?.fx_source]).toEqual([
        String(FX[2022]), '2022', String(FX[2022]), '2022', FX_SOURCE,
      ]);
      const lines = await csv('/estimate?country=NPL&years=2022&lines=true&format=csv');
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect([l.currency, l.duty_fx_lcu_per_usd, l.duty_fx_year, l.fx_source]).toEqual(['USD', String(FX[2022]), '2022', FX_SOURCE]);
      const files = unzipSync(new Uint8Array(await (await get('/estimate?country=NPL&format=xlsx')).arrayBuffer()));
      const sheets = Object.entries(files).filter(([n]) => n.startsWith('xl/')).map(([, f]) => strFromU8(f)).join('\n');
      expect(sheets).toContain('duty_fx_lcu_per_usd');
      expect(sheets).toContain(FX_SOURCE.slice(0, 30));
    });
  });
}
