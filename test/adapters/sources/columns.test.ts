import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/domain/errors.ts';
import { columns, readTable, type TableOptions } from '../../../src/adapters/sources/columns.ts';
import { entityCell, numberCell, yearCell } from '../../../src/adapters/sources/fields.ts';
import { errorOf } from './helpers.ts';

const TABLE = columns({
  code: { header: 'Country Code', required: true, parse: entityCell },
  year: { header: ['Year', 'Time'], required: true, parse: yearCell },
  value: { header: 'Value', parse: numberCell },
  name: { header: 'Country Name' },
});

async function read(text: string, options: TableOptions<typeof TABLE.spec> = {}) {
  const rows = [];
  for await (const batch of readTable([text], 't.csv', TABLE, options)) {
    for (const row of batch) rows.push({ line: row.line, code: row.get('code'), year: row.get('year'), value: row.get('value'), name: row.get('name') });
  }
  return rows;
}

describe('columns', () => {
  it('finds the columns by header or alias, whatever the case and spacing, and reads each cell with its parser', async () => {
    expect(await read('country  code,TIME,Value,Country Name\nKEN,2020,1.5,Kenya\nNGA,2021,,\n')).toEqual([
      { line: 2, code: 'KEN', year: 2020, value: 1.5, name: 'Kenya' },
      { line: 3, code: 'NGA', year: 2021, value: null, name: '' },
    ]);
  });

  it('reads an optional column the file lacks as empty cells', async () => {
    expect(await read('Country Code,Year\nKEN,2020\n')).toEqual([{ line: 2, code: 'KEN', year: 2020, value: null, name: '' }]);
  });

  it('names the first missing required column, its aliases and the header line', async () => {
    const error = await errorOf(() => read('Country Code,Value\nKEN,1\n'));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location).toEqual({ file: 't.csv', line: 1, field: 'Year' });
    expect((error as InputError).reason).toBe('missing column "Year" (or "Time")');
  });

  it('locates a bad cell by file, line and column', async () => {
    const error = (await errorOf(() => read('Country Code,Year\nKEN,2020\nKEN,20x1\n'))) as InputError;
    expect(error.location).toEqual({ file: 't.csv', line: 3, field: 'Year' });
    expect(error.reason).toBe('not a year: "20x1"');
  });

  it('names a column as the file writes it when asked to', async () => {
    const written = columns({ year: { header: 'Year', required: true, parse: yearCell, asWritten: true } });
    const error = (await errorOf(async () => {
      for await (const batch of readTable(['YEAR \nabc\n'], 't.csv', written)) for (const row of batch) row.get('year');
    })) as InputError;
    expect(error.location).toEqual({ file: 't.csv', line: 2, field: 'YEAR' });
  });

  it('refuses a file without a header row as missing its first required column, unless the format says otherwise', async () => {
    const error = (await errorOf(() => read(''))) as InputError;
    expect(error.location).toEqual({ file: 't.csv', line: 1, field: 'Country Code' });
    expect(error.reason).toBe('missing column "Country Code": the file has no header row');
    const ifEmpty = (): never => {
      throw new InputError('the file is empty', { file: 't.csv', line: 1 });
    };
    expect((await errorOf(() => read('', { ifEmpty }))).message).toBe('t.csv, line 1: the file is empty');
  });

  it('passes over a preamble before the header, and tells the reader the header once it is found', async () => {
    const seen: number[] = [];
    const rows = await read('Data Source,WDI\n\nCountry Code,Year\nKEN,2020\n', {
      preamble: (fields) => fields[0] === 'Data Source',
      onHeader: (table) => seen.push(table.header.line, table.index.year),
    });
    expect(seen).toEqual([3, 1]);
    expect(rows).toEqual([{ line: 4, code: 'KEN', year: 2020, value: null, name: '' }]);
  });

  it('reads the layout a header shows', async () => {
    const other = columns({
      code: { header: 'ISO3', required: true, parse: entityCell },
      year: { header: ['Year'], required: true, parse: yearCell },
      value: { header: 'Value', parse: numberCell },
      name: { header: 'Name' },
    });
    const rows = await read('ISO3,Year,Name\nKEN,2020,Kenya\n', { layout: (h) => (h.find('ISO3') >= 0 ? other : TABLE) });
    expect(rows).toEqual([{ line: 2, code: 'KEN', year: 2020, value: null, name: 'Kenya' }]);
  });
});
