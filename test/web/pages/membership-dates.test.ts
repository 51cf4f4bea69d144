import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import { writeAcpEvidence, writeLdcDates } from '../../fixtures/memberships.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../../support/observatory-fixture.ts';

// The fixture's today (2026-06-30) is before the 24 November 2026 graduations; `at` reads after them.
describe('dated memberships on the group pages and in the API', () => {
  let fx: ObservatoryFixture;
  beforeAll(async () => {
    fx = await buildObservatoryFixture();
    for (const path of [writeLdcDates(join(fx.folder, 'un-ldc-dates')), writeAcpEvidence(join(fx.folder, 'oacps-ecowas-membership'))]) {
      expect((await importFile(fx.store, path)).status).toBe('imported');
    }
  }, 120_000);
  afterAll(() => fx.dispose());

  const json = async (path: string) => (await (await fx.app.request(path)).json()) as any;
  const page = async (path: string) => (await fx.app.request(path)).text();

  it('shows a scheduled graduation as scheduled before its date and as not confirmed after it', async () => {
    const before = await json('/api/v1/groups/LDC');
    expect(before.memberships.find((m: any) => m.iso3 === 'NPL').scheduledTo).toMatchObject({ date: '2026-11-24', state: 'scheduled' });
    const after = await json('/api/v1/groups/LDC?at=2026-12-04');
    expect(after.members.map((m: any) => m.iso3)).toContain('NPL');
    expect(after.memberships.find((m: any) => m.iso3 === 'NPL').scheduledTo.state).toBe('unconfirmed');
    expect(after.notes.join(' ')).toContain('not confirmed');
    const html = await page('/en/groups/LDC');
    expect(html).toContain('departure scheduled for 24 November 2026');
    expect(html).toContain('since 1971');
    expect(html).not.toContain('since 1 January 1971');
    // Bhutan graduated in December 2023: the month, never a day.
    expect(html).toMatch(/Bhutan|BTN/);
    expect(html).toContain('December 2023');
    expect(html).not.toContain('1 December 2023');
    expect(await page('/fr/groups/LDC')).toContain('départ prévu : 24 novembre 2026');
  });

  it('says "date unknown" for ACP States no source dates, and counts them from when a source attests them', async () => {
    const html = await page('/en/groups/ACP');
    expect(html).toContain('date of accession unknown; counted from 1 January 1985');
    expect(html).toContain('since 16 July 1976');
    const at1995 = await json('/api/v1/groups/ACP?at=1995-01-01');
    // Of the fixture's ACP countries, Haiti is attested only from the admission of the 10th member (14 December 2000).
    expect(at1995.members.map((m: any) => m.iso3)).not.toContain('HTI');
    expect(at1995.membersCounted).toBe(8);
    expect((await json('/api/v1/groups/ACP')).membersCounted).toBe(9);
    expect(at1995.memberships.find((m: any) => m.iso3 === 'KEN')).toMatchObject({ from: '1985-01-01', fromKnown: 'unknown' });
    expect(await page('/fr/groups/ACP')).toContain('date d&#39;adhésion inconnue');
  });

  it('gives the WTO count listed and counted, with the note on the EU, in the API and on the page', async () => {
    const wto = (await json('/api/v1/groups')).groups.find((g: any) => g.id === 'WTO');
    expect(wto.membersListed).toBe(166);
    expect(wto.membersToday).toBeLessThan(166);
    expect(wto.countNote).toContain('not the EU itself');
    const detail = await json('/api/v1/groups/WTO');
    expect(detail.membersListed).toBe(166);
    expect(detail.notes[0]).toContain('European Union');
    const html = await page('/en/groups/WTO');
    expect(html).toContain('166 members today');
    expect(html).toContain('not the EU itself');
  });
});
