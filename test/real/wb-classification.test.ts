/**
 * World Bank classifications by fiscal year on the shared data (worldbank-classification-history), and the
 * comparison with the Bank's own regional values only on the same classification.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { sharedData } from './shared-data.ts';

describe('World Bank classifications by fiscal year (shared data)', () => {
  let store: Store;
  let obs: Observatory;
  const warnings = new Map<string, string[]>();
  const notes = new Map<string, string | null>();

  beforeAll(async () => {
    const root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    for (const f of [
      'datasets-country-codes/UNSD-M49-en.csv',
      'worldbank-classification-history/wb_oghist_income_group_history_long.csv',
      'worldbank-classification-history/wb_class_region_income_lending_fy2020_fy2026.csv',
      'datasets-wdi/sp.pop.totl.csv',
      'worldbank-api-csv/API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv',
      'worldbank-api-csv/API_BX.GSR.CCIS.CD_DS2_en_csv_v2_920.csv',
    ]) {
      const r = await importFile(store, join(root, f));
      expect(r.status, f).toBe('imported');
      warnings.set(f, r.warnings);
      notes.set(f, r.vintage?.note ?? null);
    }
    obs = new Observatory(store, { today: () => '2026-01-15' });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it('keeps income groups since FY1989: China and India were low income at the end of 1994 (FY1995)', async () => {
    const ref = await obs.ref();
    const lic1994 = obs.membersOn(ref, 'LIC', '1994-12-31');
    expect(lic1994).toContain('CHN');
    expect(lic1994).toContain('IND');
    expect(lic1994.length).toBeGreaterThan(55);
    expect(obs.membersOn(ref, 'LIC', '2025-12-31')).not.toContain('IND');
    // Ethiopia: low income in OGHIST for FY2026, unclassified in the CLASS release, which prevails.
    expect(obs.membersOn(ref, 'LIC', '2025-12-31')).not.toContain('ETH');
    expect(obs.membersOn(ref, 'LIC', '2025-06-30')).toContain('ETH');
  });

  it('moves Afghanistan and Pakistan from SAS to MEA on 1 July 2025 (FY2026)', async () => {
    const ref = await obs.ref();
    expect(obs.membersOn(ref, 'SAS', '2025-06-30')).toEqual(expect.arrayContaining(['AFG', 'PAK']));
    expect(obs.membersOn(ref, 'SAS', '2025-07-01')).not.toContain('AFG');
    expect(obs.membersOn(ref, 'MEA', '2025-07-01')).toEqual(expect.arrayContaining(['AFG', 'PAK']));
    expect(obs.membersOn(ref, 'SAS', '2018-12-31')).toEqual([]);
  });

  // The internet-use file lost its "Last Updated Date": its country metadata identifies the classification of its
  // aggregates, the regions and income groups of FY2025 (Afghanistan and Pakistan still in South Asia).
  it('identifies the undated internet-use file as FY2025 from its metadata, and compares MEA on FY2025 members', async () => {
    const f = 'worldbank-api-csv/API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv';
    const warning = (warnings.get(f) ?? []).join(' ');
    console.log(`undated internet-use file: ${warning}`);
    expect(warning).toMatch(/taken to use the FY2025 classification, since the regions and income groups of Metadata_Country_API_IT\.NET\.USER\.ZS_DS2_en_csv_v2_2160\.csv are those of FY2025 \(\d+ of \d+ agree; no other fiscal year agrees on as many\)/);
    expect(notes.get(f)).toContain('World Bank aggregates on the FY2025 classification');
    const row = (await obs.aggregateSeries('MEA', 'IT.NET.USER.ZS', { from: 2023, to: 2023 })).rows[0];
    expect(row?.classification).toMatchObject({ basis: 'recomputed', wbFiscalYear: 2025, membersFiscalYear: 2026 });
    expect(row?.classification?.added).toEqual(expect.arrayContaining(['AFG', 'PAK']));
    const onFy2025 = (await obs.aggregateSeries('MEA', 'IT.NET.USER.ZS', { from: 2023, to: 2023, at: '2025-06-30' })).rows[0];
    expect(onFy2025?.classification).toMatchObject({ basis: 'same_members', wbFiscalYear: 2025, membersFiscalYear: 2025 });
    // The file's SAS value ends in 2021.
    const sas = (await obs.aggregateSeries('SAS', 'IT.NET.USER.ZS', { from: 2021, to: 2021 })).rows[0];
    expect(sas?.classification).toMatchObject({ basis: 'recomputed', wbFiscalYear: 2025, membersFiscalYear: 2026 });
    expect(sas?.classification?.removed).toEqual(expect.arrayContaining(['AFG', 'PAK']));
    const fmt = (p: typeof row) => (p?.published && 'observatory' in p.published ? `${p.published.observatory} vs World Bank ${p.published.worldBank}` : 'not compared');
    console.log(`MEA internet use 2023: FY2026 members ${row?.value}; compared ${fmt(row)}; SAS 2021 FY2026 members ${sas?.value}; compared ${fmt(sas)}`);
  });

  it('compares ICT service exports of the FY2026 release on FY2026 members, recomputing on them for FY2025 members', async () => {
    const fy2026 = (await obs.aggregateSeries('MEA', 'BX.GSR.CCIS.CD', { from: 2023, to: 2023, minCoverage: 0 })).rows[0];
    expect(fy2026?.classification).toMatchObject({ basis: 'same_members', wbFiscalYear: 2026, membersFiscalYear: 2026 });
    const fy2025 = (await obs.aggregateSeries('MEA', 'BX.GSR.CCIS.CD', { from: 2023, to: 2023, minCoverage: 0, at: '2025-06-30' })).rows[0];
    expect(fy2025?.classification).toMatchObject({ basis: 'recomputed', wbFiscalYear: 2026, membersFiscalYear: 2025 });
    expect(fy2025?.classification?.removed).toEqual(expect.arrayContaining(['AFG', 'PAK']));
    if (fy2025?.published && fy2026?.published && 'observatory' in fy2025.published && 'observatory' in fy2026.published) {
      expect(fy2025.published.observatory).toBe(fy2026.published.observatory);
    }
    console.log(`MEA ICT exports 2023: FY2026 members ${fy2026?.value}, FY2025 members ${fy2025?.value}, World Bank ${fy2026?.published?.worldBank}`);
  });
});
