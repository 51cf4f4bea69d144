/**
 * Imports the real trade, tariff and HS correlation files of the shared data folder into a fresh embedded
 * store, after the countries, groups and exchange rates they need, and checks facts their PROVENANCE.md
 * states: Nepal's line sums equal its chapter totals, China's 2019 imports of 8523 from the world, the EAC
 * and US rates quoted there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReference, planFolder } from '../../src/adapters/importers/folder.ts';
import { importFile, type ImportResult } from '../../src/adapters/importers/import-file.ts';
import { tradeContext } from '../../src/adapters/importers/trade.ts';
import { fileChunks } from '../../src/adapters/sources/csv.ts';
import { readAfcftaSchedule } from '../../src/adapters/sources/trade/afcfta.ts';
import { collectTrade } from '../../src/adapters/sources/trade/cells.ts';
import { readNepalImports, readNepalTariff } from '../../src/adapters/sources/trade/nepal.ts';
import { readUkEuTariffs } from '../../src/adapters/sources/trade/uk-eu-tariffs.ts';
import { readUsHts } from '../../src/adapters/sources/trade/us-hts.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { EstimateRequest, Store } from '../../src/adapters/storage/store.ts';
import type { HsEdition } from '../../src/domain/moratorium/hs.ts';
import { sharedData } from './shared-data.ts';

/** The folders imported: what the trade files need first, then the trade files themselves. */
const FOLDERS = [
  'datasets-country-codes',
  'dieghernan-country-orgs',
  'datasets-wdi-fx',
  'nepal-customs-tariff-stats',
  'itc-trademap-china-imports',
  'africonnect-afcfta-schedules',
  'checkdutyrates-us-hts',
  'gss-cogs-uk-eu-tariffs',
  'checkdutyrates-eu-tariff',
  'hs-correspondence-unsd',
];

