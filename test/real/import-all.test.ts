/**
 * Imports the whole shared data folder, as a user (or the first start of the server) would, into a
 * fresh embedded store and once into PostgreSQL, and checks what the Observatory then holds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../src/adapters/importers/folder.ts';
import { importFile, type ImportResult } from '../../src/adapters/importers/import-file.ts';
import { indicatorFromFileName } from '../../src/adapters/sources/long.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { ENGINES } from '../support/engines.ts';
import { sharedData } from './shared-data.ts';

/** Files of known format that are deliberately not imported, and why. */
const SKIPPED_ON_PURPOSE: Record<string, RegExp> = {
  'dieghernan-country-orgs/selected_memberships_derived.csv': /^a subset of dieghernan-country-orgs\/CountrycodesOrgs\.csv, which is imported instead$/,
  'worldbank-findex-2021/findex2021_key_digital_indicators.csv': /^a subset of worldbank-findex-2021\/findex2021_databankwide_country_year\.csv, which is imported instead$/,
  // The tracker's laws, read by the import of its status file.
  'unctad-cyberlaw-tracker/cyberlaw_tracker_document_links.json': /^read with cyberlaw_tracker_status\.csv$/,
  // Its companion data file lost the preamble with the "Last Updated Date"; its regions and income groups are
  // those of FY2025, which the classification history already holds.
  'worldbank-api-csv/Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv': /^no "Last Updated Date" in its companion data file, but the regions and income groups of .* are those of FY2025 .*: that year is held already, nothing to add$/,
  // The pages behind the dated LDC list's notes on the 2026 graduations, summarised in that list.
  'un-ldc-dates/ldc_graduation_2026_evidence.csv': /^pages on the scheduled LDC graduations/,
  // The World Bank's group compositions and region changes: the region and income file says the same.
  'worldbank-classification-history/wb_class_group_compositions_fy2020_fy2026.csv': /^World Bank group compositions/,
  'worldbank-classification-history/wb_region_changes_fy2020_fy2026.csv': /^World Bank region changes/,
  // Built from the PwC, Shopify and node-sales-tax tables of the same folder, which are imported themselves.
  'vat-rates/vat_standard_rates_crosswalk.csv': /^crosswalk of VAT rates/,
  // Recognised layouts that hold nothing the estimator reads line by line.
  'nepal-customs-tariff-stats/nepal_trade_fy2082_83_chapter_totals.csv': /^chapter totals of Nepal's trade/,
  'checkdutyrates-eu-tariff/eu_duty_by_country.csv': /^EU duties summarised per origin country/,
  'hs-correspondence-unsd/HS2017_HS2012_conversion.csv': /^UNSD conversion table/,
  'hs-correspondence-unsd/HS2022_HS2017_conversion.csv': /^UNSD conversion table/,
  'hs-correspondence-unsd/HS2017_to_BEC4_UNSD.csv': /^HS to BEC correspondence/,
  'hs-correspondence-unsd/HS2022_to_BEC4_UNSD.csv': /^HS to BEC correspondence/,
  // The earlier data-protection editions: a table derived from the list of the same edition, and UNCTAD's headline figures.
  'unctad-cyberlaw-history/unctad_DP_status_by_country_fetched_2021-08-04.csv': /^statuses derived from the data-protection list/,
  'unctad-cyberlaw-history/unctad_cyberlaw_aggregate_statements.csv': /^UNCTAD's headline figures per area/,
  // UPU's overall score; the postal reliability component comes with the B2C index's editions.
  'unctad-b2c-index/upu_2ipd_2019.csv': /^UPU's overall postal development score/,
};

/** The earlier editions of the tracker's data-protection area, imported as its history. */
const HISTORY_FILES = [
  'unctad-cyberlaw-history/unctad_DP_laws_list_fetched_2021-08-04.csv',
  'unctad-cyberlaw-history/unctad_DP_laws_list_fetched_2022-02-13.csv',
];

