import { describe, expect, it } from 'vitest';
import { collect } from '../../../src/adapters/sources/batches.ts';
import { fileChunks } from '../../../src/adapters/sources/csv.ts';
import { readWorldBankMetadata } from '../../../src/adapters/sources/worldbank-metadata.ts';
import { writeWorldBankMetadata } from '../../fixtures/fixtures.ts';
import { errorOf, fileInPieces, tempDir } from './helpers.ts';

const dir = tempDir();

describe('readWorldBankMetadata', () => {
  it('reads regions and income groups, aggregates without region, notes with line breaks', async () => {
    const written = writeWorldBankMetadata(dir);
    const { records, summary } = await collect(readWorldBankMetadata(fileChunks(written.path), written.path));
    expect(records.map(({ line: _line, ...r }) => r)).toEqual(written.expected);
    expect(summary).toEqual({ rows: written.expected.length, aggregates: 3 });
    const npl = records.find((r) => r.iso3 === 'NPL');
    const usa = records.find((r) => r.iso3 === 'USA');
    // The NPL note spans two physical lines, so the next record starts two lines later.
    expect((usa?.line ?? 0) - (npl?.line ?? 0)).toBe(2);
  });

  it('reads the CRLF, BOM-less variant in 1-byte pieces', async () => {
    const written = writeWorldBankMetadata(dir, { fileName: 'm2.csv', crlf: true, bom: false });
    const { records } = await collect(readWorldBankMetadata(fileInPieces(written.path, 1), written.path));
    expect(records.map(({ line: _line, ...r }) => r)).toEqual(written.expected);
  });

  it('names the missing column on the header line', async () => {
    const error = await errorOf(() => collect(readWorldBankMetadata(['Country Code,Region,SpecialNotes,TableName\n'], 'meta.csv')));
    expect(error.message).toBe('meta.csv, line 1, field "IncomeGroup": missing column "IncomeGroup" (or "Income Group")');
  });

  it('names the line of a row without a code', async () => {
    const text = 'Country Code,Region,IncomeGroup,SpecialNotes,TableName\nKEN,Sub-Saharan Africa,Lower middle income,,Kenya\n,South Asia,,,Nowhere\n';
    const error = await errorOf(() => collect(readWorldBankMetadata([text], 'meta.csv')));
    expect(error.message).toBe('meta.csv, line 3, field "Country Code": empty code');
  });
});
