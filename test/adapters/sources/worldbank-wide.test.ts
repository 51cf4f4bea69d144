import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/domain/errors.ts';
import { collect } from '../../../src/adapters/sources/batches.ts';
import { fileChunks } from '../../../src/adapters/sources/csv.ts';
import { readWorldBankWide } from '../../../src/adapters/sources/worldbank-wide.ts';
import { WIDE_INDICATORS, writeWorldBankWide } from '../../fixtures/fixtures.ts';
import { errorOf, fileInPieces, sortObservations, tempDir } from './helpers.ts';

const dir = tempDir();

async function parseText(text: string, file = 'bad.csv') {
  return collect(readWorldBankWide([text], file));
}

describe('readWorldBankWide', () => {
  it('reads the bulk download with its preamble, BOM, quoted cells and trailing comma', async () => {
    const written = writeWorldBankWide(dir, { fileName: 'with-preamble.csv' });
    const { records, summary } = await collect(readWorldBankWide(fileChunks(written.path), written.path));
    expect(records).toEqual(written.expected);
    expect(summary.lastUpdated).toBe('2026-02-24');
    expect(summary.dataSource).toBe('World Development Indicators');
    expect(summary.indicators).toEqual(written.indicators);
    expect(summary.rows).toBe(written.rows);
    expect(summary.observations).toBe(written.expected.length);
    expect(summary.years).toEqual(written.years);
  });

  it('reads the variant without preamble, with CRLF, without BOM and unquoted', async () => {
    const written = writeWorldBankWide(dir, { fileName: 'bare.csv', preamble: false, crlf: true, bom: false, trailingComma: false, seed: 9 });
    const { records, summary } = await collect(readWorldBankWide(fileChunks(written.path), written.path));
    expect(records).toEqual(written.expected);
    expect(summary.lastUpdated).toBeNull();
    expect(summary.dataSource).toBeNull();
  });

  it('keeps zeros as values and skips empty cells', async () => {
    const written = writeWorldBankWide(dir, { fileName: 'zeros.csv', seed: 3 });
    const { records } = await collect(readWorldBankWide(fileChunks(written.path), written.path));
    expect(records.some((r) => r.value === 0)).toBe(true);
    expect(records.every((r) => Number.isFinite(r.value))).toBe(true);
    const cells = written.rows * written.years.length;
    expect(records.length).toBeLessThan(cells);
  });

  it('reads several indicators in one file, as in the full WDI download', async () => {
    const written = writeWorldBankWide(dir, { fileName: 'WDICSV.csv', indicators: WIDE_INDICATORS, crlf: true });
    const { records, summary } = await collect(readWorldBankWide(fileChunks(written.path), written.path));
    expect(sortObservations(records)).toEqual(sortObservations(written.expected));
    expect([...summary.indicators.keys()]).toEqual(['IT.NET.USER.ZS', 'BX.GSR.CCIS.CD']);
    expect(summary.indicators.get('BX.GSR.CCIS.CD')).toBe('ICT service exports (BoP, current US$)');
  });

  it('yields batches no larger than asked, and the same values from a file read one byte at a time', async () => {
    const written = writeWorldBankWide(dir, { fileName: 'batches.csv', indicators: WIDE_INDICATORS });
    const batches: number[] = [];
    const all = [];
    for await (const batch of readWorldBankWide(fileInPieces(written.path, 1), written.path, { batchSize: 7 })) {
      batches.push(batch.length);
      all.push(...batch);
    }
    expect(Math.max(...batches)).toBeLessThanOrEqual(7);
    expect(all).toEqual(written.expected);
  });

  it('reads DataBank exports: series columns, "2019 [YR2019]" headers, ".." for missing, footer lines', async () => {
    const text =
      '"Country Name","Country Code","Series Name","Series Code","2019 [YR2019]","2020 [YR2020]"\n' +
      '"Kenya","KEN","Individuals using the Internet (% of population)","IT.NET.USER.ZS","..","29.5"\n' +
      '\n\n"Data from database: World Development Indicators"\n"Last Updated: 07/01/2025"\n';
    const { records } = await parseText(text);
    expect(records).toEqual([{ indicator: 'IT.NET.USER.ZS', entity: 'KEN', entityName: 'Kenya', year: 2020, value: 29.5 }]);
  });

  it('names file, line and year column of a value that is not a number', async () => {
    const text = 'Country Name,Country Code,Indicator Name,Indicator Code,2019,2020\nKenya,KEN,Internet,IT.NET.USER.ZS,17.8,\nFiji,FJI,Internet,IT.NET.USER.ZS,n/a,3\n';
    const error = await errorOf(() => parseText(text));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('bad.csv, line 3, field "2019": not a number: "n/a"');
  });

  it('names the missing column and the header line, after a preamble', async () => {
    const text = '"Data Source","World Development Indicators",\n\n"Last Updated Date","2026-02-24",\n\n"Country Name","Country Code","Indicator Name","2020",\n';
    const error = await errorOf(() => parseText(text));
    expect(error.message).toBe('bad.csv, line 5, field "Indicator Code": missing column "Indicator Code" (or "Series Code")');
  });

  it('refuses a header column that is not a year, and an empty file', async () => {
    const text = 'Country Name,Country Code,Indicator Name,Indicator Code,2020,Notes\n';
    expect((await errorOf(() => parseText(text))).message).toBe(
      'bad.csv, line 1, field "Notes": column "Notes" is neither a year nor a World Bank column',
    );
    expect((await errorOf(() => parseText(''))).message).toBe(
      'bad.csv, line 1, field "Country Name": missing column "Country Name": the file has no header row',
    );
  });

  it('refuses a year given twice in the header, also when DataBank writes it "2020 [YR2020]"', async () => {
    expect((await errorOf(() => parseText('Country Name,Country Code,Indicator Name,Indicator Code,2019,2020,2020 [YR2020]\n'))).message).toBe(
      'bad.csv, line 1, field "2020 [YR2020]": year 2020 appears twice in the header',
    );
  });

  it('refuses a row without a country code or with an invalid indicator code', async () => {
    const head = 'Country Name,Country Code,Indicator Name,Indicator Code,2020\n';
    expect((await errorOf(() => parseText(`${head}Kenya,,Internet,IT.NET.USER.ZS,1\n`))).message).toBe(
      'bad.csv, line 2, field "Country Code": empty code',
    );
    expect((await errorOf(() => parseText(`${head}Kenya,KEN,Internet,IT NET,1\n`))).message).toBe(
      'bad.csv, line 2, field "Indicator Code": not an indicator code: "IT NET"',
    );
    expect((await errorOf(() => parseText(`${head}Kenya,KEN,Internet,IT.NET.USER.ZS,1,2\n`))).message).toBe(
      'bad.csv, line 2, field "column 6": a value beyond the last column of the header: "2"',
    );
  });
});