/** The trade, tariff and HS correlation files imported for the moratorium estimator. */
const TRADE_FILES = [
  'africonnect-afcfta-schedules/eac_afcfta_category_a_2026_2030.csv',
  'africonnect-afcfta-schedules/ethiopia_afcfta_category_a_2026_2030.csv',
  'checkdutyrates-us-hts/us_hts_mfn_digitisable_chapters.csv',
  'gss-cogs-uk-eu-tariffs/ukgt_vs_eu_cet_2021_digitisable.csv',
  'hs-correspondence-unsd/HS2017_HS2012_correlation.csv',
  'hs-correspondence-unsd/HS2022_HS2012_correlation.csv',
  'hs-correspondence-unsd/HS2022_HS2017_correlation.csv',
  'itc-trademap-china-imports/china_imports_hs6_digitisable_2001_2019_trademap.csv',
  'nepal-customs-tariff-stats/nepal_customs_tariff_2026_27_digitisable.csv',
  'nepal-customs-tariff-stats/nepal_imports_fy2082_83_digitisable_hs8.csv',
];

/** The published editions of the UNCTAD B2C E-commerce Index, for the readiness index. */
const B2C_FILES = ['unctad-b2c-index/unctad_b2c_index_2019.csv', 'unctad-b2c-index/unctad_b2c_index_2020.csv'];

/** UNCTAD's partial list of eTrade Readiness Assessments, and the implementation reviews' published findings. */
const ETREADY_FILES = ['unctad-etrade-readiness/unctad_etready_list_partial.csv', 'unctad-etrade-readiness/etready_implementation_review_statements.csv'];

/** The quoted progress statements of the Pacific and ECOWAS e-commerce strategies. */
const STRATEGY_FILES = ['regional-ecommerce-strategies/pacific_ecowas_strategy_progress_statements.csv'];

/** Folders whose every CSV file is in a format the Observatory imports. */
const SOURCE_FOLDERS = ['datasets-country-codes', 'datasets-wdi', 'datasets-wdi-fx', 'wits-customs-duties', 'worldbank-api-csv', 'worldbank-classification-history', 'vat-rates'];

/** The data rows of a CSV file without line breaks inside quotes: its non-empty lines after the header. */
function dataRows(path: string): number {
  return readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '').length - 1;
}

/** The counts the tests check, read the same way from either engine. */
async function counts(store: Store, today: string) {
  const obs = new Observatory(store);
  const ref = await obs.ref();
  const members = (id: string, date: string) => obs.membersOn(ref, id, date).length;
  return {
    countries: ref.countries.size,
    ldcToday: members('LDC', today),
    ldcBeforeSaoTomeGraduated: members('LDC', '2024-12-12'),
    sids: members('SIDS', today),
    acp: members('ACP', today),
    wtoListed: obs.listedMembers(ref, 'WTO', today).length,
    wtoCountries: members('WTO', today),
    euInWto: obs.listedMembers(ref, 'WTO', today).includes('EUU'),
    ecowasToday: members('ECOWAS', today),
    ecowasEnd2024: members('ECOWAS', '2024-12-31'),
  };
}

const EXPECTED_COUNTS = {
  countries: 249,
  ldcToday: 44,
  ldcBeforeSaoTomeGraduated: 45,
  sids: 53,
  // The 79 of the OACPS roster and the Maldives (full member from 9 December 2022), from the dated evidence.
  acp: 80,
  wtoListed: 166,
  wtoCountries: 165,
  euInWto: true,
  ecowasToday: 12,
  ecowasEnd2024: 15,
};

// A missing folder fails here, saying where it looked, rather than leaving the suite to report skips.
it('finds the shared data folder', () => {
  expect(existsSync(sharedData())).toBe(true);
});

