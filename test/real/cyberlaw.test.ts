/**
 * The UNCTAD Global Cyberlaw Tracker in the shared data folder, imported after the countries as a folder
 * import orders it, against a direct count of the same file read here apart from the Observatory's parser:
 * for the world and for the LDC and SIDS groups (members from the UN M49 table, as the Observatory keeps
 * them, corrections included), every area and status. The tracker's own LDC and SIDS flag columns are a
 * second, independent count: where they list the same countries as the groups, the counts must agree, and
 * the countries where they differ are named and accounted for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReference } from '../../src/adapters/importers/folder.ts';
import { importFile, type ImportResult } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { RegistryService, type GroupCoverage } from '../../src/app/services/registry.ts';
import { createApp } from '../../src/app/web/server.ts';
import { parseCsv } from '../support/csv.ts';
import { sharedData } from './shared-data.ts';

const AREAS: [string, string][] = [
  ['e-transactions', 'Electronic Transactions'],
  ['consumer-protection', 'Consumer Protection'],
  ['data-protection', 'Privacy and Data Protection'],
  ['cybercrime', 'Cybercrime'],
  ['indirect-taxation', 'Indirect Taxation'],
];
const WORDS: Record<string, string> = { Legislation: 'legislation', 'Draft Legislation': 'draft', 'No Legislation': 'none', 'No Data': 'no-data' };
const STATUSES = ['legislation', 'draft', 'none', 'no-data'] as const;
type Counts = Record<(typeof STATUSES)[number], number>;

/** A CSV file as records keyed by header, read with the tests' own RFC 4180 reader. */
function table(path: string): Record<string, string>[] {
  let text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n/g, '\r\n');
  if (!text.endsWith('\r\n')) text += '\r\n';
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`${path} is empty`);
  return rows.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const zero = (): Counts => ({ legislation: 0, draft: 0, none: 0, 'no-data': 0 });

