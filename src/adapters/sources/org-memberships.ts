import { isIso2, isIso3 } from '../../domain/country.ts';
import { InputError } from '../../domain/errors.ts';
import type { MembershipStatus } from '../../domain/group.ts';
import { Batcher, type BatchOptions } from './batches.ts';
import { columns, readTable, type Table } from './columns.ts';
import type { Chunks } from './csv.ts';
import { Header, headerKey } from './fields.ts';

/** One country's tie to one organisation, as the CIA-Factbook-derived tables of dieghernan give it. */
export interface OrgMembershipRecord {
  iso3: string;
  iso2: string | null;
  name: string;
  /** The organisation's abbreviation as the file writes it (ACP, ECOWAS, PIF, WTO, C …). */
  orgId: string;
  orgName: string;
  /** The status in the Observatory's terms; null for ties it does not count (partner, candidate …). */
  status: MembershipStatus | null;
  /** The status as written ("member", "partners", "candidate country", "Taipei" …). */
  rawStatus: string;
  /** The file's source column ("CIAFactbook", "RESTCountries", "custom"). */
  source: string;
  line: number;
}

export interface OrgMembershipSummary {
  format: 'derived' | 'full';
  rows: number;
  /** How often each raw status occurs, to review what was left uncounted. */
  statuses: Map<string, number>;
}

/**
 * The Factbook writes the name under which Taiwan belongs to an organisation ("Taipei" in ADB and
 * WTO, "Chinese Taipei" in APEC) in the status column; in all three it is a full member.
 */
const STATUS: ReadonlyMap<string, MembershipStatus> = new Map([
  ['member', 'member'],
  ['associate', 'associate'],
  ['associate member', 'associate'],
  ['associated member', 'associate'],
  ['observer', 'observer'],
  ['taipei', 'member'],
  ['chinese taipei', 'member'],
]);

/**
 * The Observatory's status for a raw Factbook status, or null when it is none of member, associate
 * or observer.
 * @example membershipStatus('associate member') // 'associate'
 */
export function membershipStatus(raw: string): MembershipStatus | null {
  return STATUS.get(headerKey(raw)) ?? null;
}

/** The columns of a layout: the ISO3 code, the organisation's id and the status are required. */
const layoutColumns = (iso3: string, iso2: string, name: string, status: string) =>
  columns({
    iso3: { header: iso3, required: true },
    iso2: { header: iso2 },
    name: { header: name },
    orgId: { header: 'org_id', required: true },
    orgName: { header: 'org_name' },
    status: { header: status, required: true },
    source: { header: 'source' },
  });

/** The two layouts: the derived subset, and the full long table of 186 organisations. */
const LAYOUTS = {
  derived: layoutColumns('iso3', 'iso2', 'name', 'membership_status'),
  full: layoutColumns('ISO_3166_3', 'ISO_3166_2', 'NAME.EN', 'org_member'),
};

/**
 * Reads dieghernan's `selected_memberships_derived.csv` or the full `CountrycodesOrgs.csv` (the layout
 * is told from the header) into memberships. The data are a Factbook snapshot of about 2020: the
 * importer applies dated corrections (WTO accessions, ECOWAS withdrawals) on top.
 * @example const { records } = await collect(readOrgMemberships(fileChunks(p), p));
 */
export async function* readOrgMemberships(
  input: Chunks,
  file: string,
  options: BatchOptions = {},
): AsyncGenerator<OrgMembershipRecord[], OrgMembershipSummary> {
  const batches = new Batcher<OrgMembershipRecord>(options);
  const summary: OrgMembershipSummary = { format: 'derived', rows: 0, statuses: new Map() };
  const layout = (header: Header) => LAYOUTS[header.find(LAYOUTS.full.spec.iso3.header) >= 0 ? 'full' : 'derived'];
  const onHeader = (table: Table<typeof LAYOUTS.derived.spec>) => {
    summary.format = table.spec === LAYOUTS.full.spec ? 'full' : 'derived';
  };

  for await (const rows of readTable(input, file, LAYOUTS.derived, { layout, onHeader })) {
    for (const row of rows) {
      summary.rows++;
      const iso3 = row.text('iso3');
      if (!isIso3(iso3)) {
        throw new InputError(iso3 === '' ? 'empty ISO3 code' : `not an ISO 3166 alpha-3 code: ${JSON.stringify(iso3)}`, row.at('iso3'));
      }
      const iso2 = row.text('iso2');
      const orgId = row.text('orgId');
      if (orgId === '') throw new InputError('empty organisation id', row.at('orgId'));
      const rawStatus = row.text('status');
      if (rawStatus === '') throw new InputError('empty membership status', row.at('status'));
      summary.statuses.set(rawStatus, (summary.statuses.get(rawStatus) ?? 0) + 1);
      const full = batches.push({
        iso3,
        iso2: isIso2(iso2) ? iso2 : null,
        name: row.text('name'),
        orgId,
        orgName: row.text('orgName'),
        status: membershipStatus(rawStatus),
        rawStatus,
        source: row.text('source'),
        line: row.line,
      });
      if (full) yield full;
    }
  }
  const rest = batches.rest();
  if (rest) yield rest;
  return summary;
}
