/**
 * Nepal end to end, from the real files: its imports of FY 2082/83 at the national 8-digit level, its
 * customs tariff of 2026/27 with SAFTA rates, the World Bank exchange rate and revenue series. The estimate
 * the Observatory makes is checked against the same sum worked out here from the files themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReference, planFolder } from '../../src/adapters/importers/folder.ts';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { BUILT_IN_LISTS } from '../../src/domain/moratorium/lists.ts';
import { DEFAULT_OPTIONS as DEFAULTS } from '../../src/domain/moratorium/options.ts';
import { MoratoriumService } from '../../src/app/services/moratorium.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { parseCsv } from '../support/csv.ts';
import { sharedData } from './shared-data.ts';

/** This file checks the broad list of the studies; moratorium-lists-nepal.test.ts checks the narrow default. */
const DEFAULT_OPTIONS = { ...DEFAULTS, list: 'digitisable-hs2022' };

const FOLDERS = ['datasets-country-codes', 'dieghernan-country-orgs', 'datasets-wdi-fx', 'datasets-wdi', 'wits-customs-duties', 'nepal-customs-tariff-stats'];

let root: string;
let store: Store;
let service: MoratoriumService;

/** A file's records as objects keyed by its header. */
function rows(folder: string, file: string): Record<string, string>[] {
  const [header = [], ...records] = parseCsv(readFileSync(join(root, folder, file), 'utf8').replace(/^\uFEFF/, ''));
  return records.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

beforeAll(async () => {
  root = sharedData();
  store = await openStore({ duckdbPath: ':memory:' });
  await ensureReference(store);
  for (const p of await planFolder(root)) {
    if (p.skip || !FOLDERS.some((f) => p.label.startsWith(`${f}/`))) continue;
    await importFile(store, p.path, { label: p.label });
  }
  service = new MoratoriumService(new Observatory(store, { today: () => '2026-11-27', versionCheckMs: 0 }));
}, 300_000);

afterAll(async () => {
  await store?.close();
});

/** The MFN revenue worked out from the two files: Σ imports (NPR → USD) × the simple average MFN rate of the line's HS6. */
function expectedMfnRevenue(): { revenueUsd: number; importsUsd: number; rate: number } {
  const fx = rows('datasets-wdi-fx', 'pa.nus.fcrf.csv').filter((r) => r['Country Code'] === 'NPL' && Number(r.Year) <= 2026);
  const latest = fx.reduce((a, r) => (Number(r.Year) > Number(a?.Year) ? r : a), fx[0]);
  const rate = Number(latest?.Value);
  const byHs6 = new Map<string, number[]>();
  for (const t of rows('nepal-customs-tariff-stats', 'nepal_customs_tariff_2026_27_digitisable.csv')) {
    const mfn = (t.duty_general_mfn_pct ?? '').trim();
    if (mfn === '') continue;
    // The tariff writes duty-free lines as "Free".
    const value = /^free$/i.test(mfn) ? 0 : Number(mfn);
    expect(Number.isFinite(value)).toBe(true);
    const list = byHs6.get(t.hs6 as string) ?? [];
    list.push(value);
    byHs6.set(t.hs6 as string, list);
  }
  const listed = new Set(BUILT_IN_LISTS.find((l) => l.id === 'digitisable-hs2022')?.lines);
  let revenueUsd = 0;
  let importsUsd = 0;
  for (const m of rows('nepal-customs-tariff-stats', 'nepal_imports_fy2082_83_digitisable_hs8.csv')) {
    if (!listed.has(m.hs6 as string)) continue;
    const usd = (Number(m.import_value_npr_thousand) * 1000) / rate;
    importsUsd += usd;
    const rates = byHs6.get(m.hs6 as string);
    if (rates?.length) revenueUsd += (usd * rates.reduce((a, b) => a + b, 0)) / rates.length / 100;
  }
  return { revenueUsd, importsUsd, rate };
}

describe('Nepal, end to end from the real files', () => {
  it('forgoes the MFN duty on its digitisable imports: the estimate equals the sum worked out from the files', async () => {
    const expected = expectedMfnRevenue();
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0];
    expect(row).toMatchObject({ reporter: 'NPL', year: 2026, tariffYear: 2027 });
    expect(row?.importsUsd).toBeCloseTo(expected.importsUsd, 0);
    expect(row?.revenueUsd).toBeCloseTo(expected.revenueUsd, 0);
    expect(expected.revenueUsd).toBeGreaterThan(100_000);
    expect(result.notes.join('\n')).toContain('the 2027 tariff schedule is applied to 2026 imports');
    expect(result.vintages.map((v) => v.dataset)).toEqual(
      expect.arrayContaining([
        'nepal-customs-tariff-stats/nepal_imports_fy2082_83_digitisable_hs8.csv',
        'nepal-customs-tariff-stats/nepal_customs_tariff_2026_27_digitisable.csv',
      ]),
    );
  });

  it('pays less under the effectively applied rate: imports from India enter at the SAFTA rate', async () => {
    const mfn = await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    const applied = await service.estimate({ kind: 'country', id: 'NPL' }, { ...DEFAULT_OPTIONS, tariff: 'applied' });
    const books = (r: typeof mfn) => r.lines.find((l) => l.hs6 === '490199');
    expect(applied.rows[0]?.revenueUsd).toBeLessThan(mfn.rows[0]?.revenueUsd ?? 0);
    expect(applied.rows[0]?.revenueUsd).toBeGreaterThan(0);
    expect(books(applied)?.ratePct).toBeLessThan(books(mfn)?.ratePct ?? 0);
  });

  it('states the revenue as a share of customs and of government revenue from the World Bank series', async () => {
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    const row = result.rows[0];
    expect(row?.customsRevenue?.value).toBeGreaterThan(1e8);
    expect(row?.customsRevenue?.year).toBeLessThanOrEqual(2026);
    expect(row?.shareOfCustoms).toBeGreaterThan(0);
    expect(row?.shareOfCustoms).toBeLessThan(0.05);
    expect(row?.shareOfGovernment).toBeLessThan(row?.shareOfCustoms ?? 0);
  });

  it('moves with each assumption as the method says', async () => {
    const rows = await service.sensitivity({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    const change = (a: string, v: string) => rows.find((r) => r.assumption === a && r.value === v)?.change;
    expect(change('share digitised', '0.5')).toBeCloseTo(-0.5, 9);
    expect(change('import-demand elasticity', '-1.5')).toBeLessThan(0);
    // Nepal's tariff gives no bound rates: the bound measure is "no data", not zero.
    expect(rows.find((r) => r.assumption === 'tariff measure' && r.value === 'bound')?.revenueUsd).toBeNull();
  });
});
