/**
 * `observatory readiness`: the methods, and the B2C index of a year beside a published edition, with the
 * flags of the API's question and its refusals.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import { openStore } from '../../../src/adapters/storage/open.ts';
import { main } from '../../../src/app/cli/main.ts';
import { parseCsv } from '../../support/csv.ts';
import { seed } from '../../web/api/fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'observatory-cli-readiness-'));
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
    const path = join(dir, 'b2c_2021.csv');
    writeFileSync(
      path,
      [
        'rank_2021,economy,internet_use_pct,account_ownership_pct,secure_servers_normalized,upu_postal_reliability,index_value_2021,index_value_change_2020_21,rank_2020_recomputed',
        '1,United States,90,93,100,80,90.8,0.1,1',
        '2,Kenya,30,82,35,20,41.8,1.0,2',
      ].join('\n'),
    );
    await importFile(store, path);
  } finally {
    await store.close();
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('observatory readiness', () => {
  it('lists the methods', async () => {
    const r = await run(['readiness', 'list']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('unctad-b2c');
  });

  it('shows an index beside the published edition, as CSV with the question’s columns', async () => {
    const r = await run(['readiness', 'show', 'unctad-b2c', '--year', '2021', '--missing', 'reweight', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const [header, ...rows] = parseCsv(r.out);
    const usa = rows.find((x) => x[0] === 'USA') ?? [];
    const at = (name: string) => usa[header?.indexOf(name) ?? -1];
    expect([at('score'), at('rank'), at('published_score'), at('published_rank'), at('treatment')]).toEqual(['90', '1', '90.8', '1', 'reweighted']);
  });

  it('prints the reproduction under the table', async () => {
    const r = await run(['readiness', 'show', 'unctad-b2c', '--year', '2021', '--missing', 'reweight']);
    expect(r.out).toContain('compared with the published index on 2 economies');
  });

  it('refuses a bad rule with the API’s message, and an unknown method', async () => {
    const bad = await run(['readiness', 'show', 'unctad-b2c', '--missing', 'zero']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"zero" is none of drop, reweight, impute');
    expect((await run(['readiness', 'show', 'nope'])).code).toBe(2);
  });
});
