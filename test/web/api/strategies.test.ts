/**
 * E-commerce strategies on both engines: quoted progress statements imported over the API fixture become
 * strategies with their published checkpoints; JSON, CSV and the page in English and French show them as
 * published with quotes and sources; bad lines are refused with file, line and field, nothing stored.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { importFile, type ImportResult } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { ENGINES } from '../../support/engines.ts';
import { parseCsv } from '../../support/csv.ts';
import { seed, TODAY } from './fixture.ts';

const HEADER = 'statement_id,strategy,date_of_statement,metric,value,unit,source_url,quote_excerpt';
const PACIFIC = 'Pacific Regional E-commerce Strategy and Roadmap (PIFS)';
const ECOWAS = 'ECOWAS E-commerce Strategy and Implementation Plan 2023-2027';
const LINES = [
  HEADER,
  `P01,${PACIFIC},2021-08 (published),structure,"54 priority measures; 7 policy areas",count,https://example.org/p1,"54 Priority Measures"`,
  `P03,${PACIFIC},2022-12-02 (1st meeting),share_of_measures_under_implementation,43,percent of 54 measures,https://example.org/p3,"43% of the Strategy's measures are under implementation"`,
  `P04,${PACIFIC},2024-04-18 (2nd meeting),share_of_measures_under_implementation,61,percent of 54 measures,https://example.org/p4,"61% of the Strategy's measures are currently being actioned"`,
  `P05,${PACIFIC},2024-04-18,share_implemented_completed,23,percent,https://example.org/p4,"23% of the Strategy has been implemented"`,
  `P08,${PACIFIC},2024-04-18,share_completed (alt. wording),23,percent of 54 measures,https://example.org/p8,"23% of the 54 measures of the Strategy have been completed"`,
  `E01,${ECOWAS},"2023-07-06/07 (Bissau)",adoption,endorsed,event,https://example.org/e1,"endorsed by the ECOWAS Council of Ministers"`,
];

for (const engine of ENGINES) {
  describe(`strategies on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let folder: string;
    let imported: ImportResult;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      folder = mkdtempSync(join(tmpdir(), 'observatory-strategies-'));
      writeFileSync(join(folder, 'statements.csv'), LINES.join('\n'));
      imported = await importFile(store, join(folder, 'statements.csv'));
      app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }) });
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    it('recognises the statements', () => {
      expect([imported.status, imported.format]).toEqual(['imported', 'strategy-statements']);
    });

    it('answers each strategy with its checkpoints as published, quotes and sources', async () => {
      const res = await app.request('/api/v1/strategies');
      expect(res.status).toBe(200);
      const a: any = await res.json();
      expect(a.tracker).toMatch(/no measure recorded shows only the figures its secretariat published/);
      expect(a.strategies.map((s: any) => [s.id, s.hasMeasures, s.shares])).toEqual([['ecowas', false, null], ['pacific', false, null]]);
      expect(a.strategies.map((s: any) => [s.id, s.scope, s.coverage, s.period])).toEqual([
        ['ecowas', 'regional', 'ECOWAS', '2023-2027'],
        ['pacific', 'regional', 'Forum Island Countries (Pacific Islands Forum)', '2021-'],
      ]);
      expect(a.strategies[0].checkpoints).toEqual([]);
      expect(a.strategies[1].checkpoints).toEqual([
        { date: '2022-12-02', underImplementation: 43, completed: null, measures: 54, quotes: ["43% of the Strategy's measures are under implementation"], sources: ['https://example.org/p3'] },
        {
          date: '2024-04-18',
          underImplementation: 61,
          completed: 23,
          measures: 54,
          quotes: ["61% of the Strategy's measures are currently being actioned", '23% of the Strategy has been implemented', '23% of the 54 measures of the Strategy have been completed'],
          sources: ['https://example.org/p4', 'https://example.org/p8'],
        },
      ]);
    });

    it('answers CSV, one row per strategy on the date, no share computed without measures, the latest published checkpoint beside it', async () => {
      const res = await app.request('/api/v1/strategies?format=csv&date=2024-12-31');
      expect(res.status).toBe(200);
      const rows = parseCsv(await res.text());
      expect(rows[0]?.slice(0, 7)).toEqual(['strategy_id', 'name', 'scope', 'coverage', 'period', 'date', 'area']);
      expect(rows[0]?.slice(14, 17)).toEqual(['latest_published_date', 'published_under_implementation_pct', 'published_completed_pct']);
      expect(rows.slice(1).map((r) => [r[0], r[6], r[7], r[12], ...r.slice(14, 17)])).toEqual([
        ['ecowas', 'all', '', '', '', '', ''],
        ['pacific', 'all', '', '', '2024-04-18', '61', '23'],
      ]);
    });

    it('is in the OpenAPI description', async () => {
      const spec: any = await (await app.request('/api/v1/openapi.json')).json();
      expect(spec.paths['/strategies']?.get?.parameters?.map((p: any) => p.name)).toContain('format');
      expect(spec.components.schemas.Strategies).toBeDefined();
    });

    it('shows the page in English and French: checkpoints with quotes and sources, no measures recorded said rather than 0%', async () => {
      const en = await app.request('/en/strategies');
      expect(en.status).toBe(200);
      const html = await en.text();
      expect(html).toMatch(/2022-12-02<\/th>\s*<td class="num">43%<\/td>\s*<td class="num">not published<\/td>/);
      expect(html).toMatch(/2024-04-18<\/th>\s*<td class="num">61%<\/td>\s*<td class="num">23%<\/td>/);
      expect(html).toContain('currently being actioned');
      expect(html).toContain('href="https://example.org/p8"');
      expect(html).toContain('No measures recorded yet: the published figures are shown.');
      expect(html).toContain('No progress figure has been published for this strategy');
      const fr = await (await app.request('/fr/strategies')).text();
      expect(fr).toContain('61\u00a0%');
      expect(fr).toContain('Aucune mesure enregistrée pour l’instant');
      expect(fr).toContain('non publié');
    });

    it('refuses a bad line naming file, line and field, and stores nothing', async () => {
      const before = await store.dataVersion();
      const stored = await store.strategies();
      const cases: [string, string][] = [
        [`X1,${PACIFIC},2024-04-18,share_completed,123,percent,https://example.org/x,"q"`, 'bad.csv, line 3, field "value": a share must be a number from 0 to 100, not "123"'],
        [`X1,${PACIFIC},2024-04-18,share_completed,-5,percent,https://example.org/x,"q"`, 'bad.csv, line 3, field "value": a share must be a number from 0 to 100'],
        [`X1,${PACIFIC},2999-01-01,share_completed,20,percent,https://example.org/x,"q"`, 'bad.csv, line 3, field "date_of_statement": the date 2999-01-01 is after today'],
        [`X1,${PACIFIC},soon,share_completed,20,percent,https://example.org/x,"q"`, 'bad.csv, line 3, field "date_of_statement": no date'],
        [`X1,Atlantis Strategy,2024-01-01,share_completed,20,percent,https://example.org/x,"q"`, 'bad.csv, line 3, field "strategy": strategy not recognised'],
      ];
      const path = join(folder, 'bad.csv');
      for (const [line, message] of cases) {
        writeFileSync(path, [HEADER, LINES[2], line].join('\n'));
        await expect(importFile(store, path, { force: true })).rejects.toThrow(message);
      }
      expect(await store.dataVersion()).toBe(before);
      expect(await store.strategies()).toEqual(stored);
    });
  });
}
