/**
 * The product lists, the procurement flag and the reasons for missing figures on the real files: Nepal's
 * imports of FY 2082/83 by national line with its 2026/27 tariff, and China's imports from Trade Map, which
 * come without any tariff. The narrow default is checked against the sum worked out here from the files.
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
import { estimateJson } from '../../src/app/questions/moratorium-present.ts';
import { linesTable, resultsTable } from '../../src/app/services/moratorium-tables.ts';
import { MoratoriumService } from '../../src/app/services/moratorium.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { parseCsv } from '../support/csv.ts';
import { sharedData } from './shared-data.ts';

const FOLDERS = [
  'datasets-country-codes', 'dieghernan-country-orgs', 'datasets-wdi-fx', 'datasets-wdi', 'wits-customs-duties', 'nepal-customs-tariff-stats',
  'itc-trademap-china-imports', 'hs-correspondence-unsd',
];

let root: string;
let store: Store;
let obs: Observatory;
let service: MoratoriumService;

/** The narrow default, priced as the hand computation below prices it: MFN, national lines rolled up to HS6 by simple average. */
const NARROW: EstimateOptions = { ...DEFAULT_OPTIONS, tariff: 'mfn', rollup: 'simple' };
const BROAD: EstimateOptions = { ...NARROW, list: 'digitisable-hs2022' };

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
  obs = new Observatory(store, { today: () => '2026-11-27', versionCheckMs: 0 });
  service = new MoratoriumService(obs);
}, 600_000);

afterAll(async () => {
  await store?.close();
});

/**
 * The revenue worked out from the two Nepal files for a set of HS6 lines: each national line's imports in
 * NPR thousand × 1000 / the World Bank's NPR per USD of 2025 (the latest not after 2026, 139.115…), times
 * the simple average of the MFN rates of the tariff's national lines of its HS6 ("Free" = 0), summed.
 *
 * By hand for the narrow list (NPR thousand → USD at 139.1154; rate; revenue):
 *   3706.10 film ≥35 mm   310,914 → 2,234,935 × 5%            = 111,747
 *   3706.90 film <35 mm       103 →       740 × 5%            =      37
 *   4901.10 books         448,828 → 3,226,299 × 10%           = 322,630
 *   4901.91 dictionaries    1,374 →     9,877 × 10%           =     988
 *   4901.99 books, nes    562,944 → 4,046,596 × 10%           = 404,660
 *   4902.10/90 newspapers   8,842 →    63,558 × Free          =       0
 *   4903.00 children's     12,609 →    90,637 × 10%           =   9,064
 *   4905.20/90 maps         7,491 →    53,848 × 10%           =   5,385
 *   8523.29/49/80 recorded media  → 21,810,461 × Free (2026/27) =     0
 *   9504.50 video-game consoles 26,294 → 189,008 × 10%        =  18,901
 *   total                                                       ≈ 873,410
 * The broad list adds, among others, 4907.00 (passports 1,889,679 and excise stickers 493,912 NPR thousand,
 * US$17.27 m at the mean of its rates, 0, 15 × 7 → 13.125%: 2,267,338) and 4911.99 (US$2.40 m).
 */
function expectedRevenue(lines: ReadonlySet<string>): { revenueUsd: number; byHs6: Map<string, number>; rate: number } {
  const fx = rows('datasets-wdi-fx', 'pa.nus.fcrf.csv').filter((r) => r['Country Code'] === 'NPL' && Number(r.Year) <= 2026);
  const latest = fx.reduce((a, r) => (Number(r.Year) > Number(a?.Year) ? r : a), fx[0]);
  const rate = Number(latest?.Value);
  const rates = new Map<string, number[]>();
  for (const t of rows('nepal-customs-tariff-stats', 'nepal_customs_tariff_2026_27_digitisable.csv')) {
    const mfn = (t.duty_general_mfn_pct ?? '').trim();
    if (mfn === '') continue;
    const value = /^free$/i.test(mfn) ? 0 : Number(mfn);
    rates.set(t.hs6 as string, [...(rates.get(t.hs6 as string) ?? []), value]);
  }
  const byHs6 = new Map<string, number>();
  for (const m of rows('nepal-customs-tariff-stats', 'nepal_imports_fy2082_83_digitisable_hs8.csv')) {
    if (!lines.has(m.hs6 as string)) continue;
    const usd = (Number(m.import_value_npr_thousand) * 1000) / rate;
    const r = rates.get(m.hs6 as string);
    if (!r?.length) continue;
    byHs6.set(m.hs6 as string, (byHs6.get(m.hs6 as string) ?? 0) + (usd * r.reduce((a, b) => a + b, 0)) / r.length / 100);
  }
  return { revenueUsd: [...byHs6.values()].reduce((a, b) => a + b, 0), byHs6, rate };
}

