/**
 * Revenue shares in one currency and the VAT comparison with real rates, on both engines: the precedence
 * of the standard-rate tables, the registry's rate winning with the difference kept, the VAT base, and the
 * share in local currency with both years, both rates and the years warning.
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import type { Country } from '../../../src/domain/country.ts';
import type { NewVintage } from '../../../src/domain/vintage.ts';
import { DEFAULT_OPTIONS } from '../../../src/domain/moratorium/options.ts';
import { MoratoriumService } from '../../../src/app/services/moratorium.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { writeVatRateTables } from '../../fixtures/vat-rates.ts';
import { MORATORIUM_EXPECTED, seedMoratorium, seedVat } from '../../support/moratorium-fixture.ts';
import { ENGINES, freshStoreEach } from '../../support/engines.ts';

const meta = (dataset: string): NewVintage => ({
  dataset,
  source: `source of ${dataset}`,
  format: 'test',
  fileName: null,
  sha256: dataset,
  licence: null,
  sourceUrl: null,
  publishedAt: null,
  note: null,
});
const country = (iso3: string): Country => ({ iso3, iso2: null, m49: null, names: { en: iso3 }, region: null, subregion: null, intermediateRegion: null });

async function setUp(store: Store, o: { fx: boolean }): Promise<MoratoriumService> {
  await store.importVintage(meta('countries'), (w) => w.upsertCountries(['NPL', 'HTI', 'FRA', 'KEN', 'SEN', 'BRA', 'TCA'].map(country)));
  await seedMoratorium(store, { reporter: 'NPL', unrated: 'HTI', revenue: false });
  // Customs revenue 2019: 20% of taxes × taxes 15% of GDP × GDP 40 bn = 1.2 bn US$; government revenue 20% × 40 bn = 8 bn.
  await store.importVintage(meta('revenue'), (w) =>
    w.addObservations([
      { indicator: 'GC.TAX.IMPT.ZS', entity: 'NPL', year: 2019, value: 20 },
      { indicator: 'GC.TAX.TOTL.GD.ZS', entity: 'NPL', year: 2019, value: 15 },
      { indicator: 'GC.REV.XGRT.GD.ZS', entity: 'NPL', year: 2019, value: 20 },
      { indicator: 'NY.GDP.MKTP.CD', entity: 'NPL', year: 2019, value: 40e9 },
      ...(o.fx
        ? [
            { indicator: 'PA.NUS.FCRF', entity: 'NPL', year: 2019, value: 100 },
            { indicator: 'PA.NUS.FCRF', entity: 'NPL', year: 2021, value: 120 },
          ]
        : []),
    ]),
  );
  return new MoratoriumService(new Observatory(store, { today: () => '2026-06-30', versionCheckMs: 0 }));
}

describe.each(ENGINES)('revenue shares and VAT rates ($name)', (engine) => {
  let store: Store;
  freshStoreEach(engine, (s) => (store = s));

  it('computes shares in local currency, each side at its own year’s rate, with both years and a warning', async () => {
    const service = await setUp(store, { fx: true });
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    const row = result.rows.find((r) => r.year === 2022);
    // Duty 2022: 305,000 US$ × 120 NPR (2021, the latest rate not after 2022) against 1.2 bn US$ × 100 NPR (2019).
    expect(row?.shareOfCustoms).toBeCloseTo((305_000 * 120) / (1.2e9 * 100), 12);
    expect(row?.customsShareBasis).toEqual({
      currency: 'local',
      dutyYear: 2022,
      revenueYear: 2019,
      dutyFx: { rate: 120, year: 2021 },
      revenueFx: { rate: 100, year: 2019 },
      yearsApart: 3,
      yearsWarning: true,
      fallback: null,
    });
    expect(row?.shareOfGovernment).toBeCloseTo((305_000 * 120) / (8e9 * 100), 12);
    expect(result.vintages.some((v) => v.dataset === 'revenue')).toBe(true);

    const usd = await service.estimate({ kind: 'country', id: 'NPL' }, { ...DEFAULT_OPTIONS, shareCurrency: 'usd' });
    const usdRow = usd.rows.find((r) => r.year === 2022);
    expect(usdRow?.shareOfCustoms).toBeCloseTo(305_000 / 1.2e9, 12);
    expect(usdRow?.customsShareBasis?.currency).toBe('usd');
    expect(usdRow?.customsShareBasis?.yearsWarning).toBe(true);
  });

  it('falls back to US dollars, saying why, where the exchange rate is missing', async () => {
    const service = await setUp(store, { fx: false });
    const row = (await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS)).rows.find((r) => r.year === 2021);
    expect(row?.shareOfCustoms).toBeCloseTo(MORATORIUM_EXPECTED.mfn[2021] / 1.2e9, 12);
    expect(row?.customsShareBasis?.currency).toBe('usd');
    expect(row?.customsShareBasis?.fallback).toBe('no PA.NUS.FCRF rate in or before 2021');
    expect(row?.customsShareBasis?.yearsApart).toBe(2);
  });

  it('chooses each country’s standard rate by the rank of its source, with its date, and flags disagreement', async () => {
    const service = await setUp(store, { fx: false });
    const paths = writeVatRateTables(mkdtempSync(join(tmpdir(), 'vat-rates-')));
    const shopify = await importFile(store, paths['shopify_worldwide_country_tax_rates.csv']);
    expect(shopify.warnings.join(' ')).toContain('ASC');
    for (const name of ['pwc_wwts_standard_vat_rates_2025-02.csv', 'oecd_ctt_standard_vat_rates_2005_2025.csv', 'vat_manual_additions.csv', 'node_sales_tax_rates_with_history.csv'] as const) {
      expect((await importFile(store, paths[name])).status).toBe('imported');
    }
    expect((await importFile(store, paths['vat_standard_rates_crosswalk.csv'])).status).toBe('skipped');
    const rates = await service.standardRates();
    const brief = (iso3: string) => {
      const r = rates.get(iso3);
      return r && { rate: r.ratePct, source: r.source, asOf: r.asOf, disagree: r.disagree };
    };
    expect(brief('FRA')).toEqual({ rate: 21, source: 'oecd', asOf: '2025-01-01', disagree: true });
    expect(brief('KEN')).toEqual({ rate: 16, source: 'pwc', asOf: '2025-02-03', disagree: true });
    expect(brief('NPL')).toEqual({ rate: 13, source: 'national-law', asOf: '1997-11-16', disagree: false });
    expect(brief('SEN')).toEqual({ rate: 18, source: 'node-sales-tax', asOf: '2020-01-01', disagree: true });
    expect(brief('HTI')).toEqual({ rate: 10, source: 'shopify', asOf: null, disagree: false });
    expect(rates.has('BRA')).toBe(false);
    expect(rates.has('TCA')).toBe(false);
    expect(rates.get('KEN')?.citation).toBe('PwC Worldwide Tax Summaries, VAT rates quick chart (reviewed 2025-02-03)');

    // Without a registry rate, Nepal's VAT uses the table's 13% on the import value: 2,000,000 × 13% in 2021.
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    const fromTable = await service.vatComparison(result);
    expect(fromTable.find((r) => r.year === 2021)?.rate).toMatchObject({ ratePct: 13, origin: 'table', tableRatePct: null, missing: null });
    expect(fromTable.find((r) => r.year === 2021)?.vatRevenueUsd).toBeCloseTo(260_000, 6);

    // The registry's 15% wins over the table's 13%, which is kept beside it.
    await seedVat(store, { reporter: 'NPL', unrated: 'HTI' });
    const rows = await service.vatComparison(result);
    const r2021 = rows.find((r) => r.year === 2021);
    expect(r2021?.rate).toMatchObject({ ratePct: 15, origin: 'registry', tableRatePct: 13, missing: null });
    // Import value, duty excluded (the default): 2,000,000 × 15%; 2,600,000 × 15%.
    expect(r2021?.vatRevenueUsd).toBeCloseTo(300_000, 6);
    expect(rows.find((r) => r.year === 2022)?.vatRevenueUsd).toBeCloseTo(390_000, 6);
    // With the duty in the base: (2,000,000 + 240,000) × 15%; (2,600,000 + 305,000) × 15%.
    const withDuty = await service.vatComparison({ ...result, options: { ...result.options, vatBase: 'with-duty' } });
    expect(withDuty.find((r) => r.year === 2021)?.vatRevenueUsd).toBeCloseTo(MORATORIUM_EXPECTED.vatWithDuty[2021], 6);
    expect(withDuty.find((r) => r.year === 2022)?.vatRevenueUsd).toBeCloseTo(MORATORIUM_EXPECTED.vatWithDuty[2022], 6);
  });

  it('says why there is no VAT where no source gives a rate', async () => {
    const service = await setUp(store, { fx: false });
    await store.importVintage(meta('trade-tca'), (w) =>
      w.addTradeFlows([{ year: 2022, reporter: 'TCA', partner: 'USA', line: '49011000', hs6: '490110', edition: 'HS2022', valueUsd: 1000, quantity: null }]),
    );
    const result = await service.estimate({ kind: 'country', id: 'TCA' }, DEFAULT_OPTIONS);
    const [row] = await service.vatComparison(result);
    expect(row?.vatRevenueUsd).toBeNull();
    expect(row?.rate.missing).toMatch(/^no VAT\/GST rate/);
  });
});
