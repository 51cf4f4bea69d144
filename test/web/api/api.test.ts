import { parseCsv } from '../../support/csv.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { openApiDocument } from '../../../src/app/web/api/openapi.ts';
import type { Schema } from '../../../src/app/questions/schema.ts';
import { ENGINES } from '../../support/engines.ts';
import { CIV_NAME, POP, seed, TODAY, type Seeded } from './fixture.ts';
import { schemaErrors } from './schema-check.ts';

const TOKEN = 'correct horse battery staple';
const ACP_POP = POP.NGA! + POP.KEN! + POP.FJI! + POP.TUV! + POP.HTI! + POP.CIV! + POP.MLI!; // 308,010,000


interface ErrorBody {
  error: { status: number; message: string; parameter?: string };
}

for (const engine of ENGINES) {
  describe(`API /api/v1 on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let v: Seeded;
    let app: Hono;
    let withoutToken: Hono;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      v = await seed(store);
      const obs = new Observatory(store, { today: () => TODAY, versionCheckMs: 0 });
      app = createApp({ obs, apiToken: TOKEN, fill: { running: false, done: 4, total: 4, errors: [], origin: null } });
      withoutToken = createApp({ obs });
    });
    afterAll(async () => {
      await dispose();
    });

    const get = (path: string, headers: Record<string, string> = {}) => app.request(`/api/v1${path}`, { headers });
    const json = async <T = any>(path: string): Promise<T> => {
      const res = await get(path);
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      return (await res.json()) as T;
    };
    const error = async (path: string, status: number): Promise<ErrorBody['error']> => {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      return ((await res.json()) as ErrorBody).error;
    };

    describe('countries', () => {
      it('lists every country with codes and names', async () => {
        const body = await json('/countries');
        expect(body.count).toBe(9);
        expect(body.countries[0]).toEqual({ iso3: 'CIV', iso2: 'CI', m49: '384', names: { en: CIV_NAME }, region: null, subregion: null, intermediateRegion: null });
        expect(body.countries.find((c: any) => c.iso3 === 'NGA')).toMatchObject({
          names: { en: 'Nigeria', fr: 'Nigéria' },
          intermediateRegion: { code: '011', name: 'Western Africa' },
        });
      });

      it('shows one country with its dated memberships and latest headline values', async () => {
        const body = await json('/countries/mli');
        expect(body.iso3).toBe('MLI');
        const ecowas = body.memberships.find((m: any) => m.group === 'ECOWAS');
        expect(ecowas).toMatchObject({ status: 'member', from: null, to: '2025-01-29', source: 'fixture', current: false, groupNames: { en: 'ECOWAS', fr: 'CEDEAO' } });
        expect(body.groupsToday).toEqual(['ACP', 'LDC']);
        const users = body.headline.find((h: any) => h.indicator === 'IT.NET.USER.ZS');
        expect(users).toMatchObject({ year: 2022, value: 35 });
        expect(users.vintages.map((x: any) => x.id)).toEqual([v.users.id]);
        expect(body.headline.find((h: any) => h.indicator === 'IT.NET.SECR.P6')).toMatchObject({ year: null, value: null });
      });

      it('answers 404 for an unknown country', async () => {
        const e = await error('/countries/XXX', 404);
        expect(e.message).toContain('no country "XXX"');
      });
    });

    describe('groups', () => {
      it('lists groups with today’s member counts', async () => {
        const body = await json('/groups');
        const byId = Object.fromEntries(body.groups.map((g: any) => [g.id, g]));
        expect(byId.ECOWAS).toMatchObject({ kind: 'regional', names: { en: 'ECOWAS', fr: 'CEDEAO' }, wbCode: null, source: 'ECOWAS Commission', membersToday: 2 });
        expect(byId.WLD.membersToday).toBe(9);
        expect(byId.LDC.wbCode).toBe('LDC');
      });

      it('shows a group’s members on a date, today by default', async () => {
        const today = await json('/groups/ecowas');
        expect(today.at).toBe(TODAY);
        expect(today.members.map((m: any) => m.iso3)).toEqual(['CIV', 'NGA']);
        expect(today.memberships.find((m: any) => m.iso3 === 'MLI')).toMatchObject({ name: 'Mali', to: '2025-01-29', status: 'member', source: 'fixture' });
        const before = await json('/groups/ECOWAS?at=2024-12-31');
        expect(before.members.map((m: any) => m.iso3)).toEqual(['CIV', 'MLI', 'NGA']);
      });

      it('answers 404 for an unknown group and 400 for a bad date', async () => {
        expect((await error('/groups/NOPE', 404)).message).toContain('no group "NOPE"');
        expect((await error('/groups/ACP?at=2024-02-30', 400)).parameter).toBe('at');
      });
    });

    describe('indicators', () => {
      it('lists indicators with rule, derivation, vintage and coverage', async () => {
        const body = await json('/indicators');
        const byCode = Object.fromEntries(body.indicators.map((i: any) => [i.code, i]));
        expect(byCode['SP.POP.TOTL']).toMatchObject({ rule: { kind: 'sum' }, observations: 30, firstYear: 2020, lastYear: 2022, derived: null });
        expect(byCode['SP.POP.TOTL'].vintages).toEqual([
          expect.objectContaining({ id: v.population.id, source: 'World Bank, World Development Indicators', licence: 'CC-BY-4.0' }),
        ]);
        expect(byCode['IT.NET.USER.ZS'].rule).toMatchObject({ kind: 'weighted_mean', weight: 'SP.POP.TOTL' });
        const count = byCode['OBS.SECR.COUNT'];
        expect(count.derived).toEqual({ inputs: ['IT.NET.SECR.P6', 'SP.POP.TOTL'], formula: 'IT.NET.SECR.P6 × SP.POP.TOTL / 1,000,000' });
        expect(count.observations).toBe(5);
        expect(count.vintages.map((x: any) => x.id).sort()).toEqual([v.population.id, v.secure.id].sort());
      });

      it('shows an indicator with its vintage history', async () => {
        const body = await json('/indicators/IT.NET.USER.ZS');
        expect(body.history.map((h: any) => [h.vintage.id, h.current, h.observations])).toEqual([
          [v.users.id, true, 29],
          [v.usersOld.id, false, 2],
        ]);
      });

      it('answers 404 for an unknown indicator', async () => {
        expect((await error('/indicators/NO.SUCH.CODE', 404)).message).toContain('no indicator "NO.SUCH.CODE"');
        await error('/indicators/NO.SUCH.CODE/observations', 404);
        await error('/groups/ACP/aggregates/NO.SUCH.CODE', 404);
        await error('/groups/NOPE/aggregates/SP.POP.TOTL', 404);
      });
    });

    describe('observations', () => {
      it('filters by countries and years, with the vintage and source of each value', async () => {
        const body = await json('/indicators/IT.NET.USER.ZS/observations?countries=NGA,ken&years=2020-2021');
        expect(body.rows).toEqual([
          { indicator: 'IT.NET.USER.ZS', country: 'KEN', name: 'Kenya', year: 2020, value: 30, vintage: v.users.id, flag: null, flagReason: null },
          { indicator: 'IT.NET.USER.ZS', country: 'KEN', name: 'Kenya', year: 2021, value: 40, vintage: v.users.id, flag: null, flagReason: null },
          { indicator: 'IT.NET.USER.ZS', country: 'NGA', name: 'Nigeria', year: 2020, value: 35, vintage: v.users.id, flag: null, flagReason: null },
        ]);
        expect(body.source).toBe('ITU');
        expect(body.vintages).toEqual([expect.objectContaining({ id: v.users.id, dataset: 'itu/it.net.user.zs', fileName: 'itu/it.net.user.zs.csv', publishedAt: '2026-05-01' })]);
      });

      it('adds the current members of groups, accepts World Bank aggregate codes, reads older vintages', async () => {
        const ldc = await json('/indicators/SP.POP.TOTL/observations?groups=LDC&countries=WLD&years=2022');
        expect(ldc.rows.map((r: any) => r.country)).toEqual(['HTI', 'MLI', 'TUV', 'WLD']);
        expect(ldc.rows.find((r: any) => r.country === 'WLD')).toMatchObject({ name: 'World', value: 7_800_000_000 });
        const old = await json(`/indicators/IT.NET.USER.ZS/observations?vintage=${v.usersOld.id}`);
        expect(old.rows.map((r: any) => [r.country, r.value, r.vintage])).toEqual([
          ['KEN', 29, v.usersOld.id],
          ['NGA', 33, v.usersOld.id],
        ]);
        expect(old.vintages.map((x: any) => x.id)).toEqual([v.usersOld.id]);
        const e = await error(`/indicators/SP.POP.TOTL/observations?vintage=${v.usersOld.id}`, 400);
        expect(e.parameter).toBe('vintage');
      });

      it('computes a derived indicator: servers per million × population / 1e6', async () => {
        const body = await json('/indicators/OBS.SECR.COUNT/observations?countries=NGA,KEN,FJI');
        expect(body.rows.map((r: any) => [r.country, r.year, r.value, r.vintage])).toEqual([
          ['FJI', 2020, (100 * 1_000_000) / 1e6, null],
          ['KEN', 2020, (40 * 50_000_000) / 1e6, null],
          ['NGA', 2020, (12.5 * 200_000_000) / 1e6, null],
        ]);
        expect(body.rows[2].value).toBe(2500);
        expect(body.indicator.formula).toBe('IT.NET.SECR.P6 × SP.POP.TOTL / 1,000,000');
        expect(body.source).toBe('Netcraft via World Bank; World Bank, World Development Indicators');
      });

      it('downloads CSV with RFC 4180 quoting, full precision and provenance columns', async () => {
        const res = await get('/indicators/SP.POP.TOTL/observations?countries=CIV,TUV&years=2020-2022&format=csv');
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(res.headers.get('content-disposition')).toBe('attachment; filename="SP.POP.TOTL_observations_2020-2022.csv"');
        const lines = (await res.text()).split('\r\n');
        expect(lines[0]).toBe('vintage,source,indicator,country,name,year,value,flag,flag_reason');
        expect(lines[1]).toBe(`${v.population.id},"World Bank, World Development Indicators",SP.POP.TOTL,CIV,"Côte d’Ivoire, ""Ivory Coast""",2020,26000000,,`);
        expect(lines[4]).toBe(`${v.population.id},"World Bank, World Development Indicators",SP.POP.TOTL,TUV,Tuvalu,2020,10000,,`);
        expect(lines).toHaveLength(8);
        expect(lines[7]).toBe('');
      });

      it('chooses CSV from the Accept header, without a cached JSON answer getting in the way', async () => {
        const path = '/indicators/IT.NET.USER.ZS/observations?countries=FJI';
        expect((await get(path)).headers.get('content-type')).toBe('application/json; charset=utf-8');
        const res = await get(path, { accept: 'text/csv' });
        expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(res.headers.get('content-disposition')).toBe('attachment; filename="IT.NET.USER.ZS_observations.csv"');
        expect((await res.text()).split('\r\n')[1]).toBe(`${v.users.id},ITU,IT.NET.USER.ZS,FJI,Fiji,2020,70,,`);
        expect((await get(path, { accept: 'text/html,*/*;q=0.8' })).headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect((await get(`${path}&format=json`, { accept: 'text/csv' })).headers.get('content-type')).toBe('application/json; charset=utf-8');
      });
    });

    describe('aggregates', () => {
      it('gives a population-weighted mean, and withholds a value with too little coverage', async () => {
        const body = await json('/groups/ACP/aggregates/IT.NET.USER.ZS?years=2020-2021');
        expect(body.rule).toMatchObject({ kind: 'weighted_mean', weight: 'SP.POP.TOTL' });
        expect(body.rule.description).toContain('weighted by SP.POP.TOTL');
        expect(body).toMatchObject({ basis: 'current', at: TODAY, minCoverage: 2 / 3, worldBankCode: null, group: { id: 'ACP' } });
        expect(body.vintages.map((x: any) => x.id).sort()).toEqual([v.population.id, v.users.id].sort());
        const [y2020, y2021] = body.rows;
        const weighted = (35 * 200e6 + 30 * 50e6 + 70 * 1e6 + 40 * 1e4 + 30 * 11e6 + 40 * 26e6 + 30 * 20e6) / ACP_POP;
        expect(y2020).toMatchObject({ year: 2020, status: 'ok', rule: 'weighted_mean', membersWithData: 7, membersTotal: 7, populationCovered: 1, worldBank: null });
        expect(y2020.value).toBeCloseTo(weighted, 10);
        expect(y2020.value).toBeCloseTo(34.220967, 5);
        // Nigeria has no 2021 value: the others hold 108.01 m of 308.01 m people, under the default two thirds.
        expect(y2021).toMatchObject({ year: 2021, value: null, status: 'insufficient_coverage', membersWithData: 6, membersTotal: 7 });
        expect(y2021.populationCovered).toBeCloseTo((ACP_POP - 200e6) / ACP_POP, 12);
        const lower = await json('/groups/ACP/aggregates/IT.NET.USER.ZS?years=2021&minCoverage=0.3');
        expect(lower.rows[0].status).toBe('ok');
        expect(lower.rows[0].value).toBeCloseTo((40 * 50e6 + 72 * 1e6 + 45 * 1e4 + 32 * 11e6 + 45 * 26e6 + 33 * 20e6) / (ACP_POP - 200e6), 10);
      });

      it('sums counts, including a derived count', async () => {
        const pop = await json('/groups/ACP/aggregates/SP.POP.TOTL?years=2020');
        expect(pop.rows).toEqual([
          { year: 2020, value: 308_010_000, status: 'ok', rule: 'sum', membersWithData: 7, membersTotal: 7, populationCovered: 1, missingLarge: [], imputed: [], worldBank: null, classification: null },
        ]);
        const servers = await json('/groups/ACP/aggregates/OBS.SECR.COUNT');
        expect(servers.rows).toHaveLength(1);
        expect(servers.rows[0]).toMatchObject({ year: 2020, value: 2500 + 2000 + 100, status: 'ok', membersWithData: 3, membersTotal: 7 });
        expect(servers.rows[0].populationCovered).toBeCloseTo(251e6 / ACP_POP, 12);
      });

      it('compares the world value with the World Bank’s published one', async () => {
        const body = await json('/groups/WLD/aggregates/IT.NET.USER.ZS?years=2020-2022');
        expect(body.worldBankCode).toBe('WLD');
        const world2020 = (35 * 200 + 30 * 50 + 70 * 1 + 40 * 0.01 + 30 * 11 + 90 * 330 + 85 * 67 + 40 * 26 + 30 * 20) / 705.01;
        const [y2020, , y2022] = body.rows;
        expect(y2020.value).toBeCloseTo(world2020, 10);
        expect(y2020.membersTotal).toBe(9);
        expect(y2020.worldBank).toMatchObject({ code: 'WLD', value: 65.5, agrees: true });
        expect(y2020.worldBank.difference).toBeCloseTo(world2020 - 65.5, 10);
        // 73.6 computed against 70 published: more than 1% apart.
        expect(y2022.worldBank).toMatchObject({ code: 'WLD', value: 70, agrees: false });
        // The LDC group names a World Bank code, but no LDC aggregate was imported.
        expect((await json('/groups/LDC/aggregates/IT.NET.USER.ZS?years=2020')).rows[0].worldBank).toBeNull();
      });

      it('counts today’s members or each year’s members, as asked', async () => {
        const current = await json('/groups/ECOWAS/aggregates/SP.POP.TOTL?years=2022');
        expect(current.rows[0]).toMatchObject({ value: 226_000_000, membersTotal: 2 });
        const historical = await json('/groups/ECOWAS/aggregates/SP.POP.TOTL?years=2022&basis=historical');
        expect(historical).toMatchObject({ basis: 'historical', at: null });
        expect(historical.rows[0]).toMatchObject({ value: 246_000_000, membersTotal: 3 });
        const before = await json('/groups/ECOWAS/aggregates/SP.POP.TOTL?years=2022&at=2024-12-31');
        expect(before.rows[0]).toMatchObject({ value: 246_000_000, membersTotal: 3 });
        expect((await error('/groups/ECOWAS/aggregates/SP.POP.TOTL?basis=historical&at=2024-12-31', 400)).parameter).toBe('at');
      });

      it('downloads aggregates as CSV with their provenance', async () => {
        const res = await get('/groups/ACP/aggregates/IT.NET.USER.ZS?years=2020-2021&format=csv');
        expect(res.headers.get('content-disposition')).toBe('attachment; filename="ACP_IT.NET.USER.ZS_aggregates_2020-2021_current.csv"');
        const lines = (await res.text()).split('\r\n');
        expect(lines[0]).toBe(
          'vintage,source,group,indicator,year,value,status,rule,members_with_data,members_total,population_covered,missing_large,imputed,basis,at,min_coverage,impute,impute_years,wb_code,wb_value,wb_difference,wb_agrees',
        );
        const weighted = (35 * 200e6 + 30 * 50e6 + 70 * 1e6 + 40 * 1e4 + 30 * 11e6 + 40 * 26e6 + 30 * 20e6) / ACP_POP;
        const [, y2020, y2021] = parseCsv(lines.join('\r\n'));
        expect(y2020!.slice(0, 5)).toEqual([`${v.users.id}+${v.population.id}`, 'ITU; World Bank, World Development Indicators', 'ACP', 'IT.NET.USER.ZS', '2020']);
        expect(y2020![5]).toBe(String(weighted));
        expect(y2020!.slice(6)).toEqual(['ok', 'weighted_mean', '7', '7', '1', '', '', 'current', TODAY, String(2 / 3), 'none', '', '', '', '', '']);
        expect(y2021!.slice(4, 7)).toEqual(['2021', '', 'insufficient_coverage']);
      });
    });

    describe('parameters', () => {
      it.each([
        ['/indicators/IT.NET.USER.ZS/observations?years=20x', 'years', 'expected a year or a range like 2020-2022, got "20x"'],
        ['/indicators/IT.NET.USER.ZS/observations?countries=NGA,XXX,YYY', 'countries', 'unknown codes XXX, YYY'],
        ['/indicators/IT.NET.USER.ZS/observations?groups=ACP,NOPE', 'groups', 'unknown group NOPE'],
        ['/indicators/IT.NET.USER.ZS/observations?vintage=abc', 'vintage', 'expected a vintage id'],
        ['/indicators/IT.NET.USER.ZS/observations?vintage=999', 'vintage', 'no vintage 999'],
        ['/indicators/IT.NET.USER.ZS/observations?format=xml', 'format', 'expected "json" or "csv", got "xml"'],
        ['/indicators/IT.NET.USER.ZS/observations?year=2020', 'year', 'did you mean "years"?'],
        ['/indicators/IT.NET.USER.ZS/observations?years=2020&years=2021', 'years', 'given more than once'],
        ['/groups/ACP/aggregates/IT.NET.USER.ZS?basis=foo', 'basis', 'expected "current"'],
        ['/groups/ACP/aggregates/IT.NET.USER.ZS?minCoverage=2', 'minCoverage', 'between 0 and 1'],
        ['/groups/ACP/aggregates/IT.NET.USER.ZS?minCoverage=-0.1', 'minCoverage', 'between 0 and 1'],
        ['/groups/ACP/aggregates/IT.NET.USER.ZS?countries=NGA', 'countries', 'accepted: years, basis, at, minCoverage, impute, impute_years, compare, format'],
        ['/countries/NGA?format=csv', 'format', 'this route takes no query parameters'],
      ])('%s → 400 naming %s', async (path, parameter, message) => {
        const res = await get(path);
        expect(res.status).toBe(400);
        const body = (await res.json()) as ErrorBody;
        expect(body.error.status).toBe(400);
        expect(body.error.parameter).toBe(parameter);
        expect(body.error.message).toContain(message);
      });

      it('answers 404 as JSON for an unknown API route', async () => {
        const e = await error('/nothing', 404);
        expect(e.message).toContain('/api/v1/nothing');
      });
    });

    describe('vintages, status and lists as CSV', () => {
      it('lists vintages newest first', async () => {
        const body = await json('/vintages');
        expect(body.vintages.map((x: any) => x.id)).toEqual([v.users.id, v.secure.id, v.usersOld.id, v.population.id]);
        expect(body.vintages[0]).toMatchObject({ dataset: 'itu/it.net.user.zs', sha256: 'u2', licence: 'CC-BY-4.0', rowCount: 29 });
      });

      it('reports the data version, fill progress, counts and engine', async () => {
        const res = await get('/status');
        expect(res.headers.get('cache-control')).toBe('no-store');
        const body = (await res.json()) as any;
        expect(body).toMatchObject({
          dataVersion: 4,
          engine: engine.name,
          today: TODAY,
          fill: { running: false, done: 4, total: 4, errors: [], origin: null },
          counts: { countries: 9, aggregates: 1, groups: 4, vintages: 4 },
          writable: true,
        });
        expect(body.counts.indicators).toBeGreaterThanOrEqual(4);
      });

      it('downloads the country list as CSV', async () => {
        const res = await get('/countries?format=csv');
        expect(res.headers.get('content-disposition')).toBe('attachment; filename="countries.csv"');
        const lines = (await res.text()).split('\r\n');
        expect(lines[0]).toMatch(/^iso3,iso2,m49,name_en,name_fr,/);
        expect(lines[1]).toBe('CIV,CI,384,"Côte d’Ivoire, ""Ivory Coast""",,,,,,,,,');
      });
    });

    describe('answers match the OpenAPI document', () => {
      it.each([
        ['/countries', '/countries'],
        ['/countries/NGA', '/countries/{iso3}'],
        ['/groups', '/groups'],
        ['/groups/ECOWAS?at=2024-12-31', '/groups/{id}'],
        ['/groups/WLD/aggregates/IT.NET.USER.ZS', '/groups/{id}/aggregates/{code}'],
        ['/groups/ECOWAS/aggregates/SP.POP.TOTL?basis=historical', '/groups/{id}/aggregates/{code}'],
        ['/indicators', '/indicators'],
        ['/indicators/IT.NET.USER.ZS', '/indicators/{code}'],
        ['/indicators/OBS.SECR.COUNT', '/indicators/{code}'],
        ['/indicators/OBS.SECR.COUNT/observations', '/indicators/{code}/observations'],
        ['/indicators/IT.NET.USER.ZS/observations?years=2020', '/indicators/{code}/observations'],
        ['/vintages', '/vintages'],
        ['/status', '/status'],
      ])('%s', async (path, documented) => {
        const res = await get(path);
        expect(res.status).toBe(200);
        const content = openApiDocument.paths[documented]?.get?.responses['200'];
        const schema = content && 'content' in content ? content.content?.['application/json; charset=utf-8']?.schema : undefined;
        expect(schema).toBeDefined();
        expect(schemaErrors(await res.json(), schema as Schema)).toEqual([]);
      });

      it('errors follow the Error schema', async () => {
        for (const path of ['/groups/ACP/aggregates/FB.ATM.TOTL.P5', '/indicators?format=xml']) {
          expect(schemaErrors(await (await get(path)).json(), { $ref: '#/components/schemas/Error' }), path).toEqual([]);
        }
      });
    });

    describe('user-defined groups', () => {
      const send = (target: Hono, method: string, path: string, body?: unknown, token: string | null = TOKEN) =>
        target.request(`/api/v1${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const mine = { id: 'PACIFIC_MINE', names: { en: 'My Pacific', fr: 'Mon Pacifique' }, members: ['FJI', 'tuv'] };

      it('refuses writes without a configured token, without a token and with a wrong one', async () => {
        const none = await send(withoutToken, 'POST', '/groups', mine);
        expect(none.status).toBe(403);
        expect(((await none.json()) as ErrorBody).error.message).toContain('without an API token');
        const missing = await send(app, 'POST', '/groups', mine, null);
        expect(missing.status).toBe(401);
        expect(missing.headers.get('www-authenticate')).toBe('Bearer');
        expect(((await missing.json()) as ErrorBody).error.message).toContain('Authorization: Bearer');
        const wrong = await send(app, 'POST', '/groups', mine, 'guess');
        expect(wrong.status).toBe(401);
        expect(((await wrong.json()) as ErrorBody).error.message).toContain('not this server’s API token');
        expect((await get('/groups/PACIFIC_MINE')).status).toBe(404);
      });

      it('stops reading a body past 64 KB, even without a Content-Length', async () => {
        const big = JSON.stringify({ ...mine, names: { en: 'x'.repeat(70_000) } });
        const chunks = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(big));
            controller.close();
          },
        });
        const res = await app.request('/api/v1/groups', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: chunks,
          duplex: 'half',
        } as RequestInit);
        expect(res.status).toBe(413);
      });

      it('lets only one of two concurrent creations of the same group succeed', async () => {
        const body = { id: 'RACE', names: { en: 'Race' }, members: ['FJI'] };
        const [a, b] = await Promise.all([send(app, 'POST', '/groups', body), send(app, 'POST', '/groups', { ...body, members: ['KEN'] })]);
        expect([a.status, b.status].sort()).toEqual([201, 409]);
        const winner = a.status === 201 ? 'FJI' : 'KEN';
        expect(((await json('/groups/RACE')) as any).members.map((m: any) => m.iso3)).toEqual([winner]);
        expect((await send(app, 'DELETE', '/groups/RACE')).status).toBe(204);
      });

      it('refuses bad ids, unknown members and groups defined by a source', async () => {
        const badId = await send(app, 'POST', '/groups', { ...mine, id: 'my group' });
        expect(badId.status).toBe(400);
        expect(((await badId.json()) as ErrorBody).error.parameter).toBe('id');
        const unknown = await send(app, 'POST', '/groups', { ...mine, members: ['FJI', 'XXX', 'ZZZ'] });
        expect(unknown.status).toBe(400);
        const e = ((await unknown.json()) as ErrorBody).error;
        expect(e.parameter).toBe('members');
        expect(e.message).toContain('XXX, ZZZ');
        const source = await send(app, 'POST', '/groups', { ...mine, id: 'ACP' });
        expect(source.status).toBe(409);
        expect(((await source.json()) as ErrorBody).error.message).toContain('defined by a source');
        expect((await send(app, 'PUT', '/groups/ACP', { names: { en: 'x' }, members: ['NGA'] })).status).toBe(409);
        expect((await send(app, 'DELETE', '/groups/ACP')).status).toBe(409);
        expect((await send(app, 'POST', '/groups', { ...mine, extra: 1 })).status).toBe(400);
        const notJson = await app.request('/api/v1/groups', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: 'id=X' });
        expect(notJson.status).toBe(415);
      });

      it('creates, reads, aggregates, replaces and deletes a user group', async () => {
        const created = await send(app, 'POST', '/groups', mine);
        expect(created.status).toBe(201);
        expect(created.headers.get('location')).toBe('/api/v1/groups/PACIFIC_MINE');
        expect(await created.json()).toMatchObject({ id: 'PACIFIC_MINE', kind: 'user', editable: true, names: mine.names, members: [{ iso3: 'FJI' }, { iso3: 'TUV' }] });
        expect((await send(app, 'POST', '/groups', mine)).status).toBe(409);

        const read = await json('/groups/PACIFIC_MINE');
        expect(read.memberships.map((m: any) => m.iso3)).toEqual(['FJI', 'TUV']);
        const pop = await json('/groups/PACIFIC_MINE/aggregates/SP.POP.TOTL?years=2020');
        expect(pop.rows[0].value).toBe(1_010_000);
        const listed = await json('/groups');
        expect(listed.groups.find((g: any) => g.id === 'PACIFIC_MINE').membersToday).toBe(2);

        const replaced = await send(app, 'PUT', '/groups/PACIFIC_MINE', { names: { en: 'Mine again' }, members: ['FJI', 'TUV', 'HTI'] });
        expect(replaced.status).toBe(200);
        expect(((await replaced.json()) as any).members.map((m: any) => m.iso3)).toEqual(['FJI', 'HTI', 'TUV']);
        expect((await json('/groups/PACIFIC_MINE/aggregates/SP.POP.TOTL?years=2020')).rows[0].value).toBe(12_010_000);
        expect((await send(app, 'PUT', '/groups/PACIFIC_MINE', { id: 'OTHER', names: { en: 'x' }, members: ['FJI'] })).status).toBe(400);

        const putNew = await send(app, 'PUT', '/groups/PUT_NEW', { names: { en: 'Created by PUT' }, members: ['KEN'] });
        expect(putNew.status).toBe(201);

        expect((await send(withoutToken, 'DELETE', '/groups/PACIFIC_MINE')).status).toBe(403);
        const deleted = await send(app, 'DELETE', '/groups/PACIFIC_MINE');
        expect(deleted.status).toBe(204);
        expect(await deleted.text()).toBe('');
        expect((await get('/groups/PACIFIC_MINE')).status).toBe(404);
        expect((await send(app, 'DELETE', '/groups/PACIFIC_MINE')).status).toBe(404);
        expect((await send(app, 'DELETE', '/groups/PUT_NEW')).status).toBe(204);
      });
    });
  });
}
