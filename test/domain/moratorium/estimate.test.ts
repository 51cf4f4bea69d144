import { describe, expect, it } from 'vitest';
import { estimate, type Estimate } from '../../../src/domain/moratorium/estimate.ts';
import { concord, hs6Of, tariffLineCode, type HsLink } from '../../../src/domain/moratorium/hs.ts';
import type { ProductList } from '../../../src/domain/moratorium/lists.ts';
import { DEFAULT_OPTIONS, parseEstimateOptions, parseShare, type EstimateOptions } from '../../../src/domain/moratorium/options.ts';
import { tariffYearFor, type SchemeMember, type TariffLine, type TradeFlow } from '../../../src/domain/moratorium/trade.ts';

// A reporter's imports of 2025, priced with its 2024 schedule, on lines worked out by hand below.
const flow = (partner: string, line: string, valueUsd: number): TradeFlow => ({
  year: 2025,
  reporter: 'KEN',
  partner,
  line,
  hs6: line.slice(0, 6),
  edition: 'HS2022',
  valueUsd,
  quantity: null,
});
const rate = (line: string, regime: TariffLine['regime'], value: number | null, scheme: string | null = null): TariffLine => ({
  year: 2024,
  reporter: 'KEN',
  line,
  hs6: line.slice(0, 6),
  edition: 'HS2022',
  regime,
  scheme,
  rate: value,
});

const flows: TradeFlow[] = [
  flow('UGA', '49011000', 1_000_000),
  flow('CHN', '49011090', 500_000),
  flow('CHN', '85234900', 2_000_000),
  flow('USA', '95045000', 400_000),
  flow('UGA', '01012100', 999), // not a listed line
];
const tariffs: TariffLine[] = [
  rate('49011000', 'mfn', 10),
  rate('49011090', 'mfn', 20),
  rate('49011000', 'bound', 30),
  rate('49011090', 'bound', 30),
  rate('49011000', 'pref', 0, 'EAC'),
  rate('49011090', 'pref', 0, 'EAC'),
  rate('85234900', 'mfn', 25),
  rate('85234900', 'bound', 40),
  rate('95045000', 'mfn', null),
  rate('95045000', 'bound', 50),
];
const schemes: SchemeMember[] = [{ scheme: 'EAC', partner: 'UGA', from: 2005, to: null }];
const list: ProductList = {
  id: 'test',
  version: '1',
  name: 'test',
  edition: 'HS2022',
  source: 'test',
  lines: ['490110', '852349', '950450'],
  builtIn: false,
};

// These hand computations price by the HS6 simple average unless told otherwise; line-level pricing, the
// default, is worked out in line-pricing.test.ts.
function run(change: Partial<EstimateOptions>): Estimate {
  return estimate({ flows, tariffs, schemes, links: [] }, list, { ...DEFAULT_OPTIONS, rollup: 'simple', ...change });
}
const revenue = (e: Estimate) => e.rows[0]?.revenueUsd;

describe('the revenue estimator on a hand-computed case', () => {
  it('MFN, simple average of national lines, static: Σ M × τ', () => {
    // 490110: (1,000,000 + 500,000) × (10 + 20)/2 % = 225,000; 852349: 2,000,000 × 25% = 500,000; 950450 has no MFN rate.
    const e = run({});
    expect(e.rows).toEqual([
      { reporter: 'KEN', year: 2025, tariffYear: 2024, importsUsd: 3_900_000, importsRatedUsd: 3_500_000, revenueUsd: 725_000, linesWithRate: 2, linesWithoutRate: 1 },
    ]);
    expect(e.lines.map((l) => [l.hs6, l.ratePct, l.revenueUsd])).toEqual([
      ['490110', 15, 225_000],
      ['852349', 25, 500_000],
      ['950450', null, null],
    ]);
  });

  it('trade-weighted roll-up weighs national lines by their imports', () => {
    // 490110: (10 × 1,000,000 + 20 × 500,000) / 1,500,000 = 13.33…%, × 1,500,000 = 200,000.
    expect(revenue(run({ rollup: 'weighted' }))).toBeCloseTo(700_000, 6);
  });

  it('effectively applied: the partner entitled to a preference pays it, the others MFN', () => {
    // UGA's books enter at the EAC rate 0; CHN's at MFN 15%: 75,000; media 500,000.
    const e = run({ tariff: 'applied' });
    expect(revenue(e)).toBeCloseTo(575_000, 6);
    expect(e.lines[0]?.ratePct).toBeCloseTo(5, 9); // (0 × 1,000,000 + 15 × 500,000) / 1,500,000
  });

  it('a preference outside its membership years does not apply', () => {
    const late = estimate({ flows, tariffs, schemes: [{ scheme: 'EAC', partner: 'UGA', from: 2026, to: null }], links: [] }, list, { ...DEFAULT_OPTIONS, rollup: 'simple', tariff: 'applied' });
    expect(revenue(late)).toBeCloseTo(725_000, 6);
  });

  it('bound rates', () => {
    // 1,500,000 × 30% + 2,000,000 × 40% + 400,000 × 50%.
    const e = run({ tariff: 'bound' });
    expect(revenue(e)).toBeCloseTo(1_450_000, 6);
    expect(e.rows[0]?.linesWithRate).toBe(3);
  });

  it('share digitised per chapter', () => {
    expect(revenue(run({ share: { default: 1, byPrefix: [{ prefix: '49', share: 0.5 }] } }))).toBeCloseTo(612_500, 6);
  });

  it('carrier-medium valuation values recorded media at the medium only', () => {
    // 852349 is a carrier-media line: 2,000,000 × 0.1 × 25% = 50,000; books are not carrier media.
    expect(revenue(run({ valuation: 'carrier', carrierShare: 0.1 }))).toBeCloseTo(275_000, 6);
  });

  it('a constant import-demand elasticity lowers imports by (1 + τ)^ε', () => {
    // ε = -1: 1,500,000 × 0.15 / 1.15 + 2,000,000 × 0.25 / 1.25.
    expect(revenue(run({ elasticity: -1 }))).toBeCloseTo((1_500_000 * 0.15) / 1.15 + 400_000, 6);
  });

  it('years outside the range are left out, and a reporter-year without a rate is "no data"', () => {
    expect(run({ years: { from: 2020, to: 2024 } }).rows).toEqual([]);
    const noRate = estimate({ flows, tariffs: [], schemes: [], links: [] }, list, DEFAULT_OPTIONS);
    expect(noRate.rows[0]?.revenueUsd).toBeNull();
    expect(noRate.rows[0]?.tariffYear).toBeNull();
  });
});

