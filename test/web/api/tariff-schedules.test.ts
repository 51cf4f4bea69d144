/**
 * The schedule in force for the trade period, on both engines: Nepal's imports of FY 2082/83 (2025/26) with the
 * Customs Tariff 2026/27 alone, then with the 2025/26 schedule as well; the years filter finds the fiscal year by
 * either calendar year it covers, in JSON and CSV.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { csvText, NEPAL_TARIFF_HEADER, NEPAL_TARIFF_ROWS, writeNepalFolder } from '../../fixtures/trade-files.ts';
import { parseCsv } from '../../support/csv.ts';
import { ENGINES, freshStoreEach } from '../../support/engines.ts';
import { tempDir, writeM49WithExtras } from '../../adapters/importers/support.ts';
import { openApiDocument } from '../../../src/app/web/api/openapi.ts';
import type { Schema } from '../../../src/app/questions/schema.ts';
import { schemaErrors } from './schema-check.ts';

const dir = tempDir('observatory-schedules-');
let n = 0;
const fresh = (name: string) => join(dir, `${n++}`, name);

/** The 2025/26 schedule: SIM cards at 10 % (free from 2026/27), books at 10 %. */
const TARIFF_2025_26 = NEPAL_TARIFF_ROWS.map((r) => (r[0] === '8523.52.10' ? ['8523.52.10', '852352', 10, 10, 'SIM card', 'Smart cards'] : r));

async function load(store: Store, withEarlier: boolean) {
  await importFile(store, writeM49WithExtras(fresh('unsd')));
  const fx = fresh('datasets-wdi-fx');
  mkdirSync(fx, { recursive: true });
  writeFileSync(join(fx, 'pa.nus.fcrf.csv'), 'Country Name,Country Code,Year,Value\nNepal,NPL,2025,140\n');
  await importFile(store, join(fx, 'pa.nus.fcrf.csv'));
  const folder = fresh('nepal-customs-tariff-stats');
  const nepal = writeNepalFolder(folder);
  await importFile(store, nepal.tariff);
  if (withEarlier) {
    const earlier = join(folder, 'nepal_customs_tariff_2025_26_digitisable.csv');
    writeFileSync(earlier, csvText(NEPAL_TARIFF_HEADER, TARIFF_2025_26));
    await importFile(store, earlier);
  }
  await importFile(store, nepal.imports);
  return createApp({ obs: new Observatory(store, { today: () => '2026-12-04', versionCheckMs: 0 }) });
}

const schema = () => {
  const r = openApiDocument.paths['/moratorium/estimate']?.get?.responses['200'];
  return (r && 'content' in r ? r.content?.['application/json; charset=utf-8']?.schema : undefined) as Schema;
};
const usd = (nprThousand: number) => (nprThousand * 1000) / 140;

