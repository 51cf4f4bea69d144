import { describe, expect, it } from 'vitest';
import { estimate, lineKey } from '../../../src/domain/moratorium/estimate.ts';
import type { ProductList } from '../../../src/domain/moratorium/lists.ts';
import { DEFAULT_OPTIONS, type EstimateOptions } from '../../../src/domain/moratorium/options.ts';
import type { SchemeMember, TariffLine, TradeFlow } from '../../../src/domain/moratorium/trade.ts';

// Imports of 2025 at national lines, and a 2024 schedule that has some of those lines and not others.
const flow = (partner: string, line: string, valueUsd: number): TradeFlow => ({
  year: 2025, reporter: 'NPL', partner, line, hs6: line.slice(0, 6), edition: 'HS2022', valueUsd, quantity: null,
});
const rate = (line: string, regime: TariffLine['regime'], value: number | null, scheme: string | null = null): TariffLine => ({
  year: 2024, reporter: 'NPL', line, hs6: line.slice(0, 6), edition: 'HS2022', regime, scheme, rate: value,
});
const flows: TradeFlow[] = [
  flow('USA', '49119910', 940_000), // manuals, 5%
  flow('CHN', '49119920', 20_000), // recharge cards, 20%
  flow('IND', '49119930', 10_000), // tickets, 20% (SAFTA 10%)
  flow('IND', '49119990', 30_000), // other, 20%
  flow('CHN', '37021000', 100_000), // the schedule writes this line "3702.10": the same line undivided
  flow('CHN', '85234950', 200_000), // a line the schedule does not have: rolled up
  flow('CHN', '85234910', 800_000),
];
const tariffs: TariffLine[] = [
  rate('49119910', 'mfn', 5),
  rate('49119920', 'mfn', 20),
  rate('49119930', 'mfn', 20),
  rate('49119930', 'pref', 10, 'SAFTA'),
  rate('49119990', 'mfn', 20),
  rate('370210', 'mfn', 10),
  rate('85234910', 'mfn', 10),
  rate('85234990', 'mfn', 0),
];
const schemes: SchemeMember[] = [{ scheme: 'SAFTA', partner: 'IND', from: 2006, to: null }];
const list: ProductList = { id: 't', version: '1', name: 't', edition: 'HS2022', source: 't', lines: ['491199', '370210', '852349'], builtIn: false };
const run = (change: Partial<EstimateOptions>) => estimate({ flows, tariffs, schemes, links: [] }, list, { ...DEFAULT_OPTIONS, ...change });
const line = (e: ReturnType<typeof run>, hs6: string) => e.lines.find((l) => l.hs6 === hs6);

describe('pricing national lines at their own rate', () => {
  it('is the default', () => {
    expect(DEFAULT_OPTIONS.rollup).toBe('line');
  });

  it('meets a schedule line written at six digits, or ending in 00, with the trade line', () => {
    expect(lineKey('37021000')).toBe('370210');
    expect(lineKey('370210')).toBe('370210');
    expect(lineKey('4907000000')).toBe('490700');
    expect(lineKey('49070010')).toBe('49070010');
    expect(lineKey('8523490010')).toBe('8523490010');
  });

  it('prices each national line at its own rate where the schedule has it', () => {
    const e = run({});
    // 491199: 940,000 × 5% + (20,000 + 10,000 + 30,000) × 20% = 47,000 + 12,000 = 59,000.
    expect(line(e, '491199')).toMatchObject({ revenueUsd: 59_000, pricing: 'line', pricedByLineUsd: 1_000_000 });
    expect(line(e, '491199')?.ratePct).toBeCloseTo(5.9, 9);
    expect(line(e, '370210')).toMatchObject({ revenueUsd: 10_000, pricing: 'line' });
  });

  it('rolls up to HS6 import-weighted only for the lines the schedule does not have, and says so', () => {
    const e = run({});
    // 85234910 at its own 10%: 80,000. 85234950 is not in the schedule: the weighted roll-up of 852349,
    // (10 × 800,000 + 0 × 0) / 800,000 = 10% (85234990 has no imports), so 20,000.
    expect(line(e, '852349')).toMatchObject({ pricing: 'mixed', pricedByLineUsd: 800_000 });
    expect(line(e, '852349')?.revenueUsd).toBeCloseTo(100_000, 6);
  });

  it('differs from the simple and the weighted HS6 averages as the hand computation says', () => {
    // Simple: 491199 at (5 + 20 + 20 + 20)/4 = 16.25% on 1,000,000 = 162,500.
    expect(line(run({ rollup: 'simple' }), '491199')).toMatchObject({ revenueUsd: 162_500, pricing: 'simple' });
    expect(line(run({ rollup: 'simple' }), '852349')?.revenueUsd).toBeCloseTo(50_000, 6); // 5% on 1,000,000
    // Weighted over the schedule's lines: (5 × 940 + 20 × 60) / 1,000 = 5.9%, the same total here, priced by roll-up.
    expect(line(run({ rollup: 'weighted' }), '491199')).toMatchObject({ pricing: 'weighted' });
    expect(line(run({ rollup: 'weighted' }), '491199')?.revenueUsd).toBeCloseTo(59_000, 6);
  });

  it('applies preferences at the national line and the import response to each line’s own rate', () => {
    // SAFTA on tickets from India: 10% instead of 20%, 1,000 less.
    expect(line(run({ tariff: 'applied' }), '491199')?.revenueUsd).toBeCloseTo(58_000, 6);
    // ε = -1: 940,000 × 0.05 / 1.05 + 60,000 × 0.2 / 1.2, not 1,000,000 × 0.059 / 1.059.
    expect(line(run({ elasticity: -1 }), '491199')?.revenueUsd).toBeCloseTo((940_000 * 0.05) / 1.05 + (60_000 * 0.2) / 1.2, 6);
  });
});
