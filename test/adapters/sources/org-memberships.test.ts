import { describe, expect, it } from 'vitest';
import { collect } from '../../../src/adapters/sources/batches.ts';
import { fileChunks } from '../../../src/adapters/sources/csv.ts';
import { membershipStatus, readOrgMemberships } from '../../../src/adapters/sources/org-memberships.ts';
import { writeOrgMemberships } from '../../fixtures/fixtures.ts';
import { errorOf, fileInPieces, tempDir } from './helpers.ts';

const dir = tempDir();

describe('membershipStatus', () => {
  it('maps the Factbook statuses the Observatory counts, and leaves the others null', () => {
    expect(membershipStatus('member')).toBe('member');
    expect(membershipStatus('associate member')).toBe('associate');
    expect(membershipStatus('Observer')).toBe('observer');
    expect(membershipStatus('Taipei')).toBe('member');
    expect(membershipStatus('  Associate \t Member ')).toBe('associate');
    expect(membershipStatus('partners')).toBeNull();
    expect(membershipStatus('candidate country')).toBeNull();
    expect(membershipStatus('compliant country ')).toBeNull();
  });
});

describe('readOrgMemberships', () => {
  it('reads the derived subset (CRLF, names with commas)', async () => {
    const written = writeOrgMemberships(dir);
    const { records, summary } = await collect(readOrgMemberships(fileChunks(written.path), written.path));
    expect(records.map((r) => ({ iso3: r.iso3, orgId: r.orgId, status: r.status, rawStatus: r.rawStatus }))).toEqual(written.expected);
    expect(summary.format).toBe('derived');
    expect(summary.statuses.get('partners')).toBe(4);
    expect(records[0]).toEqual({
      iso3: 'NGA',
      iso2: 'NG',
      name: 'Nigeria',
      orgId: 'ACP',
      orgName: 'African, Caribbean, and Pacific Group of States',
      status: 'member',
      rawStatus: 'member',
      source: 'CIAFactbook',
      line: 2,
    });
  });

  it('reads the full CountrycodesOrgs layout, quoted, with trailing spaces trimmed', async () => {
    const written = writeOrgMemberships(dir, { variant: 'full', bom: true });
    const { records, summary } = await collect(readOrgMemberships(fileInPieces(written.path, 2), written.path, { batchSize: 5 }));
    expect(summary.format).toBe('full');
    expect(records.map((r) => ({ iso3: r.iso3, orgId: r.orgId, status: r.status, rawStatus: r.rawStatus }))).toEqual(written.expected);
    expect(records.find((r) => r.orgId === 'PIF')?.orgName).toBe('Pacific Islands Forum');
  });

  it('names the file, line and field of a bad code or a missing column', async () => {
    const head = 'iso3,iso2,name,org_id,org_name,membership_status,source\n';
    expect((await errorOf(() => collect(readOrgMemberships([`${head}KEN,KE,Kenya,ACP,ACP,member,x\nTaipei,TW,Taiwan,WTO,WTO,Taipei,x\n`], 'orgs.csv')))).message).toBe(
      'orgs.csv, line 3, field "iso3": not an ISO 3166 alpha-3 code: "Taipei"',
    );
    expect((await errorOf(() => collect(readOrgMemberships([`${head}KEN,KE,Kenya,ACP,ACP,,x\n`], 'orgs.csv')))).message).toBe(
      'orgs.csv, line 2, field "membership_status": empty membership status',
    );
    expect((await errorOf(() => collect(readOrgMemberships(['iso3,iso2,name,org_name,membership_status\n'], 'orgs.csv')))).message).toBe(
      'orgs.csv, line 1, field "org_id": missing column "org_id"',
    );
  });
});
