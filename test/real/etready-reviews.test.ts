/**
 * The published results of the eT Ready implementation reviews, imported from the shared folder with the
 * partial list: kept as checkpoints with their quotes, sources and caveats, beside the shares computed from
 * action matrices, of which the shared data hold none ("no action matrix recorded", never 0%).
 *
 * Measured on the shared data of December 2026 (printed on every run): 4 reviews; the 2019 stock-take
 * (17 finalised, 8 under way, 12 requests received, 37 countries named without a status each); the first
 * review, December 2020 (overall implementation rate 50%, 13 of 18 countries responded); the second, 2022
 * (140 new achievements from 14 countries); the third (2024) not found.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportResult } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { createApp } from '../../src/app/web/server.ts';
import { sharedData } from './shared-data.ts';

const FILES = [
  'datasets-country-codes/UNSD-M49-en.csv',
  'datasets-country-codes/country-codes.csv',
  'oacps-ecowas-membership/oacps_membership_evidence.csv',
  'unctad-etrade-readiness/unctad_etready_list_partial.csv',
  'unctad-etrade-readiness/etready_implementation_review_statements.csv',
];

describe('the eT Ready implementation reviews', () => {
  let store: Store;
  let results: ImportResult[];
  let reviews: any;
  let requests: any;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    results = [];
    for (const f of FILES) results.push(await importFile(store, join(root, f)));
    app = createApp({ obs: new Observatory(store, { versionCheckMs: 0 }) });
    reviews = await (await app.request('/api/v1/etready/reviews')).json();
    requests = await (await app.request('/api/v1/etready/requests')).json();
    console.log(
      `eT Ready reviews: ${reviews.published.map((p: any) => `${p.id} ${p.date ?? '?'} ${p.found ? JSON.stringify(Object.fromEntries(Object.entries(p.figures).filter(([, v]) => v !== null))) : 'not found'}`).join('; ')}; ` +
        `matrices: ${reviews.withMatrix} of ${reviews.recorded} assessments; groups: ${reviews.groups.map((g: any) => `${g.id} ${g.coverage}`).join(', ')}`,
    );
  });
  afterAll(async () => {
    await store?.close();
  });

  it('imports the statements as published reviews', () => {
    expect(results.at(-1)).toMatchObject({ status: 'imported', format: 'etready-reviews' });
  });

  it('keeps each review with its figures, sources and caveat, the third as not found', () => {
    const by = new Map(reviews.published.map((p: any) => [p.id, p]));
    expect(by.get('IR0')).toMatchObject({ date: '2019', found: true, figures: { finalised: 17, underWay: 8, requestsReceived: 12, overallRate: null } });
    expect((by.get('IR0') as any).namedCountries).toHaveLength(37);
    expect((by.get('IR0') as any).namedCountries).toEqual(expect.arrayContaining(['Benin', 'Cambodia', 'Tuvalu', 'Zimbabwe']));
    expect(by.get('IR1')).toMatchObject({ date: '2020-12', found: true, figures: { overallRate: 50, responded: 13, asked: 18 } });
    expect((by.get('IR1') as any).sources).toEqual([
      'http://sdg.iisd.org/news/unctad-evaluation-highlights-ldcs-progress-implementation-gaps-on-e-commerce-development/',
      'https://dig.watch/updates/unctad-evaluation-highlights-ldcs-progress-implementation-gaps-e-commerce-development',
    ]);
    expect((by.get('IR1') as any).caveat).toMatch(/NOT captured/);
    expect(by.get('IR2')).toMatchObject({ date: '2022', found: true, figures: { achievements: 140, reportingCountries: 14 } });
    expect(by.get('IR3')).toMatchObject({ date: '2024', found: false, finding: null, sources: [] });
  });

  it('says the real data hold no action matrix: no computed share, never 0%', async () => {
    expect(reviews.withMatrix).toBe(0);
    expect(reviews.overall).toEqual({ matrix: 'no action matrix recorded', overall: null, byArea: [] });
    for (const g of reviews.groups) expect(g).toMatchObject({ withMatrix: 0, matrix: 'no action matrix recorded', overall: null });
    const ldc = reviews.groups.find((g: any) => g.id === 'LDC');
    expect(ldc.assessed).toBeGreaterThan(0);
    const tuv = await (await app.request('/api/v1/etready/TUV')).json();
    expect(tuv).toMatchObject({ matrix: 'no action matrix recorded', overall: null });
    const page = await (await app.request('/en/etready')).text();
    expect(page).toContain('overall implementation rate 50%');
    expect(page).toContain('no action matrix recorded');
    expect(page).not.toMatch(/>0%</);
  });

  it('shows the 2019 stock-take on the requests page without giving any named country a status', async () => {
    expect(requests.published.map((p: any) => p.id)).toEqual(['IR0']);
    // The partial list gives publications only: no request is recorded per country.
    expect(requests.requests).toEqual([]);
    const page = await (await app.request('/en/etready/requests')).text();
    expect(page).toContain('37 countries named, without the status of each');
    expect(page).toContain('not recorded');
  });
});
