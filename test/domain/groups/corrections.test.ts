import { describe, expect, it } from 'vitest';
import { isIsoDate, membersAt, type Membership, type MembershipStatus } from '../../../src/domain/group.ts';
import { GROUP_DEFINITIONS } from '../../../src/domain/groups/definitions.ts';
import { MEMBERSHIP_CORRECTIONS, SCHEDULED_GRADUATIONS, officialMemberships } from '../../../src/domain/groups/index.ts';

const SNAPSHOT = 'fixture: a stale country–organisation snapshot as of ca. 2019';

function rows(groupId: string, codes: string, status: MembershipStatus = 'member'): Membership[] {
  return codes
    .split(' ')
    .filter(Boolean)
    .map((iso3) => ({ groupId, iso3, status, from: null, to: null, source: SNAPSHOT }));
}

// Memberships as a 2019-era source states them: before the ECOWAS withdrawals, the EAC and COMESA
// enlargements, Comoros in SADC, Morocco's return to the AU and the 2016 PIF decision.
const stale: Membership[] = [
  ...rows('ECOWAS', 'BEN BFA CIV CPV GHA GIN GMB GNB LBR MLI NER NGA SEN SLE TGO'),
  ...rows('EAC', 'BDI KEN RWA TZA UGA'),
  ...rows('SADC', 'AGO BWA COD LSO MDG MOZ MUS MWI NAM SWZ SYC TZA ZAF ZMB ZWE'),
  ...rows('COMESA', 'BDI COD COM DJI EGY ERI ETH KEN LBY MDG MUS MWI RWA SDN SWZ SYC UGA ZMB ZWE'),
  ...rows(
    'AU',
    'AGO BDI BEN BFA BWA CAF CIV CMR COD COG COM CPV DJI DZA EGY ERI ESH ETH GAB GHA GIN GMB GNB GNQ KEN LBR LBY LSO MDG MLI ' +
      'MOZ MRT MUS MWI NAM NER NGA RWA SDN SEN SLE SOM SSD STP SWZ SYC TCD TGO TUN TZA UGA ZAF ZMB ZWE',
  ),
  ...rows('PIF', 'AUS COK FJI FSM KIR MHL NIU NRU NZL PLW PNG SLB TON TUV VUT WSM'),
  ...rows('PIF', 'NCL PYF TKL', 'associate'),
  ...rows('LDC', 'AFG BGD LAO NPL SLB STP TLS'),
  ...rows('WTO', 'USA CHN HKG'),
  ...rows('WTO', 'KAZ LBR SYC COM', 'observer'),
];

describe('MEMBERSHIP_CORRECTIONS', () => {
  it('names an official source for every correction and uses valid codes, dates and groups', () => {
    const groupIds = new Set(GROUP_DEFINITIONS.map((g) => g.id));
    for (const c of MEMBERSHIP_CORRECTIONS) {
      expect(c.source.trim().length, `${c.groupId} ${c.iso3}`).toBeGreaterThan(20);
      expect(groupIds.has(c.groupId), c.groupId).toBe(true);
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
      const date = c.kind === 'leave' ? c.to : c.kind === 'remove' ? null : c.from;
      if (date !== null) expect(isIsoDate(date), `${c.groupId} ${c.iso3} ${date}`).toBe(true);
    }
  });

  it('does not apply a graduation that has not taken effect', () => {
    for (const g of SCHEDULED_GRADUATIONS) {
      expect(MEMBERSHIP_CORRECTIONS.some((c) => c.groupId === 'LDC' && c.iso3 === g.iso3), g.iso3).toBe(false);
      expect(g.resolution.trim(), g.iso3).toBeTruthy();
      if (g.scheduled !== null) expect(isIsoDate(g.scheduled), g.iso3).toBe(true);
    }
    expect(SCHEDULED_GRADUATIONS.find((g) => g.iso3 === 'NPL')).toMatchObject({ scheduled: '2026-11-24', resolution: expect.stringContaining('76/8') });
    const out = officialMemberships(stale);
    const ldc = out.filter((m) => m.groupId === 'LDC');
    expect(membersAt(ldc, '2030-01-01')).toEqual(['AFG', 'BGD', 'LAO', 'NPL', 'SLB', 'TLS']);
  });
});

