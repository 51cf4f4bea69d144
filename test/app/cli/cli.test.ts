import { parseCsv } from '../../support/csv.ts';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFolder } from '../../../src/adapters/importers/folder.ts';
import { openStore } from '../../../src/adapters/storage/open.ts';
import { main } from '../../../src/app/cli/main.ts';
import { fixtureCountry, writeWorldBankMetadata } from '../../fixtures/fixtures.ts';
import { TEST_DATABASE_URL } from '../../support/engines.ts';
import { sha256Of, snapshot, tempDir, writeFixtureFolder, type FixtureFolder } from '../../adapters/importers/support.ts';

const dir = tempDir('observatory-cli-');
const dataDir = join(dir, 'data');
let folder: FixtureFolder;

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the command line with captured output, on the embedded database of `dataDir` unless told otherwise. */
async function run(args: string[], options: { db?: string[] } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main([...args, ...(options.db ?? ['--data-dir', dataDir])], {
    out: { write: (t: string) => (out += t) },
    err: { write: (t: string) => (err += t) },
  });
  return { code, out, err };
}


/** A CSV answer as objects keyed by its header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('no CSV header');
  for (const r of rows) expect(r).toHaveLength(header.length);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Everything the embedded database holds, read with the store closed again before the next command. */
async function stored(): Promise<unknown> {
  const store = await openStore({ dataDir });
  try {
    return await snapshot(store);
  } finally {
    await store.close();
  }
}

const saved = { DATABASE_URL: process.env.DATABASE_URL, OBSERVATORY_DATA_DIR: process.env.OBSERVATORY_DATA_DIR };

beforeAll(() => {
  // The commands must use the database the test names, whatever the environment of the run says.
  delete process.env.DATABASE_URL;
  delete process.env.OBSERVATORY_DATA_DIR;
  folder = writeFixtureFolder(join(dir, 'sources'));
});

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
});

