import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFolder } from '../../../src/adapters/importers/folder.ts';
import { notImportedReason } from '../../../src/adapters/importers/formats.ts';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import { tradeContext } from '../../../src/adapters/importers/trade.ts';
import type { EstimateRequest, Store } from '../../../src/adapters/storage/store.ts';
import { InputError } from '../../../src/domain/errors.ts';
import { writeNepalFolder } from '../../fixtures/trade-files.ts';
import { ENGINES, freshStoreEach } from '../../support/engines.ts';
import { errorOf, snapshot, tempDir, writeM49WithExtras } from './support.ts';

const dir = tempDir();
let folderCount = 0;
const fresh = (name: string) => join(dir, `${folderCount++}`, name);

/** NPR per US dollar in a long file named after its indicator, as datasets-wdi-fx publishes it. */
function writeFx(folder: string, rows: readonly [year: number, rate: number][]): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'pa.nus.fcrf.csv');
  writeFileSync(path, `Country Name,Country Code,Year,Value\n${rows.map(([y, r]) => `Nepal,NPL,${y},${r}`).join('\n')}\n`);
  return path;
}

/** The lines of the Nepal fixture with a factor of 1: the estimator then sums imports × rate. */
const request = (measure: EstimateRequest['measure']): EstimateRequest => ({
  reporters: ['NPL'],
  from: null,
  to: null,
  measure,
  rollup: 'simple',
  elasticity: 0,
  factors: ['490110', '852321', '852352'].map((hs6) => ({ edition: 'HS2022', hs6, factor: 1, match: 'exact' })),
  lines: false,
});

describe('notImportedReason', () => {
  it('says why recognised layouts without lines are not imported, and nothing of other files', async () => {
    const folder = fresh('skipped');
    mkdirSync(folder, { recursive: true });
    const files: Record<string, string> = {
      'totals.csv': 'fiscal_year_bs,hs_chapter,imports_npr_thousand,exports_npr_thousand,revenue_collected_npr_thousand\n2082/83,49,5000,10,100\n',
      'eu_duty_by_country.csv': 'origin,country_slug,cn_codes,duty_free_codes,duty_free_share,avg_ad_valorem_duty,arrangements\nAF,afghanistan,10,9,0.9,0.2,GSP\n',
      'HS2022_HS2017_conversion.csv': 'hs2022,hs2017\n010121,010121\n',
      'HS2022_to_BEC4_UNSD.csv': 'HS 2022,BEC 4,Relationship\n010121,41,n:1\n',
      'HS2017_to_BEC4_UNSD.csv': '\uFEFFHS 2017,BEC,Relationship\n010121,41,n:1\n',
      'tariff.csv': 'hs6,rate\n370110,5\n',
    };
    const reasons: Record<string, string | null> = {};
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(folder, name), text);
      reasons[name] = await notImportedReason(join(folder, name));
    }
    expect(reasons).toEqual({
      'totals.csv': "chapter totals of Nepal's trade: no national lines to estimate duties on (the lines are in the imports file)",
      'eu_duty_by_country.csv': 'EU duties summarised per origin country: no tariff lines',
      'HS2022_HS2017_conversion.csv':
        'UNSD conversion table (one target per code): the correlation table of the same editions, with every link and its relationship, is imported instead',
      'HS2022_to_BEC4_UNSD.csv': 'HS to BEC correspondence: Broad Economic Categories are not used by the estimator',
      'HS2017_to_BEC4_UNSD.csv': 'HS to BEC correspondence: Broad Economic Categories are not used by the estimator',
      'tariff.csv': null,
    });
    const single = await importFile(noStore(), join(folder, 'totals.csv'));
    expect(single).toMatchObject({ status: 'skipped', format: null, reason: reasons['totals.csv'] });
  });
});

/** importFile returns before touching the store for a file it does not import. */
function noStore(): Store {
  return new Proxy({} as Store, {
    get: (_, key) => {
      throw new Error(`the store was used: ${String(key)}`);
    },
  });
}

