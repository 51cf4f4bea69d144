/**
 * A small trade and tariff vintage with figures worked out by hand, for the estimator's pages, API and CLI:
 * one reporter with imports of three listed lines (and one without a rate) in 2021 and 2022, priced by a
 * 2022 schedule; a second reporter with imports but no schedule; revenue series for 2022.
 */
import type { Store } from '../../src/adapters/storage/store.ts';
import type { NewVintage, Vintage } from '../../src/domain/vintage.ts';

const meta = (dataset: string, source: string): NewVintage => ({
  dataset,
  source,
  format: 'test',
  fileName: `${dataset.replace(/\W+/g, '-')}.csv`,
  sha256: `moratorium-${dataset}`,
  licence: 'CC-BY-4.0',
  sourceUrl: null,
  publishedAt: '2025-03-01',
  note: null,
});

export interface MoratoriumSeeded {
  trade: Vintage;
  tariffs: Vintage;
  revenue: Vintage | null;
}

/**
 * What the estimates come to (USD), by hand. The 2022 schedule: 4901.10 bound 15%, MFN 10%, SAFTA 5%;
 * 8523.49 bound 20%, MFN 5%; 9504.50 bound 30%, MFN 20%, SAFTA 10%; 3704.00 without a rate. IND is in SAFTA.
 */
export const MORATORIUM_EXPECTED = {
  imports: { 2021: 2_000_000, 2022: 2_600_000 },
  importsRated: { 2021: 2_000_000, 2022: 2_500_000 },
  /** MFN: 1,000,000 × 10% + 400,000 × 5% + 600,000 × 20%; 1,200,000 × 10% + 500,000 × 5% + 800,000 × 20%. */
  mfn: { 2021: 240_000, 2022: 305_000 },
  /** Bound: 1,000,000 × 15% + 400,000 × 20% + 600,000 × 30%; 1,200,000 × 15% + 500,000 × 20% + 800,000 × 30%. */
  bound: { 2021: 410_000, 2022: 520_000 },
  /** Applied: the Indian games at the SAFTA rate, 10%: 2022 = 120,000 + 25,000 + 80,000. */
  applied: { 2021: 180_000, 2022: 225_000 },
  /** Carrier valuation (0.1 of 8523.49): 2022 = 120,000 + 500,000 × 0.1 × 5% + 160,000. */
  carrier2022: 282_500,
  /** Customs revenue 2022: 20% of taxes × taxes 15% of GDP × GDP 40 bn = 1.2 bn; government revenue 20% of GDP = 8 bn. */
  customs2022: 1.2e9,
  government2022: 8e9,
  /** The unrated reporter's imports (2022). */
  unratedImports: 50_000,
  /**
   * VAT at the registry's 15% on the same import value as the duty, duty excluded (vat_base=import-value, the
   * default): 2021 = 2,000,000 × 0.15; 2022 = 2,600,000 × 0.15.
   */
  vat: { rate: 15, 2021: 300_000, 2022: 390_000 },
  /**
   * VAT with the MFN duty in the base (vat_base=with-duty, elasticity 0): (imports + duty) × 15%:
   * 2021 = (2,000,000 + 240,000) × 0.15; 2022 = (2,600,000 + 305,000) × 0.15.
   */
  vatWithDuty: { 2021: 336_000, 2022: 435_750 },
  /** The design's base: the listed lines' 2022 imports, the unrated 3704.00 included (share 1, content valuation). */
  designBase: 2_600_000,
} as const;

/**
 * A VAT registry vintage: `reporter` taxes digital supplies at 15% (vendor registration, threshold 100,000
 * USD, from 2023-07-01); `unrated` has a draft law without a rate, so its VAT revenue is "no data".
 */
export async function seedVat(store: Store, o: { reporter: string; unrated: string }): Promise<Vintage> {
  const entry = (iso3: string) => ({
    iso3,
    rate: null,
    start: null,
    threshold: null,
    model: null,
    legislated: 'no data' as const,
    source: 'VAT registry (test extract)',
    sourceUrl: null,
    note: null,
    asOf: '2025-01-01',
  });
  return store.importVintage({ ...meta('test/vat-registry', 'VAT registry (test extract)'), format: 'vat-registry' }, (w) =>
    w.addVatEntries([
      {
        ...entry(o.reporter),
        rate: 15,
        start: '2023-07-01',
        threshold: { amount: 100_000, currency: 'USD' },
        model: 'vendor registration',
        legislated: 'legislation',
        sourceUrl: 'https://example.org/vat-act',
      },
      { ...entry(o.unrated), legislated: 'draft legislation' },
    ]),
  );
}

/**
 * Imports the trade, tariff and (optionally) revenue vintages for `reporter`, and imports without any
 * schedule for `unrated`. The partners CHN and IND need not be countries of the store.
 */
export async function seedMoratorium(store: Store, o: { reporter: string; unrated: string; revenue?: boolean }): Promise<MoratoriumSeeded> {
  const { reporter, unrated } = o;
  const flow = (year: number, partner: string, hs6: string, valueUsd: number, who = reporter) => ({
    year,
    reporter: who,
    partner,
    line: `${hs6}00`,
    hs6,
    edition: 'HS2022' as const,
    valueUsd,
    quantity: null,
  });
  const trade = await store.importVintage(meta('test/bilateral-imports', 'UN Comtrade (test extract)'), (w) =>
    w.addTradeFlows([
      flow(2021, 'CHN', '490110', 1_000_000),
      flow(2021, 'CHN', '852349', 400_000),
      flow(2021, 'IND', '950450', 600_000),
      flow(2022, 'CHN', '490110', 1_200_000),
      flow(2022, 'CHN', '852349', 500_000),
      flow(2022, 'IND', '950450', 800_000),
      flow(2022, 'IND', '370400', 100_000),
      flow(2022, 'USA', '490110', 50_000, unrated),
    ]),
  );
  const rate = (hs6: string, regime: 'bound' | 'mfn' | 'pref', r: number, scheme: string | null = null) => ({
    year: 2022,
    reporter,
    line: `${hs6}00`,
    hs6,
    edition: 'HS2022' as const,
    regime,
    scheme,
    rate: r,
  });
  const tariffs = await store.importVintage(meta('test/tariff-schedules', 'WITS TRAINS (test extract)'), async (w) => {
    await w.addTariffLines([
      rate('490110', 'bound', 15),
      rate('490110', 'mfn', 10),
      rate('490110', 'pref', 5, 'SAFTA'),
      rate('852349', 'bound', 20),
      rate('852349', 'mfn', 5),
      rate('950450', 'bound', 30),
      rate('950450', 'mfn', 20),
      rate('950450', 'pref', 10, 'SAFTA'),
      { ...rate('370400', 'mfn', 0), rate: null },
    ]);
    await w.addSchemeMembers([{ scheme: 'SAFTA', partner: 'IND', from: 2006, to: null }]);
  });
  const revenue =
    o.revenue === false
      ? null
      : await store.importVintage(meta('test/revenue', 'World Bank, World Development Indicators (test extract)'), (w) =>
          w.addObservations([
            { indicator: 'GC.TAX.IMPT.ZS', entity: reporter, year: 2022, value: 20 },
            { indicator: 'GC.TAX.TOTL.GD.ZS', entity: reporter, year: 2022, value: 15 },
            { indicator: 'GC.REV.XGRT.GD.ZS', entity: reporter, year: 2022, value: 20 },
            { indicator: 'NY.GDP.MKTP.CD', entity: reporter, year: 2022, value: 40e9 },
          ]),
        );
  return { trade, tariffs, revenue };
}
