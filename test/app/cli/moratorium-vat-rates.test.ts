/**
 * `observatory moratorium vat`, `sensitivity`, `estimate` and `vat-registry` with the rate the VAT comparison
 * uses, why a total is missing and the exchange rates: the API fixture with the estimator's trade vintage for
 * Nepal (Haiti: imports without a tariff), the national act's 13% for Nepal and Nepal's exchange rates
 * (test/support/vat-rates-setup.ts); then the registry's 15% for Nepal.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/storage/open.ts';
import { main } from '../../../src/app/cli/main.ts';
import { FX_SOURCE } from '../../../src/domain/moratorium/shares.ts';
import { tempDir } from '../../adapters/importers/support.ts';
import { parseCsv } from '../../support/csv.ts';
import { MORATORIUM_EXPECTED as X, seedMoratorium, seedVat } from '../../support/moratorium-fixture.ts';
import { FX, NATIONAL_ACT_AS_OF, seedRatesAndFx } from '../../support/vat-rates-setup.ts';
import { seed } from '../../web/api/fixture.ts';

const dataDir = join(tempDir('observatory-cli-vat-rates-'), 'data');
const saved = { DATABASE_URL: process.env.DATABASE_URL, OBSERVATORY_DATA_DIR: process.env.OBSERVATORY_DATA_DIR };

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...args, '--data-dir', dataDir], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

/** CSV output as objects keyed by column. */
function csvRecords(text: string) {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.OBSERVATORY_DATA_DIR;
  const store = await openStore({ dataDir });
  try {
    await seed(store);
    await store.importVintage(
      { dataset: 'test/npl', source: 'test', format: 'test', fileName: null, sha256: 'npl', licence: null, sourceUrl: null, publishedAt: null, note: null },
      (w) => w.upsertCountries([{ iso3: 'NPL', iso2: 'NP', m49: '524', names: { en: 'Nepal' }, region: null, subregion: null, intermediateRegion: null }]),
    );
    await seedMoratorium(store, { reporter: 'NPL', unrated: 'HTI' });
    await seedRatesAndFx(store, 'NPL');
  } finally {
    await store.close();
  }
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

describe('observatory moratorium: VAT rate used, missing totals, exchange rates', () => {
  it('prints the VAT comparison with the rate used, its table, date, the VAT base and the duty’s exchange rate', async () => {
    const r = await run(['moratorium', 'vat', '--country', 'NPL']);
    expect(r.code, r.err).toBe(0);
    const [header = '', , ...rows] = r.out.trimEnd().split('\n');
    expect(header.split(/\s+/).slice(0, 11)).toEqual([
      'reporter', 'year', 'duty_revenue_usd', 'vat_revenue_usd', 'rate_used_pct', 'rate_origin', 'rate_table', 'rate_as_of', 'vat_base', 'duty_fx_lcu_per_usd', 'duty_fx_year',
    ]);
    expect(rows[1]?.split(/\s+/).slice(0, 12)).toEqual([
      'NPL', '2022', String(X.mfn[2022]), String(X.imports[2022] * 0.13), '13', 'table', 'national-law', NATIONAL_ACT_AS_OF, 'import-value', String(FX[2022]), '2022', 'estimated',
    ]);
    expect(rows[1]).toContain('in force from 1997-11-16');
    expect(r.err).toContain(`NPL 2022: ${FX[2022]} (2022)`);
    expect(r.err).toContain(FX_SOURCE);

    const csv = csvRecords((await run(['moratorium', 'vat', '--country', 'NPL', '--format', 'csv'])).out);
    expect(csv.map((x) => [x.rate_used_pct, (x.rate_source ?? '').includes('in force from 1997-11-16'), x.rate_as_of, x.vat_base, x.fx_source])).toEqual([
      ['13', true, NATIONAL_ACT_AS_OF, 'import-value', ''],
      ['13', true, NATIONAL_ACT_AS_OF, 'import-value', FX_SOURCE],
    ]);

    const haiti = await run(['moratorium', 'vat', '--country', 'HTI']);
    expect(haiti.code, haiti.err).toBe(0);
    expect(haiti.out).toMatch(/HTI\s+2022\s+.*import-value\s+no data\s+no VAT\/GST rate: neither the registry nor any imported rate table/);
    expect(haiti.err).toContain('no exchange rate used');
  });

  it('prints why a sensitivity total is missing, and the base case’s exchange rates', async () => {
    const haiti = await run(['moratorium', 'sensitivity', '--country', 'HTI']);
    expect(haiti.code, haiti.err).toBe(0);
    expect(haiti.out.split('\n')[0]).toMatch(/^varied\s+value\s+revenue_usd\s+change\s+base\s+revenue_missing$/);
    expect(haiti.out).toMatch(/tariff measure\s+bound\s+false\s+no-tariff bound/);
    expect(haiti.out).toMatch(/share digitised\s+0\.5\s+false\s+no-tariff mfn/);
    const nepal = await run(['moratorium', 'sensitivity', '--country', 'NPL', '--format', 'csv']);
    const rows = csvRecords(nepal.out);
    expect(rows.find((x) => x.value === 'bound')).toMatchObject({ revenue_usd: String(X.bound[2021] + X.bound[2022]), revenue_missing: '', currency: 'USD', base_duty_fx_lcu_per_usd: `NPL 2022: ${FX[2022]} (2022)`, fx_source: FX_SOURCE });
  });

  it('prints the estimate with the exchange rates of each year’s share', async () => {
    const r = await run(['moratorium', 'estimate', '--country', 'NPL']);
    expect(r.code, r.err).toBe(0);
    const [header = '', , , row2022 = ''] = r.out.trimEnd().split('\n');
    const at = (col: string) => row2022.split(/\s{2,}/).map((c) => c.trim())[header.split(/\s+/).indexOf(col)];
    expect(header).toMatch(/share_currency_used\s+duty_fx_lcu_per_usd\s+duty_fx_year\s+customs_fx_lcu_per_usd\s+customs_fx_year/);
    expect(row2022).toMatch(new RegExp(`local\\s+${FX[2022]}\\s+2022\\s+${FX[2022]}\\s+2022\\s+estimated`));
    expect(at('reporter')).toBe('NPL');
    expect(r.err).toContain(FX_SOURCE);
  });

  it('prints the registry with the tables’ standard rate beside the registry’s and the rate used', async () => {
    const store = await openStore({ dataDir });
    try {
      await seedVat(store, { reporter: 'NPL', unrated: 'HTI' });
    } finally {
      await store.close();
    }
    const r = await run(['moratorium', 'vat-registry']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/standard_rate_pct\s+standard_rate_from\s+rate_used_pct\s+rate_used_origin$/);
    expect(r.out).toMatch(/NPL\s+15\s+.*13\s+national-law\s+15\s+registry/);
    const csv = csvRecords((await run(['moratorium', 'vat-registry', '--format', 'csv'])).out);
    expect(csv.find((x) => x.iso3 === 'HTI')?.rate_missing).toMatch(/^no VAT\/GST rate/);
    const vat = csvRecords((await run(['moratorium', 'vat', '--country', 'NPL', '--format', 'csv'])).out);
    expect(vat.map((x) => [x.rate_used_pct, x.rate_origin, x.table_rate_differs_pct])).toEqual([
      ['15', 'registry', '13'],
      ['15', 'registry', '13'],
    ]);
  });
});
