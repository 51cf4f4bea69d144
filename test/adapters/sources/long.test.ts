import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/domain/errors.ts';
import { collect } from '../../../src/adapters/sources/batches.ts';
import { fileChunks } from '../../../src/adapters/sources/csv.ts';
import { indicatorFromFileName, readLongCsv } from '../../../src/adapters/sources/long.ts';
import { writeLongCsv } from '../../fixtures/fixtures.ts';
import { errorOf, fileInPieces, randomChunks, tempDir } from './helpers.ts';

const dir = tempDir();

describe('indicatorFromFileName', () => {
  it('upper-cases the file name without .csv', () => {
    expect(indicatorFromFileName('../shared/data/datasets-wdi/it.net.secr.p6.csv')).toBe('IT.NET.SECR.P6');
    expect(indicatorFromFileName('sp.pop.totl.CSV')).toBe('SP.POP.TOTL');
    expect(indicatorFromFileName('indicators/ny.gdp.mktp.cd/data.csv')).toBe('NY.GDP.MKTP.CD');
  });

  it('refuses a name that is no indicator code', () => {
    expect(() => indicatorFromFileName('/tmp/my data.csv')).toThrow(InputError);
    expect(() => indicatorFromFileName('/tmp/my data.csv')).toThrow(
      '/tmp/my data.csv: the file name does not give an indicator code (expected e.g. "it.net.secr.p6.csv")',
    );
  });
});

describe('readLongCsv', () => {
  it('reads Country Name,Country Code,Year,Value with CRLF, as datasets/world-development-indicators writes it', async () => {
    const written = writeLongCsv(dir);
    const indicator = indicatorFromFileName(written.path);
    expect(indicator).toBe('IT.NET.SECR.P6');
    const { records, summary } = await collect(readLongCsv(fileChunks(written.path), written.path, { indicator }));
    expect(records).toEqual(written.expected);
    expect(summary).toEqual({ indicator, rows: written.rows, observations: written.expected.length, missing: 0 });
    expect(new Set(records.map((r) => r.entity)).size).toBe(written.entities);
  });

  it('skips empty values (never zero), with a BOM and LF, in random pieces', async () => {
    const written = writeLongCsv(dir, { indicator: 'SP.POP.TOTL', bom: true, crlf: false, withEmptyValues: true, seed: 8 });
    expect(written.missing).toBeGreaterThan(0);
    const { records, summary } = await collect(
      readLongCsv(randomChunks(readFileSync(written.path), 11), written.path, { indicator: 'SP.POP.TOTL', batchSize: 10 }),
    );
    expect(records).toEqual(written.expected);
    expect(summary.missing).toBe(written.missing);
    const bytewise = await collect(readLongCsv(fileInPieces(written.path, 1), written.path, { indicator: 'SP.POP.TOTL' }));
    expect(bytewise.records).toEqual(written.expected);
  });

  it('accepts a file without Country Name', async () => {
    const { records } = await collect(readLongCsv(['Country Code,Year,Value\nKEN,2020,1.5\n'], 'x.csv', { indicator: 'X.Y' }));
    expect(records).toEqual([{ indicator: 'X.Y', entity: 'KEN', entityName: null, year: 2020, value: 1.5 }]);
  });

  it('names file, line and field of bad values and missing columns', async () => {
    const parse = (text: string) => collect(readLongCsv([text], 'it.net.secr.p6.csv', { indicator: 'IT.NET.SECR.P6' }));
    const head = 'Country Name,Country Code,Year,Value\r\n';
    expect((await errorOf(() => parse(`${head}Kenya,KEN,2020,12\r\nKenya,KEN,2021,twelve\r\n`))).message).toBe(
      'it.net.secr.p6.csv, line 3, field "Value": not a number: "twelve"',
    );
    expect((await errorOf(() => parse(`${head}Kenya,KEN,20x2,1\r\n`))).message).toBe(
      'it.net.secr.p6.csv, line 2, field "Year": not a year: "20x2"',
    );
    expect((await errorOf(() => parse(`${head}Kenya,KEN,1850,1\r\n`))).message).toBe(
      'it.net.secr.p6.csv, line 2, field "Year": not a year: "1850"',
    );
    expect((await errorOf(() => parse('Country Name,Country Code,Year\r\nKenya,KEN,2020\r\n'))).message).toBe(
      'it.net.secr.p6.csv, line 1, field "Value": missing column "Value"',
    );
  });
});
