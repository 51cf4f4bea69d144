/**
 * The quoted progress statements of the Pacific Regional E-commerce Strategy and the ECOWAS E-commerce
 * Strategy, imported from the shared folder.
 *
 * Measured on the shared data of July 2026: 12 statements, 2 strategies, 2 published checkpoints, both of
 * the Pacific strategy (54 measures): 43% under implementation on 2022-12-02 (first M&E report, Nov 2022),
 * and 61% under implementation and 23% completed on 2024-04-18 (second report; the 23% quoted twice, by the
 * Forum Secretariat and by etradeforall.org). The ECOWAS strategy has no progress figure published.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportResult } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { createApp } from '../../src/app/web/server.ts';
import { sharedData } from './shared-data.ts';

const FILE = 'regional-ecommerce-strategies/pacific_ecowas_strategy_progress_statements.csv';

describe('the Pacific and ECOWAS strategies’ published progress', () => {
  let store: Store;
  let result: ImportResult;
  let answer: any;
  let page: string;

  beforeAll(async () => {
    store = await openStore({ duckdbPath: ':memory:' });
    result = await importFile(store, join(sharedData(), FILE));
    const app = createApp({ obs: new Observatory(store, { versionCheckMs: 0 }) });
    answer = await (await app.request('/api/v1/strategies')).json();
    page = await (await app.request('/en/strategies')).text();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('imports the statements as two strategies and two checkpoints', () => {
    console.log(`${result.file}: ${result.vintage?.note}`);
    expect([result.status, result.format]).toEqual(['imported', 'strategy-statements']);
    expect(result.vintage?.note).toBe('12 statements: 2 strategies, 2 published checkpoints');
  });

  it('gives the Pacific checkpoints as published, and none for ECOWAS', () => {
    const by = new Map(answer.strategies.map((s: any) => [s.id, s]));
    const pacific: any = by.get('pacific');
    expect(pacific.checkpoints.map((c: any) => [c.date, c.underImplementation, c.completed, c.measures])).toEqual([
      ['2022-12-02', 43, null, 54],
      ['2024-04-18', 61, 23, 54],
    ]);
    expect(pacific.checkpoints[1].quotes).toHaveLength(3);
    expect(pacific.checkpoints[1].sources.some((s: string) => s.startsWith('https://forumsec.org/'))).toBe(true);
    expect((by.get('ecowas') as any).checkpoints).toEqual([]);
    expect((by.get('ecowas') as any).period).toBe('2023-2027');
  });

  it('shows them on the page, saying that no measures are recorded rather than showing 0%', () => {
    expect(page).toContain('43% of the Strategy');
    expect(page).toMatch(/2024-04-18<\/th>\s*<td class="num">61%<\/td>\s*<td class="num">23%<\/td>/);
    expect(page).toContain('No measures recorded yet: the published figures are shown.');
    expect(page).not.toMatch(/Pacific Regional E-commerce Strategy and Roadmap<\/a><\/th><td class="num">/);
  });

  it('has no measures to compute shares from: null shares and the published checkpoints only', async () => {
    const pacific: any = answer.strategies.find((s: any) => s.id === 'pacific');
    expect([pacific.hasMeasures, pacific.shares]).toEqual([false, null]);
    const app = createApp({ obs: new Observatory(store, { versionCheckMs: 0 }) });
    const detail: any = await (await app.request('/api/v1/strategies/pacific')).json();
    expect(detail.note).toMatch(/^No measures recorded yet/);
    expect(detail.checkpoints.map((c: any) => [c.date, c.published.underImplementation, c.computed])).toEqual([
      ['2022-12-02', 43, null],
      ['2024-04-18', 61, null],
    ]);
    const html = await (await app.request('/en/strategies/pacific')).text();
    expect(html).toContain('id="no-measures"');
    expect(html).not.toContain('<svg');
  });
});
