import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Country } from '../../src/domain/country.ts';
import type { Group, Membership } from '../../src/domain/group.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import type { NewVintage } from '../../src/domain/vintage.ts';
import { freshStoreEach, ENGINES } from '../support/engines.ts';

const vintage = (dataset: string, sha256: string): NewVintage => ({
  dataset,
  source: 'World Bank, World Development Indicators',
  format: 'long',
  fileName: `${dataset}.csv`,
  sha256,
  licence: 'CC-BY-4.0',
  sourceUrl: null,
  publishedAt: '2026-07-01',
  note: null,
});

const country = (iso3: string, en: string, fr?: string): Country => ({
  iso3,
  iso2: iso3.slice(0, 2),
  m49: '566',
  names: fr ? { en, fr } : { en },
  region: { code: '002', name: 'Africa' },
  subregion: null,
  intermediateRegion: null,
});

const group: Group = { id: 'ECOWAS', kind: 'regional', names: { en: 'ECOWAS', fr: 'CEDEAO' }, wbCode: null, source: 'ECOWAS Commission' };
const member = (iso3: string, to: string | null = null): Membership => ({
  groupId: 'ECOWAS',
  iso3,
  status: 'member',
  from: null,
  to,
  source: 'file',
});

for (const engine of ENGINES) {
  describe(`storage conformance: ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it('starts empty and reports its engine', async () => {
      expect(store.engine).toBe(engine.name);
      expect(await store.vintages()).toEqual([]);
      expect(await store.indicators()).toEqual([]);
      expect(await store.dataVersion()).toBe(0);
    });

    it('imports a vintage with countries, groups and observations in one transaction', async () => {
      const v = await store.importVintage(vintage('pop', 'aaa'), async (w) => {
        await w.upsertCountries([country('NGA', 'Nigeria', 'Nigéria'), country('MLI', 'Mali')]);
        await w.replaceGroups([group], [member('NGA'), member('MLI', '2025-01-29')]);
        await w.nameIndicator('SP.POP.TOTL', 'Population, total');
        await w.addObservations([
          { indicator: 'SP.POP.TOTL', entity: 'NGA', year: 2020, value: 208_327_405 },
          { indicator: 'SP.POP.TOTL', entity: 'NGA', year: 2021, value: 213_401_323.5 },
          { indicator: 'SP.POP.TOTL', entity: 'MLI', year: 2021, value: 21_904_983 },
        ]);
      });
      expect(v.id).toBeGreaterThan(0);
      expect(v.rowCount).toBe(3 + 2 + 2);
      expect(await store.dataVersion()).toBe(1);
      expect((await store.country('NGA'))?.names).toEqual({ en: 'Nigeria', fr: 'Nigéria' });
      expect((await store.countries()).map((c) => c.iso3)).toEqual(['MLI', 'NGA']);
      expect(await store.group('ECOWAS')).toEqual(group);
      const ms = await store.memberships({ groupId: 'ECOWAS' });
      expect(ms.map((m) => [m.iso3, m.to])).toEqual([
        ['MLI', '2025-01-29'],
        ['NGA', null],
      ]);
      expect(await store.memberships({ iso3: 'NGA' })).toHaveLength(1);
      const obs = await store.observations({ indicators: ['SP.POP.TOTL'], entities: ['NGA'], from: 2021, to: 2021 });
      expect(obs).toEqual([{ indicator: 'SP.POP.TOTL', entity: 'NGA', year: 2021, value: 213_401_323.5, vintageId: v.id }]);
      expect(await store.indicators()).toEqual([
        { code: 'SP.POP.TOTL', name: 'Population, total', vintageId: v.id, observations: 3, firstYear: 2020, lastYear: 2021 },
      ]);
      expect(await store.findVintage('pop', 'aaa')).toMatchObject({ id: v.id, publishedAt: '2026-07-01', licence: 'CC-BY-4.0' });
      expect(await store.findVintage('pop', 'bbb')).toBeNull();
    });

    it('keeps the previous vintage current and intact when an import fails', async () => {
      const first = await store.importVintage(vintage('pop', 'aaa'), async (w) => {
        await w.addObservations([{ indicator: 'SP.POP.TOTL', entity: 'NGA', year: 2020, value: 1 }]);
      });
      await expect(
        store.importVintage(vintage('pop', 'bbb'), async (w) => {
          await w.upsertCountries([country('NGA', 'Changed')]);
          await w.addObservations([{ indicator: 'SP.POP.TOTL', entity: 'NGA', year: 2020, value: 2 }]);
          throw new Error('line 7: bad value');
        }),
      ).rejects.toThrow('line 7');
      expect((await store.vintages()).map((v) => v.id)).toEqual([first.id]);
      expect(await store.country('NGA')).toBeNull();
      expect((await store.observations({ indicators: ['SP.POP.TOTL'] })).map((o) => o.value)).toEqual([1]);
      expect(await store.dataVersion()).toBe(1);
    });

    it('makes a newer vintage current and keeps the older one readable', async () => {
      const first = await store.importVintage(vintage('pop', 'aaa'), async (w) => {
        await w.addObservations([{ indicator: 'SP.POP.TOTL', entity: 'NGA', year: 2020, value: 1 }]);
      });
      const second = await store.importVintage(vintage('pop', 'bbb'), async (w) => {
        await w.addObservations([
          { indicator: 'SP.POP.TOTL', entity: 'NGA', year: 2020, value: 2 },
          { indicator: 'SP.POP.TOTL', entity: 'NGA', year: 2021, value: 3 },
        ]);
      });
      expect((await store.observations({ indicators: ['SP.POP.TOTL'] })).map((o) => o.value)).toEqual([2, 3]);
      expect((await store.observations({ indicators: ['SP.POP.TOTL'], vintageId: first.id })).map((o) => o.value)).toEqual([1]);
      const history = await store.indicatorHistory('SP.POP.TOTL');
      expect(history.map((h) => [h.vintageId, h.current, h.observations])).toEqual([
        [second.id, true, 2],
        [first.id, false, 1],
      ]);
    });

    it('reads observations for several indicators, entities and years with parameters, not spliced text', async () => {
      await store.importVintage(vintage('two', 'ccc'), async (w) => {
        await w.addObservations([
          { indicator: 'A', entity: 'NGA', year: 2019, value: 1 },
          { indicator: 'A', entity: "O'X", year: 2020, value: 2 },
          { indicator: 'B', entity: 'NGA', year: 2020, value: 3 },
          { indicator: 'C', entity: 'NGA', year: 2020, value: 4 },
        ]);
      });
      const obs = await store.observations({ indicators: ['A', 'B'], entities: ['NGA', "O'X"], from: 2020 });
      expect(obs.map((o) => [o.indicator, o.entity, o.value])).toEqual([
        ['A', "O'X", 2],
        ['B', 'NGA', 3],
      ]);
      expect(await store.observations({ indicators: ['A'], entities: [] })).toEqual([]);
      expect(await store.observations({ indicators: ["A' OR '1'='1"] })).toEqual([]);
    });

    it('replaces a group definition and its members on re-import', async () => {
      await store.importVintage(vintage('orgs', 'a'), async (w) => {
        await w.replaceGroups([group], [member('NGA'), member('MLI')]);
      });
      await store.importVintage(vintage('orgs', 'b'), async (w) => {
        await w.replaceGroups([{ ...group, names: { en: 'Economic Community of West African States' } }], [member('NGA')]);
      });
      expect((await store.memberships({ groupId: 'ECOWAS' })).map((m) => m.iso3)).toEqual(['NGA']);
      expect((await store.group('ECOWAS'))?.names.en).toBe('Economic Community of West African States');
    });

    it('saves, replaces and deletes user-defined groups, and protects groups from sources', async () => {
      await store.importVintage(vintage('orgs', 'a'), async (w) => {
        await w.replaceGroups([group], [member('NGA')]);
      });
      const mine: Group = { id: 'MY-PEERS', kind: 'user', names: { en: 'My peers' }, wbCode: null, source: 'user' };
      const peer = (iso3: string): Membership => ({ groupId: 'MY-PEERS', iso3, status: 'member', from: null, to: null, source: 'user' });
      await store.saveUserGroup(mine, [peer('NGA'), peer('KEN')]);
      await store.saveUserGroup(mine, [peer('FJI')]);
      expect((await store.memberships({ groupId: 'MY-PEERS' })).map((m) => m.iso3)).toEqual(['FJI']);
      await expect(store.saveUserGroup({ ...mine, id: 'ECOWAS' }, [])).rejects.toThrow('defined by a source');
      await expect(store.deleteUserGroup('ECOWAS')).rejects.toThrow('defined by a source');
      expect(await store.deleteUserGroup('MY-PEERS')).toBe(true);
      expect(await store.deleteUserGroup('MY-PEERS')).toBe(false);
      expect(await store.group('MY-PEERS')).toBeNull();
      expect(await store.memberships({ groupId: 'MY-PEERS' })).toEqual([]);
    });

    it('bulk-inserts tens of thousands of rows in one import', async () => {
      const rows = Array.from({ length: 45_000 }, (_, i) => ({ indicator: 'X', entity: `E${i % 300}`, year: 1960 + Math.floor(i / 300), value: i / 7 }));
      const v = await store.importVintage(vintage('big', 'x'), (w) => w.addObservations(rows));
      expect(v.rowCount).toBe(45_000);
      const obs = await store.observations({ indicators: ['X'], entities: ['E7'] });
      expect(obs).toHaveLength(150);
      expect(obs[1]?.value).toBeCloseTo(307 / 7, 10);
    });

    it('finds values written twice in one vintage, so the import can refuse them', async () => {
      await expect(
        store.importVintage(vintage('dup', 'x'), async (w) => {
          await w.addObservations([
            { indicator: 'A', entity: 'NGA', year: 2020, value: 1 },
            { indicator: 'A', entity: 'NGA', year: 2021, value: 1 },
          ]);
          await w.addObservations([{ indicator: 'A', entity: 'NGA', year: 2020, value: 2 }]);
          const dups = await w.duplicates();
          expect(dups).toEqual([{ indicator: 'A', entity: 'NGA', year: 2020, count: 2 }]);
          throw new Error('duplicate');
        }),
      ).rejects.toThrow('duplicate');
    });

    it('keeps the names sources give to codes, by name key', async () => {
      await store.importVintage(vintage('names', 'x'), (w) =>
        w.addAliases([
          { name: "Côte d'Ivoire", code: 'CIV' },
          { name: 'Gambia, The', code: 'GMB' },
        ]),
      );
      await store.importVintage(vintage('names', 'y'), (w) => w.addAliases([{ name: 'GAMBIA THE', code: 'GMB' }]));
      const aliases = await store.aliases();
      expect(aliases.get('cote d ivoire')).toBe('CIV');
      expect(aliases.get('gambia the')).toBe('GMB');
      expect(aliases.size).toBe(2);
    });

    it('stores non-country entities such as World Bank aggregates', async () => {
      await store.importVintage(vintage('agg', 'x'), (w) =>
        w.upsertEntities([
          { code: 'WLD', name: 'World', kind: 'aggregate' },
          { code: 'XKX', name: 'Kosovo', kind: 'economy' },
        ]),
      );
      expect(await store.entities()).toEqual([
        { code: 'WLD', name: 'World', kind: 'aggregate' },
        { code: 'XKX', name: 'Kosovo', kind: 'economy' },
      ]);
    });
  });
}

describe('embedded database file', () => {
  it('says plainly that another process holds it, instead of DuckDB’s lock message alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'observatory-lock-'));
    const store = await openStore({ dataDir: dir });
    try {
      // A second process, since DuckDB shares one file between connections of the same process.
      const script = `import('${join(import.meta.dirname, '../../src/adapters/storage/open.ts')}').then((m) => m.openStore({ dataDir: ${JSON.stringify(dir)} })).then(() => console.log('opened'), (e) => console.log(e.message))`;
      const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
      expect(run.stdout).toContain('is in use by another process');
      expect(run.stdout).toContain('DATABASE_URL');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
