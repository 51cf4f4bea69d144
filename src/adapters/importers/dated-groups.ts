import type { Group, Membership } from '../../domain/group.ts';
import { groupDefinition } from '../../domain/groups/index.ts';
import { fromPrecision } from '../../domain/groups/dated.ts';
import { acpMemberships, ldcMemberships, type AcpEvidenceRecord, type LdcDatesRecord } from '../../domain/groups/dated-lists.ts';
import type { ImportWriter, ReadStore } from '../storage/store.ts';

/** The groups a dated list can hold: a re-import of an undated source (M49 flags, the Factbook table) leaves them as they are. */
export const DATED_LIST_GROUPS = ['LDC', 'ACP'] as const;

/**
 * The groups among `ids` whose stored memberships come from a dated list: at least one membership starts
 * on a known day, month or year. An undated source does not replace them.
 */
export async function groupsHeldByDatedLists(store: ReadStore, ids: readonly string[]): Promise<Set<string>> {
  const held = new Set<string>();
  for (const id of ids) {
    if (!(DATED_LIST_GROUPS as readonly string[]).includes(id)) continue;
    const stored = await store.memberships({ groupId: id });
    if (stored.some((m) => fromPrecision(m) !== 'unknown')) held.add(id);
  }
  return held;
}

function definition(id: string): Group {
  const def = groupDefinition(id);
  if (!def) throw new Error(`group ${id} has no definition in src/domain/groups/definitions.ts`);
  return def;
}

/** Replaces the LDC group's memberships with the dated list's: inclusion years, graduations, scheduled graduations. */
export async function writeLdcDates(writer: ImportWriter, records: readonly LdcDatesRecord[], sourceLabel: string): Promise<Membership[]> {
  const memberships = ldcMemberships(records, `${sourceLabel} (vintage ${writer.vintageId})`);
  await writer.replaceGroups([definition('LDC')], memberships);
  return memberships;
}

/** Replaces the ACP group's memberships with the dated evidence's; returns what the count check warned of. */
export async function writeAcpEvidence(writer: ImportWriter, records: readonly AcpEvidenceRecord[], sourceLabel: string): Promise<string[]> {
  const { memberships, warnings } = acpMemberships(records, `${sourceLabel} (vintage ${writer.vintageId})`);
  await writer.replaceGroups([definition('ACP')], memberships);
  return warnings;
}
