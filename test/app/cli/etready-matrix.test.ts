/** `observatory etready template|import|show`: the empty template, a filled-in one imported or refused, a country's shares. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/storage/open.ts';
import { xlsxRows } from '../../../src/adapters/sources/xlsx-rows.ts';
import { main } from '../../../src/app/cli/main.ts';
import { parseCsv } from '../../support/csv.ts';
import { seed } from '../../web/api/fixture.ts';
import { HEADER, MATRIX } from '../../web/api/etready-matrix-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'observatory-cli-etready-matrix-'));
const dataDir = join(dir, 'data');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...args, '--data-dir', dataDir], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

beforeAll(async () => {
  const store = await openStore({ dataDir });
  try {
    await seed(store);
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('observatory etready template, import and show', () => {
  it('prints the empty template as CSV and writes it as a workbook', async () => {
    const csv = await run(['etready', 'template']);
    expect(csv.code).toBe(0);
    expect(csv.out).toBe(`${HEADER}\r\n`);
    const out = join(dir, 'template.xlsx');
    const xlsx = await run(['etready', 'template', '--format', 'xlsx', '--out', out]);
    expect(xlsx.code).toBe(0);
    expect(xlsxRows(new Uint8Array(readFileSync(out)), out)[0]).toEqual(HEADER.split(','));
    const refused = await run(['etready', 'template', '--format', 'xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('give --out');
    expect((await run(['etready', 'template', '--format', 'pdf'])).code).toBe(2);
  });

  it('refuses a bad template naming the file, line and field, then imports a good one', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, [HEADER, 'recommendation,Mali,tourism,X-1,t,,,,,not started,2019,,'].join('\n'));
    const r = await run(['etready', 'import', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}, line 2, field "area": unknown policy area "tourism"`);
    const good = join(dir, 'matrix.csv');
    writeFileSync(good, MATRIX);
    const ok = await run(['etready', 'import', good]);
    expect(ok.err).toMatch(/imported as vintage \d+/);
    expect(ok.code).toBe(0);
  });

  it('shows a country’s shares per area on a date and its recommendations', async () => {
    const r = await run(['etready', 'show', 'MLI', '--date', '2021-12-31']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('shares on 2021-12-31');
    expect(r.out).toMatch(/payments\s+2\s+0\s+100\s+0/);
    expect(r.out).toMatch(/overall\s+3\s+33\.3\s+66\.7\s+1/);
    expect(r.out).toMatch(/PAY-1\s+payments\s+under-implementation/);
    const csv = parseCsv((await run(['etready', 'show', 'MLI', '--format', 'csv'])).out);
    expect(csv[0]?.[2]).toBe('recommendation_id');
    expect(csv).toHaveLength(5);
    expect((await run(['etready', 'show', 'NGA'])).out).toContain('NGA: no action matrix recorded');
    const future = await run(['etready', 'show', 'MLI', '--date', '2999-01-01']);
    expect(future.code).toBe(2);
  });
});
