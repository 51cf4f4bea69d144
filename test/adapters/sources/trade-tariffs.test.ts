import { describe, expect, it } from 'vitest';
import { readAfcftaSchedule } from '../../../src/adapters/sources/trade/afcfta.ts';
import { collectTrade, lineCell, rateCell } from '../../../src/adapters/sources/trade/cells.ts';
import { editionOfColumn, readHsCorrelation } from '../../../src/adapters/sources/trade/hs-correlation.ts';
import { readTradeMap } from '../../../src/adapters/sources/trade/trademap.ts';
import { readUkEuTariffs } from '../../../src/adapters/sources/trade/uk-eu-tariffs.ts';
import { htsRate, readUsHts, specialRates } from '../../../src/adapters/sources/trade/us-hts.ts';
import { EU27, spansOf } from '../../../src/domain/moratorium/schemes.ts';
import {
  AFCFTA_EAC_HEADER,
  AFCFTA_ETH_HEADER,
  csvText,
  fixedContext,
  TRADEMAP_HEADER,
  UK_EU_HEADER,
  US_HTS_HEADER,
} from '../../fixtures/trade-files.ts';
import { errorOf, randomChunks } from './helpers.ts';

const where = { file: 'f.csv', line: 2, field: 'rate' };

describe('trade cells', () => {
  it('reads rates as sources write them, and refuses anything else', () => {
    expect(['25%', '10.0%', '7.25', 'Free', 'free', '0', ''].map((t) => rateCell(t, where))).toEqual([25, 10, 7.25, 0, 0, 0, null]);
    expect(() => rateCell('25 percent', where)).toThrow('f.csv, line 2, field "rate": not an ad valorem rate: "25 percent"');
  });

  it('reads line codes with dots and spaces, dropping stray marks around them', () => {
    expect(lineCell('8523.21.90', where)).toEqual({ line: '85232190', hs6: '852321', repaired: false });
    expect(lineCell('4901 10', where)).toEqual({ line: '490110', hs6: '490110', repaired: false });
    expect(lineCell('‹ 90184100', where)).toEqual({ line: '90184100', hs6: '901841', repaired: true });
    expect(() => lineCell('8523.2', where)).toThrow('not a tariff line code: "8523.2"');
  });

  it('turns yearly member lists into spans, open when they run to the last year', () => {
    const years = new Map([
      [2026, ['ETH', 'KEN']],
      [2027, ['KEN']],
      [2028, ['ETH', 'KEN']],
    ]);
    expect(spansOf('AfCFTA', years)).toEqual([
      { scheme: 'AfCFTA', partner: 'ETH', from: 2026, to: 2026 },
      { scheme: 'AfCFTA', partner: 'ETH', from: 2028, to: null },
      { scheme: 'AfCFTA', partner: 'KEN', from: 2026, to: null },
    ]);
  });
});

describe('readTradeMap', () => {
  const FILE = 'china_imports_trademap.csv';
  const rows = [
    ['China', 'CHN', 'TOTAL', 'All products', 2019, 2000000, 18000, 300000],
    ['China', 'CHN', '852351', 'Semiconductor media', 2019, 1500, 40, 900],
    ['China', 'CHN', '852330', 'Cards incorporating a magnetic stripe', 2001, 1318, 0, 34],
    ['China', 'CHN', '852330', 'Cards incorporating a magnetic stripe', 2009, 0, 0, 0],
    ['China', 'CHN', '10121', 'Horses; pure-bred', 2012, 10, 10, 1],
  ];

  it('emits imports from India and from the rest of the world per line and year, in the edition then in force', async () => {
    const { flows, summary } = await collectTrade(readTradeMap(randomChunks(csvText(TRADEMAP_HEADER, rows), 5), FILE));
    expect(flows.map((f) => [f.year, f.line, f.hs6, f.edition, f.partner, f.valueUsd])).toEqual([
      [2019, '852351', '852351', 'HS2017', 'IND', 40_000],
      [2019, '852351', '852351', 'HS2017', 'WLD', 1_460_000],
      [2001, '852330', '852330', 'HS1996', 'WLD', 1_318_000],
      [2012, '010121', '010121', 'HS2012', 'IND', 10_000],
    ]);
    expect(flows.every((f) => f.reporter === 'CHN' && f.quantity === null)).toBe(true);
    expect(summary.years).toEqual([2001, 2009, 2012, 2019]);
  });

  it('refuses imports from India above imports from the world, naming the line and field', async () => {
    const bad = csvText(TRADEMAP_HEADER, [['China', 'CHN', '852351', 'Semiconductor media', 2019, 30, 40, 900]]);
    expect((await errorOf(() => collectTrade(readTradeMap([bad], FILE))))?.message).toBe(
      `${FILE}, line 2, field "imports_from_india_usd_thousand": imports from India (40) exceed imports from the world (30)`,
    );
    const text = csvText(TRADEMAP_HEADER, [['China', 'CHN', '852351', 'Semiconductor media', 2019, '1,500', 40, 900]]);
    expect((await errorOf(() => collectTrade(readTradeMap([text], FILE))))?.message).toBe(
      `${FILE}, line 2, field "imports_from_world_usd_thousand": not a non-negative number: "1,500"`,
    );
  });
});