/** A national line's key, as the duty base states it: the code's digits, less the pairs of zeros ending it after the sixth. */
const lineKey = (code: string) => {
  const digits = code.replace(/\D/g, '');
  return digits.length > 6 ? digits.slice(0, 6) + digits.slice(6).replace(/(00)+$/, '') : digits;
};

/**
 * The default's revenue worked out from the files: each national line of the imports priced at the MFN rate of
 * the tariff line with the same key ("8523.49.10" and 85234910; "3706.10" and 37061000), averaged where the
 * schedule writes a line twice; an import line the schedule does not have takes its HS6's rate weighted by
 * Nepal's imports of each of the schedule's lines (the simple average where none is imported).
 */
function expectedLineLevel(lines: ReadonlySet<string>, rate: number): { revenueUsd: number; byLine: number; rolledUp: number } {
  const imports = rows('nepal-customs-tariff-stats', 'nepal_imports_fy2082_83_digitisable_hs8.csv').map((m) => ({
    hs6: m.hs6 as string,
    key: lineKey(m.hs8 as string),
    usd: (Number(m.import_value_npr_thousand) * 1000) / rate,
  }));
  const weight = new Map<string, number>();
  for (const m of imports) weight.set(m.key, (weight.get(m.key) ?? 0) + m.usd);
  const byKey = new Map<string, number[]>();
  const byHs6 = new Map<string, { key: string; rate: number }[]>();
  for (const t of rows('nepal-customs-tariff-stats', 'nepal_customs_tariff_2026_27_digitisable.csv')) {
    const mfn = (t.duty_general_mfn_pct ?? '').trim();
    if (mfn === '') continue;
    const value = /^free$/i.test(mfn) ? 0 : Number(mfn);
    const key = lineKey(t.hs_code_as_published as string);
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
    byHs6.set(t.hs6 as string, [...(byHs6.get(t.hs6 as string) ?? []), { key, rate: value }]);
  }
  let revenueUsd = 0;
  let byLine = 0;
  let rolledUp = 0;
  for (const m of imports) {
    if (!lines.has(m.hs6)) continue;
    const own = byKey.get(m.key);
    const schedule = byHs6.get(m.hs6);
    if (own?.length) {
      revenueUsd += (m.usd * own.reduce((a, b) => a + b, 0)) / own.length / 100;
      byLine += m.usd;
    } else if (schedule?.length) {
      const w = schedule.reduce((a, l) => a + (weight.get(l.key) ?? 0), 0);
      const r = w > 0 ? schedule.reduce((a, l) => a + l.rate * (weight.get(l.key) ?? 0), 0) / w : schedule.reduce((a, l) => a + l.rate, 0) / schedule.length;
      revenueUsd += (m.usd * r) / 100;
      rolledUp += m.usd;
    }
  }
  return { revenueUsd, byLine, rolledUp };
}

const linesOf = (id: string) => new Set(BUILT_IN_LISTS.find((l) => l.id === id)?.lines);