describe('tariff years', () => {
  it('takes the latest schedule not after the imports, else the earliest after them', () => {
    expect(tariffYearFor(2026, [2020, 2027])).toBe(2020);
    expect(tariffYearFor(2019, [2020, 2027])).toBe(2020);
    expect(tariffYearFor(2027, [2020, 2027])).toBe(2027);
    expect(tariffYearFor(2027, [])).toBeNull();
  });
});

describe('HS codes and concordance', () => {
  it('reads national lines as published', () => {
    expect(tariffLineCode('8523.21.90')).toBe('85232190');
    expect(tariffLineCode('4901 10')).toBe('490110');
    expect(tariffLineCode('49.01')).toBeNull();
    expect(hs6Of('10121')).toBe('010121');
    expect(hs6Of('3701.30.00.00')).toBe('370130');
  });

  const links: HsLink[] = [
    { from: 'HS2022', fromCode: '490520', to: 'HS2017', toCode: '490510', relationship: '1:1' },
    { from: 'HS2022', fromCode: '490590', to: 'HS2017', toCode: '490591', relationship: '1:n' },
    { from: 'HS2022', fromCode: '490590', to: 'HS2017', toCode: '490599', relationship: '1:n' },
    { from: 'HS2022', fromCode: '852359', to: 'HS2017', toCode: '852359', relationship: 'n:n' },
    { from: 'HS2022', fromCode: '854921', to: 'HS2017', toCode: '852359', relationship: 'n:n' },
  ];

  it('labels exact matches, splits and partial matches, and keeps all of them', () => {
    const result = concord(['490520', '490590', '852359', '999999'], 'HS2022', 'HS2017', links);
    expect(result.codes).toEqual([
      { code: '490510', sources: ['490520'], match: 'exact' },
      { code: '490591', sources: ['490590'], match: 'split' },
      { code: '490599', sources: ['490590'], match: 'split' },
      { code: '852359', sources: ['852359'], match: 'partial' },
    ]);
    expect(result.unmatched).toEqual(['999999']);
  });

  it('reads a table written in the other direction', () => {
    const result = concord(['490510'], 'HS2017', 'HS2022', links);
    expect(result.codes).toEqual([{ code: '490520', sources: ['490510'], match: 'exact' }]);
    expect(concord(['490591', '490599'], 'HS2017', 'HS2022', links).codes).toEqual([{ code: '490590', sources: ['490591', '490599'], match: 'merged' }]);
  });
});

describe('estimate options', () => {
  it('reads every parameter and names the one that is wrong', () => {
    const o = parseEstimateOptions(
      { years: '2019-2022', tariff: 'applied', share: '49:0.5,*:0.8', valuation: 'carrier', carrier_share: '20%', elasticity: '-1.5', rollup: 'weighted', list: 'digitisable-hs2017' },
      'request',
    );
    expect(o).toEqual({
      list: 'digitisable-hs2017',
      tariff: 'applied',
      share: { default: 0.8, byPrefix: [{ prefix: '49', share: 0.5 }] },
      valuation: 'carrier',
      carrierShare: 0.2,
      elasticity: -1.5,
      rollup: 'weighted',
      years: { from: 2019, to: 2022 },
      shareCurrency: 'local',
      vatBase: 'import-value',
    });
    expect(parseEstimateOptions({ share_currency: 'usd', vat_base: 'with-duty' }, 'request')).toMatchObject({ shareCurrency: 'usd', vatBase: 'with-duty' });
    expect(() => parseEstimateOptions({ share_currency: 'eur' }, 'request')).toThrow('field "share_currency": "eur" is not one of local, usd');
    expect(() => parseEstimateOptions({ tariff: 'lowest' }, 'request')).toThrow('request, field "tariff": "lowest" is not one of bound, mfn, applied');
    expect(() => parseEstimateOptions({ elasticity: '2' }, 'request')).toThrow('field "elasticity"');
    expect(() => parseEstimateOptions({ share: '1.5' }, 'request')).toThrow('field "share"');
    expect(() => parseEstimateOptions({ years: '2022-2019' }, 'request')).toThrow('field "years"');
  });

  it('reads shares as fractions or percentages', () => {
    expect(parseShare('60%')).toEqual({ default: 0.6, byPrefix: [] });
    expect(parseShare('8523:1,49:0.25')).toEqual({ default: 1, byPrefix: [{ prefix: '8523', share: 1 }, { prefix: '49', share: 0.25 }] });
    expect(typeof parseShare('49=0.5')).toBe('string');
  });
});
