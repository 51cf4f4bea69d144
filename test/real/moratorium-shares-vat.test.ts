/**
 * Nepal's revenue shares in one currency and its VAT comparison, from the real files: the FY 2082/83
 * imports, the 2026/27 tariff, the World Bank revenue series and exchange rates, and the VAT rate tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReference, planFolder } from '../../src/adapters/importers/folder.ts';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { DEFAULT_OPTIONS } from '../../src/domain/moratorium/options.ts';
import { MoratoriumService } from '../../src/app/services/moratorium.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { createApp } from '../../src/app/web/server.ts';
import { parseCsv } from '../support/csv.ts';
import { parseHtml, select, selectOne, text, type Element } from '../web/pages/html.ts';
import { sharedData } from './shared-data.ts';

const FOLDERS = ['datasets-country-codes', 'dieghernan-country-orgs', 'datasets-wdi-fx', 'datasets-wdi', 'wits-customs-duties', 'nepal-customs-tariff-stats', 'vat-rates'];

let root: string;
let store: Store;
let service: MoratoriumService;
let obs: Observatory;

/** Nepal's NPR per US dollar in a year, from the file itself. */
function fx(year: number): number {
  const [header = [], ...records] = parseCsv(readFileSync(join(root, 'datasets-wdi-fx', 'pa.nus.fcrf.csv'), 'utf8').replace(/^\uFEFF/, ''));
  const code = header.indexOf('Country Code');
  const y = header.indexOf('Year');
  const v = header.indexOf('Value');
  const row = records.find((r) => r[code] === 'NPL' && Number(r[y]) === year);
  return Number(row?.[v]);
}

beforeAll(async () => {
  root = sharedData();
  store = await openStore({ duckdbPath: ':memory:' });
  await ensureReference(store);
  for (const p of await planFolder(root)) {
    if (p.skip || !FOLDERS.some((f) => p.label.startsWith(`${f}/`))) continue;
    await importFile(store, p.path, { label: p.label });
  }
  obs = new Observatory(store, { today: () => '2026-11-27', versionCheckMs: 0 });
  service = new MoratoriumService(obs);
}, 300_000);

afterAll(async () => {
  await store?.close();
});

describe('Nepal: shares in one currency, VAT at a real rate', () => {
  it('computes the customs share in NPR, each side at its own year’s rate, and warns that the years are far apart', async () => {
    const local = (await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS)).rows[0];
    const usd = (await service.estimate({ kind: 'country', id: 'NPL' }, { ...DEFAULT_OPTIONS, shareCurrency: 'usd' })).rows[0];
    const basis = local?.customsShareBasis;
    expect(basis?.currency).toBe('local');
    expect(basis?.dutyYear).toBe(local?.year);
    // The duty is converted at the rate the import used (the latest not after the trade year), the revenue at its own year's.
    expect(basis?.dutyFx?.year).toBe(2025);
    expect(basis?.revenueFx?.year).toBe(local?.customsRevenue?.year);
    expect(basis?.yearsWarning).toBe(true);
    // Hand computation: share in NPR = share in US$ × NPR per US$ of the duty's rate year / that of the revenue's year.
    const revenueYear = local?.customsRevenue?.year as number;
    const ratio = fx(2025) / fx(revenueYear);
    expect(local?.shareOfCustoms).toBeCloseTo((usd?.shareOfCustoms ?? NaN) * ratio, 12);
    expect(usd?.customsShareBasis?.currency).toBe('usd');
    // Measured on the shared data: duty of 2026 at 139.12 NPR/US$ against customs revenue of 2021 at 118.13.
    expect(revenueYear).toBe(2021);
    expect(ratio).toBeCloseTo(139.115 / 118.134, 3);
    expect(local?.shareOfCustoms).toBeGreaterThan(usd?.shareOfCustoms ?? Infinity);
  });

  it('finds Nepal’s 13% VAT in the rate tables and compares it with the duty', async () => {
    const rates = await service.standardRates();
    expect(rates.get('NPL')).toMatchObject({ ratePct: 13, source: 'national-law', asOf: '1997-11-16', disagree: false });
    // A few cross-checks the provenance states: three sources agree on Kenya and Nigeria.
    expect(rates.get('KEN')?.ratePct).toBe(16);
    expect(rates.get('NGA')?.ratePct).toBe(7.5);
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    const rows = await service.vatComparison(result);
    expect(rows.length).toBeGreaterThan(0);
    const row = rows[0];
    expect(row?.rate).toMatchObject({ ratePct: 13 });
    // VAT on the same import value, duty excluded: Σ imports × factor × 13%.
    const factorOf = new Map(result.factors.map((f) => [f.hs6, f.factor]));
    const base = result.lines.filter((l) => l.year === row?.year).reduce((s, l) => s + l.importsUsd * (factorOf.get(l.hs6) ?? 1), 0);
    expect(row?.vatRevenueUsd).toBeCloseTo(base * 0.13, 2);
    expect(row?.vatRevenueUsd).toBeGreaterThan(0);
  });

  it('shows Nepal’s 13% from the national act, with its date, and a VAT figure on the page and in the CSV, on the default options', async () => {
    const app = createApp({ obs });
    // The page opens on Nepal with the default options.
    const doc = parseHtml(await (await app.request('/en/moratorium')).text());
    const table = selectOne(doc, 'table[id=vat]');
    const [row] = select(table, 'tbody tr').map((tr) => tr.children.filter((c): c is Element => typeof c !== 'string').map(text));
    expect(row?.[3]).toBe('13');
    expect(row?.[4]).toContain('national VAT act');
    expect(row?.[4]).toContain('in force from 1997-11-16');
    expect(row?.[4]).toContain('as of 16 November 1997');
    expect(row?.[2]).not.toBe('no data');
    expect(Number((row?.[2] ?? '').replace(/,/g, ''))).toBeGreaterThan(0);
    const [header = [], ...rows] = parseCsv(await (await app.request('/api/v1/moratorium/vat?country=NPL&format=csv')).text());
    const at = (col: string) => rows[0]?.[header.indexOf(col)];
    expect([at('rate_used_pct'), at('rate_origin'), at('rate_table'), at('rate_as_of'), at('vat_base')]).toEqual(['13', 'table', 'national-law', '1997-11-16', 'import-value']);
    expect(Number(at('vat_revenue_usd'))).toBeGreaterThan(0);
    // The duty's exchange rate: the latest NPR per US$ not after the trade year (2025, measured: 139.115).
    expect([Number(at('duty_fx_lcu_per_usd')).toFixed(3), at('duty_fx_year')]).toEqual([fx(2025).toFixed(3), '2025']);
  });

  it('says why the sensitivity has no total under bound rates: no bound schedule for Nepal in the data', async () => {
    const rows = await service.sensitivity({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    const bound = rows.find((r) => r.value === 'bound');
    expect(bound?.revenueUsd).toBeNull();
    expect(bound?.missing.revenueUsd).toEqual({ code: 'no-tariff', measure: 'bound' });
    expect(rows.find((r) => r.base)?.missing).toEqual({});
  });
});
