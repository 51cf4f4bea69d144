/**
 * `observatory moratorium …` on an embedded database holding the API fixture and the estimator's small
 * trade vintage (Tuvalu's imports and tariff, hand-worked figures in test/support/moratorium-fixture.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/storage/open.ts';
import { main } from '../../../src/app/cli/main.ts';
import { tempDir } from '../../adapters/importers/support.ts';
import { parseCsv } from '../../support/csv.ts';
import { MORATORIUM_EXPECTED as X, seedMoratorium, seedVat } from '../../support/moratorium-fixture.ts';
import { seed } from '../../web/api/fixture.ts';

const dataDir = join(tempDir('observatory-cli-moratorium-'), 'data');
const saved = { DATABASE_URL: process.env.DATABASE_URL, OBSERVATORY_DATA_DIR: process.env.OBSERVATORY_DATA_DIR };

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...args, '--data-dir', dataDir], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.OBSERVATORY_DATA_DIR;
  const store = await openStore({ dataDir });
  try {
    await seed(store);
    await seedMoratorium(store, { reporter: 'TUV', unrated: 'HTI' });
    await seedVat(store, { reporter: 'TUV', unrated: 'HTI' });
  } finally {
    await store.close();
  }
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

describe('observatory moratorium', () => {
  it('estimates a country as a table, with its assumptions and sources on stderr', async () => {
    const r = await run(['moratorium', 'estimate', '--country', 'TUV', '--tariff', 'mfn']);
    expect(r.code, r.err).toBe(0);
    const [header = '', rule = '', ...rows] = r.out.trimEnd().split('\n');
    expect(header).toMatch(/^reporter\s+year\s+revenue_usd\s+imports_usd/);
    expect(rule).toMatch(/^-+\s+-+/);
    expect(rows.map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
      ['TUV', '2021', String(X.mfn[2021])],
      ['TUV', '2022', String(X.mfn[2022])],
    ]);
    expect(r.err).toContain('tariff measure: mfn');
    expect(r.err).toContain('WITS TRAINS (test extract)');
  });

  it('writes CSV with the assumptions and vintages on every row, and the lines on request', async () => {
    const r = await run(['moratorium', 'estimate', '--country', 'TUV', '--tariff', 'bound', '--years', '2022', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const [header = [], ...rows] = parseCsv(r.out);
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? [];
    expect(row[header.indexOf('revenue_usd')]).toBe(String(X.bound[2022]));
    expect(row[header.indexOf('tariff')]).toBe('bound');
    expect(row[header.indexOf('vintages')]).toMatch(/^\d+(\+\d+)+$/);
    const lines = parseCsv((await run(['moratorium', 'estimate', '--country', 'TUV', '--years', '2022', '--lines', '--format', 'csv'])).out);
    expect(lines.slice(1).map((l) => l[3])).toEqual(['370400', '490110', '852349', '950450']);
  });

  it('totals a group and shows the members without data', async () => {
    const r = await run(['moratorium', 'estimate', '--group', 'LDC', '--years', '2022', '--valuation', 'carrier', '--carrier-share', '0.1', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const [header = [], ...rows] = parseCsv(r.out);
    const at = (level: string, reporter: string, col: string) => rows.find((x) => x[0] === level && x[1] === reporter)?.[header.indexOf(col)];
    expect(at('group', 'LDC', 'revenue_usd')).toBe(String(X.carrier2022));
    expect(at('country', 'MLI', 'status')).toBe('no data');
  });

  it('lists the product lists and the coverage, and runs the sensitivity', async () => {
    const lists = await run(['moratorium', 'lists']);
    expect(lists.code).toBe(0);
    expect(lists.out).toContain('digitisable-hs2022');
    const coverage = await run(['moratorium', 'coverage', '--format', 'csv']);
    expect(parseCsv(coverage.out).find((r) => r[0] === 'TUV')?.slice(0, 5)).toEqual(['TUV', 'Tuvalu', 'HS2022', '2021', '2022']);
    const sensitivity = await run(['moratorium', 'sensitivity', '--country', 'TUV', '--years', '2022']);
    expect(sensitivity.code, sensitivity.err).toBe(0);
    expect(sensitivity.out).toMatch(/tariff measure\s+bound\s+520000/);
  });

  it('compares the duty with VAT at the registry rate, and lists the registry', async () => {
    const r = await run(['moratorium', 'vat', '--country', 'TUV', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const [header = [], ...rows] = parseCsv(r.out);
    const at = (i: number, col: string) => rows[i]?.[header.indexOf(col)];
    expect([at(0, 'year'), at(0, 'duty_revenue_usd'), at(0, 'vat_revenue_usd'), at(0, 'vat_rate_pct'), at(0, 'rate_used_pct')]).toEqual(['2021', String(X.mfn[2021]), String(X.vat[2021]), '15', '15']);
    expect([at(1, 'year'), at(1, 'vat_revenue_usd'), at(1, 'vat_model'), at(1, 'tariff')]).toEqual(['2022', String(X.vat[2022]), 'vendor registration', 'mfn']);
    const table = await run(['moratorium', 'vat', '--group', 'LDC', '--years', '2022']);
    expect(table.code, table.err).toBe(0);
    expect(table.out).toMatch(/^reporter\s+year\s+duty_revenue_usd\s+vat_revenue_usd/);
    expect(table.out).toMatch(/HTI\s+2022\s+.*import-value\s+no data\s+no VAT\/GST rate/);
    const registry = await run(['moratorium', 'vat-registry', '--format', 'csv']);
    expect(registry.code, registry.err).toBe(0);
    const csv = parseCsv(registry.out);
    expect(csv.find((x) => x[0] === 'ZAF')?.[2]).toBe('15');
    expect(csv.find((x) => x[0] === 'TUV')?.slice(0, 8)).toEqual(['TUV', 'Tuvalu', '15', '2023-07-01', '100000', 'USD', 'vendor registration', 'legislation']);
  });

  it('simulates a duty on the listed lines or on a value given', async () => {
    const r = await run(['moratorium', 'design', '--country', 'TUV', '--rate', '10', '--elasticity', '-2', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const [header = [], ...rows] = parseCsv(r.out);
    const chosen = rows[0] ?? [];
    const col = (name: string) => Number(chosen[header.indexOf(name)]);
    expect(chosen[header.indexOf('point')]).toBe('chosen');
    expect([col('base_usd'), col('base_year'), col('peak_rate_pct')]).toEqual([X.designBase, 2022, 100]);
    // B = 2,600,000, t = 10%, ε = −2: revenue B/1.21 × 0.1, cost B × (1 − 1/1.1).
    expect(col('revenue_usd')).toBeCloseTo(214_876.033, 2);
    expect(col('consumer_cost_usd')).toBeCloseTo(236_363.636, 2);
    const given = await run(['moratorium', 'design', '--country', 'TUV', '--rate', '10', '--base', '1000000']);
    expect(given.code, given.err).toBe(0);
    expect(given.out).toMatch(/^point\s+rate_pct\s+imports_after_usd\s+revenue_usd\s+consumer_cost_usd\s+deadweight_loss_usd/);
    expect(given.out).toMatch(/chosen\s+10\s+1000000\s+100000\s+100000\s+0/);
    expect(given.err).toContain('base: 1000000 USD (given)');
    expect(given.err).toContain('revenue-maximising rate: none');
  });

  it.each([
    [['moratorium', 'design', '--country', 'TUV'], 'parameter "rate": give rate'],
    [['moratorium', 'design', '--country', 'TUV', '--rate', 'ten'], 'parameter "rate": "ten" is not a duty rate'],
    [['moratorium', 'design', '--country', 'TUV', '--rate', '10', '--base', 'lots'], 'parameter "base": "lots" is not an amount of US dollars'],
    [['moratorium', 'design', '--country', 'TUV', '--rate', '10', '--elasticity', '1'], 'parameter "elasticity"'],
    [['moratorium', 'design', '--group', 'LDC', '--rate', '10'], 'moratorium design takes no --group'],
    [['moratorium', 'design', '--rate', '10'], 'parameter "country": give country, an ISO3 code such as NPL'],
    [['moratorium', 'estimate', '--country', 'TUV', '--rate', '10'], 'moratorium estimate takes no --rate'],
    [['moratorium', 'vat-registry', '--country', 'TUV'], 'moratorium vat-registry takes no --country'],
    [['moratorium', 'estimate', '--country', 'TUV', '--tariff', 'wto'], 'parameter "tariff": "wto" is not one of bound, mfn, applied'],
    [['moratorium', 'estimate', '--country', 'TUV', '--carrier-share', '3'], 'parameter "carrier_share": "3" is not a fraction'],
    [['moratorium', 'estimate', '--country', 'TUV', '--elasticity', '2'], 'parameter "elasticity"'],
    [['moratorium', 'estimate'], 'parameter "country": give country'],
    [['moratorium', 'estimate', '--country', 'TUV', '--group', 'LDC'], 'parameter "country": give either country or group'],
    [['moratorium', 'estimate', '--country', 'TUV', '--tarif', 'mfn'], "Unknown option '--tarif'"],
    [['moratorium', 'lists', '--country', 'TUV'], 'moratorium lists takes no --country'],
    [['moratorium', 'forecast'], 'unknown moratorium action "forecast"'],
  ])('%j → exit 2 with the message the API and the page give', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('answers an unknown country with exit code 1', async () => {
    const r = await run(['moratorium', 'estimate', '--country', 'XYZ']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no country XYZ');
  });

  it('answers a design without imports or a value given with exit code 1', async () => {
    const r = await run(['moratorium', 'design', '--country', 'MLI', '--rate', '10']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no imports of the listed lines for MLI');
  });
});
