import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/adapters/storage/store.ts';
import type { NewVintage } from '../../src/domain/vintage.ts';
import { estimateFromBase } from '../../src/domain/moratorium/duty-base.ts';
import { estimate, lineFactors, type Estimate } from '../../src/domain/moratorium/estimate.ts';
import { BUILT_IN_LISTS, type ProductList } from '../../src/domain/moratorium/lists.ts';
import { DEFAULT_OPTIONS, type EstimateOptions } from '../../src/domain/moratorium/options.ts';
import { codes, generateTrade, type GeneratedTrade } from '../fixtures/trade.ts';
import { ENGINES, freshStoreEach } from '../support/engines.ts';

const meta = (dataset: string, sha256 = dataset): NewVintage => ({
  dataset,
  source: 'generated',
  format: 'baci',
  fileName: null,
  sha256,
  licence: null,
  sourceUrl: null,
  publishedAt: null,
  note: null,
});

const list = BUILT_IN_LISTS.find((l) => l.id === 'digitisable-hs2022') as ProductList;

const data: GeneratedTrade = generateTrade({
  seed: 7,
  reporters: codes('R', 4),
  partners: codes('R', 4).concat(codes('P', 5)),
  years: [2019, 2020, 2022],
  lines: [...list.lines.slice(0, 12), '010121'],
  edition: 'HS2022',
  density: 0.5,
  schemes: [
    { id: 'S1', members: ['P000', 'P001', 'R001'] },
    { id: 'S2', members: ['P001', 'P002'], from: 2020 },
  ],
  nationalLines: 2,
});
// A year of imports without a schedule of its own: the 2020 schedule serves 2021, the earliest (2019) serves 2018.
data.flows.push(
  { year: 2021, reporter: 'R000', partner: 'P000', line: '37040001', hs6: '370400', edition: 'HS2022', valueUsd: 5000, quantity: null },
  { year: 2018, reporter: 'R001', partner: 'P002', line: '49011001', hs6: '490110', edition: 'HS2022', valueUsd: 7000, quantity: null },
);

async function load(store: Store, d: GeneratedTrade): Promise<void> {
  await store.importVintage(meta('trade'), (w) => w.addTradeFlows(d.flows));
  await store.importVintage(meta('tariffs'), async (w) => {
    await w.addTariffLines(d.tariffs);
    await w.addSchemeMembers(d.schemes);
  });
}

async function viaStore(store: Store, options: EstimateOptions): Promise<Estimate> {
  const { factors } = lineFactors(list, ['HS2022'], [], options);
  return store.estimateDuties({
    reporters: null,
    from: options.years?.from ?? null,
    to: options.years?.to ?? null,
    measure: options.tariff,
    rollup: options.rollup,
    elasticity: options.elasticity,
    factors,
    lines: true,
  });
}

/** The estimate computed in TypeScript over the target's duty base, read in one scan. */
async function viaBase(store: Store, options: EstimateOptions): Promise<Estimate> {
  const { factors } = lineFactors(list, ['HS2022'], [], options);
  const base = await store.dutyBaseLines({ reporters: null, from: options.years?.from ?? null, to: options.years?.to ?? null, lines: factors });
  return estimateFromBase(base, factors, options);
}

/** Figures equal to a relative 1e-9 (sums run in a different order in SQL). */
function expectSame(actual: Estimate, expected: Estimate): void {
  const round = (e: Estimate) =>
    JSON.parse(JSON.stringify(e, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v)));
  expect(round(actual)).toEqual(round(expected));
}

