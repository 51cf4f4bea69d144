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
import { DEFAULT_OPTIONS, type EstimateOptions } from '../../src/domain/moratorium/options.ts';
import { MoratoriumService } from '../../src/app/services/moratorium.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { parseCsv } from '../support/csv.ts';
import { sharedData } from './shared-data.ts';

const FOLDERS = ['datasets-country-codes', 'dieghernan-country-orgs', 'datasets-wdi-fx', 'datasets-wdi', 'wits-customs-duties', 'nepal-customs-tariff-stats'];

// The broad list of the studies, named so that these figures hold whatever list is the default.
const BROAD: EstimateOptions = { ...DEFAULT_OPTIONS, list: 'digitisable-hs2022' };
// The HS6 simple average of national lines, as the estimate was first made, kept as an option for comparison.
const SIMPLE: EstimateOptions = { ...BROAD, rollup: 'simple' };

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

/**
 * The MFN revenue at line level, worked out from the two files: each 8-digit import line at the rate of the
 * tariff line that is the same line (the tariff writes an undivided subheading "3702.10" or "3704.00.00"; a
 * code ending in 00 after the sixth digit is that subheading), else at the HS6 average of the tariff's lines
 * weighted by the imports of each. Returns the total, and 4911.99 priced both ways.
 */
function expectedLineRevenue(): { revenueUsd: number; manualsShare: number; line491199: number; simple491199: number } {
  const fx = rows('datasets-wdi-fx', 'pa.nus.fcrf.csv').filter((r) => r['Country Code'] === 'NPL' && Number(r.Year) <= 2026);
  const rate = Number(fx.reduce((a, r) => (Number(r.Year) > Number(a?.Year) ? r : a), fx[0])?.Value);
  const key = (code: string) => {
    const digits = code.replace(/\D/g, '');
    return digits.length > 6 ? digits.slice(0, 6) + digits.slice(6).replace(/(00)+$/, '') : digits;
  };
  const tariff: { key: string; hs6: string; mfn: number }[] = [];
  for (const t of rows('nepal-customs-tariff-stats', 'nepal_customs_tariff_2026_27_digitisable.csv')) {
    const mfn = (t.duty_general_mfn_pct ?? '').trim();
    if (mfn === '') continue;
    tariff.push({ key: key(t.hs_code_as_published as string), hs6: t.hs6 as string, mfn: /^free$/i.test(mfn) ? 0 : Number(mfn) });
  }
  const listed = new Set(BUILT_IN_LISTS.find((l) => l.id === 'digitisable-hs2022')?.lines);
  const imports = rows('nepal-customs-tariff-stats', 'nepal_imports_fy2082_83_digitisable_hs8.csv').map((m) => ({
    key: key(m.hs8 as string),
    hs6: m.hs6 as string,
    usd: (Number(m.import_value_npr_thousand) * 1000) / rate,
  }));
  const importsOf = (k: string) => imports.filter((m) => m.key === k).reduce((a, m) => a + m.usd, 0);
  const rateOf = (m: { key: string; hs6: string }): number | null => {
    const own = tariff.filter((t) => t.key === m.key);
    if (own.length) return own.reduce((a, t) => a + t.mfn, 0) / own.length;
    const lines = tariff.filter((t) => t.hs6 === m.hs6);
    if (!lines.length) return null;
    const w = lines.reduce((a, t) => a + importsOf(t.key), 0);
    return w > 0 ? lines.reduce((a, t) => a + t.mfn * importsOf(t.key), 0) / w : lines.reduce((a, t) => a + t.mfn, 0) / lines.length;
  };
  let revenueUsd = 0;
  let line491199 = 0;
  for (const m of imports) {
    if (!listed.has(m.hs6)) continue;
    const r = rateOf(m);
    if (r === null) continue;
    revenueUsd += (m.usd * r) / 100;
    if (m.hs6 === '491199') line491199 += (m.usd * r) / 100;
  }
  const of491199 = imports.filter((m) => m.hs6 === '491199');
  const total491199 = of491199.reduce((a, m) => a + m.usd, 0);
  const rates491199 = tariff.filter((t) => t.hs6 === '491199').map((t) => t.mfn);
  const simple491199 = (total491199 * rates491199.reduce((a, b) => a + b, 0)) / rates491199.length / 100;
  return { revenueUsd, manualsShare: importsOf('49119910') / total491199, line491199, simple491199 };
}

