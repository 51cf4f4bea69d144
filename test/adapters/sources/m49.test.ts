import { describe, expect, it } from 'vitest';
import { collect } from '../../../src/adapters/sources/batches.ts';
import { fileChunks } from '../../../src/adapters/sources/csv.ts';
import { readM49 } from '../../../src/adapters/sources/m49.ts';
import { writeM49 } from '../../fixtures/fixtures.ts';
import { errorOf, fileInPieces, tempDir } from './helpers.ts';

const dir = tempDir();

const withoutLine = <T extends { line: number }>(records: readonly T[]): Omit<T, 'line'>[] =>
  records.map(({ line: _line, ...rest }) => rest);

const HEAD =
  'Global Code,Global Name,Region Code,Region Name,Sub-region Code,Sub-region Name,Intermediate Region Code,Intermediate Region Name,Country or Area,M49 Code,ISO-alpha2 Code,ISO-alpha3 Code,Least Developed Countries (LDC),Land Locked Developing Countries (LLDC),Small Island Developing States (SIDS)\n';

describe('readM49', () => {
  it('reads the English UNSD table with its BOM, quoted names with commas, flags and regions', async () => {
    const written = writeM49(dir);
    const { records, summary } = await collect(readM49(fileChunks(written.path), written.path));
    expect(withoutLine(records)).toEqual(written.expected);
    expect(summary).toEqual({ lang: 'en', rows: written.expected.length + 1, countries: written.expected.length, skipped: [{ line: 18, name: 'Sark' }] });
    const hkg = records.find((r) => r.iso3 === 'HKG');
    expect(hkg?.names).toEqual({ en: 'China, Hong Kong Special Administrative Region' });
    const tuv = records.find((r) => r.iso3 === 'TUV');
    expect(tuv).toMatchObject({ ldc: true, lldc: false, sids: true, intermediateRegion: null, subregion: { code: '061', name: 'Polynesia' } });
  });

  it('reads the semicolon-separated download, guessed or told, in 1-byte pieces', async () => {
    const written = writeM49(dir, { delimiter: ';', fileName: 'semicolon.csv', crlf: true });
    const guessed = await collect(readM49(fileInPieces(written.path, 1), written.path));
    expect(withoutLine(guessed.records)).toEqual(written.expected);
    const told = await collect(readM49(fileChunks(written.path), written.path, { delimiter: ';' }));
    expect(withoutLine(told.records)).toEqual(written.expected);
  });

  it('reads the French and Spanish tables by position, names going to names.fr / names.es', async () => {
    for (const lang of ['fr', 'es'] as const) {
      const written = writeM49(dir, { lang, delimiter: ';' });
      const { records, summary } = await collect(readM49(fileChunks(written.path), written.path));
      expect(summary.lang).toBe(lang);
      expect(withoutLine(records)).toEqual(written.expected);
    }
    const fr = writeM49(dir, { lang: 'fr', fileName: 'fr-told.csv' });
    const { records } = await collect(readM49(fileChunks(fr.path), fr.path, { lang: 'fr' }));
    expect(records.find((r) => r.iso3 === 'HTI')?.names).toEqual({ fr: 'Haïti' });
  });

  it('refuses an English table said to be French, and a translated table whose ISO columns moved', async () => {
    const written = writeM49(dir, { fileName: 'en-as-fr.csv' });
    expect((await errorOf(() => collect(readM49(fileChunks(written.path), written.path, { lang: 'fr' })))).message).toBe(
      `${written.path}, line 1: the header is in English, but the file was given as "fr"`,
    );
    const moved = 'Code global;Nom global;Code de la région;Nom de la région;Code de la sous-région;Nom de la sous-région;Code de la région intermédiaire;Nom de la région intermédiaire;Pays ou zone;Code M49;Code ISO-alpha3;Code ISO-alpha2\n';
    expect((await errorOf(() => collect(readM49([moved], 'm49-fr.csv'))))).toHaveProperty(
      'message',
      'm49-fr.csv, line 1, field "ISO-alpha2 Code": missing column "ISO-alpha2 Code" (expected as column 11 of the UNSD table)',
    );
  });

  it('names file, line and field of bad codes and flags', async () => {
    const parse = (row: string) => collect(readM49([HEAD + row], 'm49.csv'));
    expect((await errorOf(() => parse('001,World,002,Africa,202,Sub-Saharan Africa,011,Western Africa,Senegal,686,SN,SENE,x,,\n'))).message).toBe(
      'm49.csv, line 2, field "ISO-alpha3 Code": not an ISO 3166 alpha-3 code: "SENE"',
    );
    expect((await errorOf(() => parse('001,World,002,Africa,202,Sub-Saharan Africa,011,Western Africa,Senegal,6860,SN,SEN,x,,\n'))).message).toBe(
      'm49.csv, line 2, field "M49 Code": not an M49 code: "6860"',
    );
    expect((await errorOf(() => parse('001,World,002,Africa,202,Sub-Saharan Africa,011,Western Africa,Senegal,686,SN,SEN,yes,,\n'))).message).toBe(
      'm49.csv, line 2, field "Least Developed Countries (LDC)": expected "x" or an empty cell, found "yes"',
    );
    expect((await errorOf(() => collect(readM49(['Global Code,Country or Area,M49 Code\n'], 'm49.csv')))).message).toBe(
      'm49.csv, line 1, field "Region Code": missing column "Region Code"',
    );
  });

  it('keeps Namibia\'s "NA" as a code, not a missing value', async () => {
    const { records } = await collect(readM49([HEAD + '001,World,002,Africa,202,Sub-Saharan Africa,018,Southern Africa,Namibia,516,NA,NAM,,,\n'], 'm49.csv'));
    expect(records[0]).toMatchObject({ iso3: 'NAM', iso2: 'NA', m49: '516' });
  });
});
