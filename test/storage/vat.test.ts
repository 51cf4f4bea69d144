/**
 * The VAT/GST registry's storage, the same cases on both engines: entries written with their vintage,
 * the current vintage of each dataset read back, all or nothing per import.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/adapters/storage/store.ts';
import type { NewVintage } from '../../src/domain/vintage.ts';
import { VAT_FACTS } from '../../src/domain/moratorium/vat-facts.ts';
import { mergeVatEntries, type VatEntry } from '../../src/domain/moratorium/vat.ts';
import { ENGINES, freshStoreEach } from '../support/engines.ts';

const meta = (dataset: string, sha256: string): NewVintage => ({
  dataset,
  source: 'test source',
  format: 'vat-registry',
  fileName: 'vat_registry.csv',
  sha256,
  licence: null,
  sourceUrl: null,
  publishedAt: null,
  note: null,
});

const kenya: VatEntry = {
  iso3: 'KEN',
  rate: 16,
  start: '2021-01-02',
  threshold: { amount: 5_000_000, currency: null },
  model: 'withholding by payment providers',
  legislated: 'legislation',
  source: 'Finance Act (test)',
  sourceUrl: 'https://example.org/ke',
  note: 'a note, with "quotes"',
  asOf: '2026-05-01',
};
const fiji: VatEntry = {
  iso3: 'FJI',
  rate: 7.5,
  start: null,
  threshold: null,
  model: null,
  legislated: 'draft legislation',
  source: 'Bill (test)',
  sourceUrl: null,
  note: null,
  asOf: null,
};
const tracker = (iso3: string, legislated: VatEntry['legislated'], asOf: string): VatEntry => ({
  iso3,
  rate: null,
  start: null,
  threshold: null,
  model: null,
  legislated,
  source: `tracker ${asOf}`,
  sourceUrl: 'https://unctad.org/page/global-cyberlaw-tracker',
  note: null,
  asOf,
});

for (const engine of ENGINES) {
  describe(`VAT/GST entries on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it('stores every field of an entry and reads it back with its vintage, by country', async () => {
      const v = await store.importVintage(meta('secretariat/vat_registry.csv', 'a'), (w) => w.addVatEntries([kenya, fiji]));
      expect(v.rowCount).toBe(2);
      expect(await store.vatEntries()).toEqual([
        { ...fiji, vintageId: v.id },
        { ...kenya, vintageId: v.id },
      ]);
    });

    it('reads the latest vintage of each dataset only, keeping the other datasets', async () => {
      await store.importVintage(meta('unctad-cyberlaw-tracker/cyberlaw_tracker_status.csv', '1'), (w) =>
        w.addVatEntries([tracker('KEN', 'no legislation', '2021-06-01'), tracker('FJI', 'no legislation', '2021-06-01')]),
      );
      const registry = await store.importVintage(meta('secretariat/vat_registry.csv', 'a'), (w) => w.addVatEntries([kenya]));
      const edition = await store.importVintage(meta('unctad-cyberlaw-tracker/cyberlaw_tracker_status.csv', '2'), (w) =>
        w.addVatEntries([tracker('KEN', 'legislation', '2026-03-05')]),
      );
      const current = await store.vatEntries();
      expect(current.map((e) => [e.iso3, e.legislated, e.vintageId])).toEqual([
        ['KEN', 'legislation', edition.id],
        ['KEN', 'legislation', registry.id],
      ]);
      expect(current.map((e) => e.asOf)).toEqual(['2026-03-05', '2026-05-01']);

      // Merged with the built-in facts: the registry's rate (newest), the tracker's status.
      const merged = mergeVatEntries([...VAT_FACTS, ...current]).get('KEN');
      expect(merged).toMatchObject({ rate: 16, model: 'withholding by payment providers', legislated: 'legislation', asOf: '2026-05-01' });
    });

    it('keeps nothing of an import that fails, and the previous vintage stays current', async () => {
      const first = await store.importVintage(meta('secretariat/vat_registry.csv', 'a'), (w) => w.addVatEntries([kenya]));
      const version = await store.dataVersion();
      await expect(
        store.importVintage(meta('secretariat/vat_registry.csv', 'b'), async (w) => {
          await w.addVatEntries([fiji]);
          throw new Error('bad line');
        }),
      ).rejects.toThrow('bad line');
      expect(await store.vatEntries()).toEqual([{ ...kenya, vintageId: first.id }]);
      expect(await store.dataVersion()).toBe(version);
      expect((await store.vintages()).map((v) => v.id)).toEqual([first.id]);
    });
  });
}