const VARIANTS: [string, Partial<EstimateOptions>][] = [
  ['MFN, simple average, static', {}],
  ['bound rates', { tariff: 'bound' }],
  ['effectively applied with preferences', { tariff: 'applied' }],
  ['trade-weighted roll-up of national lines', { tariff: 'applied', rollup: 'weighted' }],
  ['share digitised per chapter', { share: { default: 0.8, byPrefix: [{ prefix: '49', share: 0.5 }, { prefix: '4901', share: 0.25 }] } }],
  ['carrier-medium valuation', { valuation: 'carrier', carrierShare: 0.2 }],
  ['import response', { elasticity: -1.5 }],
  ['a range of years', { years: { from: 2020, to: 2021 } }],
  ['bound, weighted, carrier medium, strong response', { tariff: 'bound', rollup: 'weighted', valuation: 'carrier', carrierShare: 0.3, elasticity: -3 }],
  ['applied, half digitised, mild response', { tariff: 'applied', share: { default: 0.5, byPrefix: [] }, elasticity: -0.5 }],
];

for (const engine of ENGINES) {
  describe(`the duty estimate on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it.each(VARIANTS)('equals the reference method: %s', async (_name, change) => {
      await load(store, data);
      const options = { ...DEFAULT_OPTIONS, ...change };
      const expected = estimate({ flows: data.flows, tariffs: data.tariffs, schemes: data.schemes, links: [] }, list, options);
      expect(expected.rows.length).toBeGreaterThan(4);
      expectSame(await viaStore(store, options), expected);
      expectSame(await viaBase(store, options), expected);
    });

    it('computes every variant from one read of the duty base, in one scan', async () => {
      await load(store, data);
      const lines = lineFactors(list, ['HS2022'], [], DEFAULT_OPTIONS).factors;
      const before = store.dutyBaseScans;
      const base = await store.dutyBaseLines({ reporters: ['R000', 'R001', 'R003'], from: null, to: null, lines });
      expect(store.dutyBaseScans - before).toBe(1);
      const of = (e: Estimate) => ({ rows: e.rows.filter((r) => r.reporter !== 'R002'), lines: e.lines.filter((l) => l.reporter !== 'R002') });
      for (const [, change] of VARIANTS.filter(([, c]) => !c.years)) {
        const options = { ...DEFAULT_OPTIONS, ...change };
        const expected = estimate({ flows: data.flows, tariffs: data.tariffs, schemes: data.schemes, links: [] }, list, options);
        expectSame(estimateFromBase(base, lineFactors(list, ['HS2022'], [], options).factors, options), of(expected));
      }
      expect(store.dutyBaseScans - before).toBe(1);
      await viaStore(store, DEFAULT_OPTIONS);
      expect(store.dutyBaseScans - before).toBe(3);
    });

    it('uses the latest vintage of a dataset and keeps the earlier one readable until the new one commits', async () => {
      await load(store, data);
      const before = await viaStore(store, DEFAULT_OPTIONS);
      const doubled = { ...data, flows: data.flows.map((f) => ({ ...f, valueUsd: f.valueUsd * 2 })) };
      await expect(
        store.importVintage(meta('trade', 'v2'), async (w) => {
          await w.addTradeFlows(doubled.flows);
          throw new Error('the file is cut short');
        }),
      ).rejects.toThrow('cut short');
      expectSame(await viaStore(store, DEFAULT_OPTIONS), before);
      await store.importVintage(meta('trade', 'v2'), (w) => w.addTradeFlows(doubled.flows));
      const after = await viaStore(store, DEFAULT_OPTIONS);
      const total = (e: Estimate) => e.rows.reduce((s, r) => s + (r.revenueUsd ?? 0), 0);
      expect(total(after)).toBeCloseTo(2 * total(before), 3);
    });

    it('says "no data" (null), never zero, for a reporter-year without any rate', async () => {
      await store.importVintage(meta('trade'), (w) =>
        w.addTradeFlows([{ year: 2020, reporter: 'NPL', partner: 'IND', line: '490110', hs6: '490110', edition: 'HS2022', valueUsd: 100, quantity: null }]),
      );
      const result = await viaStore(store, DEFAULT_OPTIONS);
      expect((await viaBase(store, DEFAULT_OPTIONS)).rows).toEqual(result.rows);
      expect(result.rows).toEqual([
        { reporter: 'NPL', year: 2020, tariffYear: null, importsUsd: 100, importsRatedUsd: 0, revenueUsd: null, linesWithRate: 0, linesWithoutRate: 1 },
      ]);
    });
  });
}