describe('observatory on the embedded database', () => {
  it('imports a source folder, with progress and a line per file on stderr', async () => {
    const usable = (await planFolder(folder.root)).filter((p) => !p.skip);
    const r = await run(['import', folder.root]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toContain(`importing ${folder.root}: 100% (${usable.length}/${usable.length}) ${usable.at(-1)?.label}`);
    expect(lines.some((l) => new RegExp(`^importing ${folder.root}: done in \\d+\\.\\d s$`).test(l))).toBe(true);
    for (const p of usable) expect(lines.some((l) => l.startsWith(`  ${p.label}: imported as vintage `)), p.label).toBe(true);
    expect(lines).toContain(`  ${relative(folder.root, folder.findexSubset)}: skipped: a subset of ${relative(folder.root, folder.findex.path)}, which is imported instead`);
    expect(lines).toContain('  README.md: skipped: documentation');
    expect(lines.filter((l) => l.startsWith('    warning: '))).toHaveLength(1);
    const secure = lines.find((l) => l.startsWith(`  ${relative(folder.root, folder.secureServers.path)}: `));
    expect(secure).toMatch(new RegExp(`: imported as vintage \\d+ \\(${folder.secureServers.expected.length} rows\\)$`));
  });

  it('imports the folder again as unchanged', async () => {
    const before = await stored();
    const r = await run(['import', folder.root]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain(': imported as vintage');
    expect(r.err).toMatch(/unchanged \(same content as vintage \d+\)/);
    expect(await stored()).toEqual(before);
  });

  it('refuses a bad file with exit code 1, naming file, line and field, and leaves the database as it was', async () => {
    const bad = join(dir, 'newer', 'sp.pop.totl.csv');
    mkdirSync(join(bad, '..'), { recursive: true });
    const text = readFileSync(folder.population.path, 'utf8').split('\r\n');
    text[7] = text[7]?.replace(/,[^,]*$/, ',12 345') as string;
    writeFileSync(bad, text.join('\r\n'));
    const before = await stored();
    const r = await run(['import', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`observatory import: ${bad}, line 8, field "Value": not a number: "12 345"\n`);
    expect(r.out).toBe('');
    expect(await stored()).toEqual(before);
  });

  it('imports one file with a progress line, and says when it is unchanged', async () => {
    const copy = join(dir, 'copy', 'it.net.secr.p6.csv');
    mkdirSync(join(copy, '..'), { recursive: true });
    copyFileSync(folder.secureServers.path, copy);
    const r = await run(['import', copy]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`importing ${copy}: 100% `);
    expect(r.err).toMatch(new RegExp(`  ${copy}: imported as vintage \\d+ \\(${folder.secureServers.expected.length} rows\\)`));
    const again = await run(['import', copy]);
    expect(again.err).toMatch(/unchanged \(same content as vintage \d+\)/);
  });

  it('imports classifications whose fiscal year it is told, each ending where the next year starts', async () => {
    // FY2024 as in the fixture; FY2025 with Kenya low income; FY2026 (the folder's) with Kenya lower middle income again.
    const fy2024 = writeWorldBankMetadata(join(dir, 'fy2024')).path;
    const fy2025 = writeWorldBankMetadata(join(dir, 'fy2025')).path;
    writeFileSync(fy2025, readFileSync(fy2025, 'utf8').replace('"KEN","Sub-Saharan Africa","Lower middle income"', '"KEN","Sub-Saharan Africa","Low income"'));
    // A file named on the command line that cannot be imported is a failure, with the reason.
    const skipped = await run(['import', fy2025]);
    expect(skipped.code, skipped.err).toBe(1);
    expect(skipped.err).toMatch(/: skipped: the fiscal year of this classification is unknown .*import it with --fiscal-year\n$/);
    const bad = await run(['import', fy2025, '--fiscal-year', 'last']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--fiscal-year must be a year like 2026, got "last"');
    for (const [path, year] of [[fy2025, '2025'], [fy2024, '2024']] as const) {
      const told = await run(['import', path, '--fiscal-year', year]);
      expect(told.code, told.err).toBe(0);
      expect(told.err).toMatch(/: imported as vintage \d+/);
    }
    const lic = async (at: string) => records((await run(['groups', 'show', 'LIC', '--at', at, '--format', 'csv'])).out).map((r) => r.iso3);
    expect(await lic('2024-06-30')).toEqual(['COD', 'MLI']);
    expect(await lic('2025-01-01')).toEqual(['COD', 'KEN', 'MLI']);
    expect(await lic('2025-07-01')).toEqual(['COD', 'MLI']);
  });

  // Kenya is a lower-middle-income country in FY2024 and FY2026 but not in FY2025: on 2026-01-01 it has
  // been one since 2025-07-01, under the FY2026 classification, not since 2023 under FY2024's.
  it('shows since when, and on whose authority, a member belongs on the date asked', async () => {
    const rows = records((await run(['groups', 'show', 'LMC', '--at', '2026-01-01', '--format', 'csv'])).out);
    const kenya = rows.find((r) => r.iso3 === 'KEN');
    expect(kenya?.since).toBe('2025-07-01');
    expect(kenya?.source).toContain('FY2026');
  });

  // A date written another way ("31/12/2024") compares as text with the ISO dates of the memberships
  // and silently gives the members of another day.
  it('refuses a date that is not YYYY-MM-DD', async () => {
    for (const at of ['31/12/2024', '2025-02-30', 'yesterday']) {
      const r = await run(['groups', 'show', 'ECOWAS', '--at', at]);
      expect(r.code, at).toBe(2);
      expect(r.out, at).toBe('');
    }
  });

  it('lists the groups with their member counts', async () => {
    const table = await run(['groups']);
    expect(table.code, table.err).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^id\s+kind\s+name\s+members$/);
    const csv = await run(['groups', 'list', '--format', 'csv']);
    const groups = records(csv.out);
    const count = (id: string) => groups.find((g) => g.id === id)?.members;
    expect(count('ECOWAS')).toBe('2');
    expect(count('LDC')).toBe('8');
    expect(count('WTO')).toBe(String(['NGA', 'KEN', 'NPL', 'HKG', 'JAM', 'SEN', 'MLI', 'COD', 'BFA', 'NER', 'HTI', 'USA', 'FRA', 'CHN', 'IND', 'BRA', 'FJI'].length));
    expect(groups.find((g) => g.id === 'PIF')).toMatchObject({ kind: 'regional', members: '2' });
  });

  it('shows ECOWAS before and after the withdrawal of Burkina Faso, Mali and Niger', async () => {
    const before = await run(['groups', 'show', 'ECOWAS', '--at', '2024-12-31', '--format', 'csv']);
    expect(before.code, before.err).toBe(0);
    expect(before.err).toMatch(/: 5 members on 2024-12-31 \(14 listed\)\n {2}note: 14 members listed; 5 counted in aggregates/);
    expect(records(before.out).map((r) => [r.iso3, r.name])).toEqual([
      ['BFA', 'Burkina Faso'],
      ['MLI', 'Mali'],
      ['NER', 'Niger'],
      ['NGA', 'Nigeria'],
      ['SEN', 'Senegal'],
    ]);
    expect(records(before.out).find((r) => r.iso3 === 'MLI')?.since).toBe('1975-05-28');
    const after = await run(['groups', 'show', 'ecowas', '--at', '2025-06-30', '--format', 'csv']);
    expect(after.code, after.err).toBe(0);
    expect(records(after.out).map((r) => r.iso3)).toEqual(['NGA', 'SEN']);
    const table = await run(['groups', 'show', 'ECOWAS', '--at', '2024-12-31']);
    expect(table.out).toMatch(/^MLI\s+Mali\s+1975-05-28\s+/m);
  });

  it('creates, shows and deletes a group of the user’s own', async () => {
    const created = await run(['groups', 'create', 'MY_PEERS', '--name', 'Peers', '--name-fr', 'Pairs', '--members', 'NGA,ken']);
    expect(created.code, created.err).toBe(0);
    expect(created.err).toBe('created group MY_PEERS with 2 members\n');
    const shown = await run(['groups', 'show', 'MY_PEERS', '--format', 'csv']);
    expect(shown.err).toMatch(/^Peers: 2 members on \d{4}-\d{2}-\d{2}\n {2}note: 2 of 2 members: date of accession unknown; counted as members since before the records\.\n$/);
    expect(records(shown.out).map((r) => [r.iso3, r.name, r.source])).toEqual([
      ['KEN', 'Kenya', 'user-defined (Observatory CLI)'],
      ['NGA', 'Nigeria', 'user-defined (Observatory CLI)'],
    ]);
    const listed = records((await run(['groups', '--format', 'csv'])).out).find((g) => g.id === 'MY_PEERS');
    expect(listed).toEqual({ id: 'MY_PEERS', kind: 'user', name: 'Peers', members: '2' });
    const replaced = await run(['groups', 'create', 'MY_PEERS', '--name', 'Peers', '--members', 'NGA,KEN,SEN']);
    expect(replaced.err).toBe('replaced group MY_PEERS with 3 members\n');

    const deleted = await run(['groups', 'delete', 'MY_PEERS']);
    expect(deleted.code, deleted.err).toBe(0);
    expect(deleted.err).toBe('deleted group MY_PEERS\n');
    const gone = await run(['groups', 'show', 'MY_PEERS']);
    expect(gone.code).toBe(1);
    expect(gone.err).toBe('observatory groups: no group MY_PEERS\n');
    const again = await run(['groups', 'delete', 'MY_PEERS']);
    expect(again.code).toBe(1);
  });

  it('refuses a group with an unknown country, naming it, and the id of a group a source defines', async () => {
    const before = await stored();
    const unknown = await run(['groups', 'create', 'MY_PEERS', '--name', 'Peers', '--members', 'NGA,ZZZ']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^observatory groups: command line, field "members": unknown ISO3 code ZZZ /);
    const official = await run(['groups', 'create', 'LDC', '--name', 'Mine', '--members', 'NGA']);
    expect(official.code).toBe(2);
    expect(official.err).toMatch(/group LDC is defined by a source/);
    const deleteOfficial = await run(['groups', 'delete', 'ECOWAS']);
    expect(deleteOfficial.code).toBe(2);
    expect(await stored()).toEqual(before);
  });

  it('lists the indicators as CSV', async () => {
    const r = await run(['indicators', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const rows = records(r.out);
    expect(Object.keys(rows[0] ?? {})).toEqual(['code', 'name', 'first', 'last', 'values', 'vintage', 'group rule']);
    const internet = rows.find((x) => x.code === 'IT.NET.USER.ZS');
    const years = folder.wide.expected.map((o) => o.year);
    expect(internet).toMatchObject({
      name: 'Individuals using the Internet (% of population)',
      first: String(Math.min(...years)),
      last: String(Math.max(...years)),
      values: String(folder.wide.expected.length),
      'group rule': 'weighted_mean',
    });
    expect(rows.find((x) => x.code === 'SP.POP.TOTL')).toMatchObject({ values: String(folder.population.expected.length), 'group rule': 'sum' });
    for (const code of ['IT.NET.SECR.P6', 'FX.OWN.TOTL.ZS', 'GC.TAX.IMPT.ZS']) expect(rows.some((x) => x.code === code), code).toBe(true);
  });

  it('shows the values of one country for a range of years', async () => {
    const r = await run(['indicators', 'show', 'IT.NET.USER.ZS', '--countries', 'NGA', '--years', '2020-2021', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const expected = folder.wide.expected.filter((o) => o.entity === 'NGA' && o.year >= 2020 && o.year <= 2021);
    const rows = records(r.out);
    expect(rows.map((x) => [x.country, x.name, Number(x.year), Number(x.value)])).toEqual(
      expected.map((o) => ['NGA', fixtureCountry('NGA').names.en, o.year, o.value]),
    );
    expect(new Set(rows.map((x) => x.vintage)).size).toBe(1);
    const unknown = await run(['indicators', 'show', 'IT.NET.USER.ZS', '--countries', 'NGA,XXX']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('parameter "countries": unknown code XXX');
    const missing = await run(['indicators', 'show', 'NO.SUCH.CODE']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('observatory indicators: no indicator "NO.SUCH.CODE" with data: the indicators are listed at /api/v1/indicators\n');
  });

  it('aggregates a group, weighting by population, beside the World Bank’s own value', async () => {
    const r = await run(['aggregate', 'LDC', 'IT.NET.USER.ZS', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('Least developed countries (LDCs) — Individuals using the Internet (% of population) (weighted_mean, current membership, no imputation)\n');
    const rows = records(r.out);
    const ldc = ['BFA', 'COD', 'HTI', 'MLI', 'NER', 'NPL', 'SEN', 'TUV'];
    const at = (list: typeof folder.wide.expected, entity: string, year: number) => list.find((o) => o.entity === entity && o.year === year)?.value;
    expect(rows.map((x) => Number(x.year))).toEqual(folder.wide.years.filter((y) => folder.wide.expected.some((o) => o.year === y)));
    let checked = 0;
    for (const row of rows) {
      const year = Number(row.year);
      let weighted = 0;
      let weights = 0;
      let withData = 0;
      for (const iso3 of ldc) {
        const v = at(folder.wide.expected, iso3, year);
        const w = at(folder.population.expected, iso3, year);
        if (v === undefined || w === undefined) continue;
        weighted += v * w;
        weights += w;
        withData++;
      }
      expect(row, String(year)).toMatchObject({ members: '8', 'members with data': String(withData) });
      expect(row['World Bank value'], String(year)).toBe(String(at(folder.wide.expected, 'LDC', year) ?? ''));
      if (row.status === 'ok') {
        expect(Number(row.value), String(year)).toBeCloseTo(weighted / weights, 9);
        checked++;
      } else {
        expect(row.value).toBe('');
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('lists the vintages with source, hash and licence', async () => {
    const r = await run(['vintages', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const rows = records(r.out);
    const secure = rows.find((x) => x.dataset === relative(folder.root, folder.secureServers.path));
    expect(secure).toMatchObject({
      source: 'World Bank, World Development Indicators',
      licence: 'CC-BY-4.0',
      rows: String(folder.secureServers.expected.length),
      sha256: sha256Of(folder.secureServers.path).slice(0, 12),
    });
    expect(rows.find((x) => x.dataset === relative(folder.root, folder.wide.path))?.published).toBe('2026-02-24');
    expect(rows.map((x) => x.dataset)).toContain('observatory/official-groups');
    expect(new Set(rows.map((x) => x.id)).size).toBe(rows.length);
  });

  it('answers bad usage with exit code 2 and the usage', async () => {
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^unknown command "frobnicate"\n\nobservatory — /);
    expect(unknown.err).toContain('Usage: observatory <command> [options]');
    const flag = await run(['groups', '--frobnicate']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/^observatory groups: .*'--frobnicate'/);
    expect(flag.err).toContain('Run "observatory --help" for usage.');
    const format = await run(['vintages', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.err).toContain('--format must be table or csv, got "xml"');
    const years = await run(['aggregate', 'LDC', 'IT.NET.USER.ZS', '--years', 'recent']);
    expect(years.code).toBe(2);
    const nothing = await main([], { out: { write: () => true }, err: { write: () => true } });
    expect(nothing).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: observatory <command> [options]');
    const noFile = await run(['import', join(dir, 'nowhere.csv')]);
    expect(noFile.code).toBe(1);
    expect(noFile.err).toBe(`observatory import: ${join(dir, 'nowhere.csv')}: no such file or folder\n`);
  });
});

describe('observatory on PostgreSQL', () => {
  // openStore takes a schema only as an option, not from the URL; the server's own "options" parameter
  // sets the search path instead, in a schema made here and dropped afterwards.
  const schema = `cli_${process.pid}_${Date.now().toString(36)}`;
  const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
  });

  afterAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it('imports the folder and shows ECOWAS from the server named by --database-url', async () => {
    const imported = await run(['import', folder.root], { db: ['--database-url', url] });
    expect(imported.code, imported.err).toBe(0);
    const shown = await run(['groups', 'show', 'ECOWAS', '--at', '2024-12-31', '--format', 'csv'], { db: ['--database-url', url] });
    expect(shown.code, shown.err).toBe(0);
    expect(records(shown.out).map((r) => r.iso3)).toEqual(['BFA', 'MLI', 'NER', 'NGA', 'SEN']);
    const count = await admin.query(`SELECT COUNT(*)::int AS n FROM "${schema}".vintage`);
    const usable = (await planFolder(folder.root)).filter((p) => !p.skip);
    expect(count.rows[0]).toEqual({ n: usable.length + 1 });
  });

  it('says which server it could not use', async () => {
    const r = await run(['vintages'], { db: ['--database-url', 'mysql://localhost/observatory'] });
    expect(r.code).toBe(1);
    expect(r.err).toContain('DATABASE_URL must start with postgres:// or postgresql://');
  });
});
