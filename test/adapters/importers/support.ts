/**
 * What the importer, CLI and fill tests share: temporary folders, a folder of fixture files laid out like
 * the shared data folder, and a snapshot of everything a store holds, to prove that a refused import
 * changed nothing.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tempDir as sourcesTempDir } from '../sources/helpers.ts';
import { join } from 'node:path';
import type { SourceObservation } from '../../../src/adapters/sources/records.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import {
  writeFindex,
  writeLongCsv,
  writeM49,
  writeOrgMemberships,
  writeWitsTimeseries,
  writeWorldBankMetadata,
  writeWorldBankWide,
  type WrittenObservations,
  type WrittenWide,
} from '../../fixtures/fixtures.ts';

/** A temporary folder removed after the test file's tests. */
export function tempDir(prefix = 'observatory-importers-'): string {
  return sourcesTempDir(prefix);
}

export { errorOf } from '../sources/helpers.ts';

export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Indicator, entity, year and value, sorted the way the store returns them. */
export type Value = Pick<SourceObservation, 'indicator' | 'entity' | 'year' | 'value'>;

export function values(list: readonly Value[]): Value[] {
  return list
    .map(({ indicator, entity, year, value }) => ({ indicator, entity, year, value }))
    .sort((a, b) =>
      a.indicator !== b.indicator ? (a.indicator < b.indicator ? -1 : 1) : a.entity !== b.entity ? (a.entity < b.entity ? -1 : 1) : a.year - b.year,
    );
}

/** Everything a store holds, every vintage's values included, in a form `toEqual` compares. */
export async function snapshot(store: Store): Promise<unknown> {
  const vintages = await store.vintages();
  const indicators = await store.indicators();
  const codes = new Set(indicators.map((i) => i.code));
  const history = [];
  for (const code of codes) history.push(await store.indicatorHistory(code));
  const byVintage = [];
  for (const v of vintages) byVintage.push({ id: v.id, values: await store.observations({ indicators: [...codes], vintageId: v.id }) });
  return {
    dataVersion: await store.dataVersion(),
    vintages,
    countries: await store.countries(),
    entities: await store.entities(),
    groups: await store.groups(),
    memberships: await store.memberships(),
    aliases: [...(await store.aliases())].sort(),
    indicators,
    history,
    current: await store.observations({ indicators: [...codes] }),
    byVintage,
  };
}

/**
 * Rows of the UNSD M49 table (English, comma-separated) for three countries the shared fixture lacks:
 * Burkina Faso and Niger (who left ECOWAS in 2025) and São Tomé and Príncipe, still flagged as an LDC
 * as in the M49 export of 2024-09-25, though it graduated on 2024-12-13.
 */
export const EXTRA_M49_ROWS = [
  '001,World,002,Africa,202,Sub-Saharan Africa,011,Western Africa,Burkina Faso,854,BF,BFA,x,x,',
  '001,World,002,Africa,202,Sub-Saharan Africa,011,Western Africa,Niger,562,NE,NER,x,x,',
  '001,World,002,Africa,202,Sub-Saharan Africa,017,Middle Africa,Sao Tome and Principe,678,ST,STP,x,,x',
];

/** The fixture M49 table with the extra rows appended. */
export function writeM49WithExtras(dir: string): string {
  const { path } = writeM49(dir);
  appendFileSync(path, `${EXTRA_M49_ROWS.join('\n')}\n`, 'utf8');
  return path;
}

export interface FixtureFolder {
  root: string;
  m49: string;
  orgs: string;
  /** The derived subset of the organisation table, skipped in favour of the full table. */
  orgsSubset: string;
  metadata: string;
  wide: WrittenWide;
  secureServers: WrittenObservations;
  population: WrittenObservations;
  findex: WrittenObservations;
  /** The key-indicators subset of Findex, skipped in favour of the databank file. */
  findexSubset: string;
  wits: string;
  /** Files that are no source: documentation and a table of no known format. */
  others: string[];
}

/**
 * A folder laid out like ../shared/data, one sub-folder per source, with a file in each format the
 * Observatory imports (the country-codes table aside: it would redefine the UN categories without the
 * extra M49 rows), a subset file in the two formats that have one, documentation and a foreign table.
 */
export function writeFixtureFolder(root: string): FixtureFolder {
  mkdirSync(root, { recursive: true });
  const m49 = writeM49WithExtras(join(root, 'unsd-m49'));
  const orgs = writeOrgMemberships(join(root, 'country-orgs'), { variant: 'full' }).path;
  const orgsSubset = writeOrgMemberships(join(root, 'country-orgs'), { variant: 'derived' }).path;
  const wide = writeWorldBankWide(join(root, 'worldbank-api-csv'));
  const metadata = writeWorldBankMetadata(join(root, 'worldbank-api-csv')).path;
  const secureServers = writeLongCsv(join(root, 'wdi'), { indicator: 'IT.NET.SECR.P6' });
  const population = writeLongCsv(join(root, 'wdi'), { indicator: 'SP.POP.TOTL', firstYear: 2010, lastYear: 2024, seed: 11 });
  const findex = writeFindex(join(root, 'findex'));
  const findexSubset = writeFindex(join(root, 'findex'), { variant: 'key' }).path;
  const wits = writeWitsTimeseries(join(root, 'wits')).path;
  const others = [join(root, 'README.md'), join(root, 'wdi', 'PROVENANCE.md'), join(root, 'tariffs', 'schedule.csv'), join(root, 'tariffs', 'links.json')];
  mkdirSync(join(root, 'tariffs'), { recursive: true });
  writeFileSync(others[0] as string, '# Sources\n');
  writeFileSync(others[1] as string, '# Provenance\n');
  writeFileSync(others[2] as string, 'hs6,rate\n370110,5\n');
  writeFileSync(others[3] as string, '{}\n');
  return { root, m49, orgs, orgsSubset, metadata, wide, secureServers, population, findex, findexSubset, wits, others };
}
