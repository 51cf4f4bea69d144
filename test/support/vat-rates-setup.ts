/**
 * What the tests of the VAT comparison's rate and the downloads' exchange rates add to a store holding the
 * estimator's fixture (test/support/moratorium-fixture.ts) for `reporter` and `unrated`: the national act's
 * standard rate table (Nepal 13%, in force since 1997-11-16, test/fixtures/vat-rates.ts), so that `unrated`
 * has no rate from any source, and the reporter's exchange rates (PA.NUS.FCRF) for 2021 and 2022.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { writeVatRateTables } from '../fixtures/vat-rates.ts';

/** LCU per US dollar of the reporter: the 2022 duty is converted at 125 (2022), as is the 2022 revenue. */
export const FX = { 2021: 120, 2022: 125 } as const;

/** The citation of the national act's table, as the importer writes it for Nepal. */
export const NATIONAL_ACT_AS_OF = '1997-11-16';

export async function seedRatesAndFx(store: Store, reporter: string): Promise<void> {
  const paths = writeVatRateTables(mkdtempSync(join(tmpdir(), 'vat-rates-')));
  const imported = await importFile(store, paths['vat_manual_additions.csv']);
  if (imported.status !== 'imported') throw new Error(`the national act's table was not imported: ${imported.status}`);
  await store.importVintage(
    {
      dataset: 'test/fx', source: 'World Bank, World Development Indicators (test extract, exchange rates)', format: 'test', fileName: 'fx.csv',
      sha256: 'moratorium-fx', licence: 'CC-BY-4.0', sourceUrl: null, publishedAt: '2025-03-01', note: null,
    },
    (w) =>
      w.addObservations([
        { indicator: 'PA.NUS.FCRF', entity: reporter, year: 2021, value: FX[2021] },
        { indicator: 'PA.NUS.FCRF', entity: reporter, year: 2022, value: FX[2022] },
      ]),
  );
}
