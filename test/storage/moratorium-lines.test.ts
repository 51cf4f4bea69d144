/**
 * Line-level pricing in the database equals the reference method, on both engines: imports recorded at national
 * lines, a schedule that has some of those lines (one written at six digits), preferences at the national line.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/adapters/storage/store.ts';
import { estimateFromBase } from '../../src/domain/moratorium/duty-base.ts';
import { estimate, lineFactors, type Estimate } from '../../src/domain/moratorium/estimate.ts';
import type { ProductList } from '../../src/domain/moratorium/lists.ts';
import { DEFAULT_OPTIONS, type EstimateOptions } from '../../src/domain/moratorium/options.ts';
import type { SchemeMember, TariffLine, TradeFlow } from '../../src/domain/moratorium/trade.ts';
import type { NewVintage } from '../../src/domain/vintage.ts';
import { ENGINES, freshStoreEach } from '../support/engines.ts';

const meta = (dataset: string): NewVintage => ({
  dataset, source: 'generated', format: 'baci', fileName: null, sha256: dataset, licence: null, sourceUrl: null, publishedAt: null, note: null,
});
const flow = (partner: string, line: string, valueUsd: number, year = 2025): TradeFlow => ({
  year, reporter: 'NPL', partner, line, hs6: line.slice(0, 6), edition: 'HS2022', valueUsd, quantity: null,
});
const rate = (line: string, regime: TariffLine['regime'], value: number | null, scheme: string | null = null): TariffLine => ({
  year: 2024, reporter: 'NPL', line, hs6: line.slice(0, 6), edition: 'HS2022', regime, scheme, rate: value,
});
const flows: TradeFlow[] = [
  flow('USA', '49119910', 940_000),
  flow('CHN', '49119920', 20_000),
  flow('IND', '49119930', 10_000),
  flow('IND', '49119990', 30_000),
  flow('WLD', '49119990', 5_000, 2023),
  flow('CHN', '37021000', 100_000),
  flow('CHN', '85234950', 200_000),
  flow('IND', '85234910', 800_000),
  flow('CHN', '852380', 50_000),
];
const tariffs: TariffLine[] = [
  rate('49119910', 'mfn', 5),
  rate('49119910', 'bound', 30),
  rate('49119920', 'mfn', 20),
  rate('49119930', 'mfn', 20),
  rate('49119930', 'pref', 10, 'SAFTA'),
  rate('49119990', 'mfn', 20),
  rate('49119990', 'bound', 40),
  rate('370210', 'mfn', 10),
  rate('85234910', 'mfn', 10),
  rate('85234910', 'pref', 8, 'SAFTA'),
  rate('85234990', 'mfn', 0),
  rate('85234990', 'pref', 0, 'SAFTA'),
  rate('85238010', 'mfn', 15),
  rate('85238090', 'mfn', 5),
];
const schemes: SchemeMember[] = [{ scheme: 'SAFTA', partner: 'IND', from: 2006, to: null }];
const list: ProductList = { id: 't', version: '1', name: 't', edition: 'HS2022', source: 't', lines: ['491199', '370210', '852349', '852380'], builtIn: false };

const VARIANTS: [string, Partial<EstimateOptions>][] = [
  ['MFN at the national line (the default)', {}],
  ['applied at the national line', { tariff: 'applied' }],
  ['bound at the national line', { tariff: 'bound' }],
  ['national line with an import response', { tariff: 'applied', elasticity: -1.5 }],
  ['HS6 weighted', { rollup: 'weighted', tariff: 'applied' }],
  ['HS6 simple', { rollup: 'simple' }],
];

function expectSame(actual: Estimate, expected: Estimate): void {
  const round = (e: Estimate) =>
    JSON.parse(JSON.stringify(e, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v)));
  expect(round(actual)).toEqual(round(expected));
}

for (const engine of ENGINES) {
  describe(`pricing national lines on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it.each(VARIANTS)('equals the reference method: %s', async (_name, change) => {
      await store.importVintage(meta('trade'), (w) => w.addTradeFlows(flows));
      await store.importVintage(meta('tariffs'), async (w) => {
        await w.addTariffLines(tariffs);
        await w.addSchemeMembers(schemes);
      });
      const options = { ...DEFAULT_OPTIONS, ...change };
      const expected = estimate({ flows, tariffs, schemes, links: [] }, list, options);
      const { factors } = lineFactors(list, ['HS2022'], [], options);
      const viaSql = await store.estimateDuties({
        reporters: null, from: null, to: null, measure: options.tariff, rollup: options.rollup, elasticity: options.elasticity, factors, lines: true,
      });
      expectSame(viaSql, expected);
      expectSame(estimateFromBase(await store.dutyBaseLines({ reporters: null, from: null, to: null, lines: factors }), factors, options), expected);
      if (options.rollup === 'line' && options.tariff === 'mfn') {
        const l = expected.lines.find((x) => x.hs6 === '852349' && x.year === 2025);
        expect(l).toMatchObject({ pricing: 'mixed', pricedByLineUsd: 800_000 });
        expect(expected.lines.find((x) => x.hs6 === '852380')?.pricing).toBe('weighted');
        expect(expected.lines.find((x) => x.hs6 === '370210')?.pricing).toBe('line');
      }
    });
  });
}
