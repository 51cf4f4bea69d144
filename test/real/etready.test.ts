/**
 * UNCTAD's partial list of eTrade Readiness Assessments, imported from the shared folder: what it records
 * and what it leaves "not recorded".
 *
 * Measured on the shared data of July 2026 (printed on every run): 19 assessments recorded, all published
 * (17 national, every one of an ACP State, and the WAEMU 2020 and ECOWAS 2022 regional ones); 6 of them
 * without a document symbol; 0 requests recorded as waiting, since the list gives publications only (the
 * 2019 stock-take's 12 requests are not named per country); 232 countries "not recorded". By group (members
 * in December 2026): LDC 14 of 44 recorded, SIDS 5 of 53, LLDC 8 of 32, ACP 17 of 80.
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
];

describe('the eT Ready partial list', () => {
  let store: Store;
  let results: ImportResult[];
  let answer: any;
  let page: string;

  beforeAll(async () => {
    const root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    results = [];
    for (const f of FILES) results.push(await importFile(store, join(root, f)));
    const app = createApp({ obs: new Observatory(store, { versionCheckMs: 0 }) });
    answer = await (await app.request('/api/v1/etready')).json();
    page = await (await app.request('/en/etready')).text();
    const recorded = answer.countries.filter((c: any) => c.status !== 'not-recorded');
    console.log(
      `eT Ready: ${recorded.length} countries and ${answer.regions.length} regions recorded; ${answer.waiting.length} requests waiting; ` +
        `${answer.notRecorded} countries not recorded; groups: ${answer.groups.map((g: any) => `${g.id} ${g.recorded}/${g.members}`).join(', ')}`,
    );
  });
  afterAll(async () => {
    await store?.close();
  });

  it('imports the 19 lines, every country name matched', () => {
    expect(results.at(-1)).toMatchObject({ status: 'imported', format: 'etready', warnings: [] });
  });

  it('records 19 published assessments, 17 national and 2 regional, and no waiting request', () => {
    const recorded = answer.countries.filter((c: any) => c.status !== 'not-recorded');
    expect(recorded.map((c: any) => c.iso3).sort()).toEqual(['BEN', 'BFA', 'KIR', 'LBR', 'LSO', 'MDG', 'MLI', 'MWI', 'NER', 'SLB', 'TGO', 'TUV', 'UGA', 'VUT', 'WSM', 'ZMB', 'ZWE']);
    expect(recorded.every((c: any) => c.status === 'published' && /^\d{4}$/.test(c.published))).toBe(true);
    expect(answer.regions.map((r: any) => [r.name, r.published])).toEqual([
      ['ECOWAS member States (regional)', '2022'],
      ['WAEMU member States (regional)', '2020'],
    ]);
    expect([...recorded, ...answer.regions].filter((c: any) => c.symbol === null).map((c: any) => c.name).sort()).toEqual([
      'Benin',
      'ECOWAS member States (regional)',
      'Madagascar',
      'Mali',
      'Niger',
      'Solomon Islands',
    ]);
    expect(answer.countries.find((c: any) => c.iso3 === 'LBR')).toMatchObject({ symbol: 'UNCTAD/DTL/STICT/2018/2', published: '2018' });
    expect(answer.waiting).toEqual([]);
    // Every national assessment is an ACP State's, as the list's acp_member column says.
    expect(answer.groups.find((g: any) => g.id === 'ACP')).toMatchObject({ recorded: 17, byStatus: { published: 17, requested: 0 } });
  });

  it('shows the countries the list does not cover as not recorded, among them Cambodia and Senegal', () => {
    expect(answer.notRecorded).toBe(answer.countries.length - 17);
    const by = new Map(answer.countries.map((c: any) => [c.iso3, c.status]));
    expect([by.get('KHM'), by.get('SEN'), by.get('NPL')]).toEqual(['not-recorded', 'not-recorded', 'not-recorded']);
    expect(answer.partial).toMatch(/partial/);
  });

  it('says on the page that the list is partial and that no waiting request is recorded, not that there is none', () => {
    expect(page).toContain('The list is partial');
    expect(page).toContain('No request recorded as still waiting among its members (the list of requests is partial).');
    expect(page).toContain('href="https://docslib.org/doc/2783147/rapid-etrade-readiness-assessment-%C2%A9-mr-thomas-tufuga">UNCTAD/DTL/STICT/2017/10</a>');
    expect(page).toContain('WAEMU member States (regional)');
  });
});