describe('importing the whole shared data folder into the embedded database', () => {
  let root: string;
  let store: Store;
  let results: ImportResult[];

  beforeAll(async () => {
    root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    results = await importFolder(store, root);
  });

  afterAll(async () => {
    await store?.close();
  });

  it('imports every usable file and says why it skips the others', () => {
    const skipped = results.filter((r) => r.status === 'skipped');
    console.log(`skipped ${skipped.length} files:\n${skipped.map((r) => `  ${r.file}: ${r.reason}`).join('\n')}`);
    expect(results.every((r) => r.status === 'imported' || r.status === 'skipped')).toBe(true);
    for (const r of skipped) {
      const purpose = SKIPPED_ON_PURPOSE[r.file];
      if (purpose) {
        expect(r.reason, r.file).toMatch(purpose);
      } else {
        expect(r.format, r.file).toBeNull();
        expect(r.reason, r.file).toBe(/\.(md|json|ya?ml)$/.test(r.file) ? 'documentation' : 'not a format the Observatory imports');
      }
    }
    expect(skipped.filter((r) => SKIPPED_ON_PURPOSE[r.file]).map((r) => r.file).sort()).toEqual(Object.keys(SKIPPED_ON_PURPOSE).sort());
    const imported = new Set(results.filter((r) => r.status === 'imported').map((r) => r.file));
    const expected = [
      ...SOURCE_FOLDERS.flatMap((f) => readdirSync(join(root, f)).filter((n) => n.endsWith('.csv')).map((n) => `${f}/${n}`)),
      'dieghernan-country-orgs/CountrycodesOrgs.csv',
      'worldbank-findex-2021/findex2021_databankwide_country_year.csv',
      'unctad-cyberlaw-tracker/cyberlaw_tracker_status.csv',
      'un-ldc-dates/un_ldc_inclusion_graduation.csv',
      'oacps-ecowas-membership/oacps_membership_evidence.csv',
      ...HISTORY_FILES,
      ...TRADE_FILES,
      ...B2C_FILES,
      ...ETREADY_FILES,
      ...STRATEGY_FILES,
    ].filter((f) => !SKIPPED_ON_PURPOSE[f]);
    expect([...imported].sort()).toEqual(expected.sort());
    expect(imported.size).toBe(44 + HISTORY_FILES.length + TRADE_FILES.length + B2C_FILES.length + ETREADY_FILES.length + STRATEGY_FILES.length);
    const warnings = results.flatMap((r) => r.warnings);
    console.log(`warnings:\n${warnings.map((w) => `  ${w}`).join('\n')}`);
    // "Fm Sudan", the Sudan before 2011, belongs to neither of today's two States; "Not_Specified" is no country.
    expect(warnings).toEqual([
      // The internet-use file lost its "Last Updated Date": its country metadata identifies its classification.
      'API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv: no "Last Updated Date": its World Bank aggregates are taken to use the FY2025 classification, since the regions and income groups of Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv are those of FY2025 (433 of 433 agree; no other fiscal year agrees on as many)',
      'unctad-cyberlaw-history/unctad_DP_laws_list_fetched_2022-02-13.csv: no Type column, so a title naming a bill or a draft is read as a draft',
      // Kosovo (XKK) and the Netherlands Antilles (ANT), in some VAT tables, are not among the Observatory's countries.
      'node_sales_tax_rates_with_history.csv: 1 territories the Observatory does not know were left out: XKK',
      'pwc_wwts_standard_vat_rates_2025-02.csv: 1 territories the Observatory does not know were left out: XKK',
      'shopify_worldwide_country_tax_rates.csv: 2 territories the Observatory does not know were left out: ANT, XKK',
      'wits_customs_import_duties_pct_tax_revenue.csv: 1 country names not recognised, their values left out: Fm Sudan',
      'wits_taxes_on_international_trade_current_lcu.csv: 1 country names not recognised, their values left out: Fm Sudan',
      'ethiopia_afcfta_category_a_2026_2030.csv: 1 codes read without stray marks around them: line 5405: ‹ 90184100',
      'nepal_imports_fy2082_83_digitisable_hs8.csv: 1 partner names not recognised, their imports left under WLD: Not_Specified',
    ]);
  });

  it('holds the countries and the groups with their official counts', async () => {
    const today = new Observatory(store).today();
    expect(await counts(store, today)).toEqual(EXPECTED_COUNTS);
    const entities = await store.entities();
    expect(entities.filter((e) => e.kind === 'economy').map((e) => e.code)).toEqual(['CHI', 'XKX']);
    expect(entities.find((e) => e.code === 'WLD')).toEqual({ code: 'WLD', name: 'World', kind: 'aggregate' });
  });

  it('stores as many values as each WDI file has rows, in a vintage of its own', async () => {
    const vintages = await store.vintages();
    const files = ['datasets-wdi', 'datasets-wdi-fx'].flatMap((f) =>
      readdirSync(join(root, f)).filter((n) => n.endsWith('.csv')).map((n) => ({ dataset: `${f}/${n}`, path: join(root, f, n) })),
    );
    expect(files).toHaveLength(25);
    const found = [];
    for (const f of files) {
      const vintage = vintages.find((v) => v.dataset === f.dataset);
      const code = indicatorFromFileName(f.path);
      const stored = vintage ? (await store.observations({ indicators: [code], vintageId: vintage.id })).length : null;
      found.push({ dataset: f.dataset, rows: dataRows(f.path), rowCount: vintage?.rowCount, stored });
    }
    expect(found).toEqual(found.map((f) => ({ dataset: f.dataset, rows: f.rows, rowCount: f.rows, stored: f.rows })));
  });

  it('finds everything unchanged when the folder is imported again', async () => {
    const version = await store.dataVersion();
    const vintages = await store.vintages();
    const again = await importFolder(store, root);
    const notSkipped = again.filter((r) => r.status !== 'skipped');
    expect(notSkipped).toHaveLength(44 + HISTORY_FILES.length + TRADE_FILES.length + B2C_FILES.length + ETREADY_FILES.length + STRATEGY_FILES.length);
    expect(notSkipped.filter((r) => r.status !== 'unchanged').map((r) => r.file)).toEqual([]);
    expect(await store.dataVersion()).toBe(version);
    expect(await store.vintages()).toEqual(vintages);
  });

  describe('and into PostgreSQL', () => {
    const postgres = ENGINES.find((e) => e.name === 'postgres');
    let pgStore: Store;
    let dispose: () => Promise<void> = async () => undefined;

    beforeAll(async () => {
      if (!postgres) throw new Error('no PostgreSQL engine in test/support/engines.ts');
      ({ store: pgStore, dispose } = await postgres.open());
      await importFolder(pgStore, root);
    });

    afterAll(async () => {
      await dispose();
    });

    it('holds the same countries, memberships, counts and values', async () => {
      const today = new Observatory(store).today();
      expect(await counts(pgStore, today)).toEqual(EXPECTED_COUNTS);
      expect(await pgStore.countries()).toEqual(await store.countries());
      const spans = async (s: Store) => (await s.memberships()).map((m) => [m.groupId, m.iso3, m.status, m.from, m.to]);
      expect(await spans(pgStore)).toEqual(await spans(store));
      const summary = async (s: Store) => {
        const out = [];
        for (const i of await s.indicators()) {
          const rows = await s.observations({ indicators: [i.code] });
          out.push({ code: i.code, observations: rows.length, total: rows.reduce((a, o) => a + o.value, 0), first: i.firstYear, last: i.lastYear });
        }
        return out;
      };
      const a = await summary(store);
      const b = await summary(pgStore);
      expect(b.map(({ total: _t, ...rest }) => rest)).toEqual(a.map(({ total: _t, ...rest }) => rest));
      for (const [k, x] of a.entries()) expect(Math.abs((b[k]?.total ?? NaN) - x.total), x.code).toBeLessThanOrEqual(Math.abs(x.total) * 1e-12);
      expect(a.length).toBeGreaterThan(30);
    });
  });

  // Last: it adds to the embedded store what the PostgreSQL comparison above does not import.
  it('imports the FY2025 classification when told its fiscal year, ending it where FY2026 begins', async () => {
    const path = join(root, 'worldbank-api-csv', 'Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv');
    const r = await importFile(store, path, { fiscalYear: 2025 });
    expect(r.vintage?.note).toBe('classification for fiscal year 2025');
    const obs = new Observatory(store);
    const ref = await obs.ref();
    const sizes = (date: string) => Object.fromEntries(['LIC', 'LMC', 'UMC', 'HIC', 'SAS', 'MEA', 'SSF'].map((g) => [g, obs.membersOn(ref, g, date).length]));
    // FY2025: 26 low, 51 lower-middle, 54 upper-middle, 85 high income; Afghanistan and Pakistan in South Asia.
    expect(sizes('2025-06-30')).toEqual({ LIC: 26, LMC: 51, UMC: 54, HIC: 85, SAS: 8, MEA: 21, SSF: 48 });
    expect(sizes('2025-07-01')).toEqual({ LIC: 25, LMC: 50, UMC: 54, HIC: 86, SAS: 6, MEA: 23, SSF: 48 });
    expect(obs.membersOn(ref, 'LIC', '2025-06-30')).toContain('ETH');
    expect(obs.membersOn(ref, 'LIC', '2025-07-01')).not.toContain('ETH');
    const pakistan = (await store.memberships({ iso3: 'PAK' })).filter((m) => m.groupId === 'SAS' || m.groupId === 'MEA');
    expect(pakistan.map((m) => [m.groupId, m.from, m.to])).toEqual([
      ['MEA', '2025-07-01', null],
      // South Asia since FY2020, the first year of the release files (worldbank-classification-history).
      ['SAS', '2019-07-01', '2025-07-01'],
    ]);
  });
});
