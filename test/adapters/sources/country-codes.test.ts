import { describe, expect, it } from 'vitest';
import { collect } from '../../../src/adapters/sources/batches.ts';
import { cleanShortName, readCountryCodes } from '../../../src/adapters/sources/country-codes.ts';
import { fileChunks } from '../../../src/adapters/sources/csv.ts';
import { COUNTRY_CODES_COLUMNS, writeCountryCodes } from '../../fixtures/fixtures.ts';
import { errorOf, fileInPieces, tempDir } from './helpers.ts';

const dir = tempDir();

describe('cleanShortName', () => {
  it('drops the article UNTERM appends and the asterisk of observer States', () => {
    expect(cleanShortName("Afghanistan (l')")).toBe('Afghanistan');
    expect(cleanShortName('Afganistán (el)')).toBe('Afganistán');
    expect(cleanShortName('Gambia (the)')).toBe('Gambia');
    expect(cleanShortName('Holy See (the) *')).toBe('Holy See');
    expect(cleanShortName('Saint-Siège (le) *')).toBe('Saint-Siège');
    expect(cleanShortName('Estados Unidos de América (los)')).toBe('Estados Unidos de América');
    expect(cleanShortName('Bolivia (Plurinational State of)')).toBe('Bolivia (Plurinational State of)');
    expect(cleanShortName("Iran (République islamique d')")).toBe("Iran (République islamique d')");
  });
});

describe('readCountryCodes', () => {
  it('reads codes, UNSD names in three languages, regions and flags; skips rows without ISO3', async () => {
    const written = writeCountryCodes(dir);
    const { records, summary } = await collect(readCountryCodes(fileChunks(written.path), written.path));
    expect(records.map(({ line: _line, ...r }) => r)).toEqual(written.expected);
    expect(summary.countries).toBe(written.expected.length);
    expect(summary.skipped).toHaveLength(written.skipped);
  });

  it('falls back to UNTERM names without article, then to the CLDR name', async () => {
    const written = writeCountryCodes(dir);
    const { records } = await collect(readCountryCodes(fileInPieces(written.path, 3), written.path));
    expect(records.find((r) => r.iso3 === 'USA')?.names).toEqual({
      en: 'United States of America',
      fr: "États-Unis d'Amérique",
      es: 'Estados Unidos de América',
    });
    expect(records.find((r) => r.iso3 === 'HKG')?.names).toEqual({ en: 'Hong Kong' });
    expect(records.find((r) => r.iso3 === 'AFG')).toBeUndefined();
    expect(records.find((r) => r.iso3 === 'BRA')).toMatchObject({ m49: '076', region: { code: '019', name: 'Americas' } });
  });

  it('names the file, line and field of bad cells and missing columns', async () => {
    const header = COUNTRY_CODES_COLUMNS.join(',');
    const row = (cells: Record<string, string>) => COUNTRY_CODES_COLUMNS.map((c) => cells[c] ?? '').join(',');
    const parse = (text: string) => collect(readCountryCodes([text], 'country-codes.csv'));
    const ok = { 'ISO3166-1-Alpha-3': 'KEN', 'ISO3166-1-Alpha-2': 'KE', M49: '404', official_name_en: 'Kenya' };
    expect((await errorOf(() => parse(`${header}\n${row(ok)}\n${row({ ...ok, M49: 'x4' })}\n`))).message).toBe(
      'country-codes.csv, line 3, field "M49": not an M49 code: "x4"',
    );
    expect((await errorOf(() => parse(`${header}\n${row({ ...ok, 'Least Developed Countries (LDC)': 'y' })}\n`))).message).toBe(
      'country-codes.csv, line 2, field "Least Developed Countries (LDC)": expected "x" or an empty cell, found "y"',
    );
    expect((await errorOf(() => parse(`${header}\n${row({ ...ok, official_name_en: '' })}\n`))).message).toBe(
      'country-codes.csv, line 2, field "official_name_en": no English name in any name column',
    );
    const noM49 = COUNTRY_CODES_COLUMNS.filter((c) => c !== 'M49').join(',');
    expect((await errorOf(() => parse(`${noM49}\n`))).message).toBe('country-codes.csv, line 1, field "M49": missing column "M49"');
  });
});
