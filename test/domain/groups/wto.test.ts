import { describe, expect, it } from 'vitest';
import { isIsoDate, membersAt } from '../../../src/domain/group.ts';
import { WTO_MEMBERS, WTO_MEMBERSHIPS } from '../../../src/domain/groups/wto.ts';

describe('WTO members', () => {
  it('counts 166 members at the end of 2024 and 164 at its start', () => {
    expect(membersAt(WTO_MEMBERSHIPS, '2024-12-31')).toHaveLength(166);
    expect(membersAt(WTO_MEMBERSHIPS, '2024-01-01')).toHaveLength(164);
  });

  it('includes Comoros from 21 August 2024 and Timor-Leste from 30 August 2024', () => {
    const end2024 = membersAt(WTO_MEMBERSHIPS, '2024-12-31');
    expect(end2024).toContain('COM');
    expect(end2024).toContain('TLS');
    expect(membersAt(WTO_MEMBERSHIPS, '2024-08-20')).toHaveLength(164);
    expect(membersAt(WTO_MEMBERSHIPS, '2024-08-21')).toHaveLength(165);
    expect(membersAt(WTO_MEMBERSHIPS, '2024-08-30')).toHaveLength(166);
  });

  it('has 76 members on 1 January 1995, 128 original members and 38 accessions', () => {
    expect(membersAt(WTO_MEMBERSHIPS, '1995-01-01')).toHaveLength(76);
    expect(WTO_MEMBERS.filter((m) => m.route === 'original')).toHaveLength(128);
    expect(WTO_MEMBERS.filter((m) => m.route === 'accession')).toHaveLength(38);
    // Original members had two years to accept the WTO Agreement.
    for (const m of WTO_MEMBERS.filter((x) => x.route === 'original')) expect(m.from < '1997-04-01').toBe(true);
  });

  it('matches the rank the WTO announced for each accession since 1997', () => {
    const announced: Record<string, number> = {
      PAN: 132, KGZ: 133, LVA: 134, EST: 135, JOR: 136, GEO: 137, OMN: 139, LTU: 141, MDA: 142, CHN: 143, TWN: 144,
      ARM: 145, MKD: 146, KHM: 148, SAU: 149, VNM: 150, TON: 151, UKR: 152, CPV: 153, MNE: 154, WSM: 155, RUS: 156,
      VUT: 157, LAO: 158, TJK: 159, YEM: 160, SYC: 161, KAZ: 162, LBR: 163, AFG: 164, COM: 165, TLS: 166,
    };
    for (const [iso3, rank] of Object.entries(announced)) {
      const member = WTO_MEMBERS.find((m) => m.iso3 === iso3);
      expect(member, iso3).toBeDefined();
      expect(membersAt(WTO_MEMBERSHIPS, member?.from ?? '').length, iso3).toBe(rank);
    }
  });

  it('codes each member once, with valid codes and dates', () => {
    const codes = WTO_MEMBERS.map((m) => m.iso3);
    expect(new Set(codes).size).toBe(codes.length);
    for (const m of WTO_MEMBERSHIPS) {
      expect(m.iso3).toMatch(/^[A-Z]{3}$/);
      expect(m.from && isIsoDate(m.from), m.iso3).toBe(true);
      expect(m.from && m.from >= '1995-01-01', m.iso3).toBe(true);
      expect(m.to).toBeNull();
      expect(m.source).toMatch(/WTO/);
    }
  });

  it('names the customs territories and the European Union with their WTO codes', () => {
    const byCode = new Map(WTO_MEMBERSHIPS.map((m) => [m.iso3, m]));
    expect(byCode.get('EUU')?.note).toMatch(/World Bank/);
    expect(byCode.get('TWN')?.note).toMatch(/Chinese Taipei/);
    expect(byCode.get('TWN')?.from).toBe('2002-01-01');
    expect(byCode.has('HKG') && byCode.has('MAC')).toBe(true);
  });
});
