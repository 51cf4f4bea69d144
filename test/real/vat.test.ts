/**
 * Imports the real UNCTAD Global Cyberlaw Tracker status file into a fresh embedded store and checks the
 * VAT/GST registry it gives against a count of the file made here, apart from the Observatory's reader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { SOURCES } from '../../src/adapters/importers/formats.ts';
import { writeTrackerVat } from '../../src/adapters/importers/vat.ts';
import { fileChunks } from '../../src/adapters/sources/csv.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { VAT_FACTS } from '../../src/domain/moratorium/vat-facts.ts';
import { mergeVatEntries } from '../../src/domain/moratorium/vat.ts';
import { parseCsv } from '../support/csv.ts';
import { sharedData } from './shared-data.ts';

/** The rows of a CSV file as objects by header, read by the tests' own parser (which wants CRLF line ends). */
function readRows(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n/g, '\r\n');
  const [header, ...rows] = parseCsv(text.endsWith('\r\n') ? text : `${text}\r\n`);
  if (!header) throw new Error(`${path} is empty`);
  return rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

it('finds the shared data folder', () => {
  expect(existsSync(sharedData())).toBe(true);
});

describe('the VAT/GST registry from the real tracker file', () => {
  let store: Store;
  let status: string;
  let m49: string;

  beforeAll(async () => {
    const root = sharedData();
    status = join(root, 'unctad-cyberlaw-tracker', 'cyberlaw_tracker_status.csv');
    m49 = join(root, 'datasets-country-codes', 'UNSD-M49-en.csv');
    store = await openStore({ duckdbPath: ':memory:' });
    await importFile(store, m49);
    // The VAT/GST part of the tracker import alone, in a vintage of its own: the whole import also reads the
    // document links beside the file, which the cyberlaw registry's tests check.
    const info = SOURCES['cyberlaw-tracker-status'];
    const edition = { asOf: '2026-03-05', source: `${info.source} (edition as of 2026-03-05)`, sourceUrl: info.url };
    await store.importVintage(
      { dataset: 'unctad-cyberlaw-tracker/cyberlaw_tracker_status.csv', source: info.source, format: 'cyberlaw-tracker-status', fileName: 'cyberlaw_tracker_status.csv', sha256: 'test', licence: info.licence, sourceUrl: info.url, publishedAt: null, note: null },
      async (w) => {
        await writeTrackerVat(store, w, 'cyberlaw_tracker_status.csv', fileChunks(status), edition);
      },
    );
  });

  afterAll(async () => {
    await store?.close();
  });

  it('has one entry per economy of the file, and as many with legislation as the file counts', async () => {
    const rows = readRows(status);
    const known = new Set(readRows(m49).map((r) => r['M49 Code']));
    const counted = (word: string) => rows.filter((r) => known.has(r.code) && (r['Indirect Taxation'] ?? '').trim() === word).length;
    const entries = await store.vatEntries();
    const stored = (legislated: string) => entries.filter((e) => e.legislated === legislated).length;
    expect(entries).toHaveLength(rows.filter((r) => known.has(r.code)).length);
    expect(stored('legislation')).toBe(counted('Legislation'));
    expect(stored('no legislation')).toBe(counted('No Legislation'));
    expect(stored('draft legislation')).toBe(counted('Draft Legislation'));
    // PROVENANCE.md: 98 with legislation, 97 without.
    expect(stored('legislation')).toBe(98);
    expect(new Set(entries.map((e) => e.iso3)).size).toBe(entries.length);
  });

  it('agrees with the built-in facts: every country they give a rate for has legislated in the tracker', async () => {
    const merged = mergeVatEntries([...VAT_FACTS, ...(await store.vatEntries())]);
    for (const fact of VAT_FACTS) {
      expect(merged.get(fact.iso3), fact.iso3).toMatchObject({ rate: fact.rate, legislated: 'legislation', asOf: '2026-03-05' });
    }
    expect(merged.get('ZAF')?.sources).toEqual(['UNCTAD Global Cyberlaw Tracker (edition as of 2026-03-05), Indirect Taxation', VAT_FACTS.find((f) => f.iso3 === 'ZAF')?.source]);
  });
});
