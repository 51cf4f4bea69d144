/**
 * User-defined readiness methods on the shared data: a method stored from a JSON document with the built-in B2C
 * method's own definition scores every economy exactly as the built-in one does, and a variant without the postal
 * component (the other three, equal weights) is compared with the published 2020 edition.
 *
 * Measured on the shared data of July 2026: the variant scores 143 economies, 137 of them in the edition; mean
 * absolute difference 5.38 points and Spearman 0.9648 against the published index (the four components: 1.31 points,
 * 0.9969): the postal score is what separates economies of similar connectivity.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { reproduction } from '../../src/domain/readiness/compare.ts';
import { UNCTAD_B2C } from '../../src/domain/readiness/method.ts';
import { methodDocument } from '../../src/domain/readiness/user-methods.ts';
import { composeServices, type Services } from '../../src/app/services/compose.ts';
import type { ReadinessAnswer } from '../../src/app/services/readiness.ts';
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

const scores = (a: ReadinessAnswer) => new Map(a.rows.filter((r) => r.score !== null).map((r) => [r.iso3, r.score as number]));

describe('user-defined readiness methods on the shared data', () => {
  let store: Store;
  let services: Services;
  let builtIn: ReadinessAnswer;

  beforeAll(async () => {
    const root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    for (const f of FILES) await importFile(store, join(root, f));
    services = composeServices(store);
    builtIn = await services.readiness.compute('unctad-b2c', 2020);
  }, 300_000);

  afterAll(async () => {
    await store?.close();
  });

  it('scores every economy as the built-in method does when given its definition', async () => {
    const copy = await services.readinessMethods.add({ ...methodDocument(UNCTAD_B2C), id: 'b2c-copy', name: 'B2C, as a user method' }, 'b2c-copy.json', null, 'the built-in definition');
    const mine = await services.readiness.compute(copy, 2020);
    expect(mine.method.authorship?.version).toBe(1);
    expect(scores(builtIn).size).toBeGreaterThan(100);
    expect(scores(mine)).toEqual(scores(builtIn));
  });

  it('compares a variant without postal reliability with the published edition', async () => {
    const three = methodDocument(UNCTAD_B2C);
    const doc = { ...three, id: 'b2c-three', name: 'B2C without postal reliability', components: (three.components as { id: string }[]).filter((c) => c.id !== 'postal') };
    const method = await services.readinessMethods.add(doc, 'b2c-three.json', null);
    const a = await services.readiness.compute(method, 2020);
    const published = new Map(builtIn.rows.flatMap((r) => (r.published ? [[r.iso3, r.published.score] as const] : [])));
    const r = reproduction(scores(a), published);
    const own = reproduction(scores(builtIn), published);
    console.log(
      `B2C 2020 without postal reliability: ${scores(a).size} economies scored, ${r.compared} compared with the edition; ` +
        `mean absolute difference ${r.meanAbsoluteDifference?.toFixed(2)} points, Spearman ${r.spearman?.toFixed(4)} ` +
        `(the four components: ${own.compared} compared, ${own.meanAbsoluteDifference?.toFixed(2)} points, Spearman ${own.spearman?.toFixed(4)})`,
    );
    // Without postal reliability more economies get a score, and the ranks stay close to the edition's.
    expect(scores(a).size).toBeGreaterThan(scores(builtIn).size);
    expect(r.compared).toBeGreaterThanOrEqual(own.compared);
    expect(r.spearman).toBeGreaterThan(0.9);
    expect(r.spearman).toBeLessThan(own.spearman as number);
  });
});
