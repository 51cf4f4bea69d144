/**
 * The readiness API on both engines: the methods, and the B2C index computed from the fixture's stored
 * values beside a published edition imported from a small B2C table (names matched to codes, the unmatched
 * listed), as JSON and CSV; the missing-component rules; the 400s and 404s; and a bad cell refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { importFile, type ImportResult } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { ENGINES } from '../../support/engines.ts';
import { parseCsv } from '../../support/csv.ts';
import { seed, TODAY } from './fixture.ts';

const HEADER = 'rank_2021,economy,internet_use_pct,account_ownership_pct,secure_servers_normalized,upu_postal_reliability,index_value_2021,index_value_change_2020_21,rank_2020_recomputed';
const EDITION = [
  HEADER,
  '1,United States,90,93,100,80,90.8,0.1,1',
  '2,France,85,94,90,90,89.8,0.0,2',
  '3,Kenya,30,82,35,20,41.8,1.0,3',
  '4,Nigeria,35,40,10,10,23.8,0.5,4',
  '5,Atlantis,10,10,10,10,10,0,5',
].join('\n');

for (const engine of ENGINES) {
  describe(`readiness API on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let folder: string;
    let imported: ImportResult;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      folder = mkdtempSync(join(tmpdir(), 'observatory-readiness-api-'));
      writeFileSync(join(folder, 'b2c_2021.csv'), EDITION);
      imported = await importFile(store, join(folder, 'b2c_2021.csv'));
      app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }) });
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    const get = (path: string) => app.request(`/api/v1${path}`);
    const json = async (path: string): Promise<any> => {
      const res = await get(path);
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      return res.json();
    };

    it('imports the edition, listing the names it cannot match', () => {
      expect(imported).toMatchObject({ status: 'imported', format: 'unctad-b2c' });
      expect(imported.warnings).toEqual(['b2c_2021.csv: 1 economy names not recognised, their values left out: Atlantis']);
    });

    it('lists the methods as data', async () => {
      const body = await json('/readiness');
      expect(body.methods.map((m: any) => m.id)).toEqual(['unctad-b2c']);
      expect(body.methods[0].components.map((c: any) => [c.id, c.indicator, c.transformation, c.weight])).toEqual([
        ['internet', 'IT.NET.USER.ZS', 'as-is', 1],
        ['account', 'FX.OWN.TOTL.ZS', 'as-is', 1],
        ['servers', 'IT.NET.SECR.P6', 'log', 1],
        ['postal', 'UPU.POSTAL.RELIABILITY', 'as-is', 1],
      ]);
    });

    it('drops every economy without account ownership by default, saying why, beside the published ranks', async () => {
      const body = await json('/readiness/unctad-b2c?year=2021');
      expect(body.missing).toBe('drop');
      expect(body.reproduction).toMatchObject({ compared: 0 });
      expect(body.onlyPublished).toEqual(['FRA', 'KEN', 'NGA', 'USA']);
      const usa = body.rows.find((r: any) => r.iso3 === 'USA');
      expect(usa).toMatchObject({ score: null, rank: null, publishedScore: 90.8, publishedRank: 1, treatment: 'dropped' });
      expect(usa.components.find((c: any) => c.id === 'account')).toMatchObject({ missing: 'no-value-in-window', score: null });
      // Postal reliability comes from the edition, at its data year (2020).
      expect(usa.components.find((c: any) => c.id === 'postal')).toMatchObject({ year: 2020, raw: 80, score: 80 });
    });

    it('re-weights on request: scores, ranks, differences and the reproduction', async () => {
      const body = await json('/readiness/unctad-b2c?year=2021&missing=reweight');
      const row = (iso3: string) => body.rows.find((r: any) => r.iso3 === iso3);
      // Servers: log(1 + x) min-max over NGA, KEN, FJI, USA, FRA (2020): USA 100, NGA 0.
      expect(row('USA')).toMatchObject({ score: 90, rank: 1, treatment: 'reweighted', difference: -0.8 });
      expect(row('NGA')).toMatchObject({ score: 15, publishedRank: 4 });
      expect(body.reproduction.compared).toBe(4);
      expect(body.reproduction.spearman).toBeCloseTo(1, 12);
    });

    it('averages groups by population, with coverage', async () => {
      const dropped = await json('/readiness/unctad-b2c?year=2021&groups=ACP');
      expect(dropped.groups).toEqual([expect.objectContaining({ id: 'ACP', value: null, membersWithData: 0, membersTotal: 7 })]);
      const body = await json('/readiness/unctad-b2c?year=2021&missing=reweight&groups=ACP');
      const acp = body.groups[0];
      expect(acp).toMatchObject({ id: 'ACP', date: '2021-12-31', populationYear: 2020, status: 'ok', membersWithData: 7, membersTotal: 7, populationCovered: 1 });
      const scores = new Map(body.rows.map((r: any) => [r.iso3, r.score]));
      const pop: Record<string, number> = { NGA: 200e6, KEN: 50e6, FJI: 1e6, TUV: 1e4, HTI: 11e6, CIV: 26e6, MLI: 20e6 };
      const expected = Object.entries(pop).reduce((s, [k, p]) => s + (scores.get(k) as number) * p, 0) / Object.values(pop).reduce((a, b) => a + b, 0);
      expect(acp.value).toBeCloseTo(expected, 1);
      expect((await get('/readiness/unctad-b2c?groups=NOPE')).status).toBe(400);
    });

    it('answers CSV with one row per economy and the reason of each missing component', async () => {
      const res = await get('/readiness/unctad-b2c?year=2021&format=csv');
      expect(res.status).toBe(200);
      const rows = parseCsv(await res.text());
      expect(rows[0]?.slice(0, 8)).toEqual(['iso3', 'name', 'score', 'rank', 'published_score', 'published_rank', 'difference', 'treatment']);
      const nga = rows.find((r) => r[0] === 'NGA');
      expect(nga?.[rows[0]!.indexOf('missing')]).toBe('account: no-value-in-window');
    });

    it('refuses an unknown method, a bad year and an unknown rule', async () => {
      expect((await get('/readiness/nope')).status).toBe(400);
      const bad = await get('/readiness/unctad-b2c?year=20x1');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as any).error.parameter).toBe('year');
      expect(((await (await get('/readiness/unctad-b2c?missing=zero')).json()) as any).error.parameter).toBe('missing');
    });

    it('shows the ranked table beside the published values, and the method, in English and French', async () => {
      const en = await app.request('/en/readiness/unctad-b2c?year=2021&missing=reweight');
      expect(en.status).toBe(200);
      const html = await en.text();
      expect(html).toContain('UNCTAD B2C E-commerce Index 2021');
      expect(html).toContain('Compared with the published edition on 4 economies');
      expect(html).toContain('Spearman rank correlation 1.');
      expect(html).toMatch(/<td class="num">1<\/td>\s*<th scope="row"><a href="\/en\/countries\/USA\?readiness_year=2021&amp;readiness_missing=reweight#readiness">/);
      expect(html).toContain('re-weighted: Account ownership (no value in the years read)');
      expect(html).toContain('Why it differs');
      const fr = await (await app.request('/fr/readiness/unctad-b2c?year=2021')).text();
      expect(fr).toContain('Pourquoi elle diffère');
      expect(fr).toContain('écartée : Détention d’un compte'.replace(' :', ':'));
      expect((await app.request('/en/readiness')).status).toBe(200);
      expect((await app.request('/en/readiness/nope')).status).toBe(404);
      expect((await app.request('/en/readiness/unctad-b2c?year=abc')).status).toBe(400);
    });

    it('refuses a bad cell naming file, line and field, and stores nothing', async () => {
      const path = join(folder, 'b2c_bad.csv');
      writeFileSync(path, [HEADER, '1,France,85,94,lots,90,89.8,0,1'].join('\n'));
      const before = await store.dataVersion();
      await expect(importFile(store, path)).rejects.toThrow('b2c_bad.csv, line 2, field "secure_servers_normalized": not a number: "lots"');
      expect(await store.dataVersion()).toBe(before);
    });
  });
}
