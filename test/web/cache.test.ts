import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { createApp } from '../../src/app/web/server.ts';

describe('response cache', () => {
  let store: Store;
  let today = '2025-01-28';
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await openStore({ duckdbPath: ':memory:' });
    await store.importVintage(
      { dataset: 'orgs', source: 'test', format: 'test', fileName: null, sha256: 'x', licence: null, sourceUrl: null, publishedAt: null, note: null },
      async (w) => {
        await w.upsertCountries(
          ['MLI', 'NGA'].map((iso3) => ({ iso3, iso2: null, m49: null, names: { en: iso3 }, region: null, subregion: null, intermediateRegion: null })),
        );
        await w.replaceGroups(
          [{ id: 'ECOWAS', kind: 'regional', names: { en: 'ECOWAS' }, wbCode: null, source: 'test' }],
          [
            { groupId: 'ECOWAS', iso3: 'NGA', status: 'member', from: null, to: null, source: 'test' },
            { groupId: 'ECOWAS', iso3: 'MLI', status: 'member', from: null, to: '2025-01-29', source: 'test' },
          ],
        );
      },
    );
    app = createApp({ obs: new Observatory(store, { today: () => today, versionCheckMs: 0 }) });
  });
  afterAll(() => store.close());

  it('answers from the cache the same day, and anew the next day, since memberships are read on the day', async () => {
    const members = async () => ((await (await app.request('/api/v1/groups/ECOWAS')).json()) as { members: { iso3: string }[] }).members.map((m) => m.iso3);
    expect(await members()).toEqual(['MLI', 'NGA']);
    const first = await app.request('/api/v1/groups/ECOWAS');
    const etag = first.headers.get('etag') ?? '';
    expect((await app.request('/api/v1/groups/ECOWAS', { headers: { 'if-none-match': etag } })).status).toBe(304);
    today = '2025-01-29';
    expect(await members()).toEqual(['NGA']);
    expect((await app.request('/api/v1/groups/ECOWAS', { headers: { 'if-none-match': etag } })).status).toBe(200);
  });

  it('keeps JSON and CSV answers of one URL apart, by the format the Accept header prefers', async () => {
    const url = '/api/v1/vintages';
    expect((await app.request(url, { headers: { accept: 'text/csv' } })).headers.get('content-type')).toContain('text/csv');
    const json = await app.request(url, { headers: { accept: 'application/json, text/csv;q=0.1' } });
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.headers.get('vary')).toContain('Accept');
  });
});
