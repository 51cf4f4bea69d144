/**
 * The strategy-measures template on both engines: a filled-in file (CSV or workbook) becomes measures with
 * their dated statuses and the strategies it declares; every bad cell is refused with file, line and field,
 * and nothing is stored.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { toXlsx } from '../../../src/app/services/xlsx.ts';
import { MEASURE_HEADER } from '../../../src/domain/strategies/template.ts';
import { parseCsv } from '../../support/csv.ts';
import { ENGINES } from '../../support/engines.ts';
import { seed } from '../../web/api/fixture.ts';
import { importStrategies, MEASURE_LINES, row } from '../../web/api/strategy-measures-fixture.ts';

const ok = { strategy_id: 'fji-ecom', measure_id: '9.1', policy_area: 'legal', measure: 'A law', status: 'completed', status_date: '2025-01-01' };

for (const engine of ENGINES) {
  describe(`strategy measures import on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let folder: string;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      folder = mkdtempSync(join(tmpdir(), 'observatory-measures-'));
      await importStrategies(store, folder);
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    it('stores the measures with their fields and sorted histories, and the strategy declared', async () => {
      const { measures } = await store.strategyMeasures();
      expect(measures.map((m) => `${m.strategyId}/${m.id}`)).toEqual(['ecowas/E1', 'ecowas/E2', 'fji-ecom/1.1', 'fji-ecom/1.2', 'fji-ecom/1.3', 'fji-ecom/1.4', 'pacific/P1', 'pacific/P2', 'pacific/P3', 'pacific/P4']);
      const m = measures.find((x) => x.id === '1.1');
      expect(m).toMatchObject({ area: 'payments', priority: 'high', leadAgency: 'Reserve Bank', budget: 1000, currency: 'USD', fundingCommitted: 400, countries: [] });
      expect(m?.history).toEqual([
        { status: 'not-started', date: '2024-01-01', source: 'Strategy, annex' },
        { status: 'under-implementation', date: '2024-06-01', source: 'Committee, 1st meeting' },
        { status: 'completed', date: '2025-03-01', source: 'Committee, 2nd meeting' },
      ]);
      expect(measures.find((x) => x.id === 'E2')?.countries).toEqual(['NGA']);
      const s = (await store.strategies()).strategies.find((x) => x.id === 'fji-ecom');
      expect(s).toEqual({ id: 'fji-ecom', name: 'Fiji E-commerce Strategy', scope: 'national', coverage: 'FJI', period: '2024-2028' });
    });

    it('reads the same template as a workbook', async () => {
      const cells = parseCsv(MEASURE_LINES.slice(2, 10).map((l) => `${l}\r\n`).join('')).map((r) => r.map((c, i) => (i === 12 && c !== '' ? Number(c.replace(',', '')) : c)));
      const path = join(folder, 'fiji.xlsx');
      writeFileSync(path, toXlsx([{ name: 'measures', header: MEASURE_HEADER, rows: cells }]));
      const r = await importFile(store, path, { format: 'strategy-measures' });
      expect([r.status, r.vintage?.note]).toEqual(['imported', '8 status changes of 4 measures; 1 strategies declared']);
      const { measures } = await store.strategyMeasures();
      expect(measures.find((x) => x.id === '1.1')?.budget).toBe(1000);
      expect(measures.filter((x) => x.strategyId === 'fji-ecom')).toHaveLength(4);
    });

    it('refuses each bad field naming file, line and field, and stores nothing', async () => {
      const before = await store.dataVersion();
      const stored = await store.strategyMeasures();
      const cases: [Record<string, string>, string][] = [
        [{ ...ok, policy_area: 'agriculture' }, 'field "policy_area": unknown policy area "agriculture"'],
        [{ ...ok, status: 'half done' }, 'field "status": unknown status "half done"'],
        [{ ...ok, status_date: '2099-01-01' }, 'field "status_date": the status date 2099-01-01 is in the future'],
        [{ ...ok, status_date: 'last spring' }, 'field "status_date": "last spring" is not a date'],
        [{ ...ok, budget: '12k', currency: 'USD' }, 'field "budget": budget is not a number: "12k"'],
        [{ ...ok, funding_committed: 'USD 5', currency: 'USD' }, 'field "funding_committed": funding_committed is not a number'],
        [{ ...ok, budget: '12' }, 'field "currency": an amount needs its currency'],
        [{ ...ok, priority: 'urgent' }, 'field "priority": unknown priority "urgent"'],
        [{ ...ok, strategy_id: 'atlantis' }, 'field "strategy_id": unknown strategy "atlantis"'],
        [{ ...ok, strategy_id: 'new', strategy_name: 'New', strategy_scope: 'national', strategy_countries: 'FJI;XYZ' }, 'field "strategy_countries": unknown country "XYZ"'],
        [{ ...ok, strategy_id: 'new', strategy_name: 'New', strategy_scope: 'galactic', strategy_countries: 'FJI' }, 'field "strategy_scope": a new strategy\'s scope is national or regional'],
        [{ ...ok, measure_countries: 'KEN' }, 'field "measure_countries": KEN not covered by the strategy'],
        [{ ...ok, measure_countries: 'ZZZ' }, 'field "measure_countries": unknown country "ZZZ"'],
        [{ ...ok, measure: '' }, 'field "measure": the first row of measure 9.1 needs its text'],
      ];
      const path = join(folder, 'bad.csv');
      for (const [cells, message] of cases) {
        writeFileSync(path, [MEASURE_HEADER.join(','), row({ ...ok, measure_id: '9.0' }), row(cells)].join('\n'));
        await expect(importFile(store, path, { force: true })).rejects.toThrow(`bad.csv, line 3, ${message}`);
      }
      writeFileSync(path, [MEASURE_HEADER.join(','), row(ok), row({ strategy_id: 'fji-ecom', measure_id: '9.1', status: 'dropped', status_date: '2025-01-01' })].join('\n'));
      await expect(importFile(store, path, { force: true })).rejects.toThrow('bad.csv, line 3, field "status_date": measure 9.1 already has a status on 2025-01-01 (line 2)');
      writeFileSync(path, [MEASURE_HEADER.join(','), row(ok), row({ strategy_id: 'fji-ecom', measure_id: '9.1', policy_area: 'skills', status: 'dropped', status_date: '2025-02-01' })].join('\n'));
      await expect(importFile(store, path, { force: true })).rejects.toThrow('bad.csv, line 3, field "policy_area": measure 9.1 has "legal" on an earlier row');
      const xlsx = join(folder, 'bad.xlsx');
      writeFileSync(xlsx, toXlsx([{ name: 'measures', header: MEASURE_HEADER, rows: [MEASURE_HEADER.map((h) => ({ ...ok, status: 'finished' })[h] ?? '')] }]));
      await expect(importFile(store, xlsx, { format: 'strategy-measures' })).rejects.toThrow('bad.xlsx, line 2, field "status": unknown status "finished"');
      expect(await store.dataVersion()).toBe(before);
      expect(await store.strategyMeasures()).toEqual(stored);
    });
  });
}
