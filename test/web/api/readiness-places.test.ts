/**
 * GET /readiness/{method}/countries/{iso3} and /readiness/{method}/groups/{id} on both engines: a
 * country's score, rank (ties named), components beside the economies scored and the published edition; a
 * group's average with coverage, each component's, every member or why it has none; JSON and CSV, the year
 * and rule switched, the 400s and 404s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { ENGINES } from '../../support/engines.ts';
import { parseCsv } from '../../support/csv.ts';
import { KEN_2021, KEN_2023, NGA_2023, seedReadiness, servers } from '../../support/readiness-fixture.ts';
import { TODAY } from './fixture.ts';

const r2 = (x: number) => Math.round(x * 100) / 100;

for (const engine of ENGINES) {
  describe(`a country’s and a group’s readiness in the API on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let folder: string;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      folder = mkdtempSync(join(tmpdir(), 'observatory-readiness-places-api-'));
      await seedReadiness(store, folder);
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

    it('gives a country’s latest score and rank, its components beside the economies scored, and the newest edition', async () => {
      const k = await json('/readiness/unctad-b2c/countries/ken');
      expect(k).toMatchObject({ year: 2023, yearChosen: false, missing: 'drop', iso3: 'KEN', name: 'Kenya', score: r2(KEN_2023), rank: 3, of: 4, tiedWith: [], treatment: 'complete' });
      expect(k.published).toEqual({ year: 2021, score: 41.8, rank: 3, of: 4, computedScore: r2(KEN_2021), computedRank: 3, computedOf: 4 });
      expect(k.components.find((c: any) => c.id === 'servers')).toMatchObject({ year: 2020, raw: 40, score: r2(servers(40)), max: 100 });
      expect(k.method.id).toBe('unctad-b2c');
      expect(k.vintages.length).toBeGreaterThan(0);
    });

    it('switches the year and the rule, and names the economies sharing a rank', async () => {
      expect(await json('/readiness/unctad-b2c/countries/KEN?year=2021')).toMatchObject({ year: 2021, yearChosen: true, score: r2(KEN_2021), published: { year: 2021, computedScore: null } });
      const tuv = await json('/readiness/unctad-b2c/countries/TUV?missing=reweight');
      expect(tuv).toMatchObject({ missing: 'reweight', score: 50, rank: 3, of: 9, tiedWith: ['CIV'], treatment: 'reweighted' });
      expect(await json('/readiness/unctad-b2c/countries/TUV')).toMatchObject({ score: null, rank: null, treatment: 'dropped' });
    });

    it('gives a country as CSV, one row per component', async () => {
      const res = await get('/readiness/unctad-b2c/countries/KEN?year=2021&format=csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('unctad-b2c_KEN_2021.csv');
      const [header, ...rows] = parseCsv(await res.text());
      expect(rows.length).toBe(4);
      const at = (row: string[], col: string) => row[header!.indexOf(col)];
      expect(rows.map((r) => at(r, 'component'))).toEqual(['internet', 'account', 'servers', 'postal']);
      expect(at(rows[0]!, 'published_rank')).toBe('3');
      expect(at(rows[0]!, 'missing_rule')).toBe('drop');
      expect(at(rows[0]!, 'value')).toBe('30');
    });

    it('gives a group’s average with its coverage, each component’s, and every member or why it has none', async () => {
      const acp = await json('/readiness/unctad-b2c/groups/ACP');
      expect(acp).toMatchObject({ year: 2023, group: 'ACP', date: '2023-12-31', populationYear: 2022, average: { status: 'ok', membersWithData: 2, membersTotal: 7, value: r2((NGA_2023 * 200 + KEN_2023 * 50) / 250) } });
      expect(acp.components.find((c: any) => c.id === 'internet')).toMatchObject({ value: 53, membersWithData: 2, membersTotal: 7 });
      expect(acp.members.find((m: any) => m.iso3 === 'MLI')).toEqual({ iso3: 'MLI', name: 'Mali', score: null, rank: null, status: 'no-score', treatment: 'dropped', lacking: [{ id: 'account', reason: 'no-value-in-window' }, { id: 'servers', reason: 'no-value-in-window' }, { id: 'postal', reason: 'no-value-in-window' }] });
      const re = await json('/readiness/unctad-b2c/groups/ACP?missing=reweight&year=2023');
      expect(re.average).toMatchObject({ membersWithData: 7, membersTotal: 7, populationCovered: 1 });
      const csv = await get('/readiness/unctad-b2c/groups/LDC?format=csv&missing=reweight');
      const [header, ...rows] = parseCsv(await csv.text());
      expect(rows.map((r) => r[header!.indexOf('iso3')]).sort()).toEqual(['HTI', 'MLI', 'TUV']);
      expect(rows.every((r) => r[header!.indexOf('group_status')] === 'ok')).toBe(true);
    });

    it('refuses a bad year or rule with a 400, and an unknown country or group with a 404', async () => {
      expect((await get('/readiness/unctad-b2c/countries/KEN?year=twenty')).status).toBe(400);
      expect((await get('/readiness/unctad-b2c/groups/ACP?missing=guess')).status).toBe(400);
      expect((await get('/readiness/nope/countries/KEN')).status).toBe(400);
      expect((await get('/readiness/unctad-b2c/countries/XYZ')).status).toBe(404);
      expect((await get('/readiness/unctad-b2c/groups/NOPE')).status).toBe(404);
    });
  });
}
