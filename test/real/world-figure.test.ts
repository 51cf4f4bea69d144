/**
 * World Internet use in 2022 on the shared data: India (17.9% of the world's population) has no value
 * after 2020, yet the members with data hold 78% of the population, over the two-thirds rule. Without
 * imputation the world value is 68.60%, against the World Bank's own 64.4%; it must say, wherever it is
 * shown, that it leaves India out. With India's 2020 value carried forward (at most 2 years) it is 63.15%.
 *
 * By hand: the population-weighted mean of the 183 members with a 2022 value is 68.597; adding India,
 * 43.4054% (2020) weighted by its 2022 population, 17.895% of the world, brings it to 63.152.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReference } from '../../src/adapters/importers/folder.ts';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { createApp } from '../../src/app/web/server.ts';
import { sharedData } from './shared-data.ts';

const INTERNET = 'IT.NET.USER.ZS';
const FILES = [
  'datasets-country-codes/UNSD-M49-en.csv',
  'datasets-country-codes/country-codes.csv',
  'datasets-wdi/sp.pop.totl.csv',
  'worldbank-api-csv/API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv',
];

describe('the world figure of Internet use in 2022', () => {
  let store: Store;
  let obs: Observatory;

  beforeAll(async () => {
    const root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    await ensureReference(store);
    for (const f of FILES) await importFile(store, join(root, f));
    obs = new Observatory(store, { today: () => '2026-07-01' });
  });

  afterAll(async () => {
    await store?.close();
  });

  it('leaves India out by default, and says so with its share and latest year', async () => {
    const row = (await obs.aggregateSeries('WLD', INTERNET, { from: 2022, to: 2022 })).rows[0];
    expect(row?.status).toBe('ok');
    expect(row?.value).toBeCloseTo(68.597, 2);
    expect(row?.populationCovered).toBeCloseTo(0.785, 3);
    expect(row?.published?.worldBank).toBe(64.4);
    expect(row?.missingLarge).toHaveLength(1);
    expect(row?.missingLarge[0]?.iso3).toBe('IND');
    expect(row?.missingLarge[0]?.share).toBeCloseTo(0.179, 3);
    expect(row?.missingLarge[0]?.latestYear).toBe(2020);
    expect(row?.imputed).toEqual([]);
  });

  it('gives 63.15% with values carried forward at most 2 years, India’s from 2020', async () => {
    const row = (await obs.aggregateSeries('WLD', INTERNET, { from: 2022, to: 2022, impute: { method: 'carry-forward', years: 2 } })).rows[0];
    expect(row?.value).toBeCloseTo(63.152, 2);
    expect(row?.missingLarge).toEqual([]);
    expect(row?.imputed.find((m) => m.iso3 === 'IND')).toMatchObject({ from: 2020 });
    // One year is not enough to reach India's 2020 value.
    const one = (await obs.aggregateSeries('WLD', INTERNET, { from: 2022, to: 2022, impute: { method: 'carry-forward', years: 1 } })).rows[0];
    expect(one?.missingLarge.map((m) => m.iso3)).toEqual(['IND']);
  });

  it('names India beside the world figure on a country page and in the API', async () => {
    const app = createApp({ obs });
    const page = await (await app.request('/en/countries/KEN')).text();
    expect(page).toMatch(/Without India \(18%[^)]*latest value 2020\)/);
    const api = (await (await app.request(`/api/v1/groups/WLD/aggregates/${INTERNET}?years=2022`)).json()) as { rows: { missingLarge: { country: string; name: string }[] }[] };
    expect(api.rows[0]?.missingLarge.map((m) => m.name)).toEqual(['India']);
    const csv = await (await app.request(`/api/v1/groups/WLD/aggregates/${INTERNET}?years=2022&impute=carry-forward&format=csv`)).text();
    expect(csv).toContain('IND 2020');
  });
});
