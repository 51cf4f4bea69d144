import { describe, expect, it } from 'vitest';
import { collectTrade } from '../../../src/adapters/sources/trade/cells.ts';
import { nepalFiscalYearOf, nepalTariffYearOf, readNepalImports, readNepalTariff } from '../../../src/adapters/sources/trade/nepal.ts';
import { SAFTA_MEMBERS } from '../../../src/domain/moratorium/schemes.ts';
import {
  csvText,
  fixedContext,
  NEPAL_IMPORT_ROWS,
  NEPAL_IMPORTS_HEADER,
  NEPAL_TARIFF_HEADER,
  NEPAL_TARIFF_ROWS,
} from '../../fixtures/trade-files.ts';
import { errorOf, randomChunks } from './helpers.ts';

const FILE = 'nepal_imports_fy2082_83_digitisable_hs8.csv';
const context = fixedContext({
  names: { India: 'IND', China: 'CHN', Thailand: 'THA', 'Korea, Republic of': 'KOR' },
  rates: { NPL: { 2024: 133.7, 2025: 140 } },
});

describe('Nepal fiscal and tariff years', () => {
  it('labels a fiscal year by the calendar year in which it ends', () => {
    expect(nepalFiscalYearOf(FILE)).toBe(2026);
    expect(nepalFiscalYearOf('nepal_imports_fy2081_82.csv')).toBe(2025);
    expect(nepalFiscalYearOf('nepal_imports_fy2082_84.csv')).toBeNull();
    expect(nepalTariffYearOf('nepal_customs_tariff_2026_27_digitisable.csv')).toBe(2027);
    expect(nepalTariffYearOf('tariff.csv')).toBeNull();
  });
});

describe('readNepalImports', () => {
  const text = csvText(NEPAL_IMPORTS_HEADER, NEPAL_IMPORT_ROWS);

  it('splits each line among its partners, the rest under WLD, in US dollars at the latest rate not after the year', async () => {
    const { flows, summary } = await collectTrade(readNepalImports(randomChunks(text, 7), FILE, context, { year: 2026 }));
    expect(summary.rate).toEqual({ rate: 140, year: 2025 });
    expect(summary.unknownPartners).toEqual(['Not_Specified']);
    const usd = (npr: number) => (npr * 1000) / 140;
    expect(flows.map((f) => [f.line, f.partner, f.valueUsd, f.quantity])).toEqual([
      ['49011000', 'IND', usd(4000), null],
      ['49011000', 'CHN', usd(600), null],
      ['49011000', 'WLD', usd(400), null],
      // One partner takes the whole line: the quantity is its own.
      ['85232100', 'THA', usd(800), 300],
      ['85235210', 'CHN', usd(700), null],
      ['85235210', 'KOR', usd(50), null],
      ['85235210', 'WLD', usd(250), null],
    ]);
    expect(flows.every((f) => f.reporter === 'NPL' && f.year === 2026 && f.edition === 'HS2022')).toBe(true);
    expect(flows.map((f) => f.hs6)).toEqual(['490110', '490110', '490110', '852321', '852352', '852352', '852352']);
    expect(summary.totalNprThousand).toBe(6800);
  });

  it('scales partners rounded one by one down to the line total, and refuses more than rounding', async () => {
    const rounded = csvText(NEPAL_IMPORTS_HEADER, [['37023100', '370231', 'Film', 'PCS', '6.0', 17, 4, 2, 'India=10; China=8']]);
    const { flows, summary } = await collectTrade(readNepalImports([rounded], FILE, context, { year: 2026 }));
    expect(summary.scaledLines).toBe(1);
    expect(flows.reduce((a, f) => a + f.valueUsd, 0)).toBeCloseTo((17 * 1000) / 140, 9);
    const wrong = csvText(NEPAL_IMPORTS_HEADER, [['37023100', '370231', 'Film', 'PCS', '6.0', 17, 4, 2, 'India=10; China=18']]);
    expect((await errorOf(() => collectTrade(readNepalImports([wrong], FILE, context, { year: 2026 })))).message).toBe(
      `${FILE}, line 2, field "top_partners_value_npr_thousand": the listed partners sum to 28, more than the line's imports of 17`,
    );
  });

  it('refuses the file without a stored exchange rate, saying what to import', async () => {
    const none = fixedContext({ rates: { NPL: { 2027: 150 } } });
    expect((await errorOf(() => collectTrade(readNepalImports([text], FILE, none, { year: 2026 })))).message).toBe(
      `${FILE}: no NPR per US dollar rate (World Bank PA.NUS.FCRF) for Nepal in or before 2026: import datasets-wdi-fx (pa.nus.fcrf.csv) first`,
    );
  });

  it('names the file, line and field of a bad value', async () => {
    const bad = csvText(NEPAL_IMPORTS_HEADER, [NEPAL_IMPORT_ROWS[0] ?? [], ['85232100', '852321', 'Cards', 'PCS', '3', '8OO', 2, 1, 'Thailand=800']]);
    expect((await errorOf(() => collectTrade(readNepalImports([bad], FILE, context, { year: 2026 })))).message).toBe(
      `${FILE}, line 3, field "import_value_npr_thousand": not a non-negative number: "8OO"`,
    );
    const partner = csvText(NEPAL_IMPORTS_HEADER, [['85232100', '852321', 'Cards', 'PCS', '3', 800, 2, 1, 'Thailand 800']]);
    expect((await errorOf(() => collectTrade(readNepalImports([partner], FILE, context, { year: 2026 })))).message).toBe(
      `${FILE}, line 2, field "top_partners_value_npr_thousand": expected "Country=value", found "Thailand 800"`,
    );
    const hs6 = csvText(NEPAL_IMPORTS_HEADER, [['85232100', '852329', 'Cards', 'PCS', '3', 800, 2, 1, 'Thailand=800']]);
    expect((await errorOf(() => collectTrade(readNepalImports([hs6], FILE, context, { year: 2026 })))).message).toBe(
      `${FILE}, line 2, field "hs6": hs6 "852329" is not the subheading of line 85232100`,
    );
  });
});

