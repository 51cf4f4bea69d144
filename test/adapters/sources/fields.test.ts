import { describe, expect, it } from 'vitest';
import { Header, numberCell, yearColumns, yearOf } from '../../../src/adapters/sources/fields.ts';

const at = { file: 'f.csv', line: 2, field: '2020' };

describe('numberCell', () => {
  it('reads decimal numbers, with exponents and signs, and treats "" and ".." as missing', () => {
    expect(['12', '-0.5', '-.5', '+3', '1.', '1.5E-3', '-7.3915808204950398E-4', ' 4 ', '0'].map((t) => numberCell(t, at))).toEqual([
      12, -0.5, -0.5, 3, 1, 0.0015, -7.3915808204950398e-4, 4, 0,
    ]);
    expect(numberCell('', at)).toBeNull();
    expect(numberCell('  ', at)).toBeNull();
    expect(numberCell('..', at)).toBeNull();
  });

  it('refuses everything else, naming the place', () => {
    for (const bad of ['0x10', '0b1', 'Infinity', '-', '1,5', '1 000', 'NaN', '1e', '12%', 'n/a']) {
      expect(() => numberCell(bad, at)).toThrow(`f.csv, line 2, field "2020": not a number: ${JSON.stringify(bad)}`);
    }
    expect(() => numberCell('1e999', at)).toThrow('f.csv, line 2, field "2020": number out of range: "1e999"');
  });
});

describe('yearOf', () => {
  it('reads years and DataBank year headers, and nothing else', () => {
    expect(yearOf('2021')).toBe(2021);
    expect(yearOf(' 1960 ')).toBe(1960);
    expect(yearOf('2021 [YR2021]')).toBe(2021);
    expect(yearOf('2021 [YR2020]')).toBeNull();
    expect(yearOf('21')).toBeNull();
    expect(yearOf('1850')).toBeNull();
    expect(yearOf('2021.0')).toBeNull();
  });
});

describe('yearColumns', () => {
  it('reads the year columns besides the known ones, skipping unnamed columns', () => {
    const header = new Header(['Country Name', '2019', ' 2020 [YR2020] ', ''], 1, 'f.csv');
    expect(yearColumns(header, [0], 'WITS')).toEqual([
      { index: 1, year: 2019, name: '2019' },
      { index: 2, year: 2020, name: '2020 [YR2020]' },
    ]);
  });

  it('refuses a named column that is not a year, naming the format, and a repeated year', () => {
    expect(() => yearColumns(new Header(['Country Name', '2019', 'Notes'], 3, 'f.csv'), [0], 'World Bank')).toThrow(
      'f.csv, line 3, field "Notes": column "Notes" is neither a year nor a World Bank column',
    );
    expect(() => yearColumns(new Header(['Country Name', '2019', '2019 [YR2019]'], 3, 'f.csv'), [0], 'WITS')).toThrow(
      'f.csv, line 3, field "2019 [YR2019]": year 2019 appears twice in the header',
    );
  });
});

describe('Header', () => {
  it('finds columns regardless of case and spacing, and names a missing one with the header line', () => {
    const header = new Header(['Country  name', 'COUNTRY CODE', ''], 5, 'f.csv');
    expect(header.find('Country Name')).toBe(0);
    expect(header.require('Country Code')).toBe(1);
    expect(header.nameAt(2)).toBe('column 3');
    expect(() => header.require('Year')).toThrow('f.csv, line 5, field "Year": missing column "Year"');
  });
});