for (const engine of ENGINES) {
  describe(`importing Nepal's trade and tariff files on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it('refuses the imports until the NPR rate is stored, leaving the store as it was', async () => {
      await importFile(store, writeM49WithExtras(fresh('unsd')));
      const nepal = writeNepalFolder(fresh('nepal-customs-tariff-stats'));
      const before = await snapshot(store);
      const error = await errorOf(() => importFile(store, nepal.imports));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(/no NPR per US dollar rate \(World Bank PA\.NUS\.FCRF\) for Nepal in or before 2026: import datasets-wdi-fx first$/);
      expect(await snapshot(store)).toEqual(before);
    });

    it('imports flows in US dollars and the tariff with SAFTA, which the estimator then reads', async () => {
      await importFile(store, writeM49WithExtras(fresh('unsd')));
      await importFile(store, writeFx(fresh('datasets-wdi-fx'), [[2024, 133.7], [2025, 140], [2027, 150]]));
      const nepal = writeNepalFolder(fresh('nepal-customs-tariff-stats'));
      const tariff = await importFile(store, nepal.tariff);
      expect(tariff).toMatchObject({ status: 'imported', format: 'nepal-tariff', warnings: [] });
      expect(tariff.vintage?.note).toContain('tariff year 2027');
      expect(tariff.vintage?.rowCount).toBe(4 * 2 + 8);
      const imports = await importFile(store, nepal.imports);
      expect(imports).toMatchObject({ status: 'imported', format: 'nepal-imports' });
      expect(imports.vintage?.note).toContain('NPR converted at 140 per USD (World Bank PA.NUS.FCRF, 2025)');
      expect(imports.vintage?.source).toMatch(/^Department of Customs, Government of Nepal/);
      // The fixture countries have no Thailand: its imports stay under WLD, as do those of no stated origin.
      expect(imports.warnings).toEqual([
        'nepal_imports_fy2082_83_digitisable_hs8.csv: 2 partner names not recognised, their imports left under WLD: Not_Specified; Thailand',
      ]);
      const usd = (nprThousand: number) => (nprThousand * 1000) / 140;

      const coverage = (await store.tradeCoverage()).filter((c) => c.reporter === 'NPL');
      expect(coverage).toHaveLength(1);
      expect(coverage[0]).toMatchObject({ edition: 'HS2022', firstYear: 2026, lastYear: 2026, tariffYears: [2027] });
      expect(coverage[0]?.importsUsd).toBeCloseTo(usd(6800), 6);

      // MFN: books 10 %, magnetic cards 5 %, SIM cards free.
      const mfn = await store.estimateDuties(request('mfn'));
      expect(mfn.rows).toHaveLength(1);
      expect(mfn.rows[0]).toMatchObject({ reporter: 'NPL', year: 2026, tariffYear: 2027 });
      expect(mfn.rows[0]?.revenueUsd).toBeCloseTo(usd(5000 * 0.1 + 800 * 0.05), 6);
      // Applied: books from India at the SAFTA rate of 5 %.
      const applied = await store.estimateDuties(request('applied'));
      expect(applied.rows[0]?.revenueUsd).toBeCloseTo(usd(4000 * 0.05 + 1000 * 0.1 + 800 * 0.05), 6);

      expect((await importFile(store, nepal.imports)).status).toBe('unchanged');
      expect((await tradeContext(store)).usdRate('NPL', 2026)).toEqual({ rate: 140, year: 2025 });
    });

    it('plans the folder with the chapter totals skipped for a reason, the trade files after the exchange rates', async () => {
      const root = fresh('shared');
      writeNepalFolder(join(root, 'nepal-customs-tariff-stats'));
      writeFx(join(root, 'datasets-wdi-fx'), [[2025, 140]]);
      const plan = await planFolder(root);
      expect(plan.map((p) => [p.label, p.format, p.skip])).toEqual([
        ['datasets-wdi-fx/pa.nus.fcrf.csv', 'long', null],
        ['nepal-customs-tariff-stats/nepal_customs_tariff_2026_27_digitisable.csv', 'nepal-tariff', null],
        ['nepal-customs-tariff-stats/nepal_imports_fy2082_83_digitisable_hs8.csv', 'nepal-imports', null],
        [
          'nepal-customs-tariff-stats/nepal_trade_fy2082_83_chapter_totals.csv',
          null,
          "chapter totals of Nepal's trade: no national lines to estimate duties on (the lines are in the imports file)",
        ],
      ]);
    });
  });
}
