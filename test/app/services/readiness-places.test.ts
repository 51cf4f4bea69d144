/**
 * A country's and a group's readiness on both engines, from the fixture's stored values and a published B2C
 * edition of 2021: the year and the missing-component rule switched (the latest year scored and the
 * method's rule by default), ranks with their ties, the published edition beside, the group average with
 * its coverage and each component's, the members missing and why, and one computation per choice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { ReadinessService } from '../../../src/app/services/readiness.ts';
import { cachedIndex, economyReadiness, groupReadiness } from '../../../src/app/services/readiness-places.ts';
import { ENGINES } from '../../support/engines.ts';
import { POP, seed, TODAY } from '../../web/api/fixture.ts';

const EDITION = [
  'rank_2021,economy,internet_use_pct,account_ownership_pct,secure_servers_normalized,upu_postal_reliability,index_value_2021,index_value_change_2020_21,rank_2020_recomputed',
  '1,United States,90,93,100,80,90.8,0.1,1',
  '2,France,85,94,90,90,89.8,0.0,2',
  '3,Kenya,30,82,35,20,41.8,1.0,3',
  '4,Nigeria,35,40,10,10,23.8,0.5,4',
].join('\n');

/** Account ownership (% of adults), 2020; FJI, TUV, HTI, CIV and MLI have none. */
const ACCOUNT: Record<string, number> = { USA: 93, FRA: 94, KEN: 80, NGA: 45 };
/** Secure servers, log(1 + x) min-max over the fixture's 2020 values (NGA 12.5 lowest, USA 50,000 highest). */
const servers = (x: number) => ((Math.log1p(x) - Math.log1p(12.5)) / (Math.log1p(50_000) - Math.log1p(12.5))) * 100;
/** 2023 reads Internet use of 2022, the other components of 2020. */
const KEN_2023 = (45 + 80 + servers(40) + 20) / 4;
const NGA_2023 = (55 + 45 + 0 + 10) / 4;
const KEN_2021 = (30 + 80 + servers(40) + 20) / 4;