for (const engine of ENGINES) {
  describe(`tariff schedule against trade period on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it('stores the dates of the trade period and the schedule', async () => {
      await load(store, false);
      const periods = (await store.datedPeriods()).map(({ kind, reporter, year, from, to, basis }) => ({ kind, reporter, year, from, to, basis }));
      expect(periods).toEqual([
        { kind: 'tariff', reporter: 'NPL', year: 2027, from: '2026-07-16', to: '2027-07-15', basis: 'fiscal-year-bs' },
        { kind: 'trade', reporter: 'NPL', year: 2026, from: '2025-07-16', to: '2026-07-15', basis: 'fiscal-year-bs' },
      ]);
    });

    it('with the 2026/27 schedule alone: priced by it, 12 months later, not in force, the only one, said on the row and in the notes', async () => {
      const app = await load(store, false);
      const res = await app.request('/api/v1/moratorium/estimate?country=NPL&list=digitisable-hs2022&years=2025');
      expect(res.status, await res.clone().text()).toBe(200);
      const body: any = await res.json();
      expect(schemaErrors(body, schema())).toEqual([]);
      expect(body.rows).toHaveLength(1);
      expect(body.rows[0]).toMatchObject({
        year: 2026,
        period: 'FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026)',
        periodGregorian: 'FY 2025/26',
        periodFrom: '2025-07-16',
        periodTo: '2026-07-15',
        tariffYear: 2027,
        tariffSchedule: 'FY 2083/84 BS (16 Jul 2026 – 15 Jul 2027)',
        tariffScheduleFrom: '2026-07-16',
        tariffScheduleTo: '2027-07-15',
        tariffMatch: 'later',
        gapDays: 365,
        gapMonths: 12,
        tariffWarning: 'not-in-force',
        tariffSchedules: 1,
      });
      expect(body.notes.join('\n')).toContain('NPL: FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026) imports priced with the tariff schedule FY 2083/84 BS');
      expect(body.notes.join('\n')).toContain('the only schedule stored for this country');
      const lines = (await (await app.request('/api/v1/moratorium/estimate?country=NPL&list=digitisable-hs2022&lines=true')).json()) as any;
      expect(lines.lines.find((l: any) => l.hs6 === '852352')?.ratePct).toBe(0);
    });

    it('with the 2025/26 schedule as well: the schedule in force prices the year, SIM cards at 10 %', async () => {
      const app = await load(store, true);
      const body: any = await (await app.request('/api/v1/moratorium/estimate?country=NPL&list=digitisable-hs2022&lines=true&tariff=mfn&rollup=line')).json();
      expect(body.rows[0]).toMatchObject({
        year: 2026,
        tariffYear: 2026,
        tariffSchedule: 'FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026)',
        tariffMatch: 'in-force',
        gapDays: 0,
        gapMonths: 0,
        tariffWarning: null,
        tariffSchedules: 2,
      });
      expect(body.notes.join('\n')).not.toContain('priced with the tariff schedule');
      expect(body.lines.find((l: any) => l.hs6 === '852352')?.ratePct).toBe(10);
      // Books 10 %, magnetic cards 5 %, SIM cards 10 % of 5,000, 800 and 1,000 NPR thousand (if all three are on the list).
      const listed = new Set(body.lines.map((l: any) => l.hs6));
      const expected = (listed.has('490110') ? 5000 * 0.1 : 0) + (listed.has('852321') ? 800 * 0.05 : 0) + (listed.has('852352') ? 1000 * 0.1 : 0);
      expect(body.rows[0].revenueUsd).toBeCloseTo(usd(expected), 4);
    });

    it('finds FY 2025/26 by either calendar year it covers, and by neither other year, in JSON and CSV', async () => {
      const app = await load(store, false);
      const years = async (q: string) => ((await (await app.request(`/api/v1/moratorium/estimate?country=NPL&list=digitisable-hs2022&years=${q}`)).json()) as any).rows.map((r: any) => r.periodGregorian);
      expect(await years('2025')).toEqual(['FY 2025/26']);
      expect(await years('2026')).toEqual(['FY 2025/26']);
      expect(await years('2020-2025')).toEqual(['FY 2025/26']);
      expect(await years('2024')).toEqual([]);
      expect(await years('2027')).toEqual([]);
      const csv = parseCsv(await (await app.request('/api/v1/moratorium/estimate?country=NPL&list=digitisable-hs2022&years=2025&format=csv')).text());
      const [header, ...rows] = csv;
      const row = rows.find((r) => r[header!.indexOf('level')] === 'country')!;
      const at = (name: string) => row[header!.indexOf(name)];
      expect([at('year'), at('period_gregorian'), at('tariff_schedule_from'), at('tariff_schedule_to'), at('tariff_match'), at('gap_days'), at('gap_months'), at('tariff_warning')]).toEqual([
        '2026', 'FY 2025/26', '2026-07-16', '2027-07-15', 'later', '365', '12', 'not-in-force',
      ]);
    });
  });
}

describe('the years filter on the page and in the command line', () => {
  it('finds FY 2025/26 with years=2025 on the page, naming the schedule and the gap, and in the CLI', async () => {
    const { main } = await import('../../../src/app/cli/main.ts');
    const { openStore } = await import('../../../src/adapters/storage/open.ts');
    const dataDir = join(fresh('cli'), 'data');
    const store = await openStore({ dataDir });
    let app;
    try {
      app = await load(store, false);
      const page = await (await app.request('/en/moratorium?target=country:NPL&list=digitisable-hs2022&years=2025')).text();
      expect(page).toContain('<th scope="row">FY 2025/26<br/><small>FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026)</small>');
      expect(page).toContain('data-flag="not-in-force" title="2026-07-16 – 2027-07-15">FY 2083/84 BS (16 Jul 2026 – 15 Jul 2027) · not in force: starts 12 months after the trade period · the only schedule stored');
      expect(page).toContain('In FY 2025/26, duties on the listed products imported by Nepal');
      const fr = await (await app.request('/fr/moratorium?target=country:NPL&list=digitisable-hs2022&years=2025')).text();
      expect(fr).toContain('Pour l’exercice 2025/26, les droits');
      expect(fr).toContain('pas en vigueur : débute 12 mois après la période commerciale · le seul tarif enregistré');
    } finally {
      await store.close();
    }
    const saved = { DATABASE_URL: process.env.DATABASE_URL, OBSERVATORY_DATA_DIR: process.env.OBSERVATORY_DATA_DIR };
    delete process.env.DATABASE_URL;
    delete process.env.OBSERVATORY_DATA_DIR;
    try {
      let out = '';
      const io = { out: { write: (t: string) => (out += t) }, err: { write: (_: string) => undefined } };
      const code = await main(['moratorium', 'estimate', '--country', 'NPL', '--list', 'digitisable-hs2022', '--years', '2025', '--format', 'csv', '--data-dir', dataDir], io);
      expect(code).toBe(0);
      const [header, row] = parseCsv(out);
      const at = (name: string) => row?.[header!.indexOf(name)];
      expect([at('year'), at('period_gregorian'), at('tariff_year'), at('tariff_match'), at('gap_months'), at('tariff_warning')]).toEqual(['2026', 'FY 2025/26', '2027', 'later', '12', 'not-in-force']);
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
});