describe('readAfcftaSchedule', () => {
  const context = fixedContext({ groups: { AU: { 2026: ['ETH', 'KEN', 'TZA'], 2027: ['ETH', 'KEN', 'TZA'], 2028: ['ETH', 'KEN', 'TZA'] } } });

  it('applies the schedule to each reporter: the base rate as MFN each year, the year\'s rate as the AfCFTA preference', async () => {
    const text = csvText(AFCFTA_EAC_HEADER, [
      ['8523.21.90', '--- Recorded', 'u', '25%', 'A', '10.0%', '7.5%', '5.0%'],
      // The unit sits in the description column in some rows of the source.
      ['4901.91.00', 'kg', '', '0%', 'A', '0.0%', '0.0%', '0.0%'],
    ]);
    const { tariffs, schemes, summary } = await collectTrade(readAfcftaSchedule(randomChunks(text, 9), 'eac.csv', context, { reporters: ['KEN', 'TZA'] }));
    expect(summary.years).toEqual([2026, 2027, 2028]);
    const ken = tariffs.filter((t) => t.reporter === 'KEN' && t.line === '85232190');
    expect(ken.map((t) => [t.year, t.regime, t.scheme, t.rate])).toEqual([
      [2026, 'mfn', null, 25],
      [2026, 'pref', 'AfCFTA', 10],
      [2027, 'mfn', null, 25],
      [2027, 'pref', 'AfCFTA', 7.5],
      [2028, 'mfn', null, 25],
      [2028, 'pref', 'AfCFTA', 5],
    ]);
    expect(tariffs).toHaveLength(2 * 2 * 3 * 2);
    expect(tariffs.every((t) => t.edition === 'HS2022')).toBe(true);
    expect(schemes).toEqual(['ETH', 'KEN', 'TZA'].map((partner) => ({ scheme: 'AfCFTA', partner, from: 2026, to: null })));
  });

  it('keeps a blank base rate as no MFN rate and reads codes left with stray marks', async () => {
    const text = csvText(AFCFTA_ETH_HEADER, [
      ['85232100', '-- Cards', '-- ካርዶች', 'u', '', 'A', '2', '1.5'],
      ['‹ 90184100', '-- Dental drill engines', '', '', '', 'A', '2', '1.5'],
    ]);
    const { tariffs, summary } = await collectTrade(readAfcftaSchedule([text], 'eth.csv', context, { reporters: ['ETH'] }));
    expect(summary.withoutBase).toBe(2);
    expect(summary.repaired).toEqual(['line 3: ‹ 90184100']);
    expect(tariffs.filter((t) => t.regime === 'mfn').every((t) => t.rate === null)).toBe(true);
    expect(tariffs.filter((t) => t.regime === 'pref').map((t) => t.rate)).toEqual([2, 1.5, 2, 1.5]);
  });

  it('names the file, line and field of a rate that is not a number, and refuses a schedule without AU members', async () => {
    const bad = csvText(AFCFTA_EAC_HEADER, [['8523.21.90', '--- Recorded', 'u', '25%', 'A', '10.0%', 'x%', '5.0%']]);
    expect((await errorOf(() => collectTrade(readAfcftaSchedule([bad], 'eac.csv', context, { reporters: ['KEN'] }))))?.message).toBe(
      'eac.csv, line 2, field "rate_2027": not an ad valorem rate: "x%"',
    );
    const good = csvText(AFCFTA_EAC_HEADER, [['8523.21.90', '--- Recorded', 'u', '25%', 'A', '10.0%', '7.5%', '5.0%']]);
    expect((await errorOf(() => collectTrade(readAfcftaSchedule([good], 'eac.csv', fixedContext({}), { reporters: ['KEN'] }))))?.message).toBe(
      'eac.csv: the group AU has no members in 2026, 2027, 2028: import the organisation memberships first',
    );
  });
});