for (const engine of ENGINES) {
  describe(`readiness of a country and a group on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let obs: Observatory;
    let service: ReadinessService;
    let folder: string;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      await store.importVintage(
        { dataset: 'wdi/fx.own.totl.zs', source: 'World Bank, Global Findex', format: 'long', fileName: 'findex.csv', sha256: 'a1', licence: 'CC-BY-4.0', sourceUrl: 'https://example.org/findex', publishedAt: '2026-05-01', note: null },
        async (w) => {
          await w.nameIndicator('FX.OWN.TOTL.ZS', 'Account ownership (% of population age 15+)');
          await w.addObservations(Object.entries(ACCOUNT).map(([entity, value]) => ({ indicator: 'FX.OWN.TOTL.ZS', entity, year: 2020, value })));
        },
      );
      folder = mkdtempSync(join(tmpdir(), 'observatory-readiness-places-'));
      writeFileSync(join(folder, 'b2c_2021.csv'), EDITION);
      await importFile(store, join(folder, 'b2c_2021.csv'));
      obs = new Observatory(store, { today: () => TODAY, versionCheckMs: 0 });
      service = new ReadinessService(obs);
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    it('gives a country’s latest score under the method’s rule, its rank of the economies scored, and the newest edition beside', async () => {
      const k = (await economyReadiness(service, obs, 'unctad-b2c', 'KEN'))!;
      expect(k).toMatchObject({ year: 2023, chosen: false, missing: 'drop', treatment: 'complete', scored: 4, rank: { rank: 3, of: 4, tiedWith: [] }, editionYear: 2021 });
      expect(k.score).toBeCloseTo(KEN_2023, 9);
      expect(k.published).toMatchObject({ year: 2021, score: 41.8, rank: 3, of: 4, computed: { rank: { rank: 3, of: 4 } } });
      expect(k.published?.computed?.score).toBeCloseTo(KEN_2021, 9);
      // Each component beside the mean and the highest of the four economies scored.
      const internet = k.components.find((c) => c.id === 'internet')!;
      expect(internet).toMatchObject({ year: 2022, raw: 45, score: 45, max: 92 });
      expect(internet.mean).toBeCloseTo((92 + 87 + 45 + 55) / 4, 9);
    });

    it('switches the year: the published edition of the same year, no computed one beside', async () => {
      const k = (await economyReadiness(service, obs, 'unctad-b2c', 'KEN', { year: 2021 }))!;
      expect(k).toMatchObject({ year: 2021, chosen: true, rank: { rank: 3, of: 4 }, published: { year: 2021, score: 41.8, rank: 3, of: 4, computed: null } });
      expect(k.score).toBeCloseTo(KEN_2021, 9);
      expect((await economyReadiness(service, obs, 'unctad-b2c', 'KEN', { year: 2030 }))!.score).toBeNull();
    });

    it('switches the rule: re-weighting scores the economies lacking account ownership, ties sharing a rank', async () => {
      const fji = (await economyReadiness(service, obs, 'unctad-b2c', 'FJI'))!;
      expect(fji).toMatchObject({ score: null, treatment: 'dropped', rank: null });
      expect(fji.components.find((c) => c.id === 'account')).toMatchObject({ score: null, missing: 'no-value-in-window' });
      const re = (await economyReadiness(service, obs, 'unctad-b2c', 'FJI', { missing: 'reweight' }))!;
      expect(re).toMatchObject({ missing: 'reweight', treatment: 'reweighted', scored: 9, rank: { rank: 5, of: 9, tiedWith: [] } });
      expect(re.score).toBeCloseTo((75 + servers(100)) / 2, 9);
      // Tuvalu and Côte d'Ivoire, Internet use 50 and nothing else: 50 each, both third; Fiji fifth.
      expect((await economyReadiness(service, obs, 'unctad-b2c', 'TUV', { missing: 'reweight' }))!.rank).toEqual({ rank: 3, of: 9, tiedWith: ['CIV'] });
      // Kenya's edition of 2021 beside its index of 2021 under the same rule: sixth of nine.
      expect((await economyReadiness(service, obs, 'unctad-b2c', 'KEN', { missing: 'reweight' }))!.published?.computed?.rank).toMatchObject({ rank: 6, of: 9 });
    });

    it('gives a group’s population-weighted average with its coverage, each component’s, and the members missing and why', async () => {
      const acp = (await groupReadiness(service, obs, 'unctad-b2c', 'ACP'))!;
      expect(acp).toMatchObject({ year: 2023, missing: 'drop', date: '2023-12-31', populationYear: 2022, average: { status: 'ok', membersWithData: 2, membersTotal: 7 } });
      expect(acp.average.value).toBeCloseTo((NGA_2023 * 200 + KEN_2023 * 50) / 250, 9);
      expect(acp.average.populationCovered).toBeCloseTo(250e6 / 308.01e6, 9);
      const comp = Object.fromEntries(acp.components.map((c) => [c.id, c.average.value]));
      expect(comp.internet).toBeCloseTo(53, 9);
      expect(comp.account).toBeCloseTo(52, 9);
      expect(comp.postal).toBeCloseTo(12, 9);
      // The score is the mean of the components: so is the average.
      expect((comp.internet! + comp.account! + comp.servers! + comp.postal!) / 4).toBeCloseTo(acp.average.value!, 9);
      const fji = acp.members.find((m) => m.iso3 === 'FJI');
      expect(fji).toMatchObject({ status: 'no-score', treatment: 'dropped', lacking: [{ id: 'account', reason: 'no-value-in-window' }, { id: 'postal', reason: 'no-value-in-window' }] });
      expect(acp.members.filter((m) => m.status === 'scored').map((m) => m.iso3).sort()).toEqual(['KEN', 'NGA']);
    });

    it('switches the group’s rule and year: every member scored under re-weighting', async () => {
      const ldc = (await groupReadiness(service, obs, 'unctad-b2c', 'LDC', { missing: 'reweight' }))!;
      expect(ldc.average).toMatchObject({ status: 'ok', membersWithData: 3, membersTotal: 3 });
      const pop = POP.TUV! + POP.HTI! + POP.MLI!;
      expect(ldc.average.value).toBeCloseTo((50 * POP.TUV! + 35 * POP.HTI! + 35 * POP.MLI!) / pop, 9);
      expect((await groupReadiness(service, obs, 'unctad-b2c', 'LDC'))!.average).toMatchObject({ status: 'no_data', value: null, membersWithData: 0 });
      const y2021 = (await groupReadiness(service, obs, 'unctad-b2c', 'LDC', { year: 2021, missing: 'reweight' }))!;
      expect(y2021.average.value).toBeCloseTo((40 * POP.TUV! + 30 * POP.HTI! + 30 * POP.MLI!) / pop, 9);
    });

    it('computes an index once per method, version, year, rule and data version', async () => {
      const a = await cachedIndex(service, obs, 'unctad-b2c', 2022, 'impute');
      expect(await cachedIndex(service, obs, 'unctad-b2c', 2022, 'impute')).toBe(a);
      expect(await cachedIndex(service, obs, 'unctad-b2c', 2022, 'drop')).not.toBe(a);
      await store.importVintage(
        { dataset: 'wdi/fx.own.totl.zs', source: 'World Bank, Global Findex', format: 'long', fileName: 'findex.csv', sha256: 'a2', licence: 'CC-BY-4.0', sourceUrl: 'https://example.org/findex', publishedAt: '2026-06-01', note: null },
        async (w) => {
          await w.nameIndicator('FX.OWN.TOTL.ZS', 'Account ownership (% of population age 15+)');
          await w.addObservations(Object.entries({ ...ACCOUNT, FJI: 70 }).map(([entity, value]) => ({ indicator: 'FX.OWN.TOTL.ZS', entity, year: 2020, value })));
        },
      );
      const b = await cachedIndex(service, obs, 'unctad-b2c', 2022, 'impute');
      expect(b).not.toBe(a);
      expect(b.rows.find((r) => r.iso3 === 'FJI')?.components.find((c) => c.id === 'account')?.raw).toBe(70);
    });
  });
}
