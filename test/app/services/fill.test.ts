import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planFolder } from '../../../src/adapters/importers/folder.ts';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import { ONLINE_INDICATORS } from '../../../src/adapters/importers/online.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { fillIfEmpty, type FillState } from '../../../src/app/services/fill.ts';
import { writeLongCsv } from '../../fixtures/fixtures.ts';
import { freshStoreEach, ENGINES } from '../../support/engines.ts';
import { indicatorPages, startApiServer, unreachableBaseUrl, type ApiServer } from '../../adapters/importers/api-server.ts';
import { snapshot, tempDir, values, writeFixtureFolder } from '../../adapters/importers/support.ts';

const dir = tempDir('observatory-fill-');
let folderCount = 0;
const fresh = () => join(dir, `${folderCount++}`);
const emptyState = (): FillState => ({ running: false, done: 0, total: 0, errors: [], origin: null });

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(async () => {
  await api.close();
});

for (const engine of ENGINES) {
  describe(`fillIfEmpty on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));
    beforeEach(() => {
      api.log.length = 0;
    });

    it('fills an empty database from a source folder, counting the files done', async () => {
      const folder = writeFixtureFolder(fresh());
      const usable = (await planFolder(folder.root)).filter((p) => !p.skip);
      const state = emptyState();
      const log: string[] = [];
      const seen: { running: boolean; done: number; total: number }[] = [];
      await fillIfEmpty(
        store,
        {
          sources: folder.root,
          apiBaseUrl: api.baseUrl,
          log: (line) => {
            log.push(line);
            seen.push({ running: state.running, done: state.done, total: state.total });
          },
        },
        state,
      );
      expect(state).toEqual({ running: false, done: usable.length, total: usable.length, errors: [], origin: folder.root });
      expect(seen[0]).toEqual({ running: true, done: 0, total: 0 });
      expect(log[0]).toBe(`filling the database from ${folder.root}`);
      expect(log.at(-1)).toBe(`imported ${usable.length} files from ${folder.root}`);
      expect(log.filter((l) => l.startsWith('warning: '))).toHaveLength(1);
      expect(api.log).toEqual([]);
      expect((await store.vintages()).map((v) => v.dataset).reverse()).toEqual(['observatory/official-groups', ...usable.map((p) => p.label)]);
      expect(values(await store.observations({ indicators: ['IT.NET.USER.ZS'] }))).toEqual(values(folder.wide.expected));
    });

    it('fills from the World Bank API when no folder is given', async () => {
      const state = emptyState();
      await fillIfEmpty(store, { sources: null, apiBaseUrl: api.baseUrl }, state);
      expect(state).toEqual({ running: false, done: ONLINE_INDICATORS.length + 1, total: ONLINE_INDICATORS.length + 1, errors: [], origin: api.baseUrl });
      expect((await store.indicators()).map((i) => i.code)).toEqual([...ONLINE_INDICATORS].sort());
      for (const code of ONLINE_INDICATORS) {
        expect(values(await store.observations({ indicators: [code] })), code).toEqual(values(indicatorPages(code).expected));
      }
      expect((await store.countries()).length).toBeGreaterThan(0);
      expect(api.log.filter((l) => l.includes('/indicator/'))).toHaveLength(ONLINE_INDICATORS.length * 2);
    });

    it('fills from the API when the folder given does not exist', async () => {
      const state = emptyState();
      await fillIfEmpty(store, { sources: join(fresh(), 'missing'), apiBaseUrl: api.baseUrl }, state);
      expect(state.origin).toBe(api.baseUrl);
      expect(state.done).toBe(state.total);
      expect((await store.indicators()).length).toBe(ONLINE_INDICATORS.length);
    });

    it('only brings the reference up to date when the database holds data', async () => {
      const long = writeLongCsv(join(fresh(), 'wdi'));
      await importFile(store, long.path);
      const folder = writeFixtureFolder(fresh());
      const state = emptyState();
      await fillIfEmpty(store, { sources: folder.root, apiBaseUrl: api.baseUrl }, state);
      expect(state).toEqual(emptyState());
      expect((await store.vintages()).map((v) => v.dataset).reverse()).toEqual(['wdi/it.net.secr.p6.csv', 'observatory/official-groups']);
      expect(api.log).toEqual([]);

      const before = await snapshot(store);
      await fillIfEmpty(store, { sources: folder.root, apiBaseUrl: api.baseUrl }, state);
      expect(await snapshot(store)).toEqual(before);
    });

    it('stays offline without a folder and without an API', async () => {
      const state = emptyState();
      await fillIfEmpty(store, { sources: null, apiBaseUrl: null }, state);
      expect(state).toEqual(emptyState());
      expect((await store.vintages()).map((v) => v.dataset)).toEqual(['observatory/official-groups']);
    });

    it('records an unreachable API as an error instead of failing', async () => {
      const baseUrl = await unreachableBaseUrl();
      const state = emptyState();
      const log: string[] = [];
      await expect(fillIfEmpty(store, { sources: null, apiBaseUrl: baseUrl, log: (l) => log.push(l) }, state)).resolves.toBeUndefined();
      expect(state).toMatchObject({ running: false, done: 0, total: ONLINE_INDICATORS.length + 1, origin: baseUrl });
      expect(state.errors).toHaveLength(1);
      expect(state.errors[0]).toContain(`${baseUrl}/`);
      expect(log.at(-1)).toBe(`the first fill stopped: ${state.errors[0]}`);
      expect((await store.vintages()).map((v) => v.dataset)).toEqual(['observatory/official-groups']);
    });

    it('records an indicator the API refuses and goes on with the others', async () => {
      const refused = 'IT.NET.SECR.P6';
      api.failing.add(refused);
      try {
        const state = emptyState();
        await fillIfEmpty(store, { sources: null, apiBaseUrl: api.baseUrl }, state);
        expect(state.running).toBe(false);
        expect(state.done).toBe(state.total);
        expect(state.errors).toEqual([
          `${refused}: ${api.baseUrl}/country/all/indicator/${refused}?format=json&per_page=1000&page=1: page 1: World Bank API error 120 "Invalid value": The provided parameter value is not valid`,
        ]);
        expect((await store.indicators()).map((i) => i.code)).toEqual(ONLINE_INDICATORS.filter((c) => c !== refused).sort());
      } finally {
        api.failing.delete(refused);
      }
    });
  });
}
