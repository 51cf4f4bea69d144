import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/storage/open.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import type { NewVintage } from '../../../src/domain/vintage.ts';
import type { Country } from '../../../src/domain/country.ts';
import { DEFAULT_OPTIONS } from '../../../src/domain/moratorium/options.ts';
import { MoratoriumService } from '../../../src/app/services/moratorium.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';

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
const country = (iso3: string, en: string): Country => ({ iso3, iso2: null, m49: null, names: { en }, region: null, subregion: null, intermediateRegion: null });

let store: Store;
let service: MoratoriumService;

beforeAll(async () => {
  store = await openStore({ duckdbPath: ':memory:' });
  await store.importVintage(meta('countries'), async (w) => {
    await w.upsertCountries([country('NPL', 'Nepal'), country('HTI', 'Haiti'), country('SEN', 'Senegal'), country('CHN', 'China')]);
    await w.replaceGroups(
      [{ id: 'LDC', kind: 'un', names: { en: 'Least developed countries' }, wbCode: null, source: 'test' }],
      ['NPL', 'HTI', 'SEN'].map((iso3) => ({ groupId: 'LDC', iso3, status: 'member' as const, from: null, to: null, source: 'test' })),
    );
  });
  // Revenue series: Nepal's customs duties are 20% of tax revenue, taxes 20% of GDP, revenue 25% of GDP, GDP 40 bn.
  await store.importVintage(meta('revenue'), (w) =>
    w.addObservations([
      { indicator: 'GC.TAX.IMPT.ZS', entity: 'NPL', year: 2022, value: 20 },
      { indicator: 'GC.TAX.TOTL.GD.ZS', entity: 'NPL', year: 2022, value: 20 },
      { indicator: 'GC.REV.XGRT.GD.ZS', entity: 'NPL', year: 2022, value: 25 },
      { indicator: 'NY.GDP.MKTP.CD', entity: 'NPL', year: 2022, value: 40e9 },
    ]),
  );
  // Nepal's imports are recorded in HS 2017; the built-in list is in HS 2022 and reaches them through UNSD links.
  await store.importVintage(meta('links'), (w) =>
    w.addHsLinks([
      { from: 'HS2022', fromCode: '490110', to: 'HS2017', toCode: '490110', relationship: '1:1' },
      { from: 'HS2022', fromCode: '490520', to: 'HS2017', toCode: '490510', relationship: '1:1' },
      { from: 'HS2022', fromCode: '490590', to: 'HS2017', toCode: '490591', relationship: '1:n' },
      { from: 'HS2022', fromCode: '490590', to: 'HS2017', toCode: '490599', relationship: '1:n' },
    ]),
  );
  await store.importVintage(meta('trade'), (w) =>
    w.addTradeFlows([
      { year: 2023, reporter: 'NPL', partner: 'CHN', line: '49011000', hs6: '490110', edition: 'HS2017', valueUsd: 1_000_000, quantity: null },
      { year: 2023, reporter: 'NPL', partner: 'CHN', line: '49059900', hs6: '490599', edition: 'HS2017', valueUsd: 200_000, quantity: null },
      { year: 2023, reporter: 'HTI', partner: 'CHN', line: '490110', hs6: '490110', edition: 'HS2017', valueUsd: 50_000, quantity: null },
    ]),
  );
  await store.importVintage(meta('tariffs'), (w) =>
    w.addTariffLines([
      { year: 2022, reporter: 'NPL', line: '49011000', hs6: '490110', edition: 'HS2017', regime: 'mfn', scheme: null, rate: 10 },
      { year: 2022, reporter: 'NPL', line: '49059900', hs6: '490599', edition: 'HS2017', regime: 'mfn', scheme: null, rate: 15 },
    ]),
  );
  service = new MoratoriumService(new Observatory(store, { today: () => '2026-06-30', versionCheckMs: 0 }));
});

afterAll(() => store.close());

describe('the moratorium service', () => {
  it('estimates one country through the concordance, with its revenue shares, sources and notes', async () => {
    const result = await service.estimate({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    // 1,000,000 × 10% + 200,000 × 15% = 130,000; customs revenue 0.2 × 0.2 × 40 bn = 1.6 bn.
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0];
    expect(row?.revenueUsd).toBeCloseTo(130_000, 6);
    expect(row?.tariffYear).toBe(2022);
    expect(row?.customsRevenue).toEqual({ value: expect.closeTo(1.6e9, 3), year: 2022 });
    expect(row?.governmentRevenue).toEqual({ value: expect.closeTo(1e10, 3), year: 2022 });
    expect(row?.shareOfCustoms).toBeCloseTo(130_000 / 1.6e9, 12);
    expect(result.lines.map((l) => [l.hs6, l.match])).toEqual([
      ['490110', 'exact'],
      ['490599', 'split'],
    ]);
    expect(result.notes.join('\n')).toContain('2023 imports priced with the tariff schedule 2022 (2022-01-01 to 2022-12-31), in force only before the trade period, 12 months earlier');
    expect(result.notes.join('\n')).toContain('490599 split');
    expect(result.vintages.map((v) => v.dataset).sort()).toEqual(['revenue', 'tariffs', 'trade']);
    expect(result.assumptions).toContainEqual(['tariff measure', 'mfn']);
  });

  it('totals a group over members with data and lists those without any as "no data"', async () => {
    const result = await service.estimate({ kind: 'group', id: 'LDC' }, DEFAULT_OPTIONS);
    expect(result.groupRows).toEqual([{ year: 2023, revenueUsd: expect.closeTo(130_000, 6), importsUsd: 1_250_000, membersWithData: 1, membersTotal: 3 }]);
    // Haiti has imports but no tariff: it is in the table with revenue null; Senegal has nothing at all.
    expect(result.rows.find((r) => r.reporter === 'HTI')?.revenueUsd).toBeNull();
    expect(result.noData).toEqual(['SEN']);
  });

  it('shows how the total moves with each assumption', async () => {
    const rows = await service.sensitivity({ kind: 'country', id: 'NPL' }, DEFAULT_OPTIONS);
    const of = (assumption: string, value: string) => rows.find((r) => r.assumption === assumption && r.value === value);
    expect(of('tariff measure', 'mfn')?.base).toBe(true);
    expect(of('tariff measure', 'bound')?.revenueUsd).toBeNull();
    expect(of('share digitised', '0.5')?.change).toBeCloseTo(-0.5, 9);
    expect(of('import-demand elasticity', '-1.5')?.change).toBeLessThan(0);
  });

  it('refuses a target it does not know, naming the parameter', async () => {
    await expect(service.target({}, 'request')).rejects.toThrow('field "country"');
    await expect(service.target({ country: 'NPL', group: 'LDC' }, 'request')).rejects.toThrow('not both');
    await expect(service.target({ country: 'XXX' }, 'request')).rejects.toThrow('no country XXX');
    await expect(service.list('nope')).rejects.toThrow('no product list "nope"');
  });
});
