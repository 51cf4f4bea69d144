/**
 * The readiness index as country and group pages show it on the shared data: the latest year the B2C
 * method scores in (the postal reliability the editions publish ends in 2019, so the last index year
 * that can read it is 2022), and the published 2020 edition beside it.
 *
 * Measured on the shared data of July 2026 (printed on every run): years tried from 2025 down; 2022 scores
 * 118 economies (Kenya 49.8, rank 79 of 118; 49 in the published 2020 edition).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { ReadinessService } from '../../src/app/services/readiness.ts';
import { latestIndex, type LatestIndex } from '../../src/app/services/readiness-latest.ts';
import { sharedData } from './shared-data.ts';

const FILES = [
  'datasets-country-codes/UNSD-M49-en.csv',
  'datasets-country-codes/country-codes.csv',
  'worldbank-api-csv/API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv',
  'datasets-wdi/it.net.secr.p6.csv',
  'datasets-wdi/sp.pop.totl.csv',
  'worldbank-findex-2021/findex2021_databankwide_country_year.csv',
  'unctad-b2c-index/unctad_b2c_index_2019.csv',
  'unctad-b2c-index/unctad_b2c_index_2020.csv',
];

describe('the latest B2C index year on the shared data', () => {
  let store: Store;
  let found: LatestIndex;

  beforeAll(async () => {
    const root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    for (const f of FILES) await importFile(store, join(root, f));
    const obs = new Observatory(store);
    found = await latestIndex(new ReadinessService(obs), obs, 'unctad-b2c');
    const l = found.latest;
    const scored = l?.rows.filter((r) => r.score !== null) ?? [];
    console.log(`latest B2C year ${l?.year} (tried from ${found.newestTried}): ${scored.length} economies scored; edition beside: ${found.edition?.year}`);
    const ken = l?.rows.find((r) => r.iso3 === 'KEN');
    console.log(`KEN ${l?.year}: ${ken?.score?.toFixed(1)} rank ${ken?.rank}; published 2020: ${found.edition?.rows.find((r) => r.iso3 === 'KEN')?.published?.score}`);
  }, 300_000);

  afterAll(async () => {
    await store?.close();
  });

  it('is 2022, the last year the published postal reliability (2019) is within the window', () => {
    expect(found.latest?.year).toBe(2022);
    expect(found.newestTried).toBeGreaterThan(2022);
    const scored = found.latest?.rows.filter((r) => r.score !== null) ?? [];
    expect(scored.length).toBeGreaterThan(100);
    expect(scored.every((r) => r.components.find((c) => c.id === 'postal')?.year === 2019)).toBe(true);
  });

  it('sets the published 2020 edition beside it', () => {
    expect(found.edition?.year).toBe(2020);
    expect(found.edition?.rows.find((r) => r.iso3 === 'CHE')?.published).toEqual({ score: 95.9, rank: 1 });
  });
});
