/**
 * eT Ready action matrices on both engines: a filled-in template imported over the API fixture (two
 * countries' recommendations with dated histories, request lines); the shares at dates per area and
 * overall; groups with their coverage; the requests still waiting with their days; JSON and CSV.
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
import { HEADER, MATRIX, REVIEWS } from './etready-matrix-fixture.ts';
import { xlsxRows } from '../../../src/adapters/sources/xlsx-rows.ts';
import { ref } from '../../../src/app/questions/schema.ts';
import { schemaErrors } from './schema-check.ts';

for (const engine of ENGINES) {
  describe(`eT Ready action matrices on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let folder: string;
    let imported: ImportResult[];

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      folder = mkdtempSync(join(tmpdir(), 'observatory-etready-matrix-'));
      writeFileSync(join(folder, 'matrix.csv'), MATRIX);
      writeFileSync(join(folder, 'reviews.csv'), REVIEWS);
      imported = [await importFile(store, join(folder, 'matrix.csv')), await importFile(store, join(folder, 'reviews.csv'))];
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

    it('answers as the API document says', async () => {
      const cases: [string, string][] = [
        ['/etready/MLI?date=2021-12-31', 'EtreadyCountry'],
        ['/etready/NGA', 'EtreadyCountry'],
        ['/etready/requests?groups=LDC,ACP', 'EtreadyRequests'],
        ['/etready/reviews?groups=LDC,ECOWAS', 'EtreadyReviews'],
        ['/etready/reviews?groups=LDC&weighting=assessments', 'EtreadyReviews'],
      ];
      for (const [path, schema] of cases) expect(schemaErrors(await json(path), ref(schema)), path).toEqual([]);
    });

    it('recognises the template and the review statements', () => {
      expect(imported.map((r) => [r.status, r.format])).toEqual([
        ['imported', 'etready-matrix'],
        ['imported', 'etready-reviews'],
      ]);
    });

    it('gives a country’s matrix with each recommendation’s history and its status on the date', async () => {
      const a = await json('/etready/MLI?date=2021-12-31');
      expect(a.recommendations.map((r: any) => [r.id, r.area, r.statusAtDate])).toEqual([
        ['PAY-1', 'payments', 'under-implementation'],
        ['PAY-2', 'payments', 'under-implementation'],
        ['LEG-1', 'legal', 'completed'],
        ['FIN-1', 'financing', 'dropped'],
      ]);
      const pay1 = a.recommendations[0];
      expect(pay1).toMatchObject({ text: 'Allow mobile money interoperability', priority: 'high', leadAgency: 'Central Bank', partners: 'UNCDF; Ministry of Trade', timeline: '2020-2022' });
      expect(pay1.history).toEqual([
        { status: 'not-started', date: '2019-06', source: 'Action matrix 2019' },
        { status: 'under-implementation', date: '2020-12', source: 'Implementation review 2020' },
        { status: 'completed', date: '2022-06', source: 'https://example.org/mli-2022' },
      ]);
      expect(a.assessment.status).toBe('not-recorded');
    });

    it('computes the shares at a date, overall and per area; dropped ones left out', async () => {
      const at2021 = await json('/etready/MLI?date=2021-12-31');
      expect(at2021.matrix).toBe('recorded');
      expect(at2021.overall).toMatchObject({ recorded: 4, counted: 3, underImplementation: 2, completed: 1, dropped: 1, underImplementationPct: 66.7, completedPct: 33.3 });
      expect(at2021.byArea.map((x: any) => [x.area, x.counted, x.underImplementationPct, x.completedPct])).toEqual([
        ['payments', 2, 100, 0],
        ['legal', 1, 0, 100],
        ['financing', 0, null, null],
      ]);
      const at2022 = await json('/etready/MLI?date=2022-12-31');
      expect(at2022.overall).toMatchObject({ counted: 3, underImplementation: 1, completed: 2, underImplementationPct: 33.3, completedPct: 66.7 });
      // Before the matrix was drawn up nothing is counted: no share, not 0%.
      const before = await json('/etready/MLI?date=2019-01-01');
      expect(before.overall).toMatchObject({ recorded: 0, counted: 0, underImplementationPct: null, completedPct: null });
      // By default, today.
      expect((await json('/etready/MLI')).date).toBe(TODAY);
      // The progress over time: the overall shares on each day a status changed.
      expect(at2022.progress.map((p: any) => [p.date, p.counted, p.completedPct, p.underImplementationPct])).toEqual([
        ['2019-06-01', 4, 0, 0],
        ['2020-06-01', 3, 0, 0],
        ['2020-12-01', 3, 0, 33.3],
        ['2021-01-01', 3, 33.3, 33.3],
        ['2021-03-01', 3, 33.3, 66.7],
        ['2022-06-01', 3, 66.7, 33.3],
      ]);
    });

    it('says "no action matrix recorded" for a country without one, never 0%', async () => {
      const a = await json('/etready/NGA');
      expect(a).toMatchObject({ matrix: 'no action matrix recorded', overall: null, byArea: [], recommendations: [] });
      const csv = parseCsv(await (await app.request('/api/v1/etready/NGA?format=csv')).text());
      expect(csv[1]?.[4]).toBe('no action matrix recorded');
    });

    it('refuses a date after today and an unknown country', async () => {
      const res = await app.request('/api/v1/etready/MLI?date=2027-01-01');
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.parameter).toBe('date');
      expect((await app.request('/api/v1/etready/XYZ')).status).toBe(404);
    });

    it('answers the matrix as CSV, a row per recommendation with its status on the date and its history', async () => {
      const res = await app.request('/api/v1/etready/MLI?date=2021-12-31&format=csv');
      expect(res.status).toBe(200);
      const rows = parseCsv(await res.text());
      expect(rows[0]?.slice(0, 10)).toEqual(['iso3', 'date', 'recommendation_id', 'area', 'recommendation', 'priority', 'lead_agency', 'partners', 'timeline', 'status_at_date']);
      expect(rows).toHaveLength(5);
      expect(rows[1]?.[9]).toBe('under-implementation');
      expect(rows[1]?.[10]).toBe('2019-06 not-started (Action matrix 2019); 2020-12 under-implementation (Implementation review 2020); 2022-06 completed (https://example.org/mli-2022)');
    });

    it('pools the recommendations of a group’s members with their coverage', async () => {
      const r = await json('/etready/reviews?date=2022-12-31&groups=LDC,ACP,ECOWAS');
      const ldc = r.groups.find((g: any) => g.id === 'LDC');
      expect(ldc).toMatchObject({ members: 3, assessed: 3, withMatrix: 2, coverage: '2/3', matrix: 'recorded' });
      expect(ldc.overall).toMatchObject({ counted: 4, underImplementation: 2, completed: 2, underImplementationPct: 50, completedPct: 50 });
      expect(ldc.countries.map((c: any) => c.iso3)).toEqual(['MLI', 'TUV']);
      const acp = r.groups.find((g: any) => g.id === 'ACP');
      expect(acp).toMatchObject({ members: 7, assessed: 5, withMatrix: 2, coverage: '2/5' });
      // ECOWAS today: Nigeria and Côte d'Ivoire, neither with a matrix.
      expect(r.groups.find((g: any) => g.id === 'ECOWAS')).toMatchObject({ withMatrix: 0, matrix: 'no action matrix recorded', overall: null });
      expect(r.overall.overall).toMatchObject({ counted: 4, completed: 2 });
      expect(r.withMatrix).toBe(2);
      const at2020 = await json('/etready/reviews?date=2020-12-31&groups=LDC');
      expect(at2020.groups[0].overall).toMatchObject({ counted: 4, underImplementation: 2, completed: 0 });
    });

    it('weighs each assessment alike when asked: the mean of their percents, the counts pooled', async () => {
      const pooled = await json('/etready/reviews?date=2021-12-31&groups=LDC');
      expect(pooled.weighting).toBe('recommendations');
      expect(pooled.groups[0].overall).toMatchObject({ counted: 4, completed: 1, underImplementation: 3, completedPct: 25, underImplementationPct: 75 });
      const mean = await json('/etready/reviews?date=2021-12-31&groups=LDC&weighting=assessments');
      expect(mean.groups[0].overall).toMatchObject({ counted: 4, completed: 1, underImplementation: 3, completedPct: 16.7, underImplementationPct: 83.3 });
      // An area only one assessment has: its own percent either way.
      expect(mean.groups[0].byArea.find((a: any) => a.area === 'payments')).toMatchObject({ underImplementationPct: 100 });
      const res = await app.request('/api/v1/etready/reviews?weighting=countries');
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.parameter).toBe('weighting');
    });

    it('keeps the published reviews beside the computed figures, a review not found as not found', async () => {
      const r = await json('/etready/reviews');
      expect(r.published.map((p: any) => [p.id, p.date, p.found])).toEqual([
        ['IR0', '2019', true],
        ['IR1', '2020-12', true],
        ['IR3', '2024', false],
      ]);
      expect(r.published[1].figures).toMatchObject({ overallRate: 50, responded: 13, asked: 18 });
      expect(r.published[1].sources).toEqual(['https://example.org/iisd', 'https://example.org/dw']);
      const csv = parseCsv(await (await app.request('/api/v1/etready/reviews?format=csv&groups=LDC&date=2022-12-31')).text());
      expect(csv[0]?.slice(0, 6)).toEqual(['kind', 'id', 'name', 'coverage', 'area', 'matrix']);
      expect(csv.find((row) => row[0] === 'group' && row[4] === 'overall')?.slice(3, 6)).toEqual(['2/3', 'overall', 'recorded']);
    });

    it('lists the requests: who asked, when, the days waited, by group, with the members not recorded', async () => {
      const r = await json('/etready/requests?groups=LDC,ACP');
      expect(r.waiting.map((w: any) => [w.iso3, w.authority, w.requested, w.days])).toEqual([
        ['HTI', 'Ministry of Commerce', '2019', 2737],
        ['KEN', 'State Department for Trade', '2024-02-01', 880],
      ]);
      const fji = r.requests.find((x: any) => x.iso3 === 'FJI');
      expect(fji).toMatchObject({ waiting: false, status: 'in-preparation', days: 579, requested: '2018-06-01' });
      expect(r.groups.map((g: any) => [g.id, g.members, g.recorded, g.notRecorded, g.waiting.length])).toEqual([
        ['LDC', 3, 3, 0, 1],
        ['ACP', 7, 5, 2, 2],
      ]);
      expect(r.notRecorded).toBe(4);
      // The stock-take counts requests without each country's status.
      expect(r.published.map((p: any) => p.id)).toEqual(['IR0']);
      expect(r.published[0].figures).toMatchObject({ finalised: 17, underWay: 8, requestsReceived: 12 });
      expect(r.published[0].namedCountries).toEqual(['Benin', 'Cambodia', 'Lao PDR']);
      expect(JSON.stringify(r)).not.toMatch(/"none"/);
      const csv = parseCsv(await (await app.request('/api/v1/etready/requests?format=csv&groups=LDC,ACP')).text());
      expect(csv[0]).toEqual(['iso3', 'name', 'authority', 'requested', 'status', 'waiting', 'days', 'groups', 'request_source', 'vintage', 'source']);
      expect(csv[1]?.slice(0, 8)).toEqual(['HTI', 'Haiti', 'Ministry of Commerce', '2019', 'requested', 'true', '2737', 'LDC;ACP']);
    });
  });
}

for (const engine of ENGINES) {
  describe(`eT Ready pages on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let folder: string;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      folder = mkdtempSync(join(tmpdir(), 'observatory-etready-pages-'));
      writeFileSync(join(folder, 'matrix.csv'), MATRIX);
      writeFileSync(join(folder, 'reviews.csv'), REVIEWS);
      await importFile(store, join(folder, 'matrix.csv'));
      await importFile(store, join(folder, 'reviews.csv'));
      app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }) });
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    const page = async (path: string): Promise<string> => {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      return res.text();
    };

    it('shows a country’s matrix on a date: the form, the table per area, the chart, the histories with sources', async () => {
      const html = await page('/en/etready/MLI?date=2021-12-31');
      expect(html).toContain('eTrade Readiness Assessment: Mali');
      expect(html).toContain('name="date"');
      expect(html).toContain('value="2021-12-31"');
      expect(html).toMatch(/<th scope="row">Payment solutions<\/th>\s*<td class="num">2<\/td>\s*<td class="num">0% \(0 of 2\)<\/td>\s*<td class="num">100% \(2 of 2\)<\/td>/);
      expect(html).toMatch(/<th scope="row">All areas<\/th>\s*<td class="num">3<\/td>\s*<td class="num">33.3% \(1 of 3\)<\/td>\s*<td class="num">66.7% \(2 of 3\)<\/td>\s*<td class="num">1<\/td>/);
      expect(html).toContain('<svg');
      expect(html).toContain('Share of recommendations completed and under implementation, by policy area, on 2021-12-31');
      expect(html).toContain('Allow mobile money interoperability');
      expect(html).toMatch(/<th scope="row">2021-01-01<\/th>\s*<td class="num">3<\/td>\s*<td class="num">33.3% \(1 of 3\)<\/td>/);
      expect(html).not.toContain('<th scope="row">2022-06-01</th>');
      expect(html).toContain('2020-12 under implementation (Implementation review 2020)');
      expect(html).toContain('<a href="https://example.org/mli-2022">');
      expect(html).toContain('/templates/etready-action-matrix.xlsx');
      const fr = await page('/fr/etready/MLI?date=2021-12-31');
      expect(fr).toContain('Solutions de paiement');
      expect(fr).toContain('33,3 % (1 sur 3)');
      expect(fr).toContain('Matrice d’action');
    });

    it('says "no action matrix recorded" on a country without one, and refuses a bad date', async () => {
      const html = await page('/en/etready/NGA');
      expect(html).toContain('No action matrix recorded');
      expect(html).not.toMatch(/>0%/);
      expect((await app.request('/en/etready/MLI?date=2030-01-01')).status).toBe(400);
      expect((await app.request('/en/etready/XYZ')).status).toBe(404);
    });

    it('lists the requests still waiting by group, with the members not recorded and the stock-take', async () => {
      const html = await page('/en/etready/requests?groups=LDC,ACP');
      expect(html).toContain('Requests for an eTrade Readiness Assessment');
      expect(html).toContain('3 members: 3 with an eT Ready record, 0 not recorded.');
      expect(html).toContain('7 members: 5 with an eT Ready record, 2 not recorded.');
      expect(html).toMatch(/Haiti<\/a><\/th>\s*<td>Ministry of Commerce<\/td>\s*<td>2019<\/td>\s*<td>requested<\/td>\s*<td class="num">2,737 days \(7.5 years\), still waiting<\/td>/);
      expect(html).toContain('3 countries named, without the status of each');
      expect(html).not.toMatch(/\bnone\b(?!”)/);
      const fr = await page('/fr/etready/requests?groups=LDC');
      expect(fr).toContain('toujours en attente');
      expect(fr).toContain('non enregistrés');
    });

    it('adds the implementation by group and the links to the eT Ready page, and a section to the country page', async () => {
      const html = await page('/en/etready?groups=LDC,ECOWAS');
      expect(html).toContain('Implementation of the action matrices');
      expect(html).toMatch(/Least developed countries<\/a><\/th>\s*<td>2 of 3<\/td>\s*<td class="num">75%<\/td>\s*<td class="num">25%<\/td>/);
      expect(html).toMatch(/ECOWAS<\/a><\/th>\s*<td>0 of 0<\/td>\s*<td colspan="2">no action matrix recorded<\/td>/);
      expect(html).toContain('href="/en/etready/requests"');
      expect(html).toContain('name="weighting"');
      const mean = await page('/en/etready?groups=LDC&date=2021-12-31&weighting=assessments');
      expect(mean).toMatch(/Least developed countries<\/a><\/th>\s*<td>2 of 3<\/td>\s*<td class="num">16.7%<\/td>\s*<td class="num">83.3%<\/td>/);
      expect(mean).toContain('<option value="assessments" selected="">assessments (mean of their percents)</option>');
      expect((await app.request('/en/etready?weighting=nope')).status).toBe(400);
      expect(html).toContain('1st implementation review (Dec 2020)');
      expect(html).toContain('Results not found.');
      const country = await page('/en/countries/MLI');
      expect(country).toContain('id="etready"');
      expect(country).toContain('href="/en/etready/MLI"');
    });

    it('offers the empty template as CSV and XLSX, made from one column definition', async () => {
      const csv = await app.request('/templates/etready-action-matrix.csv');
      expect(csv.status).toBe(200);
      expect(await csv.text()).toBe(`${HEADER}\r\n`);
      const xlsx = await app.request('/templates/etready-action-matrix.xlsx');
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      const rows = xlsxRows(new Uint8Array(await xlsx.arrayBuffer()), 't.xlsx');
      expect(rows).toEqual([HEADER.split(',')]);
      expect((await app.request('/templates/other.csv')).status).toBe(404);
    });
  });
}
