/**
 * `observatory groups show` gives each member's start as precisely as its source (the day, the month, the
 * year, or "unknown" with the date a source first attests it), the departures scheduled and not applied
 * (still ahead, or passed without confirmation), and the notes on the count (ACP dates unknown, the WTO's EU).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/app/cli/main.ts';
import { writeAcpEvidence, writeLdcDates } from '../../fixtures/memberships.ts';
import { parseCsv } from '../../support/csv.ts';
import { tempDir, writeFixtureFolder } from '../../adapters/importers/support.ts';

const dir = tempDir('observatory-cli-groups-');
const dataDir = join(dir, 'data');
const saved = { DATABASE_URL: process.env.DATABASE_URL, OBSERVATORY_DATA_DIR: process.env.OBSERVATORY_DATA_DIR };

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...args, '--data-dir', dataDir], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('no CSV header');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.OBSERVATORY_DATA_DIR;
  const folder = writeFixtureFolder(join(dir, 'sources'));
  writeLdcDates(join(folder.root, 'un-ldc-dates'));
  writeAcpEvidence(join(folder.root, 'oacps-ecowas-membership'));
  const r = await run(['import', folder.root]);
  expect(r.code, r.err).toBe(0);
}, 120_000);

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
});

describe('observatory groups show', () => {
  it('gives each LDC member since when, as precisely as the source, and the graduations scheduled', async () => {
    const r = await run(['groups', 'show', 'LDC', '--at', '2026-06-30', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const rows = records(r.out);
    const nepal = rows.find((x) => x.iso3 === 'NPL');
    expect(nepal).toMatchObject({ since: '1971', since_known: 'year', departure_scheduled: '2026-11-24', departure_state: 'scheduled' });
    expect(nepal?.departure_source).toContain('A/RES/76/8');
    expect(rows.find((x) => x.iso3 === 'SEN')).toMatchObject({ since: '2000', departure_scheduled: '2029-12-19', departure_state: 'scheduled' });
    // Solomon Islands, listed but not in the fixture's table of countries: counted apart, its graduation known only to the year.
    expect(rows.map((x) => x.iso3)).not.toContain('SLB');
    expect(r.err).toMatch(/: 6 members on 2026-06-30 \(7 listed\)\n/);
    expect(r.err).toContain('SLB (2027)');
    expect(r.err).not.toContain('2027-01-01');
    expect(rows.find((x) => x.iso3 === 'HTI')).toMatchObject({ departure_scheduled: '', departure_state: '' });
    // Bhutan graduated in December 2023: not a member any more.
    expect(rows.map((x) => x.iso3)).not.toContain('BTN');
    expect(r.err).toMatch(/^  note: Departure scheduled: .*NPL \(2026-11-24\)/m);
  });

  it('says a scheduled graduation has passed unconfirmed and keeps counting the member', async () => {
    const r = await run(['groups', 'show', 'LDC', '--at', '2026-12-04', '--format', 'csv']);
    expect(records(r.out).find((x) => x.iso3 === 'NPL')).toMatchObject({ departure_state: 'unconfirmed' });
    expect(r.err).toMatch(/^  note: Departure scheduled but not confirmed by the sources, so still counted: NPL \(2026-11-24\)/m);
    const table = await run(['groups', 'show', 'LDC', '--at', '2026-12-04']);
    expect(table.out.split('\n')[0]).toMatch(/^iso3\s+name\s+since\s+since_known\s+departure_scheduled\s+departure_state\s+departure_source\s+source$/);
    expect(table.out).toMatch(/^NPL\s+Nepal\s+1971\s+year\s+2026-11-24\s+unconfirmed\s+/m);
  });

  it('says when an ACP State’s accession date is unknown, and from when it is counted', async () => {
    const r = await run(['groups', 'show', 'ACP', '--at', '2026-06-30', '--format', 'csv']);
    const rows = records(r.out);
    expect(rows.find((x) => x.iso3 === 'KEN')).toMatchObject({ since: '1985-01-01', since_known: 'unknown' });
    expect(rows.find((x) => x.iso3 === 'MLI')).toMatchObject({ since: '1976-07-16', since_known: 'day' });
    expect(r.err).toMatch(/^  note: \d+ of \d+ members: date of accession unknown/m);
  });

  it('gives the WTO count listed beside the count of economies, with the note on the EU', async () => {
    const r = await run(['groups', 'show', 'WTO', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const counted = records(r.out).length;
    expect(r.err).toMatch(new RegExp(`: ${counted} members on \\d{4}-\\d{2}-\\d{2} \\(166 listed\\)\\n`));
    expect(r.err).toContain('the European Union is a WTO member in its own right');
  });
});
