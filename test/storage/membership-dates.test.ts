import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { membersAt } from '../../src/domain/group.ts';
import { ENGINES, freshStoreEach } from '../support/engines.ts';

const folder = mkdtempSync(join(tmpdir(), 'membership-dates-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// A dated LDC list in the shared layout: one graduated to the month, one to the day, one scheduled.
const LDC = join(folder, 'ldc.csv');
writeFileSync(
  LDC,
  [
    'iso3,country,inclusion_year,status_as_of_2026_06,graduation_year,graduation_date,scheduled_graduation_year,scheduled_graduation_date,date_source_or_note,year_sources',
    'BTN,Bhutan,1971,graduated,2023,2023-12,,,Dec 2023,UN DESA',
    'VUT,Vanuatu,1985,graduated,2020,2020-12-04,,,UN-OHRLLS 4 Dec 2020,UN DESA',
    'NPL,Nepal,1971,"current LDC, graduation scheduled",,,2026,2026-11-24,A/RES/76/8; deferral requested,UN DESA',
    'SLB,Solomon Islands,1991,"current LDC, graduation scheduled",,,2027,2027,extended to 2027,UN DESA',
    'SSD,South Sudan,2012,current LDC,,,,,,UN DESA',
  ].join('\n'),
);

// ACP evidence: two of the 1985 list (one dated earlier), one admitted as the 5th member, one undated, one attested only.
const ACP = join(folder, 'acp.csv');
writeFileSync(
  ACP,
  [
    'iso2,iso3,in_lawin_79_list,in_Lome_III_ACP_list_1985,event_date,event,event_source,note',
    'KE,KEN,yes,yes,,,,',
    'SR,SUR,yes,yes,1976-07-16,Acceded to Lomé I,EC memo,',
    'NA,NAM,yes,no,1990,Joined after independence,memo,',
    'CU,CUB,yes,no,2000-12-14,Admitted as 5th ACP member,The Courier,',
    'PW,PLW,yes,no,,,,member by 2000',
    'TL,TLS,yes,no,2005-12-19,Ratified Cotonou; admission date NOT confirmed,EEAS,',
  ].join('\n'),
);

describe.each(ENGINES)('dated memberships on $name', (engine) => {
  let store!: Store;
  freshStoreEach(engine, (s) => (store = s));

  it('stores each date with its precision and the scheduled graduations without applying them', async () => {
    expect((await importFile(store, LDC)).status).toBe('imported');
    const ldc = await store.memberships({ groupId: 'LDC' });
    const of = (iso3: string) => ldc.find((m) => m.iso3 === iso3);
    expect(of('BTN')).toMatchObject({ from: '1971-01-01', fromKnown: 'year', to: '2023-12-01', toKnown: 'month' });
    expect(of('VUT')).toMatchObject({ to: '2020-12-04' });
    expect(of('VUT')?.toKnown ?? 'day').toBe('day');
    expect(of('NPL')).toMatchObject({ to: null, scheduledTo: { date: '2026-11-24', known: 'day' } });
    expect(of('NPL')?.scheduledTo?.source).toContain('A/RES/76/8');
    expect(of('SLB')?.scheduledTo).toMatchObject({ date: '2027-01-01', known: 'year' });
    expect(of('SSD')?.scheduledTo).toBeUndefined();
    // Still LDCs after the scheduled day: no source records the graduation.
    expect(membersAt(ldc, '2026-12-04')).toEqual(['NPL', 'SLB', 'SSD']);
    expect(membersAt(ldc, '2011-12-31')).toEqual(['BTN', 'NPL', 'SLB', 'VUT']);
  });

  it('counts ACP States from their dated accession, the 1985 list, or the day the member count attests them', async () => {
    expect((await importFile(store, ACP)).status).toBe('imported');
    const acp = await store.memberships({ groupId: 'ACP' });
    const of = (iso3: string) => acp.find((m) => m.iso3 === iso3);
    expect(of('SUR')).toMatchObject({ from: '1976-07-16' });
    expect(of('KEN')).toMatchObject({ from: '1985-01-01', fromKnown: 'unknown' });
    expect(of('NAM')).toMatchObject({ from: '1990-01-01', fromKnown: 'year' });
    // Cuba was the 5th: KEN, SUR, NAM and the undated PLW were members by then (4 + 1 = 5).
    expect(of('PLW')).toMatchObject({ from: '2000-12-14', fromKnown: 'unknown' });
    expect(of('TLS')).toMatchObject({ from: '2005-12-19', fromKnown: 'unknown' });
    expect(membersAt(acp, '1980-01-01')).toEqual(['SUR']);
    expect(membersAt(acp, '1995-01-01')).toEqual(['KEN', 'NAM', 'SUR']);
    expect(membersAt(acp, '2026-12-04')).toHaveLength(6);
  });

  it('refuses a bad date naming the file, line and field, and stores nothing', async () => {
    const bad = join(folder, `bad-${engine.name}.csv`);
    writeFileSync(
      bad,
      [
        'iso3,country,inclusion_year,status_as_of_2026_06,graduation_year,graduation_date,scheduled_graduation_year,scheduled_graduation_date,date_source_or_note,year_sources',
        'BTN,Bhutan,1971,graduated,2023,Dec 2023,,,,',
      ].join('\n'),
    );
    await expect(importFile(store, bad)).rejects.toThrow(/line 2.*graduation_date|graduation_date.*line 2/);
    expect(await store.memberships({ groupId: 'LDC' })).toEqual([]);
  });
});
