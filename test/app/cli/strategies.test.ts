/** `observatory strategies`: list and show at a date (table, CSV, JSON), import a template (CSV, XLSX) with errors refused, and the empty template. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/storage/open.ts';
import { xlsxRows } from '../../../src/adapters/sources/xlsx-rows.ts';
import { main } from '../../../src/app/cli/main.ts';
import { MEASURE_HEADER } from '../../../src/domain/strategies/template.ts';
import { parseCsv } from '../../support/csv.ts';
import { seed } from '../../web/api/fixture.ts';
import { importStrategies, row } from '../../web/api/strategy-measures-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'observatory-cli-strategies-'));
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
    await importStrategies(store, dir);
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('observatory strategies', () => {
  it('lists the shares per strategy and area on a date', async () => {
    const r = await run(['strategies', 'list', '--date', '2025-06-30', '--strategy', 'fji-ecom']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/fji-ecom\s+2025-06-30\s+all\s+3\s+33\.3/);
    expect(r.out).toMatch(/fji-ecom\s+2025-06-30\s+payments\s+1\s+0\s+100/);
    const csv = parseCsv((await run(['strategies', '--format', 'csv', '--date', '2024-04-18', '--strategy', 'pacific'])).out);
    expect(csv[1]?.slice(0, 1)).toEqual(['pacific']);
    expect([csv[1]?.[12], csv[1]?.[13], csv[1]?.[14], csv[1]?.[15]]).toEqual(['50', '25', '2024-04-18', '61']);
  });

  it('shows a strategy as JSON with the checkpoints compared, and its measures as a table', async () => {
    const json = JSON.parse((await run(['strategies', 'show', 'pacific', '--date', '2025-06-30', '--format', 'json'])).out);
    expect(json.checkpoints[1].difference).toEqual({ underImplementation: -11, completed: 2 });
    const table = await run(['strategies', 'show', 'fji-ecom', '--date', '2025-06-30']);
    expect(table.out).toMatch(/1\.3\s+skills\s+Digital skills for SMEs\s+low\s+2000\s+FJD\s+0\s+dropped/);
    const bad = await run(['strategies', 'show', 'fji-ecom', '--area', 'farming']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown policy area "farming"');
  });

  it('writes the empty template as CSV and XLSX', async () => {
    const csv = await run(['strategies', 'template']);
    expect(csv.out.split('\r\n')[0]).toBe(MEASURE_HEADER.join(','));
    const out = join(dir, 't.xlsx');
    expect((await run(['strategies', 'template', '--format', 'xlsx', '--out', out])).code).toBe(0);
    expect(xlsxRows(new Uint8Array(readFileSync(out)), 't.xlsx')[0]).toEqual([...MEASURE_HEADER]);
    expect((await run(['strategies', 'template', '--format', 'xlsx'])).code).toBe(2);
  });

  it('imports a filled-in template, and refuses a bad one naming file, line and field', async () => {
    const path = join(dir, 'more.csv');
    writeFileSync(path, [MEASURE_HEADER.join(','), row({ strategy_id: 'fji-ecom', measure_id: '2.1', policy_area: 'financing', measure: 'SME credit line', status: 'under implementation', status_date: '2025-05-01' })].join('\n'));
    const ok = await run(['strategies', 'import', path]);
    expect([ok.code, ok.err]).toEqual([0, '']);
    expect(ok.out).toContain('more.csv: imported');
    expect(ok.out).toContain('1 status changes of 1 measures');
    writeFileSync(path, [MEASURE_HEADER.join(','), row({ strategy_id: 'fji-ecom', measure_id: '2.2', policy_area: 'financing', measure: 'x', budget: 'lots', currency: 'USD', status: 'completed', status_date: '2025-05-01' })].join('\n'));
    const bad = await run(['strategies', 'import', path]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('more.csv, line 2, field "budget": budget is not a number: "lots"');
    const list = await run(['strategies', 'list', '--date', '2025-06-30', '--strategy', 'fji-ecom', '--area', 'financing']);
    expect(list.out).toMatch(/fji-ecom\s+2025-06-30\s+all\s+1\s+100/);
  });
});
