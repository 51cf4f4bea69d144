/**
 * A country's and a group's readiness on both engines, from the fixture's stored values and a published B2C
 * edition of 2021: the year and the missing-component rule switched (the latest year scored and the
 * method's rule by default), ranks with their ties, the published edition beside, the group average with
 * its coverage and each component's, the members missing and why, and one computation per choice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { ReadinessService } from '../../../src/app/services/readiness.ts';
import { cachedIndex, economyReadiness, groupReadiness } from '../../../src/app/services/readiness-places.ts';
import { ENGINES } from '../../support/engines.ts';
import { POP, TODAY } from '../../web/api/fixture.ts';
import { ACCOUNT, findexVintage, KEN_2021, KEN_2023, NGA_2023, seedReadiness, servers } from '../../support/readiness-fixture.ts';

for (const engine of ENGINES) {
  describe(`readiness of a country and a group on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let obs: Observatory;
    let service: ReadinessService;
    let folder: string;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      folder = mkdtempSync(join(tmpdir(), 'observatory-readiness-places-'));
      await seedReadiness(store, folder);
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
      await store.importVintage(findexVintage('a2', '2026-06-01'), async (w) => {
        await w.nameIndicator('FX.OWN.TOTL.ZS', 'Account ownership (% of population age 15+)');
        await w.addObservations(Object.entries({ ...ACCOUNT, FJI: 70 }).map(([entity, value]) => ({ indicator: 'FX.OWN.TOTL.ZS', entity, year: 2020, value })));
      });
      const b = await cachedIndex(service, obs, 'unctad-b2c', 2022, 'impute');
      expect(b).not.toBe(a);
      expect(b.rows.find((r) => r.iso3 === 'FJI')?.components.find((c) => c.id === 'account')?.raw).toBe(70);
    });
  });
}