describe('readNepalTariff', () => {
  const FILE_T = 'nepal_customs_tariff_2026_27_digitisable.csv';

  it('reads the general duty as MFN and the SAARC duty as the SAFTA preference, with the SAFTA members', async () => {
    const text = csvText(NEPAL_TARIFF_HEADER, NEPAL_TARIFF_ROWS, '\r\n');
    const { tariffs, schemes, summary } = await collectTrade(readNepalTariff(randomChunks(text, 3), FILE_T, { year: 2027, batchSize: 3 }));
    expect(tariffs.map((t) => [t.line, t.hs6, t.regime, t.scheme, t.rate])).toEqual([
      ['49011000', '490110', 'mfn', null, 10],
      ['49011000', '490110', 'pref', 'SAFTA', 5],
      ['85232100', '852321', 'mfn', null, 5],
      ['85232100', '852321', 'pref', 'SAFTA', 5],
      ['85235210', '852352', 'mfn', null, 0],
      ['85235210', '852352', 'pref', 'SAFTA', 0],
      ['970199', '970199', 'mfn', null, null],
      ['970199', '970199', 'pref', 'SAFTA', null],
    ]);
    expect(tariffs.every((t) => t.year === 2027 && t.reporter === 'NPL' && t.edition === 'HS2022')).toBe(true);
    expect(schemes).toEqual(SAFTA_MEMBERS);
    expect(schemes.find((s) => s.partner === 'AFG')).toEqual({ scheme: 'SAFTA', partner: 'AFG', from: 2011, to: null });
    expect(summary.withoutMfn).toEqual(['970199']);
  });

  it('names the file, line and field of a rate that is not a number', async () => {
    const text = csvText(NEPAL_TARIFF_HEADER, [NEPAL_TARIFF_ROWS[0] ?? [], ['4902.10.00', '490210', 'Free', 'ten', '', 'Newspapers']]);
    expect((await errorOf(() => collectTrade(readNepalTariff([text], FILE_T, { year: 2027 })))).message).toBe(
      `${FILE_T}, line 3, field "duty_general_mfn_pct": not an ad valorem rate: "ten"`,
    );
  });

  it('refuses a line given twice and a file without its columns', async () => {
    const twice = csvText(NEPAL_TARIFF_HEADER, [NEPAL_TARIFF_ROWS[0] ?? [], NEPAL_TARIFF_ROWS[0] ?? []]);
    expect((await errorOf(() => collectTrade(readNepalTariff([twice], FILE_T, { year: 2027 })))).message).toBe(
      `${FILE_T}, line 3, field "hs_code_as_published": line 49011000 is given again (first on line 2)`,
    );
    expect((await errorOf(() => collectTrade(readNepalTariff(['hs_code_as_published,hs6\n'], FILE_T, { year: 2027 })))).message).toBe(
      `${FILE_T}, line 1, field "duty_saarc_pct": missing column "duty_saarc_pct"`,
    );
  });
});
