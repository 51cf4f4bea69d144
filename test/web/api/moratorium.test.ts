/**
 * The moratorium estimator's API over the API fixture and a small trade vintage with hand-worked figures
 * (test/support/moratorium-fixture.ts), on both database engines: JSON, CSV with its assumptions and
 * vintages on every row, the workbook, sensitivity, lists and coverage, the VAT/GST comparison and registry,
 * the duty design, and the 400s and 404s.
 */
import { unzipSync, strFromU8 } from 'fflate';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { openApiDocument } from '../../../src/app/web/api/openapi.ts';
import type { Schema } from '../../../src/app/questions/schema.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { parseCsv } from '../../support/csv.ts';
import { ENGINES } from '../../support/engines.ts';
import { MORATORIUM_EXPECTED as X, seedMoratorium, seedVat, type MoratoriumSeeded } from '../../support/moratorium-fixture.ts';
import { seed, TODAY } from './fixture.ts';
import { schemaErrors } from './schema-check.ts';

// Tuvalu (an LDC of the fixture) imports the listed lines; Haiti (an LDC) has imports but no schedule; Mali (an LDC) has nothing.
const REPORTER = 'TUV';
const UNRATED = 'HTI';

for (const engine of ENGINES) {
  describe(`moratorium API on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let m: MoratoriumSeeded;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      m = await seedMoratorium(store, { reporter: REPORTER, unrated: UNRATED });
      await seedVat(store, { reporter: REPORTER, unrated: UNRATED });
      app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }) });
    });
    afterAll(async () => {
      await dispose();
    });

    const get = (path: string, headers: Record<string, string> = {}) => app.request(`/api/v1/moratorium${path}`, { headers });
    const json = async (path: string): Promise<any> => {
      const res = await get(path);
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      return res.json();
    };
    const schemaOf = (path: string): Schema => {
      const r = openApiDocument.paths[path]?.get?.responses['200'];
      return (r && 'content' in r ? r.content?.['application/json; charset=utf-8']?.schema : undefined) as Schema;
    };

    it('estimates a country per year: revenue, imports, lines, tariff year, shares, assumptions and vintages', async () => {
      const body = await json(`/estimate?country=${REPORTER.toLowerCase()}&tariff=mfn`);
      expect(schemaErrors(body, schemaOf('/moratorium/estimate'))).toEqual([]);
      expect(body.target).toEqual({ kind: 'country', id: REPORTER, name: 'Tuvalu' });
      expect(body.rows.map((r: any) => [r.year, r.revenueUsd, r.importsUsd, r.importsRatedUsd, r.linesWithRate, r.linesWithoutRate, r.tariffYear])).toEqual([
        [2021, X.mfn[2021], X.imports[2021], X.importsRated[2021], 3, 0, 2022],
        [2022, X.mfn[2022], X.imports[2022], X.importsRated[2022], 3, 1, 2022],
      ]);
      const y2022 = body.rows[1];
      expect(y2022.customsRevenue).toEqual({ value: X.customs2022, year: 2022 });
      expect(y2022.shareOfCustoms).toBeCloseTo(X.mfn[2022] / X.customs2022, 12);
      expect(y2022.shareOfGovernment).toBeCloseTo(X.mfn[2022] / X.government2022, 12);
      // No revenue series for 2021 or before: the shares are unknown, not zero.
      expect(body.rows[0].customsRevenue).toBeNull();
      expect(body.rows[0].shareOfCustoms).toBeNull();
      expect(body.assumptions).toContainEqual({ name: 'tariff measure', value: 'mfn' });
      expect(body.assumptions).toContainEqual({ name: 'valuation', value: 'content (declared value)' });
      expect(body.vintages.map((v: any) => v.id).sort()).toEqual([m.trade.id, m.tariffs.id, m.revenue?.id].sort());
      expect(body.notes.join('\n')).toContain('2021 imports priced with the tariff schedule 2022 (2022-01-01 to 2022-12-31), in force only after the trade period, 12 months later');
      expect(body.rows.map((r: any) => [r.year, r.tariffMatch, r.gapMonths, r.tariffWarning])).toEqual([[2021, 'later', 12, 'not-in-force'], [2022, 'in-force', 0, null]]);
      expect(body.lines).toBeUndefined();
      expect(body.noData).toEqual([]);
    });

    it('switches the tariff measure and valuation basis, and adds the lines on request', async () => {
      const revenue = async (q: string) => (await json(`/estimate?country=${REPORTER}&years=2022&${q}`)).rows[0].revenueUsd;
      expect(await revenue('tariff=bound')).toBeCloseTo(X.bound[2022], 6);
      expect(await revenue('tariff=applied')).toBeCloseTo(X.applied[2022], 6);
      expect(await revenue('valuation=carrier&carrier_share=0.1')).toBeCloseTo(X.carrier2022, 6);
      expect(await revenue('share=0.5')).toBeCloseTo(X.mfn[2022] / 2, 6);
      const body = await json(`/estimate?country=${REPORTER}&years=2022&lines=true`);
      expect(schemaErrors(body, schemaOf('/moratorium/estimate'))).toEqual([]);
      expect(body.lines.map((l: any) => [l.hs6, l.importsUsd, l.ratePct, l.revenueUsd])).toEqual([
        ['370400', 100_000, null, null],
        ['490110', 1_200_000, 10, 120_000],
        ['852349', 500_000, 5, 25_000],
        ['950450', 800_000, 20, 160_000],
      ]);
    });

    it('totals a group per year with members with data, and lists members without imports as no data', async () => {
      const body = await json('/estimate?group=LDC&years=2022');
      expect(schemaErrors(body, schemaOf('/moratorium/estimate'))).toEqual([]);
      expect(body.groupRows).toEqual([{ year: 2022, revenueUsd: X.mfn[2022], importsUsd: X.imports[2022] + X.unratedImports, membersWithData: 1, membersTotal: 3, missing: {} }]);
      expect(body.rows.find((r: any) => r.reporter === UNRATED)).toMatchObject({ revenueUsd: null, linesWithRate: 0, linesWithoutRate: 1 });
      // Haiti has imports but no tariff schedule; Mali no imports at all: each null says so.
      const unrated = body.rows.find((r: any) => r.reporter === UNRATED);
      expect(unrated.missing.revenueUsd).toMatchObject({ code: 'no-tariff', measure: 'mfn' });
      expect(unrated.missing.shareOfCustoms.code).toBe('no-tariff');
      expect(body.rows.find((r: any) => r.reporter === REPORTER).missing.revenueUsd).toBeUndefined();
      expect(body.noData).toEqual([{ iso3: 'MLI', name: 'Mali', reason: { code: 'no-trade', text: 'no imports of the listed lines in the data' } }]);
    });

    it('downloads CSV with the assumptions and vintages on every row, and "no data" rows left empty', async () => {
      const res = await get('/estimate?group=LDC&years=2022&tariff=applied&format=csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="moratorium_LDC_applied_2022-2022.csv"');
      const [header = [], ...rows] = parseCsv(await res.text());
      const col = (name: string) => header.indexOf(name);
      for (const name of ['level', 'reporter', 'year', 'revenue_usd', 'imports_usd', 'tariff_year', 'lines_with_rate', 'lines_without_rate', 'share_of_customs', 'tariff', 'valuation', 'elasticity', 'vintages', 'source']) {
        expect(col(name), name).toBeGreaterThanOrEqual(0);
      }
      const by = (level: string, reporter: string) => rows.find((r) => r[col('level')] === level && r[col('reporter')] === reporter) ?? [];
      expect(by('group', 'LDC')[col('revenue_usd')]).toBe(String(X.applied[2022]));
      expect(by('group', 'LDC')[col('members_with_data')]).toBe('1');
      expect(by('country', REPORTER)[col('revenue_usd')]).toBe(String(X.applied[2022]));
      expect(by('country', UNRATED)[col('revenue_usd')]).toBe('');
      expect(by('country', UNRATED)[col('revenue_missing')]).toBe('no-tariff applied');
      expect(by('country', 'MLI')[col('revenue_missing')]).toBe('no-trade');
      expect(by('country', REPORTER)[col('revenue_missing')]).toBe('');
      expect(by('country', UNRATED)[col('status')]).toBe('no rate');
      expect(by('country', 'MLI')[col('status')]).toBe('no data');
      expect(by('country', 'MLI')[col('revenue_usd')]).toBe('');
      for (const r of rows) {
        expect(r).toHaveLength(header.length);
        expect(r[col('tariff')]).toBe('applied');
        expect(r[col('vintages')]?.split('+').map(Number)).toEqual(expect.arrayContaining([m.trade.id, m.tariffs.id]));
      }
    });

    it('downloads the lines as CSV, and chooses CSV from the Accept header', async () => {
      const lines = parseCsv(await (await get(`/estimate?country=${REPORTER}&years=2022&lines=true&format=csv`)).text());
      expect(lines[0]?.slice(0, 8)).toEqual(['reporter', 'name', 'year', 'hs6', 'match', 'imports_usd', 'rate_pct', 'pricing']);
      expect(lines.slice(1).map((r) => r[3])).toEqual(['370400', '490110', '852349', '950450']);
      const res = await get(`/estimate?country=${REPORTER}`, { accept: 'text/csv' });
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('vary')).toMatch(/Accept/);
    });

    it('downloads a workbook with results, lines, assumptions and vintages', async () => {
      const res = await get(`/estimate?country=${REPORTER}&format=xlsx`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="moratorium_${REPORTER}_mfn.xlsx"`);
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
      expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((x) => x[1])).toEqual(['results', 'lines', 'assumptions', 'vintages']);
      const results = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
      expect(results).toContain(`<v>${X.mfn[2022]}</v>`);
      expect(strFromU8(files['xl/worksheets/sheet3.xml'] ?? new Uint8Array())).toContain('tariff measure');
      expect(strFromU8(files['xl/worksheets/sheet4.xml'] ?? new Uint8Array())).toContain('WITS TRAINS (test extract)');
    });

    it('shows how the total moves with each assumption', async () => {
      const body = await json(`/sensitivity?country=${REPORTER}&years=2022`);
      expect(schemaErrors(body, schemaOf('/moratorium/sensitivity'))).toEqual([]);
      const of = (a: string, v: string) => body.rows.find((r: any) => r.assumption === a && r.value === v);
      expect(of('tariff measure', 'mfn')).toMatchObject({ base: true, revenueUsd: X.mfn[2022] });
      expect(of('tariff measure', 'bound').change).toBeCloseTo(X.bound[2022] / X.mfn[2022] - 1, 9);
      expect(of('share digitised', '0.5').change).toBeCloseTo(-0.5, 9);
      const csv = parseCsv(await (await get(`/sensitivity?country=${REPORTER}&years=2022&format=csv`)).text());
      expect(csv[0]?.slice(0, 6)).toEqual(['target', 'varied', 'value', 'revenue_usd', 'change', 'base']);
      expect(csv[0]).toContain('base_vintages');
    });

    it('lists the product lists with their lines, and the coverage of the data', async () => {
      const lists = await json('/lists');
      expect(schemaErrors(lists, schemaOf('/moratorium/lists'))).toEqual([]);
      expect(lists.lists.map((l: any) => l.id)).toEqual(['digitisable-narrow-hs2022', 'digitisable-narrow-hs2017', 'digitisable-hs2022', 'digitisable-hs2017']);
      expect(lists.lists[0].lines).toContain('852349');
      expect(lists.lists[0].lines).not.toContain('490700');
      expect(lists.lists[0].detail.find((d: any) => d.hs6 === '490700')).toMatchObject({ included: false, reason: 'security-documents' });
      const coverage = await json('/coverage');
      expect(schemaErrors(coverage, schemaOf('/moratorium/coverage'))).toEqual([]);
      expect(coverage.coverage.find((c: any) => c.reporter === REPORTER)).toMatchObject({ firstYear: 2021, lastYear: 2022, tariffYears: [2022], name: 'Tuvalu' });
      const csv = parseCsv(await (await get('/lists?format=csv')).text());
      expect(csv[0]).toEqual(['list', 'version', 'name', 'edition', 'built_in', 'hs6', 'included', 'reason', 'description', 'study', 'source']);
      const stamps = csv.find((r) => r[0] === 'digitisable-narrow-hs2022' && r[5] === '490700');
      expect(stamps?.slice(6, 8)).toEqual(['false', 'security-documents']);
    });

    it('compares the duty with VAT at the registry rate on the same import value (duty excluded by default, included as an option), per year', async () => {
      const body = await json(`/vat?country=${REPORTER}`);
      expect(schemaErrors(body, schemaOf('/moratorium/vat'))).toEqual([]);
      expect(body.rows.map((r: any) => [r.year, r.dutyRevenueUsd, r.vatRevenueUsd])).toEqual([
        [2021, X.mfn[2021], X.vat[2021]],
        [2022, X.mfn[2022], X.vat[2022]],
      ]);
      expect(body.rows[1].vat).toMatchObject({
        iso3: REPORTER,
        rate: X.vat.rate,
        start: '2023-07-01',
        threshold: { amount: 100_000, currency: 'USD' },
        model: 'vendor registration',
        legislated: 'legislation',
        sources: ['VAT registry (test extract)'],
      });
      expect(body.rows[1].rate).toMatchObject({ ratePct: 15, origin: 'registry', missing: null });
      expect(body.vatBase).toBe('import-value');
      expect(body.formula).toContain('duty excluded');
      expect(body.vintages.map((v: any) => v.id)).toContain(m.trade.id);
      const withDuty = await json(`/vat?country=${REPORTER}&vat_base=with-duty`);
      expect(withDuty.rows.map((r: any) => r.vatRevenueUsd)).toEqual([X.vatWithDuty[2021], X.vatWithDuty[2022]]);
      expect(withDuty.formula).toContain('(1 + τ)');
      // Bound rates raise the duty and, with it, the value VAT is charged on: (2,600,000 + 520,000) × 15%.
      const bound = await json(`/vat?country=${REPORTER}&years=2022&tariff=bound&vat_base=with-duty`);
      expect(bound.rows[0].vatRevenueUsd).toBeCloseTo((X.imports[2022] + X.bound[2022]) * 0.15, 6);
      // With a response of imports to the duty: Σ M × (1 + τ)^ε × (1 + τ) × 15%, line by line (3704.00 has no duty).
      const elastic = await json(`/vat?country=${REPORTER}&years=2022&elasticity=-1&vat_base=with-duty`);
      expect(elastic.rows[0].vatRevenueUsd).toBeCloseTo((1_200_000 + 500_000 + 800_000 + 100_000) * 0.15, 6);
    });

    it('shows a member without a VAT rate as no data, in JSON and CSV', async () => {
      const body = await json('/vat?group=LDC&years=2022');
      expect(schemaErrors(body, schemaOf('/moratorium/vat'))).toEqual([]);
      const unrated = body.rows.find((r: any) => r.reporter === UNRATED);
      expect(unrated).toMatchObject({ dutyRevenueUsd: null, vatRevenueUsd: null });
      expect(unrated.vat).toMatchObject({ rate: null, legislated: 'draft legislation' });
      const res = await get('/vat?group=LDC&years=2022&format=csv');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="moratorium_LDC_mfn_2022-2022_vat.csv"');
      const [header = [], ...rows] = parseCsv(await res.text());
      const col = (name: string) => header.indexOf(name);
      for (const name of ['duty_revenue_usd', 'vat_revenue_usd', 'vat_rate_pct', 'vat_model', 'vat_legislated', 'vat_sources', 'tariff', 'vintages']) expect(col(name), name).toBeGreaterThanOrEqual(0);
      const by = (iso3: string) => rows.find((r) => r[0] === iso3) ?? [];
      expect([by(REPORTER)[col('vat_revenue_usd')], by(REPORTER)[col('vat_rate_pct')], by(REPORTER)[col('status')]]).toEqual([String(X.vat[2022]), '15', 'estimated']);
      expect([by(UNRATED)[col('vat_revenue_usd')], by(UNRATED)[col('vat_legislated')], by(UNRATED)[col('status')]]).toEqual(['', 'draft legislation', 'no data']);
    });

    it('lists the merged VAT/GST registry: built-in legal facts and imported entries, with their sources', async () => {
      const body = await json('/vat-registry');
      expect(schemaErrors(body, schemaOf('/moratorium/vat-registry'))).toEqual([]);
      expect(body.entries.map((e: any) => e.iso3)).toEqual(expect.arrayContaining(['ZAF', 'KEN', REPORTER, UNRATED]));
      expect(body.entries.find((e: any) => e.iso3 === 'ZAF')).toMatchObject({ rate: 15, model: 'vendor registration', threshold: { amount: 1_000_000, currency: 'ZAR' } });
      expect(body.entries.find((e: any) => e.iso3 === REPORTER)).toMatchObject({ name: 'Tuvalu', rate: 15, asOf: '2025-01-01', sourceUrl: 'https://example.org/vat-act' });
      const [header = [], ...rows] = parseCsv(await (await get('/vat-registry?format=csv')).text());
      expect(header.slice(0, 8)).toEqual(['iso3', 'name', 'rate_pct', 'start', 'threshold', 'threshold_currency', 'model', 'legislated']);
      expect(rows.find((r) => r[0] === 'ZAF')?.slice(2, 4)).toEqual(['15', '2014-06-01']);
    });

    it('simulates a duty on the listed lines: revenue, imports after, cost to consumers, deadweight loss, the curve and the peak', async () => {
      const body = await json(`/design?country=${REPORTER.toLowerCase()}&rate=10&elasticity=-2`);
      expect(schemaErrors(body, schemaOf('/moratorium/design'))).toEqual([]);
      expect(body.country).toEqual({ iso3: REPORTER, name: 'Tuvalu' });
      expect(body.base).toMatchObject({ usd: X.designBase, from: 'listed lines', year: 2022, list: 'digitisable-narrow-hs2022' });
      // B = 2,600,000, t = 10%, ε = −2: imports B/1.21, revenue a tenth of that, cost B × (1 − 1/1.1).
      const s = body.simulation;
      expect(s.importsAfterUsd).toBeCloseTo(X.designBase / 1.21, 6);
      expect(s.revenueUsd).toBeCloseTo(214_876.033, 2);
      expect(s.consumerCostUsd).toBeCloseTo(236_363.636, 2);
      expect(s.deadweightLossUsd).toBeCloseTo(21_487.603, 2);
      // Revenue peaks at 1/(−ε − 1) = 100%: B × 2^−2 × 1 = 650,000.
      expect(body.peakRatePct).toBe(100);
      expect(body.peak.revenueUsd).toBeCloseTo(650_000, 6);
      expect(body.curve.map((p: any) => p.ratePct)).toEqual(Array.from({ length: 21 }, (_, i) => i * 2.5));
      expect(body.vintages.map((v: any) => v.id)).toContain(m.trade.id);
    });

    it('simulates a duty on a value given, with no peak when −1 ≤ ε ≤ 0, and downloads it as CSV', async () => {
      const given = await json(`/design?country=${REPORTER}&rate=10&elasticity=-2&base=1 000 000`);
      expect(given.base).toEqual({ usd: 1_000_000, from: 'given', year: null });
      expect(given.simulation.importsAfterUsd).toBeCloseTo(826_446.281, 2);
      expect(given.simulation.revenueUsd).toBeCloseTo(82_644.628, 2);
      expect(given.simulation.consumerCostUsd).toBeCloseTo(90_909.091, 2);
      expect(given.vintages).toEqual([]);
      const unitElastic = await json(`/design?country=${REPORTER}&rate=10%25&elasticity=-1&base=1000000`);
      expect(schemaErrors(unitElastic, schemaOf('/moratorium/design'))).toEqual([]);
      expect([unitElastic.peakRatePct, unitElastic.peak]).toEqual([null, null]);
      expect(unitElastic.simulation.consumerCostUsd).toBeCloseTo(1_000_000 * Math.log(1.1), 6);
      // A country without imports can be simulated on a value given.
      expect((await json('/design?country=MLI&rate=20&base=500000')).simulation.revenueUsd).toBe(100_000);

      const res = await get(`/design?country=${REPORTER}&rate=10&elasticity=-2&format=csv`);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="moratorium_design_${REPORTER}_10pct_e-2.csv"`);
      const [header = [], ...rows] = parseCsv(await res.text());
      const col = (name: string) => header.indexOf(name);
      expect(rows.map((r) => r[col('point')]).slice(0, 3)).toEqual(['chosen', 'peak', 'curve']);
      expect(rows).toHaveLength(2 + 21);
      const chosen = rows[0] ?? [];
      expect([chosen[col('rate_pct')], chosen[col('base_usd')], chosen[col('base_from')], chosen[col('base_year')], chosen[col('peak_rate_pct')]]).toEqual(['10', '2600000', 'listed lines', '2022', '100']);
      expect(Number(chosen[col('revenue_usd')])).toBeCloseTo(214_876.033, 2);
      expect(chosen[col('vintages')]?.split('+').map(Number)).toContain(m.trade.id);
    });

    it.each([
      ['/design?country=TUV', 'rate', 'give rate'],
      ['/design?country=TUV&rate=ten', 'rate', 'not a duty rate'],
      ['/design?country=TUV&rate=-5', 'rate', 'not a duty rate'],
      ['/design?country=TUV&rate=2000', 'rate', 'from 0 to 1000'],
      ['/design?country=TUV&rate=10&base=-1', 'base', 'not an amount of US dollars'],
      ['/design?country=TUV&rate=10&base=lots', 'base', 'not an amount of US dollars'],
      ['/design?country=TUV&rate=10&elasticity=0.5', 'elasticity', 'not an import-demand elasticity'],
      ['/design?rate=10', 'country', 'give country'],
      ['/design?group=LDC&rate=10', 'group', 'unknown parameter'],
      ['/design?country=TUV&rate=10&tariff=bound', 'tariff', 'unknown parameter'],
      [`/vat?country=${REPORTER}&lines=true`, 'lines', 'unknown parameter'],
      [`/vat?country=${REPORTER}&format=pdf`, 'format', 'expected "json", "csv" or "xlsx"'],
      ['/vat', 'country', 'give country'],
      ['/vat-registry?country=TUV', 'country', 'accepted: format'],
    ])('%s → 400 naming %s', async (path, parameter, message) => {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: { parameter?: string; message: string } };
      expect(body.error.parameter).toBe(parameter);
      expect(body.error.message).toContain(message);
    });

    it.each([
      ['/design?country=MLI&rate=10', 'no imports of the listed lines for MLI'],
      ['/design?country=XYZ&rate=10', 'no country XYZ'],
      ['/vat?country=XYZ', 'no country XYZ'],
    ])('%s → 404', async (path, message) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
    });

    it.each([
      ['/estimate', 'country', 'give country'],
      [`/estimate?country=${REPORTER}&group=LDC`, 'country', 'not both'],
      ['/estimate?country=NEPAL', 'country', 'not an ISO 3166 alpha-3 code'],
      [`/estimate?country=${REPORTER}&tariff=wto`, 'tariff', '"wto" is not one of bound, mfn, applied'],
      [`/estimate?country=${REPORTER}&valuation=medium`, 'valuation', 'is not one of content, carrier'],
      [`/estimate?country=${REPORTER}&carrier_share=2`, 'carrier_share', 'not a fraction'],
      [`/estimate?country=${REPORTER}&elasticity=1.5`, 'elasticity', 'not an import-demand elasticity'],
      [`/estimate?country=${REPORTER}&share=49:2`, 'share', 'not a fraction'],
      [`/estimate?country=${REPORTER}&years=20x`, 'years', 'not a year'],
      [`/estimate?country=${REPORTER}&rollup=median`, 'rollup', 'is not one of line, weighted, simple'],
      [`/estimate?country=${REPORTER}&list=Bad List`, 'list', 'not a product list id'],
      [`/estimate?country=${REPORTER}&lines=yes`, 'lines', 'expected "true" or "false"'],
      [`/estimate?country=${REPORTER}&format=pdf`, 'format', 'expected "json", "csv" or "xlsx"'],
      [`/estimate?country=${REPORTER}&tarif=mfn`, 'tarif', 'did you mean "tariff"?'],
      [`/sensitivity?country=${REPORTER}&lines=true`, 'lines', 'unknown parameter'],
      [`/sensitivity?country=${REPORTER}&format=xlsx`, 'format', 'expected "json" or "csv"'],
      ['/lists?country=NPL', 'country', 'accepted: format'],
    ])('%s → 400 naming %s', async (path, parameter, message) => {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: { parameter?: string; message: string } };
      expect(body.error.parameter).toBe(parameter);
      expect(body.error.message).toContain(message);
      expect(schemaErrors(body, { $ref: '#/components/schemas/Error' })).toEqual([]);
    });

    it.each([
      ['/estimate?country=XYZ', 'no country XYZ'],
      ['/estimate?group=NOPE', 'no group NOPE'],
      [`/estimate?country=${REPORTER}&list=no-such-list`, 'no product list "no-such-list"'],
      [`/sensitivity?group=NOPE`, 'no group NOPE'],
    ])('%s → 404', async (path, message) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
    });
  });
}
