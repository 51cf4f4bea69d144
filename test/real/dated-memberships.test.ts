import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReference } from '../../src/adapters/importers/folder.ts';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { membersAt } from '../../src/domain/group.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { createApp } from '../../src/app/web/server.ts';
import { sharedData } from './shared-data.ts';

// The day these figures were checked: after the 24 November 2026 date set for three LDC graduations.
const TODAY = '2026-12-04';

describe('dated LDC and ACP memberships from the shared data', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const root = sharedData();
  const ldcFile = join(root, 'un-ldc-dates', 'un_ldc_inclusion_graduation.csv');
  const acpFile = join(root, 'oacps-ecowas-membership', 'oacps_membership_evidence.csv');

  beforeAll(async () => {
    store = await openStore({ duckdbPath: ':memory:' });
    await ensureReference(store);
    for (const f of [join(root, 'datasets-country-codes', 'UNSD-M49-en.csv'), ldcFile, acpFile]) {
      const r = await importFile(store, f);
      expect(r.status, `${f}: ${r.reason ?? ''}`).toBe('imported');
    }
    app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }) });
  }, 60_000);
  afterAll(() => store.close());

  it('dates every LDC from its year of inclusion and keeps the unconfirmed 2026 graduations in', async () => {
    const ldc = await store.memberships({ groupId: 'LDC' });
    expect(ldc).toHaveLength(52);
    for (const m of ldc) expect(m.fromKnown, m.iso3).toBe('year');
    expect(membersAt(ldc, TODAY)).toHaveLength(44);
    // 45 on the eve of São Tomé and Príncipe's graduation (13 December 2024, to the day).
    expect(membersAt(ldc, '2024-12-12')).toHaveLength(45);
    expect(ldc.find((m) => m.iso3 === 'STP')).toMatchObject({ to: '2024-12-13' });
    // Bhutan: the sources give December 2023, not the day.
    expect(ldc.find((m) => m.iso3 === 'BTN')).toMatchObject({ to: '2023-12-01', toKnown: 'month' });
    for (const iso3 of ['BGD', 'LAO', 'NPL']) {
      const m = ldc.find((x) => x.iso3 === iso3);
      expect(m, iso3).toMatchObject({ to: null, scheduledTo: { date: '2026-11-24', known: 'day' } });
      expect(m?.scheduledTo?.source, iso3).toContain('76/8');
    }
    expect(ldc.find((m) => m.iso3 === 'SLB')?.scheduledTo).toMatchObject({ date: '2027-01-01', known: 'year' });
  });

  it('answers /groups/LDC with the three graduations as unconfirmed and still counted', async () => {
    const body = (await (await app.request(`/api/v1/groups/LDC?at=${TODAY}`)).json()) as any;
    expect(body.membersCounted).toBe(44);
    const npl = body.memberships.find((m: { iso3: string }) => m.iso3 === 'NPL');
    expect(npl).toMatchObject({ fromKnown: 'year', to: null, scheduledTo: { date: '2026-11-24', state: 'unconfirmed' } });
    expect(body.notes.join(' ')).toContain('BGD (2026-11-24)');
  });

  it('counts 66 ACP States on 1 January 1995, 78 on the day Cuba was admitted and 80 today', async () => {
    const acp = await store.memberships({ groupId: 'ACP' });
    expect(acp).toHaveLength(80);
    expect(membersAt(acp, '1995-01-01')).toHaveLength(66);
    // The day before: the 65 of 1985, Namibia (1990) and South Africa (1997).
    expect(membersAt(acp, '2000-12-13')).toHaveLength(67);
    expect(membersAt(acp, '2000-12-14')).toHaveLength(78);
    expect(membersAt(acp, TODAY)).toHaveLength(80);
    expect(acp.find((m) => m.iso3 === 'CUB')).toMatchObject({ from: '2000-12-14' });
    expect(acp.find((m) => m.iso3 === 'ZAF')).toMatchObject({ from: '1997-04-24' });
    expect(acp.find((m) => m.iso3 === 'NAM')).toMatchObject({ from: '1990-01-01', fromKnown: 'year' });
    expect(acp.find((m) => m.iso3 === 'FSM')).toMatchObject({ from: '2000-12-14', fromKnown: 'unknown' });
    expect(acp.find((m) => m.iso3 === 'TLS')).toMatchObject({ from: '2005-12-19', fromKnown: 'unknown' });
    expect(acp.find((m) => m.iso3 === 'MDV')).toMatchObject({ from: '2022-12-09' });

    const before = (await (await app.request('/api/v1/groups/ACP?at=1995-01-01')).json()) as any;
    expect(before.membersCounted).toBe(66);
    expect(before.members).toHaveLength(66);
    const now = (await (await app.request('/api/v1/groups/ACP')).json()) as any;
    expect(now.membersCounted).toBe(80);
    expect(now.notes.join(' ')).toContain('79 Member States');
  });

  it('keeps the dated lists when the undated M49 flags are imported again', async () => {
    await importFile(store, join(root, 'datasets-country-codes', 'UNSD-M49-en.csv'), { force: true });
    const ldc = await store.memberships({ groupId: 'LDC' });
    expect(ldc).toHaveLength(52);
    expect(ldc.every((m) => m.fromKnown === 'year')).toBe(true);
  });

  it('gives the WTO count with its note: 166 members, 165 economies counted', async () => {
    const list = (await (await app.request('/api/v1/groups')).json()) as any;
    const wto = list.groups.find((g: { id: string }) => g.id === 'WTO');
    expect(wto).toMatchObject({ membersListed: 166, membersToday: 165 });
    expect(wto.countNote).toContain('not the EU itself');
    const page = await (await app.request('/en/groups/WTO')).text();
    expect(page).toContain('166 members today');
    expect(page).toContain('165 counted in aggregates');
    expect(page).toContain('not the EU itself');
  });
});
