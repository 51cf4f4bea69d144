/**
 * The readiness fixture: the API fixture's stored values, account ownership of 2020 for four economies and
 * the published B2C edition of 2021 (four economies ranked), and the scores they give.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { seed } from '../web/api/fixture.ts';

export const EDITION_2021 = [
  'rank_2021,economy,internet_use_pct,account_ownership_pct,secure_servers_normalized,upu_postal_reliability,index_value_2021,index_value_change_2020_21,rank_2020_recomputed',
  '1,United States,90,93,100,80,90.8,0.1,1',
  '2,France,85,94,90,90,89.8,0.0,2',
  '3,Kenya,30,82,35,20,41.8,1.0,3',
  '4,Nigeria,35,40,10,10,23.8,0.5,4',
].join('\n');

/** Account ownership (% of adults), 2020; FJI, TUV, HTI, CIV and MLI have none. */
export const ACCOUNT: Record<string, number> = { USA: 93, FRA: 94, KEN: 80, NGA: 45 };

/** Secure servers, log(1 + x) min-max over the fixture's 2020 values (NGA 12.5 lowest, USA 50,000 highest). */
export const servers = (x: number) => ((Math.log1p(x) - Math.log1p(12.5)) / (Math.log1p(50_000) - Math.log1p(12.5))) * 100;
/** 2023 reads Internet use of 2022, the other components of 2020 (postal reliability from the 2021 edition). */
export const KEN_2023 = (45 + 80 + servers(40) + 20) / 4;
export const NGA_2023 = (55 + 45 + 0 + 10) / 4;
/** The edition's year reads Internet use of 2020. */
export const KEN_2021 = (30 + 80 + servers(40) + 20) / 4;

export const findexVintage = (sha256: string, publishedAt = '2026-05-01') => ({
  dataset: 'wdi/fx.own.totl.zs',
  source: 'World Bank, Global Findex',
  format: 'long',
  fileName: 'findex.csv',
  sha256,
  licence: 'CC-BY-4.0',
  sourceUrl: 'https://example.org/findex',
  publishedAt,
  note: null,
});

/** Seeds a store with the readiness fixture; the edition's file is written in `folder`. */
export async function seedReadiness(store: Store, folder: string): Promise<void> {
  await seed(store);
  await store.importVintage(findexVintage('a1'), async (w) => {
    await w.nameIndicator('FX.OWN.TOTL.ZS', 'Account ownership (% of population age 15+)');
    await w.addObservations(Object.entries(ACCOUNT).map(([entity, value]) => ({ indicator: 'FX.OWN.TOTL.ZS', entity, year: 2020, value })));
  });
  writeFileSync(join(folder, 'b2c_2021.csv'), EDITION_2021);
  await importFile(store, join(folder, 'b2c_2021.csv'));
}