describe('Nepal: the narrow list by default, the broad list of the studies as an option', () => {
  it('estimates the narrow default as the hand computation: about US$873,410', async () => {
    const expected = expectedRevenue(linesOf('digitisable-narrow-hs2022'));
    expect(expected.rate).toBeCloseTo(139.1154, 3);
    expect(expected.revenueUsd).toBeCloseTo(873_410.26, 1);
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, NARROW);
    expect(result.list.id).toBe('digitisable-narrow-hs2022');
    expect(result.rows[0]?.revenueUsd).toBeCloseTo(expected.revenueUsd, 0);
    for (const [hs6, revenue] of expected.byHs6) expect(result.lines.find((l) => l.hs6 === hs6)?.revenueUsd ?? 0, hs6).toBeCloseTo(revenue, 0);
    // Nothing of the narrow list is flagged as procurement.
    expect(estimateJson(result, await obs.ref(), true).procurement).toEqual([]);
  });

  it('prices the default (narrow list, each national line at its own rate) as the line-level sum worked out from the files', async () => {
    const { rate } = expectedRevenue(new Set());
    const expected = expectedLineLevel(linesOf('digitisable-narrow-hs2022'), rate);
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    expect(result.options.list).toBe('digitisable-narrow-hs2022');
    expect(result.options.rollup).toBe('line');
    console.log(
      `Nepal, default options: US$${expected.revenueUsd.toFixed(2)} by hand, US$${result.rows[0]?.revenueUsd?.toFixed(2)} estimated; ` +
        `imports priced at their own line US$${expected.byLine.toFixed(0)}, rolled up to HS6 US$${expected.rolledUp.toFixed(0)}`,
    );
    expect(result.rows[0]?.revenueUsd).toBeCloseTo(expected.revenueUsd, 0);
    const pricedByLine = result.lines.reduce((a, l) => a + l.pricedByLineUsd, 0);
    expect(pricedByLine).toBeCloseTo(expected.byLine, 0);
  });

  it('estimates the broad list at US$6.88 m, a third of it on heading 4907, which is flagged with the passports and excise stickers', async () => {
    const expected = expectedRevenue(linesOf('digitisable-hs2022'));
    expect(expected.revenueUsd).toBeCloseTo(6_879_112.31, 1);
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, BROAD);
    expect(result.rows[0]?.revenueUsd).toBeCloseTo(expected.revenueUsd, 0);
    const json = estimateJson(result, await obs.ref(), true);
    expect(json.procurement.map((p) => p.hs6)).toEqual(['490700']);
    const stamps = json.procurement[0];
    expect(stamps?.revenueUsd).toBeCloseTo(expected.byHs6.get('490700') ?? 0, 0);
    expect(stamps?.shareOfRevenue).toBeGreaterThan(0.32);
    expect(stamps?.shareOfRevenue).toBeLessThan(0.34);
    expect(stamps?.flag.nationalLines.map((l) => `${l.line} ${l.description}`)).toEqual(
      expect.arrayContaining(['49070040 Passport', '49070050 Excise tickets (Sticker)']),
    );
    // Passports alone: 1,889,679 NPR thousand = US$13.6 m.
    const passports = rows('nepal-customs-tariff-stats', 'nepal_imports_fy2082_83_digitisable_hs8.csv').find((r) => r.hs8 === '49070040');
    expect((Number(passports?.import_value_npr_thousand) * 1000) / expected.rate).toBeCloseTo(13_583_600, -3);
    const lines = linesTable(result, (x) => x);
    const flagged = lines.rows.filter((r) => r[lines.header.indexOf('procurement')]);
    expect(flagged.map((r) => r[lines.header.indexOf('hs6')])).toEqual(['490700']);
    expect(String(flagged[0]?.[lines.header.indexOf('procurement')])).toContain('49070040 Passport');
  });

  it('says that the bound measure has no tariff for Nepal, not "no data"', async () => {
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, { ...NARROW, tariff: 'bound' });
    const json = estimateJson(result, await obs.ref(), true);
    expect(json.rows[0]?.revenueUsd).toBeNull();
    expect(json.rows[0]?.missing.revenueUsd).toMatchObject({ code: 'no-tariff', measure: 'bound' });
  });
});

describe('China: imports without a tariff', () => {
  it('says no tariff for every year with imports, and no correlation for the years in editions without a table', async () => {
    const result = await service.estimate({ kind: 'country', id: 'CHN' }, NARROW);
    const json = estimateJson(result, await obs.ref(), false);
    expect(json.rows.length).toBeGreaterThan(0);
    for (const r of json.rows) {
      expect(r.revenueUsd).toBeNull();
      expect(r.missing.revenueUsd, String(r.year)).toMatchObject({ code: 'no-tariff', measure: 'mfn' });
    }
    const table = resultsTable(result, (x) => x);
    const why = new Set(table.rows.map((r) => r[table.header.indexOf('revenue_missing')]));
    expect([...why]).toEqual(['no-tariff mfn']);
    // Trade Map's years before 2012 are in HS 1996 to 2007; no correlation from HS 2022 to them is stored.
    const editions = json.absences.map((a) => a.edition);
    expect(editions.length).toBeGreaterThan(0);
    for (const a of json.absences) {
      expect(a.reason).toMatchObject({ code: 'no-correlation', from: 'HS2022', to: a.edition });
      expect(a.lastYear).toBeLessThan(2012);
    }
    expect(json.notes.some((n) => n.includes('no HS correlation between HS2022 (the list) and'))).toBe(true);
  });
});
