/**
 * A whole Observatory over a small source folder: the generators of test/fixtures write files in the
 * official layouts into a temporary folder, `importFolder` imports them into a fresh in-memory store,
 * and the web application is built over it, as `observatory serve` does over the shared data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { importFolder } from '../../src/adapters/importers/folder.ts';
import type { ImportResult } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import type { Localized } from '../../src/domain/lang.ts';
import type { SourceObservation } from '../../src/adapters/sources/records.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { seedMoratorium, type MoratoriumSeeded } from './moratorium-fixture.ts';
import { createApp } from '../../src/app/web/server.ts';
import {
  writeCountryCodes,
  writeFindex,
  writeLongCsv,
  writeM49,
  writeOrgMemberships,
  writeWorldBankMetadata,
  writeWorldBankWide,
  type ExpectedM49,
  type ExpectedMembership,
} from '../fixtures/fixtures.ts';

/** The fixed "today" of the page tests: after Mali left ECOWAS (2025-01-29). */
export const FIXTURE_TODAY = '2026-06-30';

/** What the source files say, as the generators wrote it, for computing expected figures by hand. */
export interface FixtureFacts {
  countries: ExpectedM49[];
  /** Country names as the two country files give them together: country-codes.csv over the M49 table. */
  names: Map<string, Partial<Localized>>;
  memberships: ExpectedMembership[];
  /** Observations by indicator code, as written (countries and World Bank aggregates alike). */
  observations: Map<string, SourceObservation[]>;
}

export interface ObservatoryFixture {
  store: Store;
  obs: Observatory;
  app: Hono;
  /** The folder the source files were written to. */
  folder: string;
  results: ImportResult[];
  /** The trade, tariff and revenue vintages of the estimator (see moratorium-fixture.ts). */
  moratorium: MoratoriumSeeded;
  facts: FixtureFacts;
  dispose: () => Promise<void>;
}

/**
 * Writes the fixture folder (one sub-folder per source, as the shared data folder is laid out), imports
 * it into an in-memory DuckDB store and returns the application over it. Call `dispose` when done.
 */
export async function buildObservatoryFixture(): Promise<ObservatoryFixture> {
  const folder = mkdtempSync(join(tmpdir(), 'observatory-pages-'));
  const observations = new Map<string, SourceObservation[]>();
  const keep = (list: readonly SourceObservation[]) => {
    for (const o of list) {
      const l = observations.get(o.indicator) ?? [];
      l.push(o);
      observations.set(o.indicator, l);
    }
  };

  // The sub-folders are named as in the shared data folder, so the datasets read as they do in production.
  const codes = join(folder, 'datasets-country-codes');
  const m49 = writeM49(codes);
  // country-codes.csv brings the French and Spanish names the English M49 table lacks.
  const countryCodes = writeCountryCodes(codes);
  const orgs = writeOrgMemberships(join(folder, 'dieghernan-country-orgs'));
  // A metadata file takes its fiscal year from the "Last Updated Date" of its companion data file.
  const api = join(folder, 'worldbank-api-csv');
  keep(writeWorldBankWide(api, { firstYear: 2015, lastYear: 2023, lastUpdated: '2025-07-01' }).expected);
  writeWorldBankMetadata(api);
  keep(
    writeWorldBankWide(api, {
      indicators: [{ code: 'BX.GSR.CCIS.CD', name: 'ICT service exports (BoP, current US$)' }],
      fileName: 'API_BX.GSR.CCIS.CD_DS2_en_csv_v2_1.csv',
      seed: 7,
    }).expected,
  );
  const wdi = join(folder, 'datasets-wdi');
  keep(writeLongCsv(wdi, { indicator: 'SP.POP.TOTL', firstYear: 2015, lastYear: 2023, seed: 11 }).expected);
  keep(writeLongCsv(wdi, { indicator: 'IT.NET.SECR.P6', firstYear: 2015, lastYear: 2023, seed: 12 }).expected);
  keep(writeFindex(join(folder, 'worldbank-findex-2021'), { variant: 'key' }).expected);

  const store = await openStore({ duckdbPath: ':memory:' });
  try {
    const results = await importFolder(store, folder);
    const failed = results.filter((r) => r.status === 'skipped' && r.format !== null);
    if (failed.length > 0) throw new Error(`fixture files were not imported: ${failed.map((r) => `${r.file} (${r.reason})`).join('; ')}`);
    // Nepal's imports of digitisable products and its tariff, for the moratorium estimator; Haiti's imports have no schedule.
    const moratorium = await seedMoratorium(store, { reporter: 'NPL', unrated: 'HTI' });
    const obs = new Observatory(store, { today: () => FIXTURE_TODAY, versionCheckMs: 0 });
    const app = createApp({ obs });
    return {
      store,
      obs,
      app,
      folder,
      results,
      moratorium,
      facts: {
        countries: m49.expected,
        names: new Map(m49.expected.map((c) => [c.iso3, { ...c.names, ...countryCodes.expected.find((x) => x.iso3 === c.iso3)?.names }])),
        memberships: orgs.expected,
        observations,
      },
      dispose: async () => {
        await store.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