describe('officialMemberships', () => {
  const out = officialMemberships(stale);
  const group = (id: string) => out.filter((m) => m.groupId === id);

  it('applies the ECOWAS withdrawals of 29 January 2025 and dates the founding members', () => {
    expect(membersAt(group('ECOWAS'), '2024-12-31')).toHaveLength(15);
    expect(membersAt(group('ECOWAS'), '2025-01-29')).toHaveLength(12);
    expect(membersAt(group('ECOWAS'), '2025-06-30')).toHaveLength(12);
    expect(membersAt(group('ECOWAS'), '2025-06-30')).not.toContain('MLI');
    expect(membersAt(group('ECOWAS'), '1990-01-01')).toContain('MRT');
    expect(membersAt(group('ECOWAS'), '2001-01-01')).not.toContain('MRT');
    expect(membersAt(group('ECOWAS'), '1970-01-01')).toEqual(['CPV']);
  });

  it('counts 8 EAC Partner States on 1 January 2025, each from its date of membership', () => {
    const eac = group('EAC');
    expect(membersAt(eac, '2025-01-01')).toHaveLength(8);
    expect(membersAt(eac, '2024-03-03')).toHaveLength(7);
    expect(membersAt(eac, '2016-09-04')).toHaveLength(5);
    expect(membersAt(eac, '2007-06-30')).toEqual(['KEN', 'TZA', 'UGA']);
    expect(membersAt(eac, '2000-07-06')).toEqual([]);
  });

  it('counts 16 SADC, 21 COMESA and 55 AU member States', () => {
    expect(membersAt(group('SADC'), '2025-06-30')).toHaveLength(16);
    expect(membersAt(group('SADC'), '2017-08-19')).toHaveLength(15);
    expect(membersAt(group('COMESA'), '2025-06-30')).toHaveLength(21);
    expect(membersAt(group('COMESA'), '2018-07-17')).toHaveLength(19);
    expect(membersAt(group('AU'), '2025-06-30')).toHaveLength(55);
    expect(membersAt(group('AU'), '2025-06-30')).toEqual(expect.arrayContaining(['ESH', 'MAR']));
  });

  it('makes French Polynesia and New Caledonia full PIF members from September 2016', () => {
    expect(membersAt(group('PIF'), '2025-06-30')).toHaveLength(18);
    expect(membersAt(group('PIF'), '2016-01-01')).toHaveLength(16);
    expect(membersAt(group('PIF'), '2016-01-01', ['associate'])).toEqual(['NCL', 'PYF', 'TKL']);
    expect(membersAt(group('PIF'), '2025-06-30', ['associate'])).toEqual(['TKL']);
  });

  it('takes WTO membership from the WTO list, not from the file', () => {
    const wto = group('WTO');
    expect(membersAt(wto, '2024-12-31')).toHaveLength(166);
    expect(membersAt(wto, '2024-12-31', ['observer'])).toEqual([]);
    expect(wto.every((m) => m.source !== SNAPSHOT)).toBe(true);
  });

  it('records São Tomé and Príncipe leaving the LDC list on 13 December 2024', () => {
    expect(membersAt(group('LDC'), '2024-12-12')).toContain('STP');
    expect(membersAt(group('LDC'), '2024-12-13')).not.toContain('STP');
    const in2010 = membersAt(group('LDC'), '2010-01-01');
    expect(in2010).toEqual(expect.arrayContaining(['BTN', 'GNQ', 'MDV', 'VUT', 'WSM']));
    expect(in2010).not.toContain('CPV');
    expect(in2010).not.toContain('BWA');
    expect(membersAt(group('LDC'), '1990-01-01')).toEqual(expect.arrayContaining(['BWA', 'CPV']));
  });

  it('leaves no duplicate open membership and keeps the input unchanged', () => {
    const open = out.filter((m) => m.to === null).map((m) => `${m.groupId}/${m.iso3}/${m.status}`);
    expect(new Set(open).size).toBe(open.length);
    for (const m of out) expect(m.iso3).toMatch(/^[A-Z]{3}$/);
    for (const m of out) if (m.from !== null && m.to !== null) expect(m.from < m.to, `${m.groupId} ${m.iso3}`).toBe(true);
    expect(stale.every((m) => m.from === null && m.to === null)).toBe(true);
  });
});
