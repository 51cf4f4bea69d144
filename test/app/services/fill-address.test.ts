import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ONLINE_INDICATORS } from '../../../src/adapters/importers/online.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { fillIfEmpty, type FillState } from '../../../src/app/services/fill.ts';
import { freshStoreEach, ENGINES } from '../../support/engines.ts';
import { values } from '../../adapters/importers/support.ts';
import { seriesPages, startIncompleteApiServer, type IncompleteApiServer } from '../../adapters/sources/incomplete-api-server.ts';
import { unreachableBaseUrl } from '../../adapters/importers/api-server.ts';

const emptyState = (): FillState => ({ running: false, done: 0, total: 0, errors: [], origin: null });

let api: IncompleteApiServer;
let nowhere = '';
beforeAll(async () => {
  api = await startIncompleteApiServer();
  nowhere = await unreachableBaseUrl();
});
afterAll(async () => {
  await api.close();
});

for (const engine of ENGINES) {
  describe(`the first fill's World Bank API, on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));
    beforeEach(() => {
      api.log.length = 0;
    });

    it('is OBSERVATORY_WB_API when no address is given', async () => {
      const state = emptyState();
      await fillIfEmpty(store, { sources: null, env: { OBSERVATORY_WB_API: api.baseUrl } }, state);
      expect(state).toEqual({ running: false, done: ONLINE_INDICATORS.length + 1, total: ONLINE_INDICATORS.length + 1, errors: [], origin: api.baseUrl });
      expect((await store.indicators()).map((i) => i.code)).toEqual([...ONLINE_INDICATORS].sort());
      expect(api.log.filter((l) => l.includes('/indicator/'))).toHaveLength(ONLINE_INDICATORS.length * 4);
    });

    it('is the address given (serve resolves --api-url first) rather than OBSERVATORY_WB_API', async () => {
      const state = emptyState();
      await fillIfEmpty(store, { sources: null, apiBaseUrl: api.baseUrl, env: { OBSERVATORY_WB_API: nowhere } }, state);
      expect(state.origin).toBe(api.baseUrl);
      expect(state.errors).toEqual([]);
    });

    it('records an incomplete indicator as an error, stores nothing of it and goes on with the others', async () => {
      const shrinking = 'IT.NET.SECR.P6';
      api.faults.set(shrinking, 'shrink');
      try {
        const state = emptyState();
        await fillIfEmpty(store, { sources: null, env: { OBSERVATORY_WB_API: api.baseUrl } }, state);
        expect(state.errors).toEqual([
          `${shrinking}: ${api.baseUrl}/country/all/indicator/${shrinking}?format=json&per_page=1000: incomplete download of ${shrinking}, refused: ` +
            'page 2 announces 3 pages and 22 rows where page 1 announced 4 pages and 32 rows; expected 4 pages and 32 rows, received 2 pages and 20 rows',
        ]);
        expect((await store.indicators()).map((i) => i.code)).toEqual(ONLINE_INDICATORS.filter((c) => c !== shrinking).sort());
        expect(await store.observations({ indicators: [shrinking] })).toEqual([]);
        const kept = 'IT.NET.USER.ZS';
        expect(values(await store.observations({ indicators: [kept] }))).toEqual(values(seriesPages(kept).expected));
      } finally {
        api.faults.delete(shrinking);
      }
    });
  });
}
