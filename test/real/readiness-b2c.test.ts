/**
 * The UNCTAD B2C E-commerce Index computed from the Observatory's own inputs (ITU Internet use in the World
 * Bank's file, Findex account ownership, secure Internet servers, UPU postal reliability as the editions
 * publish it), against the published 2020 edition.
 *
 * Measured on the shared data of July 2026 (printed on every run): 137 of the edition's 152 economies
 * compared; mean absolute difference 1.31 index points (largest 9.5, Uzbekistan: Internet use 70% in 2019 in
 * the current World Bank file, 30% in the edition); Spearman rank correlation 0.9969. The 15 economies the edition ranks and the
 * Observatory cannot score by default lack account ownership in the Findex file (14, which UNCTAD estimates)
 * or Internet use for 2017-2019 (Libya).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportResult } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { B2C_PUBLISHED, UPU_POSTAL_RELIABILITY } from '../../src/domain/readiness/method.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { ReadinessService, type ReadinessAnswer } from '../../src/app/services/readiness.ts';
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

describe('the B2C E-commerce Index 2020, reproduced from the Observatory’s inputs', () => {
  let store: Store;
  let service: ReadinessService;
  let results: ImportResult[];
  let answer: ReadinessAnswer;

  beforeAll(async () => {
    const root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    results = [];
    for (const f of FILES) results.push(await importFile(store, join(root, f)));
    service = new ReadinessService(new Observatory(store));
    answer = await service.compute('unctad-b2c', 2020);
    const r = answer.reproduction;
    console.log(
      `B2C 2020: ${r?.compared} economies compared; mean absolute difference ${r?.meanAbsoluteDifference?.toFixed(2)} points, ` +
        `largest ${r?.maxAbsoluteDifference?.toFixed(1)}; Spearman ${r?.spearman?.toFixed(4)}; ` +
        `published but not computed: ${answer.onlyPublished.join(' ')}; computed but not published: ${answer.onlyObservatory.join(' ')}`,
    );
    console.log(answer.onlyPublished.map((iso3) => `${iso3}: lacks ${answer.rows.find((x) => x.iso3 === iso3)?.components.filter((c) => c.missing).map((c) => c.id).join(', ')}`).join('\n'));
    const worst = answer.rows.filter((x) => x.difference !== null).sort((a, b) => Math.abs(b.difference as number) - Math.abs(a.difference as number)).slice(0, 8);
    console.log(worst.map((x) => `${x.iso3} ${x.score?.toFixed(1)} vs ${x.published?.score} (${x.components.map((c) => `${c.id} ${c.year ?? '-'} ${c.score?.toFixed(0) ?? '-'}`).join(', ')})`).join('\n'));
  }, 300_000);

  afterAll(async () => {
    await store?.close();
  });

  it('imports both editions, every economy name matched to its ISO code', () => {
    const b2c = results.filter((r) => r.file.includes('unctad_b2c'));
    expect(b2c.map((r) => r.status)).toEqual(['imported', 'imported']);
    expect(b2c.flatMap((r) => r.warnings)).toEqual([]);
  });

  it('stores the published index and ranks of each edition, and postal reliability at the data year', async () => {
    const history = await store.indicatorHistory(B2C_PUBLISHED.index);
    expect(history.map((h) => [h.firstYear, h.lastYear, h.observations])).toEqual([
      [2020, 2020, 152],
      [2019, 2019, 152],
    ]);
    const postal = await store.indicatorHistory(UPU_POSTAL_RELIABILITY);
    expect(postal.map((h) => h.firstYear)).toEqual([2019, 2018]);
    // Switzerland ranks first in 2020 with 95.9; the Netherlands first in 2019 with 96.4.
    const che = answer.rows.find((r) => r.iso3 === 'CHE');
    expect(che?.published).toEqual({ score: 95.9, rank: 1 });
    const nld2019 = await service.compute('unctad-b2c', 2019);
    expect(nld2019.rows.find((r) => r.iso3 === 'NLD')?.published).toEqual({ score: 96.4, rank: 1 });
  });

  it('comes close to the published 2020 index', () => {
    const r = answer.reproduction;
    expect(r?.compared).toBeGreaterThanOrEqual(135);
    expect(r?.meanAbsoluteDifference).toBeLessThan(2);
    expect(r?.spearman).toBeGreaterThan(0.99);
  });

  it('says, for every economy the edition ranks and the Observatory cannot score, which component is missing', () => {
    for (const iso3 of answer.onlyPublished) {
      const row = answer.rows.find((r) => r.iso3 === iso3);
      expect(row?.treatment, iso3).toBe('dropped');
      expect(row?.components.some((c) => c.missing !== null), iso3).toBe(true);
    }
  });

  it('re-weighting scores the economies that lack a component, each said', async () => {
    const reweighted = await service.compute('unctad-b2c', 2020, 'reweight');
    const scored = reweighted.rows.filter((r) => r.score !== null);
    expect(scored.length).toBeGreaterThan(answer.rows.filter((r) => r.score !== null).length);
    expect(scored.filter((r) => r.treatment === 'reweighted').every((r) => r.components.some((c) => c.missing !== null))).toBe(true);
  });
});
