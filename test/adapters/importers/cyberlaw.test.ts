/**
 * The UNCTAD Global Cyberlaw Tracker imported as a vintage on both engines: the status file recognised
 * from its header, the document links read beside it, the as-of date chosen and stated, history kept
 * across editions, and a bad status refused with its line and column, leaving the store as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFolder } from '../../../src/adapters/importers/folder.ts';
import { detectFormat } from '../../../src/adapters/importers/formats.ts';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { InputError } from '../../../src/domain/errors.ts';
import { writeM49 } from '../../fixtures/fixtures.ts';
import { EDITION_2021, EDITION_2026, writeTracker } from '../../fixtures/cyberlaw.ts';
import { ENGINES, freshStoreEach } from '../../support/engines.ts';
import { errorOf, tempDir } from './support.ts';

const dir = tempDir('observatory-cyberlaw-');
let folderCount = 0;
const fresh = (name = 'unctad-cyberlaw-tracker') => join(dir, `${folderCount++}`, name);

const today = () => new Date().toISOString().slice(0, 10);

for (const engine of ENGINES) {
  describe(`cyberlaw tracker import on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    /** The countries first, as a folder import orders them, so that M49 codes resolve. */
    const withCountries = async () => {
      await importFile(store, writeM49(fresh('datasets-country-codes')).path);
    };

    it('imports the statuses with the laws beside them, as of the import date when the edition gives none', async () => {
      await withCountries();
      const files = writeTracker(fresh(), EDITION_2021);
      expect(await detectFormat(files.status)).toBe('cyberlaw-tracker-status');
      const result = await importFile(store, files.status);
      expect(result).toMatchObject({ status: 'imported', format: 'cyberlaw-tracker-status' });
      expect(result.vintage?.source).toBe('UNCTAD Global Cyberlaw Tracker');
      expect(result.vintage?.note).toBe(`statuses as of ${today()} (the date of the import: neither a data package nor a provenance note gives the edition date); laws from cyberlaw_tracker_document_links.json`);
      expect(result.warnings.join('\n')).toContain('Atlantis (999)');
      // 7 known economies × 5 areas, and their Indirect Taxation status once more in the VAT/GST registry.
      expect(result.vintage?.rowCount).toBe(35 + 7);

      const entries = await store.registry.cyberlawEntries();
      expect(entries).toHaveLength(35);
      const nga = entries.filter((e) => e.iso3 === 'NGA');
      expect(Object.fromEntries(nga.map((e) => [e.area, e.status]))).toEqual({
        'e-transactions': 'legislation',
        'consumer-protection': 'legislation',
        'data-protection': 'draft',
        cybercrime: 'legislation',
        'indirect-taxation': 'none',
      });
      expect(nga.find((e) => e.area === 'cybercrime')).toMatchObject({
        asOf: today(),
        version: 1,
        vintageId: result.vintage?.id,
        laws: [{ title: 'Cybercrimes (Prohibition, Prevention, etc.) Act, 2015', year: 2015, url: 'https://example.org/ng/cybercrimes.pdf' }],
      });
      // The tracker's bare "No Data" among the links is a marker, not a law.
      expect(entries.find((e) => e.iso3 === 'TUV' && e.area === 'consumer-protection')).toMatchObject({ status: 'no-data', laws: [] });
      // A link that is not a web address keeps the law's title, without the link.
      expect(entries.find((e) => e.iso3 === 'FJI' && e.area === 'consumer-protection')?.laws).toEqual([{ title: 'Consumer Council of Fiji Act 1976', year: 1976, url: null }]);
    });

    it('takes the as-of date given, keeps the history across editions and recognises an edition imported before', async () => {
      await withCountries();
      const first = writeTracker(fresh(), EDITION_2021);
      const v1 = await importFile(store, first.status, { asOf: '2021-12-31' });
      expect(v1.vintage?.note).toContain('statuses as of 2021-12-31 (as given to the import)');
      expect((await importFile(store, first.status, { asOf: '2021-12-31' })).status).toBe('unchanged');

      const second = writeTracker(fresh(), EDITION_2026);
      const v2 = await importFile(store, second.status, { asOf: '2026-03-05' });
      expect(v2.status).toBe('imported');
      const ngaData = (await store.registry.cyberlawEntries({ iso3: 'NGA' })).filter((e) => e.area === 'data-protection');
      expect(ngaData.map((e) => [e.asOf, e.status, e.version, e.vintageId])).toEqual([
        ['2021-12-31', 'draft', 1, v1.vintage?.id],
        ['2026-03-05', 'legislation', 2, v2.vintage?.id],
      ]);
      expect(ngaData[1]?.laws[0]).toEqual({ title: 'Nigeria Data Protection Act, 2023', year: 2023, url: 'https://example.org/ng/ndpa-2023.pdf' });
    });

    it('counts a changed links file as a new edition even when the statuses did not change', async () => {
      await withCountries();
      const files = writeTracker(fresh(), EDITION_2021);
      await importFile(store, files.status, { asOf: '2021-12-31' });
      const links = JSON.parse(readFileSync(files.links as string, 'utf8')) as Record<string, Record<string, unknown>>;
      (links['404'] as Record<string, unknown>)['Consumer Protection'] = [['https://example.org/ke/cpa.pdf', 'Consumer Protection Act, 2012']];
      writeFileSync(files.links as string, JSON.stringify(links));
      const again = await importFile(store, files.status, { asOf: '2022-06-30' });
      expect(again.status).toBe('imported');
      const ken = (await store.registry.cyberlawEntries({ iso3: 'KEN' })).filter((e) => e.area === 'consumer-protection');
      expect(ken.map((e) => e.laws.length)).toEqual([0, 1]);
    });

    it('imports the statuses without laws when no document links sit beside the file, and says so', async () => {
      await withCountries();
      const files = writeTracker(fresh(), EDITION_2021, { links: false });
      const result = await importFile(store, files.status);
      expect(result.warnings.join('\n')).toContain('without their laws');
      expect(result.vintage?.note).toContain('no document links beside the file');
      expect((await store.registry.cyberlawEntries()).every((e) => e.laws.length === 0)).toBe(true);
    });

    it('refuses a bad status naming the line and the column, and leaves the store as it was', async () => {
      await withCountries();
      const rows = EDITION_2021.map((r) => (r.m49 === '242' ? { ...r, statuses: ['Legislation', 'Legislation', 'Partial', 'Legislation', 'No Legislation'] } : r));
      const files = writeTracker(fresh(), rows);
      const before = await store.vintages();
      const error = await errorOf(() => importFile(store, files.status));
      expect(error).toBeInstanceOf(InputError);
      const location = (error as InputError).location;
      // Fiji is the third row, on line 4 after the header.
      expect(location).toMatchObject({ file: 'cyberlaw_tracker_status.csv', line: 4, field: 'Privacy and Data Protection' });
      expect(error.message).toContain('"Partial"');
      expect(await store.vintages()).toEqual(before);
      expect(await store.registry.cyberlawEntries()).toEqual([]);
    });

    it('refuses an as-of date that is not a date', async () => {
      const files = writeTracker(fresh(), EDITION_2021);
      const error = await errorOf(() => importFile(store, files.status, { asOf: '31/12/2021' }));
      expect((error as InputError).location.field).toBe('asOf');
    });
  });
}

describe('planning a folder with the tracker', () => {
  it('imports the status file after the countries and reads the links file with it, not as documentation', async () => {
    const root = join(dir, `${folderCount++}`);
    writeM49(join(root, 'datasets-country-codes'));
    writeTracker(join(root, 'unctad-cyberlaw-tracker'), EDITION_2021);
    const plan = await planFolder(root);
    const labels = plan.map((p) => [p.label, p.format, p.skip]);
    expect(labels).toContainEqual(['unctad-cyberlaw-tracker/cyberlaw_tracker_status.csv', 'cyberlaw-tracker-status', null]);
    expect(labels).toContainEqual(['unctad-cyberlaw-tracker/cyberlaw_tracker_document_links.json', null, 'read with cyberlaw_tracker_status.csv']);
    const order = plan.filter((p) => !p.skip).map((p) => p.format);
    expect(order.indexOf('cyberlaw-tracker-status')).toBeGreaterThan(order.indexOf('m49'));
  });
});
