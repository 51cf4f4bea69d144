/**
 * Reasons for missing figures and the procurement flag through the API, on both engines: the API fixture
 * with the estimator's trade vintage, plus imports of heading 4907 (security documents) and of 2015 in
 * HS 2012, for which no correlation is stored. JSON, CSV and the workbook carry the same reasons and flags.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { openApiDocument } from '../../../src/app/web/api/openapi.ts';
import type { Schema } from '../../../src/app/questions/schema.ts';
import { parseCsv } from '../../support/csv.ts';
import { ENGINES } from '../../support/engines.ts';
import { seedMoratorium } from '../../support/moratorium-fixture.ts';
import { seed, TODAY } from './fixture.ts';
import { schemaErrors } from './schema-check.ts';

const REPORTER = 'TUV';

for (const engine of ENGINES) {
  describe(`missing figures and procurement flags on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      await seedMoratorium(store, { reporter: REPORTER, unrated: 'HTI' });
      const flow = (year: number, hs6: string, edition: 'HS2012' | 'HS2022', valueUsd: number) => ({
        year, reporter: REPORTER, partner: 'FRA', line: `${hs6}40`, hs6, edition, valueUsd, quantity: null,
      });
      await store.importVintage(
        {
          dataset: 'test/more-imports', source: 'UN Comtrade (test extract, more)', format: 'test', fileName: 'more-imports.csv',
          sha256: 'moratorium-more-imports', licence: 'CC-BY-4.0', sourceUrl: null, publishedAt: '2025-03-01', note: null,
        },
        (w) => w.addTradeFlows([flow(2022, '490700', 'HS2022', 300_000), flow(2015, '490110', 'HS2012', 70_000)]),
      );
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
    const schema = (): Schema => {
      const r = openApiDocument.paths['/moratorium/estimate']?.get?.responses['200'];
      return (r && 'content' in r ? r.content?.['application/json; charset=utf-8']?.schema : undefined) as Schema;
    };

    it('gives a line without a rate its reason, and leaves the narrow default without 4907', async () => {
      const body = await json(`/estimate?country=${REPORTER}&years=2022&lines=true`);
      expect(schemaErrors(body, schema())).toEqual([]);
      expect(body.list.id).toBe('digitisable-narrow-hs2022');
      const film = body.lines.find((l: any) => l.hs6 === '370400');
      expect(film.ratePct).toBeNull();
      expect(film.missing.ratePct).toMatchObject({ code: 'no-rate', measure: 'mfn' });
      expect(body.lines.find((l: any) => l.hs6 === '490110').missing).toEqual({});
      expect(body.lines.map((l: any) => l.hs6)).not.toContain('490700');
      expect(body.procurement).toEqual([]);
    });

    it('flags heading 4907 under the broad list in JSON, CSV and the workbook', async () => {
      const body = await json(`/estimate?country=${REPORTER}&years=2022&lines=true&list=digitisable-hs2022`);
      expect(schemaErrors(body, schema())).toEqual([]);
      expect(body.procurement).toHaveLength(1);
      expect(body.procurement[0]).toMatchObject({ hs6: '490700', importsUsd: 300_000, revenueUsd: null, flag: { code: 'security-documents' } });
      const stamps = body.lines.find((l: any) => l.hs6 === '490700');
      expect(stamps.procurement.code).toBe('security-documents');
      expect(stamps.missing.revenueUsd.code).toBe('no-rate');

      const [header = [], ...rows] = parseCsv(await (await get(`/estimate?country=${REPORTER}&years=2022&lines=true&list=digitisable-hs2022&format=csv`)).text());
      const row = rows.find((r) => r[header.indexOf('hs6')] === '490700') ?? [];
      expect([row[header.indexOf('procurement')], row[header.indexOf('rate_missing')]]).toEqual(['security-documents', 'no-rate mfn']);
      expect(rows.find((r) => r[header.indexOf('hs6')] === '490110')?.[header.indexOf('procurement')]).toBe('');

      const files = unzipSync(new Uint8Array(await (await get(`/estimate?country=${REPORTER}&years=2022&list=digitisable-hs2022&format=xlsx`)).arrayBuffer()));
      const sheets = Object.entries(files).filter(([n]) => n.startsWith('xl/')).map(([, f]) => strFromU8(f)).join('\n');
      expect(sheets).toContain('security-documents');
      expect(sheets).toContain('procurement flag');
    });

    it('says "no correlation for HS 2012" for the years recorded in it, not "no data"', async () => {
      const body = await json(`/estimate?country=${REPORTER}`);
      expect(schemaErrors(body, schema())).toEqual([]);
      expect(body.rows.map((r: any) => r.year)).toEqual([2021, 2022]);
      expect(body.absences).toEqual([
        {
          reporter: REPORTER, edition: 'HS2012', firstYear: 2015, lastYear: 2015, importsUsd: 70_000,
          reason: { code: 'no-correlation', from: 'HS2022', to: 'HS2012', text: expect.stringContaining('no HS correlation between HS2022 (the list) and HS2012') },
        },
      ]);
      expect(body.notes.join('\n')).toContain('TUV 2015: no estimate');
      const only2015 = await json(`/estimate?country=${REPORTER}&years=2015`);
      expect(only2015.rows).toEqual([]);
      expect(only2015.noData).toEqual([{ iso3: REPORTER, name: 'Tuvalu', reason: expect.objectContaining({ code: 'no-correlation', to: 'HS2012' }) }]);
      const [header = [], ...rows] = parseCsv(await (await get(`/estimate?country=${REPORTER}&years=2015&format=csv`)).text());
      expect(rows.map((r) => r[header.indexOf('revenue_missing')])).toEqual(['no-correlation HS2022>HS2012']);
    });
  });
}