describe('the UNCTAD Global Cyberlaw Tracker, imported', () => {
  let store: Store;
  let obs: Observatory;
  let result: ImportResult;
  /** Each row of the tracker file with the ISO3 code the UN M49 table gives its M49 code. */
  let rows: { iso3: string | undefined; m49: string; row: Record<string, string> }[];

  beforeAll(async () => {
    const root = sharedData();
    store = await openStore({ duckdbPath: ':memory:' });
    await ensureReference(store);
    for (const file of ['UNSD-M49-en.csv', 'country-codes.csv']) await importFile(store, join(root, 'datasets-country-codes', file));
    result = await importFile(store, join(root, 'unctad-cyberlaw-tracker', 'cyberlaw_tracker_status.csv'));
    obs = new Observatory(store, { versionCheckMs: 0 });

    const iso3ByM49 = new Map(table(join(root, 'datasets-country-codes', 'UNSD-M49-en.csv')).map((r) => [r['M49 Code'] ?? '', r['ISO-alpha3 Code'] ?? '']));
    rows = table(join(root, 'unctad-cyberlaw-tracker', 'cyberlaw_tracker_status.csv')).map((row) => {
      const m49 = (row.code ?? '').padStart(3, '0');
      return { iso3: iso3ByM49.get(m49), m49, row };
    });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  /** The file's own count per area and status over some of its rows. */
  function direct(filter: (r: (typeof rows)[number]) => boolean): Map<string, Counts> {
    const out = new Map<string, Counts>();
    for (const [area, column] of AREAS) {
      const counts = zero();
      for (const r of rows.filter(filter)) {
        const status = WORDS[r.row[column] ?? ''];
        if (!status) throw new Error(`unknown status "${r.row[column]}" for ${r.row.country} in ${column}`);
        counts[status as keyof Counts]++;
      }
      out.set(area, counts);
    }
    return out;
  }

  const countsOf = (coverage: GroupCoverage) => new Map(coverage.areas.map((a) => [a.area, a.counts as Counts]));

  it('imports every economy of the file as one vintage, with its laws', async () => {
    expect(result.status).toBe('imported');
    // 195 economies: PROVENANCE.md's 194 and the Holy See, with no data but for indirect taxation (and no document links).
    expect(rows).toHaveLength(195);
    // Every economy of the tracker is a country the Observatory knows.
    expect(result.warnings.filter((w) => w.includes('M49 codes the Observatory does not know'))).toEqual([]);
    expect(rows.filter((r) => !r.iso3).map((r) => r.row.country)).toEqual([]);
    const entries = await store.registry.cyberlawEntries();
    expect(entries).toHaveLength(rows.length * AREAS.length);
    const laws = entries.reduce((n, e) => n + e.laws.length, 0);
    const links = JSON.parse(readFileSync(join(sharedData(), 'unctad-cyberlaw-tracker', 'cyberlaw_tracker_document_links.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    // Every [url, title] pair is a law; the bare "No Data" markers some lists carry are not.
    const pairs = (list: unknown) => (Array.isArray(list) ? list.filter((x) => Array.isArray(x)).length : 0);
    const linked = Object.values(links).reduce((n, c) => n + AREAS.reduce((m, [, col]) => m + pairs(c[col]), 0), 0);
    expect(laws).toBe(linked);
  });

  it('counts the world per area and status as the file does', async () => {
    const coverage = await new RegistryService(obs, store.registry).coverage('WLD');
    const ref = await obs.ref();
    const inFile = new Set(rows.map((r) => r.iso3));
    const notInFile = [...ref.countries.keys()].filter((iso3) => !inFile.has(iso3)).length;
    expect(coverage.members).toBe(ref.countries.size);
    const file = direct(() => true);
    for (const [area] of AREAS) {
      const expected = { ...(file.get(area) as Counts) };
      // Countries and territories the tracker does not cover are "no data" to the registry.
      expected['no-data'] += notInFile;
      expect(countsOf(coverage).get(area), area).toEqual(expected);
    }
    // PROVENANCE.md: e-transactions 176 / 4 / 14 (and the Holy See's "No Data"); indirect taxation 98 legislation, 97 none.
    expect(file.get('e-transactions')).toEqual({ legislation: 176, draft: 4, none: 14, 'no-data': 1 });
    expect(file.get('indirect-taxation')).toEqual({ legislation: 98, draft: 0, none: 97, 'no-data': 0 });
    console.log(`Cyberlaw tracker, world (file counts; ${notInFile} Observatory countries outside the tracker count as no data):\n${AREAS.map(([a]) => `  ${a}: ${JSON.stringify(file.get(a))}`).join('\n')}`);
  });

  for (const [groupId, flag] of [
    ['LDC', 'Least developed countries'],
    ['SIDS', 'Small island developing states'],
  ] as const) {
    it(`counts the ${groupId} group per area and status as the file does, and agrees with the tracker's own ${groupId} flag where they list the same countries`, async () => {
      const coverage = await new RegistryService(obs, store.registry).coverage(groupId);
      const ref = await obs.ref();
      const members = new Set(obs.membersOn(ref, groupId, obs.today()).filter((iso3) => ref.countries.has(iso3)));
      const inFile = new Set(rows.map((r) => r.iso3));
      const membersNotInFile = [...members].filter((iso3) => !inFile.has(iso3));
      const byGroup = direct((r) => r.iso3 !== undefined && members.has(r.iso3));
      for (const [area] of AREAS) {
        const expected = { ...(byGroup.get(area) as Counts) };
        expected['no-data'] += membersNotInFile.length;
        expect(countsOf(coverage).get(area), `${groupId} ${area}`).toEqual(expected);
      }

      // The tracker's flag column, counted without any code mapping or group data.
      const flagged = direct((r) => r.row[flag] === '1');
      const onlyFlagged = rows.filter((r) => r.row[flag] === '1' && !(r.iso3 && members.has(r.iso3)));
      const onlyMember = rows.filter((r) => r.row[flag] !== '1' && r.iso3 !== undefined && members.has(r.iso3));
      console.log(
        `${groupId}: ${members.size} members today, ${rows.filter((r) => r.row[flag] === '1').length} flagged in the tracker; ` +
          `flagged but not members: ${onlyFlagged.map((r) => r.row.country).join(', ') || 'none'}; ` +
          `members not flagged: ${onlyMember.map((r) => r.row.country).join(', ') || 'none'}; members outside the tracker: ${membersNotInFile.join(', ') || 'none'}`,
      );
      // The two lists differ by a handful of countries at most (graduations, the tracker's own reading of SIDS).
      expect(onlyFlagged.length + onlyMember.length).toBeLessThanOrEqual(groupId === 'LDC' ? 6 : 25);
      for (const [area, column] of AREAS) {
        const adjusted = { ...(flagged.get(area) as Counts) };
        for (const r of onlyFlagged) adjusted[WORDS[r.row[column] ?? ''] as keyof Counts]--;
        for (const r of onlyMember) adjusted[WORDS[r.row[column] ?? ''] as keyof Counts]++;
        adjusted['no-data'] += membersNotInFile.length;
        expect(countsOf(coverage).get(area), `${groupId} ${area} from the flag`).toEqual(adjusted);
      }
    });
  }

  it('serves the registry pages and the information note for the world under 150 KB compressed', async () => {
    const app = createApp({ obs });
    const sizes: string[] = [];
    for (const url of ['/en/cyberlaw?group=WLD', '/fr/cyberlaw?group=LDC&area=indirect-taxation', '/en/cyberlaw/note?group=WLD', '/es/cyberlaw/note?group=SIDS', '/en/countries/NGA']) {
      const res = await app.request(url);
      const body = await res.text();
      expect(res.status, url).toBe(200);
      const gz = gzipSync(body).byteLength;
      sizes.push(`  ${url}: ${body.length} bytes, ${gz} gzipped`);
      expect(gz, url).toBeLessThan(150 * 1024);
    }
    console.log(`Cyberlaw page sizes with the real tracker:\n${sizes.join('\n')}`);
    const api = await app.request('/api/v1/cyberlaw/coverage?group=LDC');
    const body = (await api.json()) as { areas: { area: string; counts: Counts }[]; vintages: { id: number }[] };
    expect(body.vintages.map((v) => v.id)).toEqual([result.vintage?.id]);
  });
});