describe('readUsHts', () => {
  const FILE = 'us_hts.csv';

  it('reads General rates as MFN and each Special programme as a preference, with the FTA partners', async () => {
    const text = csvText(US_HTS_HEADER, [
      ['3701.10.00', '370110', 'For X-ray', '3.7%', 'Free (A*,AU,D,E,P,PE,S,SG)', '25%', 8],
      ['3702.55.00', '370255', 'Color film', 'Free', '', '38¢/m2', 8],
      ['3707.90.31.00', '370790', 'Acid violet', '15.4¢/kg + 50%', 'Free (AU) 1.2% (KR)', '4.5%', 10],
    ]);
    const { tariffs, schemes, summary } = await collectTrade(readUsHts(randomChunks(text, 11), FILE, { year: 2026 }));
    expect(tariffs.map((t) => [t.line, t.regime, t.scheme, t.rate])).toEqual([
      ['37011000', 'mfn', null, 3.7],
      ['37011000', 'pref', 'US-GSP-A*', 0],
      ['37011000', 'pref', 'US-FTA-AU', 0],
      ['37011000', 'pref', 'US-AGOA', 0],
      ['37011000', 'pref', 'US-CBERA', 0],
      ['37011000', 'pref', 'US-CAFTA-DR', 0],
      ['37011000', 'pref', 'US-FTA-PE', 0],
      ['37011000', 'pref', 'US-USMCA', 0],
      ['37011000', 'pref', 'US-FTA-SG', 0],
      ['37025500', 'mfn', null, 0],
      ['3707903100', 'mfn', null, null],
      ['3707903100', 'pref', 'US-FTA-AU', 0],
      ['3707903100', 'pref', 'US-FTA-KR', 1.2],
    ]);
    expect(summary.notAdValorem).toEqual(['3707903100']);
    expect(tariffs.every((t) => t.reporter === 'USA' && t.year === 2026 && t.edition === 'HS2022')).toBe(true);
    const partners = (scheme: string) => schemes.filter((s) => s.scheme === scheme).map((s) => s.partner).sort();
    expect(partners('US-CAFTA-DR')).toEqual(['CRI', 'DOM', 'GTM', 'HND', 'NIC', 'SLV']);
    expect(partners('US-USMCA')).toEqual(['CAN', 'MEX']);
    expect(partners('US-FTA-PE')).toEqual(['PER']);
    expect([partners('US-GSP'), partners('US-GSP-A*'), partners('US-AGOA'), partners('US-CBERA')]).toEqual([[], [], [], []]);
  });

  it('reads rates of duty and refuses what is none', () => {
    expect(['Free', '3.7%', '38¢/m2', '$3.88/m2', '10¢/pack + 20%', ''].map((t) => htsRate(t, where))).toEqual([0, 3.7, null, null, null, null]);
    expect(() => htsRate('3.7 pct', where)).toThrow('f.csv, line 2, field "rate": not a rate of duty: "3.7 pct"');
    expect(specialRates('Free (A,AU) 1.2% (KR)', where)).toEqual([
      { rate: 0, programmes: ['A', 'AU'] },
      { rate: 1.2, programmes: ['KR'] },
    ]);
    expect(() => specialRates('Free A,AU', where)).toThrow('expected "rate (programme codes)", found "Free A,AU"');
  });

  it('names the file, line and field of a General rate that is not a rate', async () => {
    const text = csvText(US_HTS_HEADER, [['3701.10.00', '370110', 'For X-ray', 'three', '', '25%', 8]]);
    expect((await errorOf(() => collectTrade(readUsHts([text], FILE, { year: 2026 }))))?.message).toBe(
      `${FILE}, line 2, field "general_rate_mfn": not a rate of duty: "three"`,
    );
  });
});

