/**
 * eTrade Readiness Assessments on both engines: a list with dated statuses and UNCTAD's partial-list
 * layout imported over the API fixture; every country answered, the uncovered ones "not-recorded"; the
 * requests still waiting with their days, by group; JSON, CSV and the page in English and French; and bad
 * lines refused with file, line and field, nothing stored.
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

const STATUS_HEADER = 'country_or_region,status,status_date,document_symbol,link';
const STATUSES = [
  STATUS_HEADER,
  'Tuvalu,requested,2017,,',
  'Tuvalu,published,2019-05,UNCTAD/DTL/STICT/2019/13,https://example.org/tuv',
  'Mali,requested,2018-03-15,,',
  'Haiti,Requested,2019,,',
  'Kenya,in preparation,2024-02,,',
  'ECOWAS member States (regional),published,2022-09-27,,https://example.org/ecowas',
].join('\n');

const LIST_HEADER = 'country_or_region,acp_member,title,year_published,document_symbol,evidence_url,evidence_note';
const LIST = [LIST_HEADER, 'Nigeria,yes,Nigeria Rapid eTrade Readiness Assessment,2023,NOT FOUND,https://example.org/nga,"\'Geneva, 2023\'"'].join('\n');

for (const engine of ENGINES) {
  describe(`eT Ready on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let folder: string;
    let imported: ImportResult[];

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      folder = mkdtempSync(join(tmpdir(), 'observatory-etready-'));
      writeFileSync(join(folder, 'statuses.csv'), STATUSES);
      writeFileSync(join(folder, 'list.csv'), LIST);
      imported = [await importFile(store, join(folder, 'statuses.csv')), await importFile(store, join(folder, 'list.csv'))];
      app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }) });
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    const json = async (path: string): Promise<any> => {
      const res = await app.request(`/api/v1${path}`);
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      return res.json();
    };

    it('recognises both layouts', () => {
      expect(imported.map((r) => [r.status, r.format])).toEqual([
        ['imported', 'etready'],
        ['imported', 'etready'],
      ]);
    });

    it('answers every country: the latest status and the date of each, the others not recorded', async () => {
      const a = await json('/etready');
      expect(a.countries).toHaveLength(9);
      const by = new Map(a.countries.map((c: any) => [c.iso3, c]));
      expect(by.get('TUV')).toMatchObject({ status: 'published', requested: '2017', published: '2019-05', inPreparation: null, symbol: 'UNCTAD/DTL/STICT/2019/13', link: 'https://example.org/tuv', groups: ['LDC', 'ACP'] });
      expect(by.get('KEN')).toMatchObject({ status: 'in-preparation', inPreparation: '2024-02' });
      // The partial list's line is a publication in its year; "NOT FOUND" is no symbol.
      expect(by.get('NGA')).toMatchObject({ status: 'published', published: '2023', symbol: null, title: 'Nigeria Rapid eTrade Readiness Assessment' });
      expect(['USA', 'FRA', 'CIV', 'FJI'].map((c) => (by.get(c) as any).status)).toEqual(['not-recorded', 'not-recorded', 'not-recorded', 'not-recorded']);
      expect(JSON.stringify(a)).not.toMatch(/"none"/);
      expect([a.recorded, a.notRecorded]).toEqual([5, 4]);
      expect(a.partial).toMatch(/partial/);
      expect(a.regions).toEqual([expect.objectContaining({ iso3: null, name: 'ECOWAS member States (regional)', status: 'published', published: '2022-09-27' })]);
    });

    it('lists the requests still waiting, the longest first, with the days from the request to today', async () => {
      const a = await json('/etready');
      // 2018-03-15 → 2026-06-30; a year alone counts from 1 January (2019-01-01 → 2026-06-30).
      expect(a.waiting).toEqual([
        { iso3: 'MLI', name: 'Mali', requested: '2018-03-15', days: 3029 },
        { iso3: 'HTI', name: 'Haiti', requested: '2019', days: 2737 },
      ]);
      const ldc = a.groups.find((g: any) => g.id === 'LDC');
      expect(ldc).toMatchObject({ members: 3, recorded: 3, notRecorded: 0, byStatus: { requested: 2, inPreparation: 0, published: 1, implementationReview: 0 } });
      expect(ldc.waiting.map((w: any) => w.iso3)).toEqual(['MLI', 'HTI']);
      const acp = a.groups.find((g: any) => g.id === 'ACP');
      expect(acp).toMatchObject({ members: 7, recorded: 5, notRecorded: 2 });
      expect((await json('/etready?groups=ECOWAS')).groups.map((g: any) => [g.id, g.members, g.recorded])).toEqual([['ECOWAS', 2, 1]]);
    });

    it('answers CSV, a row per country then per region', async () => {
      const res = await app.request('/api/v1/etready?format=csv');
      expect(res.status).toBe(200);
      const rows = parseCsv(await res.text());
      expect(rows[0]?.slice(0, 9)).toEqual(['iso3', 'name', 'kind', 'status', 'requested', 'in_preparation', 'published', 'implementation_review', 'days_waiting']);
      expect(rows).toHaveLength(1 + 9 + 1);
      const mli = rows.find((r) => r[0] === 'MLI');
      expect(mli?.slice(3, 9)).toEqual(['requested', '2018-03-15', '', '', '', '3029']);
      expect(rows.find((r) => r[0] === 'USA')?.[3]).toBe('not-recorded');
      expect(rows.at(-1)?.slice(1, 4)).toEqual(['ECOWAS member States (regional)', 'region', 'published']);
    });

    it('refuses an unknown group', async () => {
      const res = await app.request('/api/v1/etready?groups=NOPE');
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.parameter).toBe('groups');
    });

    it('shows the page in English and French: assessments, the waits by group, why the list is partial', async () => {
      const en = await app.request('/en/etready');
      expect(en.status).toBe(200);
      const html = await en.text();
      expect(html).toContain('The list is partial');
      expect(html).toContain('Requests still waiting');
      expect(html).toMatch(/Mali<\/th>\s*<td>2018-03-15<\/td>\s*<td class="num">3,029 days \(8.3 years\)<\/td>/);
      expect(html).toContain('4 countries have no record');
      expect(html).toContain('ECOWAS member States (regional)');
      const fr = await (await app.request('/fr/etready')).text();
      expect(fr).toContain('La liste est partielle');
      expect(fr).toContain('jours');
      expect(fr).toContain('non enregistrés');
    });

    it('refuses a bad line naming file, line and field, and stores nothing', async () => {
      const before = await store.dataVersion();
      const statuses = await store.etreadyStatuses();
      const cases: [string, string][] = [
        ['Kenya,approved,2024,,', 'bad.csv, line 3, field "status": unknown status "approved"'],
        ['Kenya,published,2999-01-01,,', 'bad.csv, line 3, field "status_date": date in the future: 2999-01-01'],
        ['Kenya,requested,,,', 'bad.csv, line 3, field "status_date": the date of the status "requested" is required'],
        ['Kenya,requested,2024-13,,', 'bad.csv, line 3, field "status_date": not a date'],
        ['Atlantis,requested,2024,,', 'bad.csv, line 3, field "country_or_region": country not recognised: "Atlantis"'],
      ];
      for (const [line, message] of cases) {
        const path = join(folder, 'bad.csv');
        writeFileSync(path, [STATUS_HEADER, 'Mali,requested,2018,,', line].join('\n'));
        await expect(importFile(store, path, { force: true })).rejects.toThrow(message);
      }
      const path = join(folder, 'bad-list.csv');
      writeFileSync(path, [LIST_HEADER, 'Nigeria,yes,t,20x3,,,'].join('\n'));
      await expect(importFile(store, path)).rejects.toThrow('bad-list.csv, line 2, field "year_published": not a date');
      expect(await store.dataVersion()).toBe(before);
      expect(await store.etreadyStatuses()).toEqual(statuses);
    });
  });
}
