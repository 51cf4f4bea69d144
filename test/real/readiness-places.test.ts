/**
 * A country's and a group's readiness on the shared data: Kenya in the B2C index of 2020 beside the
 * published 2020 edition (same year: published rank beside the computed one), the latest year by default
 * with the 2020 edition beside it, and the LDC average with its coverage under each missing-component rule.
 *
 * Measured on the shared data of July 2026 (printed on every run): Kenya 2020 48.7, rank 82 of 137, published
 * 49, rank 88 of 152; latest year 2022 49.8, rank 79 of 118. LDC 2020: dropping, 26.4 with 28 of 46 members
 * (84% of the population); re-weighting 25.4 and imputing 27.2, all 46 members.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { ReadinessService } from '../../src/app/services/readiness.ts';
import { economyReadiness, groupReadiness, type EconomyReadiness, type GroupReadiness } from '../../src/app/services/readiness-places.ts';
import { sharedData } from './shared-data.ts';

const FILES = [
  'datasets-country-codes/UNSD-M49-en.csv',
  'datasets-country-codes/country-codes.csv',
  'un-ldc-dates/un_ldc_inclusion_graduation.csv',
  'worldbank-api-csv/API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv',
  'datasets-wdi/it.net.secr.p6.csv',
  'datasets-wdi/sp.pop.totl.csv',
  'worldbank-findex-2021/findex2021_databankwide_country_year.csv',
  'unctad-b2c-index/unctad_b2c_index_2019.csv',
  'unctad-b2c-index/unctad_b2c_index_2020.csv',
];

describe('a country’s and a group’s B2C index on the shared data', () => {
  let store: Store;
  let ken2020: EconomyReadiness;
  let kenLatest: EconomyReadiness;
  const ldc = new Map<string, GroupReadiness>();

  beforeAll(async () => {
    const root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    for (const f of FILES) await importFile(store, join(root, f));
    const obs = new Observatory(store);
    const service = new ReadinessService(obs);
    ken2020 = (await economyReadiness(service, obs, 'unctad-b2c', 'KEN', { year: 2020 }))!;
    kenLatest = (await economyReadiness(service, obs, 'unctad-b2c', 'KEN'))!;
    for (const rule of ['drop', 'reweight', 'impute'] as const) ldc.set(rule, (await groupReadiness(service, obs, 'unctad-b2c', 'LDC', { year: 2020, missing: rule }))!);
    const f = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(1));
    console.log(`KEN 2020: ${f(ken2020.score)} rank ${ken2020.rank?.rank} of ${ken2020.rank?.of} (tied with ${ken2020.rank?.tiedWith.join(' ') || 'none'}); published ${ken2020.published?.score} rank ${ken2020.published?.rank} of ${ken2020.published?.of}`);
    console.log(`KEN latest ${kenLatest.year}: ${f(kenLatest.score)} rank ${kenLatest.rank?.rank} of ${kenLatest.rank?.of}; edition ${kenLatest.published?.year}: ${kenLatest.published?.score} rank ${kenLatest.published?.rank}, computed ${f(kenLatest.published?.computed?.score)} rank ${kenLatest.published?.computed?.rank?.rank}`);
    for (const [rule, g] of ldc) {
      console.log(`LDC 2020 ${rule}: ${f(g.average.value)} (${g.average.status}), ${g.average.membersWithData} of ${g.average.membersTotal} members, ${((g.average.populationCovered ?? 0) * 100).toFixed(0)}% of the population; components ${g.components.map((c) => `${c.id} ${f(c.average.value)}`).join(', ')}`);
    }
  }, 300_000);

  afterAll(async () => {
    await store?.close();
  });

  it('sets Kenya’s published 2020 score and rank beside the one computed for 2020', () => {
    expect(ken2020.published).toMatchObject({ year: 2020, computed: null });
    expect(ken2020.published!.of).toBeGreaterThan(140);
    expect(ken2020.rank!.of).toBeGreaterThan(100);
    expect(Math.abs(ken2020.score! - ken2020.published!.score)).toBeLessThan(10);
  });

  it('shows the latest year by default, the 2020 edition beside with the index computed for 2020', () => {
    expect(kenLatest).toMatchObject({ year: 2022, chosen: false, published: { year: 2020 } });
    expect(kenLatest.published!.computed!.rank).toEqual(ken2020.rank);
  });

  it('averages the LDCs with coverage, more members scored when the components are re-weighted or imputed', () => {
    const drop = ldc.get('drop')!.average;
    const reweight = ldc.get('reweight')!.average;
    expect(drop.membersTotal).toBeGreaterThan(40);
    expect(reweight.membersWithData).toBeGreaterThan(drop.membersWithData);
    expect(ldc.get('impute')!.average.membersWithData).toBe(reweight.membersWithData);
    expect(ldc.get('drop')!.members.filter((m) => m.status === 'no-score').every((m) => m.lacking.length > 0)).toBe(true);
  });
});
