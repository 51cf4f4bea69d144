/**
 * The cyberlaw registry's API on both engines, over two tracker editions imported as vintages (as of
 * 2021-12-31 and 2026-03-05): coverage per area and status for a group now and on an earlier date, as JSON
 * and CSV, one country's statuses with laws and history, and the 400s and 404s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { importFile, type ImportResult } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { EDITION_2021, EDITION_2026, writeTracker } from '../../fixtures/cyberlaw.ts';
import { ENGINES } from '../../support/engines.ts';
import { parseCsv } from '../../support/csv.ts';
import { seed, TODAY } from './fixture.ts';
import { schemaErrors } from './schema-check.ts';

for (const engine of ENGINES) {
  describe(`cyberlaw API on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let folder: string;
    let v2021: ImportResult;
    let v2026: ImportResult;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      folder = mkdtempSync(join(tmpdir(), 'observatory-cyberlaw-api-'));
      v2021 = await importFile(store, writeTracker(join(folder, '2021'), EDITION_2021).status, { asOf: '2021-12-31' });
      v2026 = await importFile(store, writeTracker(join(folder, '2026'), EDITION_2026).status, { asOf: '2026-03-05' });
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
    const error = async (path: string, status: number) => {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      return ((await res.json()) as { error: { status: number; message: string; parameter?: string } }).error;
    };
    const area = (body: any, id: string) => body.areas.find((a: any) => a.area === id);

    it('counts a group’s members per area and status today, with the share, the members and the vintage', async () => {
      const body = await json('/cyberlaw/coverage?group=acp');
      expect(body).toMatchObject({ group: { id: 'ACP' }, date: TODAY, members: 7, asOf: { from: '2026-03-05', to: '2026-03-05' } });
      expect(body.vintages.map((v: any) => v.id)).toEqual([v2026.vintage?.id]);
      expect(body.source).toBe('UNCTAD Global Cyberlaw Tracker');
      const et = area(body, 'e-transactions');
      // Haiti's draft became law in the 2026 edition; Côte d'Ivoire and Mali are not in the tracker files.
      expect(et.counts).toEqual({ legislation: 4, draft: 0, none: 1, 'no-data': 2 });
      expect(et.shareWithLegislation).toBeCloseTo(4 / 7, 12);
      expect(et.members.legislation.map((m: any) => m.iso3)).toEqual(['FJI', 'HTI', 'KEN', 'NGA']);
      expect(et.members['no-data']).toEqual([
        { iso3: 'CIV', name: expect.stringContaining('Côte d’Ivoire') },
        { iso3: 'MLI', name: 'Mali' },
      ]);
      expect(area(body, 'data-protection').counts).toEqual({ legislation: 2, draft: 0, none: 3, 'no-data': 2 });
      expect(area(body, 'indirect-taxation').counts).toEqual({ legislation: 2, draft: 0, none: 3, 'no-data': 2 });
      expect(area(body, 'consumer-protection').counts).toEqual({ legislation: 2, draft: 0, none: 2, 'no-data': 3 });
      for (const a of body.areas) expect(Object.values(a.counts as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(7);
      expect(schemaErrors(body, { $ref: '#/components/schemas/CyberlawCoverage' })).toEqual([]);
    });

    it('answers where the group stood on an earlier date from the history', async () => {
      const then = await json('/cyberlaw/coverage?group=ACP&date=2021-12-31');
      expect(then.date).toBe('2021-12-31');
      expect(then.vintages.map((v: any) => v.id)).toEqual([v2021.vintage?.id]);
      expect(area(then, 'e-transactions').counts).toEqual({ legislation: 3, draft: 1, none: 1, 'no-data': 2 });
      expect(area(then, 'e-transactions').members.draft.map((m: any) => m.iso3)).toEqual(['HTI']);
      expect(area(then, 'data-protection').counts).toEqual({ legislation: 1, draft: 1, none: 3, 'no-data': 2 });
      expect(area(then, 'indirect-taxation').counts).toEqual({ legislation: 0, draft: 0, none: 5, 'no-data': 2 });
      // Before the first edition nothing is known.
      const before = await json('/cyberlaw/coverage?group=ACP&date=2020-01-01');
      expect(area(before, 'cybercrime').counts).toEqual({ legislation: 0, draft: 0, none: 0, 'no-data': 7 });
      expect(before.vintages).toEqual([]);
      expect(before.asOf).toBeNull();
    });

    it('counts every country for the world by default', async () => {
      const body = await json('/cyberlaw/coverage');
      expect(body.group.id).toBe('WLD');
      expect(body.members).toBe(9);
      expect(area(body, 'indirect-taxation').counts).toEqual({ legislation: 3, draft: 0, none: 4, 'no-data': 2 });
    });

    it('answers CSV with one row per area and status, each with its members, vintage and source', async () => {
      const res = await get('/cyberlaw/coverage?group=ACP&date=2021-12-31&format=csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="ACP_cyberlaw_coverage_2021-12-31.csv"');
      const [header, ...rows] = parseCsv(await res.text());
      expect(header).toEqual(['group', 'date', 'area', 'area_name', 'status', 'count', 'members_total', 'share', 'share_with_legislation', 'members_iso3', 'members_names', 'vintage', 'source']);
      expect(rows).toHaveLength(5 * 4);
      const draft = rows.find((r) => r[2] === 'e-transactions' && r[4] === 'draft');
      expect(draft).toEqual(['ACP', '2021-12-31', 'e-transactions', 'E-transactions', 'draft', '1', '7', String(1 / 7), String(3 / 7), 'HTI', 'Haiti', String(v2021.vintage?.id), 'UNCTAD Global Cyberlaw Tracker']);
      const legislation = rows.find((r) => r[2] === 'e-transactions' && r[4] === 'legislation');
      expect(legislation?.[9]).toBe('FJI KEN NGA');
    });

    it('shows one country’s statuses with their dates, sources and laws, and the history', async () => {
      const body = await json('/cyberlaw/countries/nga');
      expect(body).toMatchObject({ iso3: 'NGA', name: 'Nigeria', date: TODAY });
      expect(body.vintages.map((v: any) => v.id)).toEqual([v2021.vintage?.id, v2026.vintage?.id]);
      const data = area(body, 'data-protection');
      expect(data).toMatchObject({
        status: 'legislation',
        asOf: '2026-03-05',
        vintage: v2026.vintage?.id,
        version: 2,
        laws: [{ title: 'Nigeria Data Protection Act, 2023', year: 2023, url: 'https://example.org/ng/ndpa-2023.pdf' }],
      });
      expect(data.source).toContain('UNCTAD Global Cyberlaw Tracker');
      expect(data.history.map((h: any) => [h.asOf, h.status])).toEqual([
        ['2026-03-05', 'legislation'],
        ['2021-12-31', 'draft'],
      ]);
      expect(schemaErrors(body, { $ref: '#/components/schemas/CyberlawCountry' })).toEqual([]);

      const civ = await json('/cyberlaw/countries/CIV');
      expect(civ.areas.every((a: any) => a.status === 'no-data' && a.asOf === null && a.history.length === 0)).toBe(true);
    });

    it('answers a country as CSV, one row per law of each dated status', async () => {
      const res = await get('/cyberlaw/countries/NGA?format=csv');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="NGA_cyberlaw.csv"');
      const [header, ...rows] = parseCsv(await res.text());
      expect(header).toEqual(['iso3', 'name', 'area', 'area_name', 'status', 'as_of', 'current', 'version', 'vintage', 'source', 'law_title', 'law_year', 'law_url']);
      const data = rows.filter((r) => r[2] === 'data-protection');
      expect(data.map((r) => [r[4], r[5], r[6], r[10]])).toEqual([
        ['legislation', '2026-03-05', 'true', 'Nigeria Data Protection Act, 2023'],
        ['draft', '2021-12-31', 'false', ''],
      ]);
    });

    it('refuses bad parameters with a 400 naming them, and answers 404 for an unknown group or country', async () => {
      expect(await error('/cyberlaw/coverage?group=ACP&date=2021-13-45', 400)).toMatchObject({ parameter: 'date' });
      expect(await error('/cyberlaw/coverage?group=ACP&date=yesterday', 400)).toMatchObject({ parameter: 'date' });
      expect(await error('/cyberlaw/coverage?group=ACP&format=xml', 400)).toMatchObject({ parameter: 'format' });
      expect(await error('/cyberlaw/coverage?groups=ACP', 400)).toMatchObject({ parameter: 'groups' });
      expect(await error('/cyberlaw/countries/NGA?date=2021-01-01', 400)).toMatchObject({ parameter: 'date' });
      expect((await error('/cyberlaw/coverage?group=NOPE', 404)).message).toContain('no group "NOPE"');
      expect((await error('/cyberlaw/countries/XXX', 404)).message).toContain('no country "XXX"');
    });
  });
}
