import { applyCorrections, type Group, type Membership } from '../../domain/group.ts';
import { GROUP_DEFINITIONS, groupDefinition, MEMBERSHIP_CORRECTIONS, WTO_MEMBERSHIPS, WTO_SOURCE } from '../../domain/groups/index.ts';
import { WB_INCOME_GROUPS, WB_REGION_GROUPS } from '../../domain/worldbank.ts';
import type { OrgMembershipRecord } from '../sources/org-memberships.ts';
import type { WorldBankCountryMeta } from '../sources/worldbank-metadata.ts';
import type { ImportWriter, Store } from '../storage/store.ts';
import type { NewVintage } from '../../domain/vintage.ts';
import { writeFiscalYears } from './wb-classification.ts';
import { createHash } from 'node:crypto';

/** Organisations whose membership comes from the organisation table (the WTO's comes from its own list). */
export const ORGANISATION_GROUPS = ['ACP', 'ECOWAS', 'PIF', 'CARICOM', 'SADC', 'EAC', 'COMESA', 'AU'] as const;

function definitions(ids: readonly string[]): Group[] {
  return ids.map((id) => {
    const def = groupDefinition(id);
    if (!def) throw new Error(`group ${id} has no definition in src/domain/groups/definitions.ts`);
    return def;
  });
}

/** Writes the organisations of the table, with the official corrections applied to its stale entries. */
export async function writeOrganisations(
  writer: ImportWriter,
  records: readonly OrgMembershipRecord[],
  sourceLabel: string,
  /** Groups a dated list holds already (ACP from its dated evidence): the table's undated rows do not replace them. */
  held: ReadonlySet<string> = new Set(),
): Promise<number> {
  const source = `${sourceLabel} (vintage ${writer.vintageId})`;
  const wanted = new Set<string>(ORGANISATION_GROUPS.filter((id) => !held.has(id)));
  const seen = new Set<string>();
  const memberships: Membership[] = [];
  for (const r of records) {
    if (!wanted.has(r.orgId) || r.status === null) continue;
    const key = `${r.orgId}|${r.iso3}|${r.status}`;
    if (seen.has(key)) continue;
    seen.add(key);
    memberships.push({ groupId: r.orgId, iso3: r.iso3, status: r.status, from: null, to: null, source });
  }
  const present = ORGANISATION_GROUPS.filter((id) => wanted.has(id) && memberships.some((m) => m.groupId === id));
  const corrected = applyCorrections(
    memberships,
    MEMBERSHIP_CORRECTIONS.filter((c) => present.includes(c.groupId as (typeof ORGANISATION_GROUPS)[number])),
  );
  await writer.replaceGroups(definitions(present), corrected);
  return corrected.length;
}

/** One economy's World Bank region and income group, as the Observatory's group ids (EAS, LIC …). */
export interface Classification {
  iso3: string;
  region: string | null;
  income: string | null;
}

/** The classification rows of a World Bank metadata file, with region and income names turned into group ids. */
export function classificationOf(records: readonly WorldBankCountryMeta[]): Classification[] {
  return records
    .filter((r) => !r.isAggregate)
    .map((r) => ({
      iso3: r.iso3,
      region: (r.region && WB_REGION_GROUPS.get(r.region)) ?? null,
      income: (r.incomeGroup && WB_INCOME_GROUPS.get(r.incomeGroup)) ?? null,
    }));
}

/**
 * Writes a World Bank classification (regions and income groups) of one fiscal year, keeping the other
 * fiscal years already stored (see `writeFiscalYears`).
 */
export async function writeClassification(
  store: Store,
  writer: ImportWriter,
  rows: readonly Classification[],
  fiscalYear: number,
  sourceLabel: string,
): Promise<number> {
  return writeFiscalYears(store, writer, rows.map((r) => ({ ...r, fiscalYear })), ['region', 'income'], sourceLabel);
}

/** The reference the Observatory keeps itself: the world group and the WTO's official members list. */
export function builtInGroups(): { meta: NewVintage; groups: Group[]; memberships: Membership[] } {
  const groups = GROUP_DEFINITIONS.filter((g) => g.id === 'WLD' || g.id === 'WTO');
  const memberships = WTO_MEMBERSHIPS.map((m) => ({ ...m }));
  const sha256 = createHash('sha256').update(JSON.stringify({ groups, memberships })).digest('hex');
  return {
    meta: {
      dataset: 'observatory/official-groups',
      source: `The Observatory's register of official memberships: ${WTO_SOURCE}`,
      format: 'built-in',
      fileName: null,
      sha256,
      licence: 'public information',
      sourceUrl: 'https://www.wto.org/english/thewto_e/whatis_e/tif_e/org6_e.htm',
      publishedAt: null,
      note: 'World group (every country and economy) and WTO members with their dates of membership',
    },
    groups,
    memberships,
  };
}
