import { describe, expect, it } from 'vitest';
import { applyCorrections, membersAt, type Membership } from '../../src/domain/group.ts';

const m = (iso3: string, from: string | null = null, to: string | null = null): Membership => ({
  groupId: 'ECOWAS',
  iso3,
  status: 'member',
  from,
  to,
  source: 'file',
});

describe('membersAt', () => {
  it('reads membership on a date, from inclusive and to exclusive', () => {
    const ms = [m('NGA'), m('MLI', null, '2025-01-29'), m('CPV', '1977-05-28')];
    expect(membersAt(ms, '2024-12-31')).toEqual(['CPV', 'MLI', 'NGA']);
    expect(membersAt(ms, '2025-01-29')).toEqual(['CPV', 'NGA']);
    expect(membersAt(ms, '1976-01-01')).toEqual(['MLI', 'NGA']);
  });
});

describe('applyCorrections', () => {
  it('closes an open membership on departure and keeps the input unchanged', () => {
    const input = [m('MLI'), m('NGA')];
    const out = applyCorrections(input, [{ kind: 'leave', groupId: 'ECOWAS', iso3: 'MLI', to: '2025-01-29', source: 'ECOWAS' }]);
    expect(membersAt(out, '2025-06-30')).toEqual(['NGA']);
    expect(membersAt(out, '2024-06-30')).toEqual(['MLI', 'NGA']);
    expect(input[0]?.to).toBeNull();
  });

  it('adds a joining member and dates an undated one without duplicating it', () => {
    const out = applyCorrections(
      [m('KEN')],
      [
        { kind: 'join', groupId: 'ECOWAS', iso3: 'COM', from: '2024-08-21', source: 'WTO' },
        { kind: 'join', groupId: 'ECOWAS', iso3: 'KEN', from: '2000-07-07', source: 'EAC' },
      ],
    );
    expect(out).toHaveLength(2);
    expect(membersAt(out, '2024-01-01')).toEqual(['KEN']);
    expect(membersAt(out, '2024-09-01')).toEqual(['COM', 'KEN']);
    expect(membersAt(out, '1999-01-01')).toEqual([]);
  });

  it('records a departure the file has already dropped', () => {
    const out = applyCorrections([], [{ kind: 'leave', groupId: 'ECOWAS', iso3: 'MRT', to: '2000-12-31', source: 'ECOWAS' }]);
    expect(membersAt(out, '1999-01-01')).toEqual(['MRT']);
    expect(membersAt(out, '2001-01-01')).toEqual([]);
  });

  it('turns an observer into a member from a date', () => {
    const obs: Membership = { ...m('KAZ'), status: 'observer' };
    const out = applyCorrections([obs], [{ kind: 'status', groupId: 'ECOWAS', iso3: 'KAZ', status: 'member', from: '2015-11-30', source: 'WTO' }]);
    expect(membersAt(out, '2016-01-01')).toEqual(['KAZ']);
    expect(membersAt(out, '2014-01-01')).toEqual([]);
    expect(membersAt(out, '2014-01-01', ['observer'])).toEqual(['KAZ']);
  });
});
