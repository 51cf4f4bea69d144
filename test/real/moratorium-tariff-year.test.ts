/**
 * Nepal's tariff year against its trade year, from the real files: the folder holds one schedule, the Customs
 * Tariff 2026/27 (in force from Shrawan 1, 16 July 2026), and one trade period, FY 2082/83 (16 July 2025 –
 * 15 July 2026). The only schedule prices the year, 365 days (12 months) after the trade period starts, and
 * every row says so; 8523.49.10 (software on discs, the largest line) and 8523.52.10 (SIM cards) are free in
 * 2026/27 although their 2025/26 revenue ratios imply about 10 % then.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReference, planFolder } from '../../src/adapters/importers/folder.ts';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { DEFAULT_OPTIONS, type EstimateOptions } from '../../src/domain/moratorium/options.ts';
import { MoratoriumService } from '../../src/app/services/moratorium.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { resultsTable } from '../../src/app/services/moratorium-tables.ts';
import { parseCsv } from '../support/csv.ts';
import { sharedData } from './shared-data.ts';

const FOLDERS = ['datasets-country-codes', 'dieghernan-country-orgs', 'datasets-wdi-fx', 'nepal-customs-tariff-stats'];
const BROAD: EstimateOptions = { ...DEFAULT_OPTIONS, list: 'digitisable-hs2022' };

let root: string;
let store: Store;
let service: MoratoriumService;

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
  service = new MoratoriumService(new Observatory(store, { today: () => '2026-12-04', versionCheckMs: 0 }));
}, 300_000);

afterAll(async () => {
  await store?.close();
});

describe('Nepal: which schedule priced FY 2082/83', () => {
  it('stores one schedule and one trade period, with their dates', async () => {
    const periods = (await store.datedPeriods()).filter((p) => p.reporter === 'NPL');
    expect(periods.map((p) => [p.kind, p.year, p.from, p.to])).toEqual([
      ['tariff', 2027, '2026-07-16', '2027-07-15'],
      ['trade', 2026, '2025-07-16', '2026-07-15'],
    ]);
    expect((await store.tradeCoverage()).filter((c) => c.reporter === 'NPL').flatMap((c) => c.tariffYears)).toEqual([2027]);
  });

  it('prices FY 2082/83 (FY 2025/26) with the Customs Tariff 2026/27, 365 days later, not in force, the only schedule', async () => {
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({
      year: 2026,
      period: 'FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026)',
      periodGregorian: 'FY 2025/26',
      tariffYear: 2027,
      tariffSchedule: 'FY 2083/84 BS (16 Jul 2026 – 15 Jul 2027)',
      tariffScheduleFrom: '2026-07-16',
      tariffScheduleTo: '2027-07-15',
      tariffMatch: 'later',
      gapDays: 365,
      gapMonths: 12,
      tariffWarning: 'not-in-force',
      tariffSchedules: 1,
    });
    expect(result.notes.join('\n')).toContain('NPL: FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026) imports priced with the tariff schedule FY 2083/84 BS (16 Jul 2026 – 15 Jul 2027) (2026-07-16 to 2027-07-15), in force only after the trade period, 12 months later; the only schedule stored for this country');
    const table = resultsTable(result, (x) => x);
    const row = table.rows.find((r) => r[0] === 'country')!;
    expect(row[table.header.indexOf('tariff_schedule_from')]).toBe('2026-07-16');
    expect(row[table.header.indexOf('gap_days')]).toBe(365);
  });

  it('finds FY 2025/26 with years=2025 and years=2026, not with 2024 or 2027', async () => {
    const years = async (from: number, to: number) =>
      (await service.estimate({ kind: 'country', id: 'NPL' }, { ...DEFAULT_OPTIONS, years: { from, to } })).rows.map((r) => r.periodGregorian);
    expect(await years(2025, 2025)).toEqual(['FY 2025/26']);
    expect(await years(2026, 2026)).toEqual(['FY 2025/26']);
    expect(await years(2024, 2024)).toEqual([]);
    expect(await years(2027, 2027)).toEqual([]);
  });

  it('prices software on discs and SIM cards at 0 % although their 2025/26 revenue ratios are about 24 % (duty about 10 % plus VAT 13 %)', async () => {
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, BROAD);
    const imports = rows('nepal-customs-tariff-stats', 'nepal_imports_fy2082_83_digitisable_hs8.csv');
    const tariff = rows('nepal-customs-tariff-stats', 'nepal_customs_tariff_2026_27_digitisable.csv');
    const line = (hs8: string) => imports.find((m) => m.hs8 === hs8)!;
    for (const [hs8, published] of [['85234910', '8523.49.10'], ['85235210', '8523.52.10']] as const) {
      expect(tariff.find((t) => t.hs_code_as_published === published)?.duty_general_mfn_pct).toBe('Free');
      const ratio = Number(line(hs8).revenue_collected_npr_thousand) / Number(line(hs8).import_value_npr_thousand);
      expect(ratio).toBeGreaterThan(0.24);
      expect(ratio).toBeLessThan(0.25);
    }
    // The largest line of the file by import value is 8523.49.10: NPR 2,493,967 thousand.
    const largest = imports.reduce((a, m) => (Number(m.import_value_npr_thousand) > Number(a.import_value_npr_thousand) ? m : a));
    expect(largest.hs8).toBe('85234910');
    // At 10 %, the two lines would carry NPR (2,493,967 + 242,576) thousand × 10 % = NPR 273.65 million of duty, which the
    // 2026/27 schedule prices at zero: as a share of the broad estimate priced with it.
    const npr = (2_493_967 + 242_576) * 1000 * 0.1;
    expect(npr).toBeCloseTo(273_654_300, 0);
    const fx = rows('datasets-wdi-fx', 'pa.nus.fcrf.csv').filter((r) => r['Country Code'] === 'NPL' && Number(r.Year) <= 2026);
    const rate = Number(fx.reduce((a, r) => (Number(r.Year) > Number(a.Year) ? r : a)).Value);
    const missingUsd = npr / rate;
    const revenue = result.rows[0]?.revenueUsd as number;
    // Measured: the broad-list estimate is US$5.678 m; the duty the two lines would carry at 10 % is US$1.967 m (at 139.12 NPR per
    // US dollar), about a third of the estimate, which the 2026/27 schedule prices at zero.
    expect(revenue / 1e6).toBeCloseTo(5.678, 2);
    expect(missingUsd / 1e6).toBeCloseTo(1.967, 2);
    expect(missingUsd / revenue).toBeGreaterThan(0.3);
    expect(result.rows[0]?.tariffWarning).toBe('not-in-force');
  });
});