/** The rows of a CSV file without quoted line breaks, as objects by header. */
function csvRecords(path: string): Record<string, string>[] {
  const [head = '', ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const split = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const names = split(head);
  return lines.map((l) => {
    const f = split(l);
    return Object.fromEntries(names.map((n, i) => [n, f[i] ?? '']));
  });
}

/** Imports by reporter and year of a list of HS6 lines (factor 1): the estimator's own sum of the stored flows. */
async function importsOf(store: Store, reporter: string, year: number, edition: HsEdition, hs6: readonly string[]): Promise<number> {
  const request: EstimateRequest = {
    reporters: [reporter],
    from: year,
    to: year,
    measure: 'mfn',
    rollup: 'simple',
    elasticity: 0,
    factors: hs6.map((h) => ({ edition, hs6: h, factor: 1, match: 'exact' })),
    lines: false,
  };
  const estimate = await store.estimateDuties(request);
  return estimate.rows.reduce((a, r) => a + r.importsUsd, 0);
}

describe('the real trade, tariff and correlation files', () => {
  let root: string;
  let store: Store;
  let results: ImportResult[];

  beforeAll(async () => {
    root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    await ensureReference(store);
    const plan = (await planFolder(root)).filter((p) => FOLDERS.some((f) => p.label.startsWith(`${f}/`)));
    results = [];
    for (const p of plan) {
      if (p.skip) results.push({ file: p.label, dataset: p.label, format: p.format, status: 'skipped', vintage: null, reason: p.skip, warnings: [] });
      else results.push(await importFile(store, p.path, { label: p.label }));
    }
  }, 300_000);

  afterAll(async () => {
    await store?.close();
  });

  const result = (file: string) => {
    const r = results.find((x) => x.file === file);
    if (!r) throw new Error(`no result for ${file}`);
    return r;
  };

  it('imports every trade, tariff and correlation file, and says why it skips the others', () => {
    const imported = (folder: string) => results.filter((r) => r.file.startsWith(`${folder}/`) && r.status === 'imported').map((r) => r.file.split('/')[1]);
    expect(imported('nepal-customs-tariff-stats')).toEqual(['nepal_customs_tariff_2026_27_digitisable.csv', 'nepal_imports_fy2082_83_digitisable_hs8.csv']);
    expect(imported('itc-trademap-china-imports')).toEqual(['china_imports_hs6_digitisable_2001_2019_trademap.csv']);
    expect(imported('africonnect-afcfta-schedules').sort()).toEqual(['eac_afcfta_category_a_2026_2030.csv', 'ethiopia_afcfta_category_a_2026_2030.csv']);
    expect(imported('checkdutyrates-us-hts')).toEqual(['us_hts_mfn_digitisable_chapters.csv']);
    expect(imported('gss-cogs-uk-eu-tariffs')).toEqual(['ukgt_vs_eu_cet_2021_digitisable.csv']);
    expect(imported('hs-correspondence-unsd').sort()).toEqual([
      'HS2017_HS2012_correlation.csv',
      'HS2022_HS2012_correlation.csv',
      'HS2022_HS2017_correlation.csv',
    ]);
    expect(result('nepal-customs-tariff-stats/nepal_trade_fy2082_83_chapter_totals.csv').reason).toMatch(/^chapter totals/);
    expect(result('checkdutyrates-eu-tariff/eu_duty_by_country.csv').reason).toMatch(/per origin country/);
    expect(result('hs-correspondence-unsd/HS2022_HS2017_conversion.csv').reason).toMatch(/^UNSD conversion table/);
    expect(result('hs-correspondence-unsd/HS2022_to_BEC4_UNSD.csv').reason).toMatch(/^HS to BEC/);
    const warnings = results.flatMap((r) => r.warnings);
    console.log(`warnings:\n${warnings.map((w) => `  ${w}`).join('\n')}`);
    // "Not_Specified" is no country; every real partner name is recognised.
    expect(warnings.filter((w) => w.startsWith('nepal_imports'))).toEqual([
      'nepal_imports_fy2082_83_digitisable_hs8.csv: 1 partner names not recognised, their imports left under WLD: Not_Specified',
    ]);
    expect(warnings.filter((w) => w.startsWith('ethiopia'))).toEqual([
      'ethiopia_afcfta_category_a_2026_2030.csv: 1 codes read without stray marks around them: line 5405: ‹ 90184100',
    ]);
  });

  it('converts Nepal\'s imports at the 2025 rate and keeps every line\'s total: chapter sums equal the published chapter totals', async () => {
    // The lines are rounded to the thousand one by one: their sums differ from the chapter totals by that rounding only.
    const r = result('nepal-customs-tariff-stats/nepal_imports_fy2082_83_digitisable_hs8.csv');
    expect(r.vintage?.note).toContain('NPR converted at 139.12 per USD (World Bank PA.NUS.FCRF, 2025)');
    const rate = (await tradeContext(store)).usdRate('NPL', 2026);
    expect(rate?.year).toBe(2025);
    const lines = csvRecords(join(root, 'nepal-customs-tariff-stats', 'nepal_imports_fy2082_83_digitisable_hs8.csv'));
    const chapters = csvRecords(join(root, 'nepal-customs-tariff-stats', 'nepal_trade_fy2082_83_chapter_totals.csv'));
    for (const chapter of ['37', '49', '97']) {
      const inChapter = lines.filter((l) => l.hs6?.startsWith(chapter));
      const hs6 = [...new Set(inChapter.map((l) => l.hs6 ?? ''))];
      const npr = ((await importsOf(store, 'NPL', 2026, 'HS2022', hs6)) * (rate?.rate ?? NaN)) / 1000;
      expect(npr, `chapter ${chapter}`).toBeCloseTo(inChapter.reduce((a, l) => a + Number(l.import_value_npr_thousand), 0), 3);
      const published = Number(chapters.find((c) => c.hs_chapter === chapter && c.fiscal_year_bs === '2082/83')?.imports_npr_thousand);
      expect(Math.abs(npr - published), `chapter ${chapter}`).toBeLessThanOrEqual(0.5 * inChapter.length);
    }
    // Partner rows plus the remainder: the file's own total, partner by partner.
    const { flows } = await collectTrade(
      readNepalImports(fileChunks(join(root, 'nepal-customs-tariff-stats', 'nepal_imports_fy2082_83_digitisable_hs8.csv')), 'nepal', await tradeContext(store), { year: 2026 }),
    );
    // The first line of the file, split by the partners it lists; what they leave over stays under WLD.
    const first = lines[0];
    const iso3 = new Map(Object.entries({ China: 'CHN', Belgium: 'BEL', Japan: 'JPN', 'United States': 'USA', India: 'IND', 'United Arab Emirates': 'ARE' }));
    const expected: Record<string, number> = {};
    let listed = 0;
    for (const part of (first?.top_partners_value_npr_thousand ?? '').split(';')) {
      const [name = '', value = ''] = part.split('=').map((x) => x.trim());
      expected[iso3.get(name) ?? name] = Number(value);
      listed += Number(value);
    }
    expected.WLD = Number(first?.import_value_npr_thousand) - listed;
    const x = flows.filter((f) => f.line === first?.hs8);
    expect(Object.fromEntries(x.map((f) => [f.partner, Math.round((f.valueUsd * (rate?.rate ?? NaN)) / 1000)]))).toEqual(expected);
  });

  it('reads Nepal\'s tariff: books 10 % MFN and 5 % SAFTA, the blank rate of 9701.99 as no rate', async () => {
    const { tariffs } = await collectTrade(readNepalTariff(fileChunks(join(root, 'nepal-customs-tariff-stats', 'nepal_customs_tariff_2026_27_digitisable.csv')), 'tariff', { year: 2027 }));
    const rate = (line: string, regime: string) => tariffs.find((t) => t.line === line && t.regime === regime)?.rate;
    expect([rate('49011000', 'mfn'), rate('49011000', 'pref')]).toEqual([10, 5]);
    expect([rate('49021000', 'mfn'), rate('85232100', 'mfn'), rate('95045000', 'mfn'), rate('95044000', 'mfn')]).toEqual([0, 5, 10, 30]);
    expect(rate('970199', 'mfn')).toBeNull();
    const coverage = (await store.tradeCoverage()).find((c) => c.reporter === 'NPL');
    expect(coverage?.tariffYears).toEqual([2027]);
    expect(coverage?.edition).toBe('HS2022');
  });

  it('splits China\'s imports into India and the rest of the world: 8523 from the world in 2019 is 4,709,364 thousand USD', async () => {
    const codes = [...new Set(csvRecords(join(root, 'itc-trademap-china-imports', 'china_imports_hs6_digitisable_2001_2019_trademap.csv')).map((r) => r.hs6 ?? ''))];
    const under = (prefix: string) => codes.filter((h) => h.startsWith(prefix));
    expect(await importsOf(store, 'CHN', 2019, 'HS2017', under('8523'))).toBeCloseTo(4_709_364_000, 0);
    expect(await importsOf(store, 'CHN', 2019, 'HS2017', under('37'))).toBeCloseTo(2_708_183_000, 0);
    expect(await importsOf(store, 'CHN', 2019, 'HS2017', under('49'))).toBeCloseTo(2_361_679_000, 0);
  });

  it('applies the EAC schedule to every EAC partner state: 8523.21.90 at 25 % MFN, 10 % AfCFTA in 2026', async () => {
    const context = await tradeContext(store);
    const eac = context.members('EAC', 2026);
    expect(eac).toEqual(expect.arrayContaining(['BDI', 'KEN', 'RWA', 'TZA', 'UGA']));
    const { tariffs, schemes } = await collectTrade(
      readAfcftaSchedule(fileChunks(join(root, 'africonnect-afcfta-schedules', 'eac_afcfta_category_a_2026_2030.csv')), 'eac', context, { reporters: eac }),
    );
    const lines = tariffs.filter((t) => t.line === '85232190' && t.reporter === 'KEN');
    expect(lines.filter((t) => t.year === 2026).map((t) => [t.regime, t.scheme, t.rate])).toEqual([
      ['mfn', null, 25],
      ['pref', 'AfCFTA', 10],
    ]);
    expect(lines.filter((t) => t.regime === 'mfn').map((t) => t.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(schemes.map((s) => s.partner)).toEqual(expect.arrayContaining(['ETH', 'KEN', 'NGA', 'ZAF']));
    const v = result('africonnect-afcfta-schedules/eac_afcfta_category_a_2026_2030.csv').vintage;
    expect(v?.note).toContain('African Union');
    expect(v?.rowCount).toBe(5096 * 5 * 2 * eac.length + schemes.length);
  });

  it('counts Ethiopia\'s lines without a base rate as without an MFN rate', async () => {
    const { tariffs, summary } = await collectTrade(
      readAfcftaSchedule(fileChunks(join(root, 'africonnect-afcfta-schedules', 'ethiopia_afcfta_category_a_2026_2030.csv')), 'eth', await tradeContext(store), { reporters: ['ETH'] }),
    );
    expect(summary.rows).toBe(5720);
    expect(summary.withoutBase).toBe(2560);
    expect(tariffs.find((t) => t.line === '85232100' && t.regime === 'mfn')?.rate).toBeNull();
  });

  it('reads the US HTS: 3701.10 at 3.7 % MFN, Free under the FTAs, 3.1 % on 3703.10.60', async () => {
    const { tariffs, schemes, summary } = await collectTrade(readUsHts(fileChunks(join(root, 'checkdutyrates-us-hts', 'us_hts_mfn_digitisable_chapters.csv')), 'hts', { year: 2026 }));
    expect(summary.rows).toBe(108);
    expect(summary.unknownProgrammes).toEqual([]);
    const of = (line: string) => tariffs.filter((t) => t.line === line);
    expect(of('37011000').find((t) => t.regime === 'mfn')?.rate).toBe(3.7);
    expect(of('37011000').find((t) => t.scheme === 'US-FTA-AU')?.rate).toBe(0);
    expect(of('3703106000').find((t) => t.regime === 'mfn')?.rate).toBe(3.1);
    expect(tariffs.filter((t) => t.regime === 'mfn' && t.rate === 0)).toHaveLength(84);
    expect(schemes.filter((s) => s.scheme === 'US-CAFTA-DR').map((s) => s.partner).sort()).toEqual(['CRI', 'DOM', 'GTM', 'HND', 'NIC', 'SLV']);
    expect(schemes.filter((s) => s.scheme === 'US-GSP' || s.scheme === 'US-AGOA')).toEqual([]);
  });

  it('reads the CET for 2020 (EU-27 and the United Kingdom) and the UK Global Tariff for 2021', async () => {
    const { tariffs } = await collectTrade(readUkEuTariffs(fileChunks(join(root, 'gss-cogs-uk-eu-tariffs', 'ukgt_vs_eu_cet_2021_digitisable.csv')), 'uk'));
    const playing = tariffs.filter((t) => t.line.startsWith('950440'));
    expect(new Set(playing.filter((t) => t.year === 2020).map((t) => t.rate))).toEqual(new Set([2.7]));
    expect(playing.filter((t) => t.year === 2021).map((t) => [t.reporter, t.rate])).toEqual([['GBR', 2]]);
    expect(new Set(tariffs.filter((t) => t.year === 2020).map((t) => t.reporter)).size).toBe(28);
    expect(tariffs.filter((t) => t.year === 2021)).toHaveLength(95);
  });

  it('stores the UNSD correlation links: the HS2022 e-waste codes link n:n to 8523', async () => {
    const links = await store.hsLinks('HS2022', 'HS2017');
    expect(links).toHaveLength(csvRecords(join(root, 'hs-correspondence-unsd', 'HS2022_HS2017_correlation.csv')).length);
    const ewaste = links.filter((l) => l.fromCode === '854921');
    expect(ewaste.map((l) => l.toCode)).toEqual(expect.arrayContaining(['852321', '852380']));
    expect(new Set(ewaste.map((l) => l.relationship))).toEqual(new Set(['n:n']));
  });
});