describe('readUkEuTariffs', () => {
  const FILE = 'ukgt_vs_eu_cet.csv';
  const row = (code: string, cet: string, ukgt: string, cetPct: string, ukgtPct: string) =>
    [code, code, 'Goods', cet, ukgt, 'Liberalised', 'False', 'False', 'False', 'False', cetPct, ukgtPct, code.slice(0, 6)] as const;

  it('stores the CET for 2020 for the EU-27 and the United Kingdom, the UKGT for 2021 for the United Kingdom', async () => {
    const text = csvText(UK_EU_HEADER, [row('37011000', '6.5%', '0.0%', '6.5', '0.0'), row('37061010', '6.50% MAX 5.00 EUR / 100 m', '0.0%', '6.5', '0.0')]);
    const { tariffs, summary } = await collectTrade(readUkEuTariffs(randomChunks(text, 2), FILE));
    expect(tariffs).toHaveLength(2 * 29);
    const cet = tariffs.filter((t) => t.year === 2020 && t.line === '37011000');
    expect(cet.map((t) => t.reporter).sort()).toEqual([...EU27, 'GBR'].sort());
    expect(new Set(cet.map((t) => t.rate))).toEqual(new Set([6.5]));
    expect(tariffs.filter((t) => t.year === 2021).map((t) => [t.reporter, t.line, t.rate])).toEqual([
      ['GBR', '37011000', 0],
      ['GBR', '37061010', 0],
    ]);
    expect(tariffs.every((t) => t.edition === 'HS2017' && t.regime === 'mfn')).toBe(true);
    expect(summary.mixedCet).toEqual(['37061010']);
  });

  it('names the file, line and field of a rate that is not a number', async () => {
    const text = csvText(UK_EU_HEADER, [row('37011000', '6.5%', '0.0%', 'six', '0.0')]);
    expect((await errorOf(() => collectTrade(readUkEuTariffs([text], FILE))))?.message).toBe(
      `${FILE}, line 2, field "cet_ad_valorem_pct": not an ad valorem rate: "six"`,
    );
  });
});

describe('readHsCorrelation', () => {
  const FILE = 'HS2022_HS2017_correlation.csv';

  it('reads one link per row, from the first column\'s edition to the second\'s', async () => {
    const text = csvText(['hs2022', 'hs2017', 'relationship'], [
      ['010121', '010121', '1:1'],
      ['854921', '852321', 'n:n'],
      ['854921', '852329', 'n:n'],
    ]);
    const { links, summary } = await collectTrade(readHsCorrelation(randomChunks(text, 4), FILE, { batchSize: 2 }));
    expect(links).toEqual([
      { from: 'HS2022', fromCode: '010121', to: 'HS2017', toCode: '010121', relationship: '1:1' },
      { from: 'HS2022', fromCode: '854921', to: 'HS2017', toCode: '852321', relationship: 'n:n' },
      { from: 'HS2022', fromCode: '854921', to: 'HS2017', toCode: '852329', relationship: 'n:n' },
    ]);
    expect(summary).toEqual({ rows: 3, links: 3, from: 'HS2022', to: 'HS2017' });
    expect([editionOfColumn('HS 2012'), editionOfColumn('hs1996'), editionOfColumn('bec')]).toEqual(['HS2012', 'HS1996', null]);
  });

  it('names the file, line and field of a bad relationship or code', async () => {
    const bad = csvText(['hs2022', 'hs2017', 'relationship'], [['010121', '010121', '1-1']]);
    expect((await errorOf(() => collectTrade(readHsCorrelation([bad], FILE))))?.message).toBe(
      `${FILE}, line 2, field "relationship": not a relationship (1:1, 1:n, n:1, n:n): "1-1"`,
    );
    const code = csvText(['hs2022', 'hs2017', 'relationship'], [['0101', '010121', '1:1']]);
    expect((await errorOf(() => collectTrade(readHsCorrelation([code], FILE))))?.message).toBe(
      `${FILE}, line 2, field "hs2022": not an HS 6-digit code: "0101"`,
    );
    expect((await errorOf(() => collectTrade(readHsCorrelation(['hs2022,bec,relationship\n'], FILE))))?.message).toBe(
      `${FILE}, line 1, field "bec": the second column must name another HS edition ("hs2017"), found "bec"`,
    );
  });
});
