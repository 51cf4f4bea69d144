import { describe, expect, it } from 'vitest';
import { collect } from '../../../src/adapters/sources/batches.ts';
import { fileChunks } from '../../../src/adapters/sources/csv.ts';
import { FINDEX_COLUMNS, readFindex } from '../../../src/adapters/sources/findex.ts';
import { writeFindex } from '../../fixtures/fixtures.ts';
import { errorOf, fileInPieces, sortObservations, tempDir } from './helpers.ts';

const dir = tempDir();
const LEAD = 'Country name,Country code,Year,Adult populaiton,Region,Income group';

describe('readFindex', () => {
  it('reads the mapped columns of the DatabankWide layout, stripping "%", ignoring the others', async () => {
    const written = writeFindex(dir);
    const { records, summary } = await collect(readFindex(fileChunks(written.path), written.path));
    expect(sortObservations(records)).toEqual(sortObservations(written.expected));
    expect(summary.rows).toBe(written.rows);
    expect(summary.indicators.sort()).toEqual(FINDEX_COLUMNS.map((c) => c.code).sort());
  });

  it('keeps aggregate rows (World) with their codes', async () => {
    const written = writeFindex(dir, { fileName: 'agg.csv' });
    const { records } = await collect(readFindex(fileChunks(written.path), written.path));
    expect(records.some((r) => r.entity === 'WLD' && r.entityName === 'World')).toBe(true);
  });

  it('reads the key-indicators subset with a BOM and LF, one byte at a time', async () => {
    const written = writeFindex(dir, { variant: 'key', bom: true, crlf: false, seed: 12 });
    const { records } = await collect(readFindex(fileInPieces(written.path, 1), written.path, { batchSize: 3 }));
    expect(sortObservations(records)).toEqual(sortObservations(written.expected));
  });

  it('accepts "Adult population" and reads bare shares 0–1 as percentages', async () => {
    const text = 'Country name,Country code,Year,Adult population,Account (% age 15+)\nKenya,KEN,2021,30000000,0.79\nFiji,FJI,2021,,0.07\n';
    const { records } = await collect(readFindex([text], 'findex.csv'));
    expect(records).toEqual([
      { indicator: 'FX.OWN.TOTL.ZS', entity: 'KEN', entityName: 'Kenya', year: 2021, value: 79 },
      { indicator: 'FINDEX.POP.ADULT', entity: 'KEN', entityName: 'Kenya', year: 2021, value: 30000000 },
      { indicator: 'FX.OWN.TOTL.ZS', entity: 'FJI', entityName: 'Fiji', year: 2021, value: 7 },
    ]);
  });

  it('names file, line and column of bad values', async () => {
    const parse = (text: string) => collect(readFindex([text], 'findex.csv'));
    const head = `${LEAD},Account (% age 15+)\n`;
    expect((await errorOf(() => parse(`${head}Kenya,KEN,2021,30000000,SSA,LMC,79%\nFiji,FJI,2021,600000,EAP,UMC,abc%\n`))).message).toBe(
      'findex.csv, line 3, field "Account (% age 15+)": not a number: "abc"',
    );
    expect((await errorOf(() => parse(`${head}Kenya,KEN,2021,30000000,SSA,LMC,79\n`))).message).toBe(
      'findex.csv, line 2, field "Account (% age 15+)": a bare number outside 0–1 in a percentage column: "79" (write "68%" or 0.68)',
    );
    expect((await errorOf(() => parse(`${head}Kenya,KEN,21,30000000,SSA,LMC,79%\n`))).message).toBe(
      'findex.csv, line 2, field "Year": not a year: "21"',
    );
    expect((await errorOf(() => parse(`${head}Kenya,KEN,2021,30%,SSA,LMC,79%\n`))).message).toBe(
      'findex.csv, line 2, field "Adult populaiton": a percentage in a column of counts: "30%"',
    );
  });

  it('names a missing leading column, and a file with none of the mapped columns', async () => {
    const parse = (text: string) => collect(readFindex([text], 'findex.csv'));
    expect((await errorOf(() => parse('Country name,Year,Account (% age 15+)\n'))).message).toBe(
      'findex.csv, line 1, field "Country code": missing column "Country code"',
    );
    expect((await errorOf(() => parse('Country name,Country code,Year,Region\n'))).message).toBe(
      'findex.csv, line 1, field "Account (% age 15+)": missing column "Account (% age 15+)": none of the Findex indicator columns is present',
    );
  });
});
