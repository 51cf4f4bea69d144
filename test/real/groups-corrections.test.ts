import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCorrections, membersAt, type Membership, type MembershipStatus } from '../../src/domain/group.ts';
import { MEMBERSHIP_CORRECTIONS, SCHEDULED_GRADUATIONS, officialMemberships } from '../../src/domain/groups/index.ts';

// Reads the real source files at run time; never skipped, so a missing folder fails with where it looked.
const SOURCES = path.resolve(process.cwd(), process.env.OBSERVATORY_SOURCES ?? '../shared/data');
const ORGS_FILE = path.join(SOURCES, 'dieghernan-country-orgs', 'selected_memberships_derived.csv');
const M49_FILE = path.join(SOURCES, 'datasets-country-codes', 'UNSD-M49-en.csv');

/** Splits CSV text into records; handles quoted fields with commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => r.some((f) => f !== ''));
}

function readTable(file: string): Record<string, string>[] {
  if (!existsSync(file)) {
    throw new Error(`Source file not found: ${file} (looked in ${SOURCES}; set OBSERVATORY_SOURCES to the shared data folder)`);
  }
  const [header, ...rest] = parseCsv(readFileSync(file, 'utf8'));
  if (!header) throw new Error(`Empty CSV: ${file}`);
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// The file's own status words; dialogue partners, candidates and the like are not memberships.
const STATUS: Record<string, MembershipStatus> = {
  member: 'member',
  associate: 'associate',
  'associate member': 'associate',
  observer: 'observer',
};

function fileMemberships(): Membership[] {
  const orgs = readTable(ORGS_FILE).flatMap((r): Membership[] => {
    const status = STATUS[r.membership_status ?? ''];
    if (!status || !r.iso3 || !r.org_id) return [];
    return [{ groupId: r.org_id, iso3: r.iso3, status, from: null, to: null, source: 'dieghernan country-orgs (CIA Factbook ca. 2019–2020)' }];
  });
  const flags: Record<string, string> = {
    LDC: 'Least Developed Countries (LDC)',
    LLDC: 'Land Locked Developing Countries (LLDC)',
    SIDS: 'Small Island Developing States (SIDS)',
  };
  const m49 = readTable(M49_FILE).flatMap((r) =>
    Object.entries(flags)
      .filter(([, column]) => (r[column] ?? '').trim() !== '')
      .map(([groupId]): Membership => ({
        groupId,
        iso3: r['ISO-alpha3 Code'] ?? '',
        status: 'member',
        from: null,
        to: null,
        source: 'UNSD M49 (datasets/country-codes, 2024-09-25)',
      })),
  );
  return [...orgs, ...m49];
}

let cache: { file: Membership[]; official: Membership[] } | undefined;
function load(): { file: Membership[]; official: Membership[] } {
  if (!cache) {
    const file = fileMemberships();
    cache = { file, official: officialMemberships(file) };
  }
  return cache;
}

const at = (groupId: string, date: string, statuses?: MembershipStatus[]) =>
  membersAt(
    load().official.filter((m) => m.groupId === groupId),
    date,
    statuses,
  );

describe(`official memberships from the real sources (${SOURCES})`, () => {
  it('keeps the 79 OACPS members', () => {
    expect(at('ACP', '2025-06-30')).toHaveLength(79);
  });

  it('counts ECOWAS at 15 before and 12 after the withdrawals of 29 January 2025', () => {
    expect(at('ECOWAS', '2024-12-31')).toHaveLength(15);
    expect(at('ECOWAS', '2025-06-30')).toHaveLength(12);
    expect(at('ECOWAS', '2025-06-30')).not.toContain('BFA');
  });

  it('counts 18 PIF members, 15 CARICOM members and 5 CARICOM associates', () => {
    expect(at('PIF', '2025-06-30')).toHaveLength(18);
    expect(at('PIF', '2025-06-30')).toEqual(expect.arrayContaining(['NCL', 'PYF']));
    expect(at('CARICOM', '2025-06-30')).toHaveLength(15);
    expect(at('CARICOM', '2025-06-30', ['associate'])).toHaveLength(5);
  });

  it('counts 16 SADC, 8 EAC, 21 COMESA and 55 AU member States', () => {
    expect(at('SADC', '2025-06-30')).toHaveLength(16);
    expect(at('EAC', '2025-01-01')).toHaveLength(8);
    expect(at('COMESA', '2025-06-30')).toHaveLength(21);
    expect(at('AU', '2025-06-30')).toHaveLength(55);
    expect(at('AU', '2025-06-30')).toEqual(expect.arrayContaining(['ESH', 'MAR']));
  });

  it('takes 166 WTO members from the WTO list and none of the file’s WTO rows', () => {
    expect(at('WTO', '2024-12-31')).toHaveLength(166);
    expect(at('WTO', '2024-12-31', ['observer'])).toEqual([]);
    const fileWto = new Set(load().file.filter((m) => m.groupId === 'WTO' && m.status === 'member').map((m) => m.iso3));
    // Every WTO member of the snapshot is still a member; the list adds the ones the snapshot lacks.
    for (const iso3 of fileWto) expect(at('WTO', '2024-12-31'), iso3).toContain(iso3);
  });

  it('counts 45 LDCs before and 44 after São Tomé and Príncipe graduated, keeping scheduled graduations in', () => {
    expect(at('LDC', '2024-12-12')).toHaveLength(45);
    expect(at('LDC', '2025-06-30')).toHaveLength(44);
    for (const g of SCHEDULED_GRADUATIONS) expect(at('LDC', '2025-06-30'), g.iso3).toContain(g.iso3);
  });

  it('changes something in the files with every correction', () => {
    const { file } = load();
    for (const c of MEMBERSHIP_CORRECTIONS) {
      const before = JSON.stringify(file.filter((m) => m.groupId === c.groupId && m.iso3 === c.iso3));
      const after = JSON.stringify(applyCorrections(file, [c]).filter((m) => m.groupId === c.groupId && m.iso3 === c.iso3));
      expect(after, `${c.kind} ${c.groupId} ${c.iso3}`).not.toBe(before);
    }
  });

  it('leaves no duplicate open membership', () => {
    const open = load()
      .official.filter((m) => m.to === null)
      .map((m) => `${m.groupId}/${m.iso3}/${m.status}`);
    expect(new Set(open).size).toBe(open.length);
  });
});
