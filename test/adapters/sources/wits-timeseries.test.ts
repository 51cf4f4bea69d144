import { describe, expect, it } from 'vitest';
import { collect } from '../../../src/adapters/sources/batches.ts';
import { fileChunks } from '../../../src/adapters/sources/csv.ts';
import { readWitsTimeseries } from '../../../src/adapters/sources/wits-timeseries.ts';
import { writeWitsTimeseries } from '../../fixtures/fixtures.ts';
import { errorOf, fileInPieces, tempDir } from './helpers.ts';

const dir = tempDir();

describe('readWitsTimeseries', () => {
  it('reads values by country name from rows cut short, with negatives and exponents', async () => {
    const written = writeWitsTimeseries(dir);
    const { records, summary } = await collect(readWitsTimeseries(fileChunks(written.path), written.path));
    expect(records.map(({ line: _line, ...r }) => r)).toEqual(written.expected);
    expect(summary.rows).toBe(written.rows);
    expect(summary.countriesWithData).toBe(new Set(written.expected.map((e) => e.countryName)).size);
    expect(summary.years[0]).toBe(1988);
    expect(summary.years.at(-1)).toBe(2022);
    expect(records.some((r) => r.countryName === 'Gambia, The')).toBe(true);
    expect(records.find((r) => r.countryName === 'Austria')?.value).toBeLessThan(0);
  });

  it('gives the same values from a file in 1-byte pieces, with a BOM and LF', async () => {
    const written = writeWitsTimeseries(dir, { bom: true, crlf: false });
    const { records } = await collect(readWitsTimeseries(fileInPieces(written.path, 1), written.path, { batchSize: 4 }));
    expect(records.map(({ line: _line, ...r }) => r)).toEqual(written.expected);
  });

  it('names the file, line and year of a bad value, and a missing column', async () => {
    const head = 'Country Name,Indicator Name,2020,2021\r\n';
    expect((await errorOf(() => collect(readWitsTimeseries([`${head}Kenya,Customs,1.5,--\r\n`], 'wits.csv')))).message).toBe(
      'wits.csv, line 2, field "2021": not a number: "--"',
    );
    expect((await errorOf(() => collect(readWitsTimeseries(['Country Name,2020\r\n'], 'wits.csv')))).message).toBe(
      'wits.csv, line 1, field "Indicator Name": missing column "Indicator Name"',
    );
    expect((await errorOf(() => collect(readWitsTimeseries(['Country Name,Indicator Name,Y2020\r\n'], 'wits.csv')))).message).toBe(
      'wits.csv, line 1, field "Y2020": column "Y2020" is neither a year nor a WITS column',
    );
  });

  it('refuses a year given twice in the header, and a row given twice, naming both lines', async () => {
    expect((await errorOf(() => collect(readWitsTimeseries(['Country Name,Indicator Name,2020,2021,2020\r\n'], 'wits.csv')))).message).toBe(
      'wits.csv, line 1, field "2020": year 2020 appears twice in the header',
    );
    const head = 'Country Name,Indicator Name,2020,2021\r\n';
    const rows = 'Kenya,Customs,1,2\r\nKenya,Taxes,3,4\r\nFiji,Customs,5,6\r\n';
    const { records } = await collect(readWitsTimeseries([head + rows], 'wits.csv'));
    expect(records).toHaveLength(6);
    expect((await errorOf(() => collect(readWitsTimeseries([`${head}${rows}"Kenya",Customs,,7\r\n`], 'wits.csv')))).message).toBe(
      'wits.csv, line 5, field "Country Name": "Customs" for "Kenya" is given again (first on line 2)',
    );
  });
});