describe('Nepal, end to end from the real files', () => {
  it('forgoes the MFN duty on its digitisable imports: the simple-average estimate equals the sum worked out from the files', async () => {
    const expected = expectedMfnRevenue();
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, SIMPLE);
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0];
    expect(row).toMatchObject({ reporter: 'NPL', year: 2026, tariffYear: 2027 });
    expect(row?.importsUsd).toBeCloseTo(expected.importsUsd, 0);
    expect(row?.revenueUsd).toBeCloseTo(expected.revenueUsd, 0);
    expect(expected.revenueUsd).toBeGreaterThan(100_000);
    expect(result.notes.join('\n')).toContain('NPL: FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026) imports priced with the tariff schedule FY 2083/84 BS (16 Jul 2026 – 15 Jul 2027)');
    expect(result.vintages.map((v) => v.dataset)).toEqual(
      expect.arrayContaining([
        'nepal-customs-tariff-stats/nepal_imports_fy2082_83_digitisable_hs8.csv',
        'nepal-customs-tariff-stats/nepal_customs_tariff_2026_27_digitisable.csv',
      ]),
    );
  });

  it('pays less under the effectively applied rate: imports from India enter at the SAFTA rate', async () => {
    const mfn = await service.estimate({ kind: 'country', id: 'NPL' }, BROAD);
    const applied = await service.estimate({ kind: 'country', id: 'NPL' }, { ...BROAD, tariff: 'applied' });
    const books = (r: typeof mfn) => r.lines.find((l) => l.hs6 === '490199');
    expect(applied.rows[0]?.revenueUsd).toBeLessThan(mfn.rows[0]?.revenueUsd ?? 0);
    expect(applied.rows[0]?.revenueUsd).toBeGreaterThan(0);
    expect(books(applied)?.ratePct).toBeLessThan(books(mfn)?.ratePct ?? 0);
  });

  it('states the revenue as a share of customs and of government revenue from the World Bank series', async () => {
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, BROAD);
    const row = result.rows[0];
    expect(row?.customsRevenue?.value).toBeGreaterThan(1e8);
    expect(row?.customsRevenue?.year).toBeLessThanOrEqual(2026);
    expect(row?.shareOfCustoms).toBeGreaterThan(0);
    expect(row?.shareOfCustoms).toBeLessThan(0.05);
    expect(row?.shareOfGovernment).toBeLessThan(row?.shareOfCustoms ?? 0);
  });

  it('moves with each assumption as the method says', async () => {
    const rows = await service.sensitivity({ kind: 'country', id: 'NPL' }, BROAD);
    const change = (a: string, v: string) => rows.find((r) => r.assumption === a && r.value === v)?.change;
    expect(change('share digitised', '0.5')).toBeCloseTo(-0.5, 9);
    expect(change('import-demand elasticity', '-1.5')).toBeLessThan(0);
    // Nepal's tariff gives no bound rates: the bound measure is "no data", not zero.
    expect(rows.find((r) => r.assumption === 'tariff measure' && r.value === 'bound')?.revenueUsd).toBeNull();
  });
  it('prices each national line at its own rate by default: the estimate equals the line-level sum worked out from the files', async () => {
    const expected = expectedLineRevenue();
    const line = await service.estimate({ kind: 'country', id: 'NPL' }, BROAD);
    const simple = await service.estimate({ kind: 'country', id: 'NPL' }, SIMPLE);
    const row = line.rows[0];
    expect(row?.revenueUsd).toBeCloseTo(expected.revenueUsd, 0);
    // US$5.68 m at line level against US$6.88 m by the simple average of the national lines.
    expect((row?.revenueUsd ?? 0) / 1e6).toBeCloseTo(5.68, 2);
    expect((simple.rows[0]?.revenueUsd ?? 0) / 1e6).toBeCloseTo(6.88, 2);
    // Customs share 0.40% against 0.48%, both divided in US dollars at each input's own year's rate
    // (moratorium-shares-vat.test.ts checks the default, in local currency of one year).
    const usdShare = async (options: EstimateOptions) =>
      (await service.estimate({ kind: 'country', id: 'NPL' }, { ...options, shareCurrency: 'usd' })).rows[0]?.shareOfCustoms;
    expect(await usdShare(BROAD)).toBeCloseTo(0.004, 4);
    expect(await usdShare(SIMPLE)).toBeCloseTo(0.0048, 4);
    // 4911.99: 94% of the imports are software manuals at 5%; the simple average put the whole line at 16.25%.
    expect(expected.manualsShare).toBeGreaterThan(0.93);
    const manuals = line.lines.find((l) => l.hs6 === '491199');
    expect(manuals).toMatchObject({ pricing: 'line' });
    expect(manuals?.revenueUsd).toBeCloseTo(expected.line491199, 0);
    expect(simple.lines.find((l) => l.hs6 === '491199')?.ratePct).toBeCloseTo(16.25, 9);
    expect(simple.lines.find((l) => l.hs6 === '491199')?.revenueUsd).toBeCloseTo(expected.simple491199, 0);
    expect(manuals?.ratePct).toBeLessThan(6);
    // Nepal publishes imports and tariff at the same lines: every rated import is priced at its own line but one
    // or two whose line the tariff extract does not have.
    const pricedByLine = line.lines.reduce((a, l) => a + l.pricedByLineUsd, 0);
    expect(pricedByLine / (row?.importsRatedUsd ?? 1)).toBeGreaterThan(0.95);
  });
});
