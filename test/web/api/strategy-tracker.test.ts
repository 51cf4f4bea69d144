/**
 * The strategy tracker on both engines: shares of measures under implementation and completed at a date,
 * overall, per area, per strategy and per country; the published checkpoints beside the computed shares;
 * funding by currency; JSON and CSV of the list and of one strategy.
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
import { seed, TODAY } from './fixture.ts';
import { importStrategies } from './strategy-measures-fixture.ts';
import { MEASURE_HEADER } from '../../../src/domain/strategies/template.ts';
import { xlsxRows } from '../../../src/adapters/sources/xlsx-rows.ts';

const third = 100 / 3;

for (const engine of ENGINES) {
  describe(`strategy tracker on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let folder: string;
    const get = async (path: string) => {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      return res.json() as Promise<any>;
    };

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      folder = mkdtempSync(join(tmpdir(), 'observatory-tracker-'));
      await importStrategies(store, folder);
      app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }) });
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    it('gives each strategy its shares on the date, dropped measures left out, and the overall shares', async () => {
      const a = await get('/api/v1/strategies?date=2025-06-30');
      const by = Object.fromEntries(a.strategies.map((s: any) => [s.id, s]));
      expect(by['fji-ecom'].shares).toEqual({ recorded: 4, counted: 3, notStarted: 1, underImplementation: 1, completed: 1, dropped: 1, underImplementationShare: third, completedShare: third });
      expect(by['fji-ecom'].countries).toEqual(['FJI']);
      expect([by.ecowas.shares.underImplementationShare, by.ecowas.shares.completedShare]).toEqual([50, 0]);
      expect(by.ecowas.countries).toEqual(['CIV', 'NGA']);
      expect([by.pacific.shares.underImplementationShare, by.pacific.shares.completedShare, by.pacific.countries]).toEqual([50, 25, null]);
      expect(a.overall).toMatchObject({ counted: 9, underImplementation: 4, completed: 2, dropped: 1 });
      expect(a.byArea.map((x: any) => [x.area, x.shares.counted, x.shares.underImplementation, x.shares.completed])).toEqual([
        ['strategy', 1, 1, 0],
        ['ict-infrastructure', 1, 0, 0],
        ['payments', 2, 0, 2],
        ['legal', 2, 2, 0],
        ['skills', 2, 1, 0],
        ['financing', 1, 0, 0],
      ]);
    });

    it('moves with the date: earlier, fewer measures under way; members of a group on that date', async () => {
      const a = await get('/api/v1/strategies?date=2024-12-31&strategy=fji-ecom');
      expect(a.strategies).toHaveLength(1);
      expect(a.strategies[0].shares).toMatchObject({ counted: 4, underImplementation: 1, completed: 0, underImplementationShare: 25, completedShare: 0 });
      const before = await get('/api/v1/strategies?date=2024-06-30&strategy=ecowas');
      expect(before.strategies[0].countries).toEqual(['CIV', 'MLI', 'NGA']);
      const none = await get('/api/v1/strategies?date=2020-01-01&strategy=fji-ecom');
      expect(none.strategies[0].shares).toMatchObject({ recorded: 0, underImplementationShare: null, completedShare: null });
    });

    it('gives the shares per country and per area, and narrows by country and area', async () => {
      const a = await get('/api/v1/strategies?date=2025-06-30');
      expect(a.byCountry.map((c: any) => [c.iso3, c.strategies.join(' '), c.shares.counted, c.shares.underImplementationShare])).toEqual([
        ['CIV', 'ecowas', 1, 100],
        ['FJI', 'fji-ecom', 3, third],
        ['NGA', 'ecowas', 2, 50],
      ]);
      const civ = await get('/api/v1/strategies?date=2025-06-30&country=CIV');
      expect(civ.overall).toMatchObject({ counted: 1, underImplementation: 1 });
      const skills = await get('/api/v1/strategies?date=2025-06-30&area=skills&strategy=fji-ecom');
      expect(skills.strategies[0].shares).toMatchObject({ recorded: 2, counted: 1, notStarted: 1, dropped: 1 });
    });

    it('refuses an unknown area, country or strategy naming the parameter', async () => {
      for (const [q, parameter] of [['area=farming', 'area'], ['country=XYZ', 'country'], ['strategy=atlantis', 'strategy'], ['date=2024-13-01', 'date']]) {
        const res = await app.request(`/api/v1/strategies?${q}`);
        expect(res.status, q).toBe(400);
        expect(((await res.json()) as any).error.parameter).toBe(parameter);
      }
      expect((await app.request('/api/v1/strategies/atlantis')).status).toBe(404);
    });

    it('sets the published checkpoints beside the shares computed on their dates', async () => {
      const a = await get('/api/v1/strategies/pacific?date=2025-06-30');
      expect(a.checkpoints.map((c: any) => [c.date, c.published.underImplementation, c.computed.underImplementationShare, c.difference.underImplementation, c.published.completed, c.computed.completedShare, c.difference.completed])).toEqual([
        ['2022-12-02', 43, 50, 7, null, 0, null],
        ['2024-04-18', 61, 50, -11, 23, 25, 2],
      ]);
      expect(a.progress.map((p: any) => [p.date, p.underImplementation, p.completed])).toEqual([
        ['2022-01-01', third, 0],
        ['2022-06-01', 50, 0],
        ['2024-03-01', 25, 25],
        ['2024-04-18', 50, 25],
        ['2025-06-30', 50, 25],
      ]);
    });

    it('sums budget and funding committed per currency, never across currencies, overall and per area', async () => {
      const a = await get('/api/v1/strategies/fji-ecom?date=2025-06-30');
      expect(a.fundingByCurrency).toEqual([
        { currency: 'FJD', measures: 1, budget: 2000, committed: 0, committedShare: 0 },
        { currency: 'USD', measures: 2, budget: 1500, committed: 900, committedShare: 60 },
      ]);
      expect(a.fundingByArea.map((x: any) => [x.area, x.funding.map((f: any) => `${f.currency} ${f.committed}/${f.budget}`).join(' ')])).toEqual([
        ['payments', 'USD 400/1000'],
        ['legal', 'USD 500/500'],
        ['skills', 'FJD 0/2000'],
      ]);
      expect(a.funding).toMatch(/never added/);
      const m = a.measures.find((x: any) => x.id === '1.1');
      expect([m.status, m.history.length, m.history[2].source]).toEqual(['completed', 3, 'Committee, 2nd meeting']);
      expect(a.measures.find((x: any) => x.id === '1.2').status).toBe('under-implementation');
    });

    it('says when a strategy has no measures: published figures only, no share computed', async () => {
      await store.importVintage(
        { dataset: 'x/other', source: 'x', format: 'strategy-statements', fileName: 'x.csv', sha256: 'x', licence: 'x', sourceUrl: null, publishedAt: null, note: null },
        (w) => w.addStrategies([{ id: 'nostat', name: 'Strategy without measures', scope: 'regional', coverage: 'ECOWAS', period: null }], [{ strategyId: 'nostat', date: '2024-01-01', underImplementation: 30, completed: null, measures: null, quotes: ['q'], sources: ['https://example.org/q'] }]),
      );
      const a = await get('/api/v1/strategies/nostat');
      expect(a.note).toMatch(/No measures recorded yet/);
      expect(a.strategy.shares).toBeNull();
      expect(a.checkpoints).toEqual([{ date: '2024-01-01', published: { underImplementation: 30, completed: null, measures: null }, computed: null, difference: { underImplementation: null, completed: null } }]);
    });

    it('answers CSV: per strategy and area on the date, and one row per measure of a strategy', async () => {
      const list = parseCsv(await (await app.request('/api/v1/strategies?date=2025-06-30&strategy=fji-ecom&format=csv')).text());
      expect(list[0]?.slice(5, 14)).toEqual(['date', 'area', 'measures_counted', 'not_started', 'under_implementation', 'completed', 'dropped', 'under_implementation_pct', 'completed_pct']);
      expect(list.slice(1).map((r) => [r[6], r[7], r[9], r[10]])).toEqual([
        ['all', '3', '1', '1'],
        ['payments', '1', '0', '1'],
        ['legal', '1', '1', '0'],
        ['skills', '1', '0', '0'],
      ]);
      const detail = parseCsv(await (await app.request('/api/v1/strategies/fji-ecom?date=2025-06-30&format=csv')).text());
      expect(detail[0]?.slice(0, 3)).toEqual(['strategy_id', 'measure_id', 'area']);
      expect(detail.slice(1).map((r) => [r[1], r[16]])).toEqual([['1.1', 'completed'], ['1.2', 'under-implementation'], ['1.3', 'dropped'], ['1.4', 'not-started']]);
      expect(detail[1]?.[17]).toBe('2024-01-01 not-started (Strategy, annex) | 2024-06-01 under-implementation (Committee, 1st meeting) | 2025-03-01 completed (Committee, 2nd meeting)');
    });

    it('is in the OpenAPI description with its parameters', async () => {
      const spec: any = await (await app.request('/api/v1/openapi.json')).json();
      expect(spec.paths['/strategies'].get.parameters.map((p: any) => p.name)).toEqual(['date', 'strategy', 'area', 'country', 'format']);
      expect(spec.paths['/strategies/{id}'].get.parameters.map((p: any) => p.name)).toEqual(['id', 'date', 'area', 'country', 'format']);
      expect(spec.components.schemas.StrategyDetail).toBeDefined();
    });

    it('shows the list page: shares per strategy, area and country on the date, in English and French', async () => {
      const res = await app.request('/en/strategies?date=2025-06-30');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/Fiji E-commerce Strategy<\/a><\/th><td class="num">3<\/td><td class="num">33\.3% \(1\)<\/td><td class="num">33\.3% \(1\)<\/td><td class="num">1<\/td>/);
      expect(html).toMatch(/Payment solutions<\/th><td class="num">2<\/td><td class="num">0% \(0\)<\/td><td class="num">100% \(2\)<\/td>/);
      expect(html).toMatch(/<input name="date"[^>]*value="2025-06-30"/);
      expect(html).toContain('href="/templates/strategy-measures.xlsx"');
      const fr = await (await app.request('/fr/strategies?date=2025-06-30&country=NGA')).text();
      expect(fr).toContain('Solutions de paiement');
      expect(fr).toMatch(/<td class="num">50\u00a0% \(1\)<\/td>/);
      expect((await app.request('/en/strategies?area=farming')).status).toBe(400);
    });

    it('shows a strategy page: the chart, checkpoints compared, funding by currency, measures with history and sources', async () => {
      const html = await (await app.request('/en/strategies/pacific?date=2025-06-30')).text();
      expect(html).toContain('<svg');
      expect(html).not.toContain('<script');
      expect(html).toMatch(/2024-04-18<\/th><td class="num">61%<\/td><td class="num">50%<\/td><td class="num">-11<\/td><td class="num">23%<\/td><td class="num">25%<\/td><td class="num">\+2<\/td>/);
      const fji = await (await app.request('/en/strategies/fji-ecom?date=2025-06-30')).text();
      expect(fji).toMatch(/<th scope="row">USD<\/th><td class="num">2<\/td><td class="num">1,500<\/td><td class="num">900<\/td><td class="num">60%<\/td>/);
      expect(fji).toContain('2025-03-01: completed (Committee, 2nd meeting)');
      expect(fji).toContain('never added together');
      const fr = await (await app.request('/fr/strategies/fji-ecom?date=2025-06-30')).text();
      expect(fr).toContain('2025-03-01: achevée (Committee, 2nd meeting)');
      const none = await (await app.request('/en/strategies/nostat')).text();
      expect(none).toContain('No measures recorded yet: the published figures are shown.');
      expect(none).not.toContain('id="shares"');
      expect((await app.request('/en/strategies/atlantis')).status).toBe(404);
    });

    it('lists the strategies covering a country and a group on their pages', async () => {
      const fji = await (await app.request('/en/countries/FJI')).text();
      expect(fji).toMatch(/<section id="strategies">[\s\S]*Fiji E-commerce Strategy[\s\S]*<\/section>/);
      const ken = await (await app.request('/en/countries/KEN')).text();
      expect(ken).toContain('No strategy recorded covers it.');
      const ecowas = await (await app.request('/en/groups/ECOWAS')).text();
      expect(ecowas).toMatch(/<section id="strategies">[\s\S]*ECOWAS E-commerce Strategy[\s\S]*<\/section>/);
    });

    it('serves the empty templates, CSV and XLSX, from the same columns', async () => {
      const csv = await app.request('/templates/strategy-measures.csv');
      expect(csv.status).toBe(200);
      const lines = (await csv.text()).split('\r\n');
      expect(lines[0]).toBe(MEASURE_HEADER.join(','));
      expect(lines[1]?.startsWith('# fji-ecommerce,')).toBe(true);
      const xlsx = await app.request('/templates/strategy-measures.xlsx');
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      const rows = xlsxRows(new Uint8Array(await xlsx.arrayBuffer()), 't.xlsx');
      expect(rows[0]).toEqual([...MEASURE_HEADER]);
      expect(rows[1]?.[0]).toBe('# fji-ecommerce');
    });
  });
}
