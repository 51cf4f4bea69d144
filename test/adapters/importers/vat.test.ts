/**
 * VAT/GST on digital supplies imported on both engines: the Indirect Taxation column of the cyberlaw
 * tracker in the same vintage as its other columns, a secretariat's registry file recognised from its
 * header, and bad files refused with their line and column, leaving the store as it was.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFolder } from '../../../src/adapters/importers/folder.ts';
import { detectFormat } from '../../../src/adapters/importers/formats.ts';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { InputError } from '../../../src/domain/errors.ts';
import { mergeVatEntries } from '../../../src/domain/moratorium/vat.ts';
import { VAT_FACTS } from '../../../src/domain/moratorium/vat-facts.ts';
import { EDITION_2021, EDITION_2026, writeTracker } from '../../fixtures/cyberlaw.ts';
import { writeM49 } from '../../fixtures/fixtures.ts';
import { VAT_REGISTRY_ROWS, writeVatRegistry } from '../../fixtures/vat.ts';
import { ENGINES, freshStoreEach } from '../../support/engines.ts';
import { errorOf, snapshot, tempDir } from './support.ts';

const dir = tempDir('observatory-vat-import-');
let folderCount = 0;
const fresh = (name: string) => join(dir, `${folderCount++}`, name);

for (const engine of ENGINES) {
  describe(`VAT/GST import on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    const withCountries = async () => {
      await importFile(store, writeM49(fresh('datasets-country-codes')).path);
    };

    it('writes the tracker\'s Indirect Taxation status of each known economy in the tracker\'s vintage', async () => {
      await withCountries();
      const first = await importFile(store, writeTracker(fresh('unctad-cyberlaw-tracker'), EDITION_2021).status, { asOf: '2021-06-30' });
      const entries = await store.vatEntries();
      expect(entries.map((e) => [e.iso3, e.legislated])).toEqual([
        ['FJI', 'no legislation'],
        ['FRA', 'legislation'],
        ['HTI', 'no legislation'],
        ['KEN', 'no legislation'],
        ['NGA', 'no legislation'],
        ['TUV', 'no legislation'],
        ['USA', 'no legislation'],
      ]);
      for (const e of entries) {
        expect(e).toMatchObject({ rate: null, start: null, threshold: null, model: null, asOf: '2021-06-30', vintageId: first.vintage?.id });
        expect(e.source).toBe('UNCTAD Global Cyberlaw Tracker (edition as of 2021-06-30), Indirect Taxation');
      }
      // The cyberlaw registry's status and the VAT registry's come from the same vintage and agree.
      const cyberlaw = (await store.registry.cyberlawEntries()).filter((e) => e.area === 'indirect-taxation');
      expect(cyberlaw.map((e) => [e.iso3, e.status])).toEqual(entries.map((e) => [e.iso3, e.legislated === 'legislation' ? 'legislation' : 'none']));

      // A later edition becomes current; the built-in rate of Kenya joins its status when merged.
      const second = await importFile(store, writeTracker(fresh('unctad-cyberlaw-tracker'), EDITION_2026).status, { asOf: '2026-03-05' });
      expect(second.vintage?.dataset).toBe(first.vintage?.dataset);
      const current = await store.vatEntries();
      expect(current.filter((e) => e.legislated === 'legislation').map((e) => e.iso3)).toEqual(['FJI', 'FRA', 'NGA']);
      expect(new Set(current.map((e) => e.vintageId))).toEqual(new Set([second.vintage?.id]));
      const merged = mergeVatEntries([...VAT_FACTS, ...current]);
      expect(merged.get('KEN')).toMatchObject({ rate: 16, legislated: 'no legislation', asOf: '2026-03-05' });
      expect(merged.get('NGA')).toMatchObject({ rate: null, legislated: 'legislation' });
    });

    it('imports a registry file recognised from its header, dated on the day given', async () => {
      await withCountries();
      const path = writeVatRegistry(fresh('secretariat'));
      expect(await detectFormat(path)).toBe('vat-registry');
      const result = await importFile(store, path, { asOf: '2026-05-01' });
      expect(result).toMatchObject({ status: 'imported', format: 'vat-registry', dataset: 'secretariat/vat_registry.csv' });
      expect(result.vintage?.rowCount).toBe(3);
      const entries = await store.vatEntries();
      expect(entries.map((e) => [e.iso3, e.rate, e.model, e.legislated, e.asOf])).toEqual([
        ['FJI', null, null, 'no data', '2026-05-01'],
        ['KEN', 16, 'vendor registration', 'legislation', '2026-05-01'],
        ['NGA', 7.5, 'platform liability', 'legislation', '2026-05-01'],
      ]);
      expect((await importFile(store, path)).status).toBe('unchanged');
    });

    it('dates a registry\'s rows on the day of the import by default', async () => {
      await withCountries();
      await importFile(store, writeVatRegistry(fresh('secretariat')));
      expect(new Set((await store.vatEntries()).map((e) => e.asOf))).toEqual(new Set([new Date().toISOString().slice(0, 10)]));
    });

    it('refuses a registry naming a country the Observatory does not know, or a bad cell, and keeps the store as it was', async () => {
      await withCountries();
      await importFile(store, writeVatRegistry(fresh('secretariat')), { asOf: '2026-05-01' });
      const before = { all: await snapshot(store), vat: await store.vatEntries() };

      const unknown = writeVatRegistry(fresh('secretariat'), [...VAT_REGISTRY_ROWS, 'ATL,10,,,,,Act (test),,']);
      const error = await errorOf(() => importFile(store, unknown, { label: 'secretariat/vat_registry.csv' }));
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).location).toEqual({ file: 'secretariat/vat_registry.csv', line: 5, field: 'iso3' });

      const bad = writeVatRegistry(fresh('secretariat'), [VAT_REGISTRY_ROWS[0], 'NGA,7.5,2020-02-01,,,by pigeon,Act (test),,']);
      const error2 = await errorOf(() => importFile(store, bad, { label: 'secretariat/vat_registry.csv' }));
      expect((error2 as InputError).location).toEqual({ file: 'secretariat/vat_registry.csv', line: 3, field: 'model' });

      expect({ all: await snapshot(store), vat: await store.vatEntries() }).toEqual(before);
    });

    it('plans a registry after the country files of a folder', async () => {
      const root = fresh('folder');
      writeM49(join(root, 'unsd-m49'));
      writeVatRegistry(join(root, 'a-secretariat'));
      const plan = (await planFolder(root)).filter((p) => !p.skip).map((p) => [p.label, p.format]);
      expect(plan).toEqual([
        [join('unsd-m49', 'UNSD-M49-en.csv'), 'm49'],
        [join('a-secretariat', 'vat_registry.csv'), 'vat-registry'],
      ]);
    });
  });
}
