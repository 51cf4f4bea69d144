import { isIso2, isIso3 } from '../../domain/country.ts';
import { InputError } from '../../domain/errors.ts';
import type { MembershipStatus } from '../../domain/group.ts';
import { Batcher, type BatchOptions } from './batches.ts';
import { readCsvBatches, type Chunks } from './csv.ts';
import { cell, Header, headerKey, noHeader } from './fields.ts';

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

/** The two layouts: the derived subset, and the full long table of 186 organisations. */
const LAYOUTS = {
  derived: { iso3: 'iso3', iso2: 'iso2', name: 'name', orgId: 'org_id', orgName: 'org_name', status: 'membership_status', source: 'source' },
  full: { iso3: 'ISO_3166_3', iso2: 'ISO_3166_2', name: 'NAME.EN', orgId: 'org_id', orgName: 'org_name', status: 'org_member', source: 'source' },
} as const;

type Layout = (typeof LAYOUTS)[keyof typeof LAYOUTS];

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
  let header: Header | null = null;
  let layout: Layout = LAYOUTS.derived;
  let at = { iso3: -1, iso2: -1, name: -1, orgId: -1, orgName: -1, status: -1, source: -1 };

  for await (const rows of readCsvBatches(input, file)) {
    for (const { line, fields } of rows) {
      if (header === null) {
        header = new Header(fields, line, file);
        summary.format = header.find(LAYOUTS.full.iso3) >= 0 ? 'full' : 'derived';
        layout = LAYOUTS[summary.format];
        const h = header;
        at = {
          iso3: h.require(layout.iso3),
          iso2: h.find(layout.iso2),
          name: h.find(layout.name),
          orgId: h.require(layout.orgId),
          orgName: h.find(layout.orgName),
          status: h.require(layout.status),
          source: h.find(layout.source),
        };
        continue;
      }
      summary.rows++;
      const iso3 = cell(fields, at.iso3);
      if (!isIso3(iso3)) {
        throw new InputError(iso3 === '' ? 'empty ISO3 code' : `not an ISO 3166 alpha-3 code: ${JSON.stringify(iso3)}`, {
          file,
          line,
          field: layout.iso3,
        });
      }
      const iso2 = cell(fields, at.iso2);
      const orgId = cell(fields, at.orgId);
      if (orgId === '') throw new InputError('empty organisation id', { file, line, field: layout.orgId });
      const rawStatus = cell(fields, at.status);
      if (rawStatus === '') throw new InputError('empty membership status', { file, line, field: layout.status });
      summary.statuses.set(rawStatus, (summary.statuses.get(rawStatus) ?? 0) + 1);
      const full = batches.push({
        iso3,
        iso2: isIso2(iso2) ? iso2 : null,
        name: cell(fields, at.name),
        orgId,
        orgName: cell(fields, at.orgName),
        status: membershipStatus(rawStatus),
        rawStatus,
        source: cell(fields, at.source),
        line,
      });
      if (full) yield full;
    }
  }
  if (header === null) noHeader(file, LAYOUTS.derived.iso3);
  const rest = batches.rest();
  if (rest) yield rest;
  return summary;
}
