/**
 * `observatory readiness country <METHOD> <ISO3>` and `readiness group <METHOD> <ID>`: the API's answers as a
 * table with the headline figures under it, or as its CSV; the year and rule flags; the refusals.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/storage/open.ts';
import { main } from '../../../src/app/cli/main.ts';
import { parseCsv } from '../../support/csv.ts';
import { KEN_2021, seedReadiness } from '../../support/readiness-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'observatory-cli-readiness-places-'));
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
    await seedReadiness(store, dir);
  } finally {
    await store.close();
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('observatory readiness country and group', () => {
  it('prints a country’s components, its score and rank with ties, and the published edition', async () => {
    const r = await run(['readiness', 'country', 'unctad-b2c', 'tuv', '--missing', 'reweight']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('TUV 2023 (missing components: reweight): score 50, rank 3 of 9, tied with CIV');
    expect(r.out).toContain('not ranked in the published edition of 2021');
    const k = await run(['readiness', 'country', 'unctad-b2c', 'KEN', '--year', '2021']);
    expect(k.out).toContain(`score ${Math.round(KEN_2021 * 100) / 100}, rank 3 of 4`);
    expect(k.out).toContain('published edition 2021: score 41.8, rank 3 of 4\n');
  });

  it('gives a group’s members as CSV, and its average and components as a table', async () => {
    const csv = await run(['readiness', 'group', 'unctad-b2c', 'LDC', '--missing', 'reweight', '--format', 'csv']);
    expect(csv.code, csv.err).toBe(0);
    const [header, ...rows] = parseCsv(csv.out);
    expect(rows.map((x) => x[header!.indexOf('iso3')]).sort()).toEqual(['HTI', 'MLI', 'TUV']);
    const t = await run(['readiness', 'group', 'unctad-b2c', 'ACP']);
    expect(t.out).toContain('ACP 2023 (missing components: drop): average');
    expect(t.out).toContain('2 of 7 members scored, 81% of the population');
    expect(t.out).toContain('components: internet 53 (2 of 7)');
  });

  it('refuses a missing place, a bad rule, and a flag of another action', async () => {
    expect((await run(['readiness', 'country', 'unctad-b2c'])).code).toBe(2);
    const bad = await run(['readiness', 'group', 'unctad-b2c', 'ACP', '--missing', 'zero']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"zero" is none of drop, reweight, impute');
    expect((await run(['readiness', 'group', 'unctad-b2c', 'ACP', '--groups', 'LDC'])).code).toBe(2);
  });
});
