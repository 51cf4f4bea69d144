/** `observatory etready`: the assessments recorded, the requests still waiting, every country as CSV. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import { openStore } from '../../../src/adapters/storage/open.ts';
import { main } from '../../../src/app/cli/main.ts';
import { parseCsv } from '../../support/csv.ts';
import { seed } from '../../web/api/fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'observatory-cli-etready-'));
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
    const path = join(dir, 'etready.csv');
    writeFileSync(path, ['country_or_region,status,status_date,document_symbol,link', 'Mali,requested,2018,,', 'Tuvalu,published,2019,UNCTAD/DTL/STICT/2019/13,'].join('\n'));
    await importFile(store, path);
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('observatory etready', () => {
  it('lists the assessments recorded and says how many countries are not recorded', async () => {
    const r = await run(['etready']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/MLI\s+Mali\s+requested\s+2018/);
    expect(r.out).toMatch(/TUV\s+Tuvalu\s+published/);
    expect(r.out).toContain('1 requests still waiting; 7 countries not recorded.');
  });

  it('writes every country as CSV, the uncovered ones not-recorded', async () => {
    const r = await run(['etready', '--format', 'csv', '--groups', 'LDC']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    expect(rows).toHaveLength(10);
    expect(rows.find((x) => x[0] === 'USA')?.[3]).toBe('not-recorded');
    expect(rows.find((x) => x[0] === 'MLI')?.[11]).toBe('LDC');
  });

  it('refuses an unknown group', async () => {
    const r = await run(['etready', '--groups', 'NOPE']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('groups');
  });
});
