import type { Group, Membership } from '../../domain/group.ts';
import { groupDefinition } from '../../domain/groups/index.ts';
import {
  classificationKindOf,
  identifyFiscalYear,
  matchFiscalYears,
  mergeClassification,
  WB_INCOME_IDS,
  WB_REGION_IDS,
  type ClassificationKind,
  type FiscalYearAssignment,
  type FiscalYearMatch,
} from '../../domain/wb-classification.ts';
import type { ImportWriter, ReadStore } from '../storage/store.ts';

/** One economy's World Bank groups for one fiscal year (null: not classified, or not given by the file). */
export interface ClassifiedEconomy {
  iso3: string;
  fiscalYear: number;
  region: string | null;
  income: string | null;
}

const WB_GROUP_IDS = [...WB_REGION_IDS, ...WB_INCOME_IDS];

function definitions(): Group[] {
  return WB_GROUP_IDS.map((id) => {
    const def = groupDefinition(id);
    if (!def) throw new Error(`group ${id} has no definition in src/domain/groups/definitions.ts`);
    return def;
  });
}

/** The World Bank region and income-group memberships stored. */
export async function storedClassification(store: ReadStore): Promise<Membership[]> {
  const out: Membership[] = [];
  for (const id of WB_GROUP_IDS) out.push(...(await store.memberships({ groupId: id })));
  return out;
}

/**
 * Writes the fiscal years of a World Bank classification file, for the classifications it gives (`kinds`):
 * each year it gives replaces that year, the other years stored are kept, and consecutive years in the same
 * group become one membership (see `mergeClassification`). Returns the memberships written.
 */
export async function writeFiscalYears(
  store: ReadStore,
  writer: ImportWriter,
  rows: readonly ClassifiedEconomy[],
  kinds: readonly ClassificationKind[],
  sourceLabel: string,
): Promise<number> {
  const years = [...new Set(rows.map((r) => r.fiscalYear))].sort((a, b) => a - b);
  const span = years.length === 1 ? `FY${years[0]}` : `FY${years[0]}–FY${years[years.length - 1]}`;
  const source = `${sourceLabel}, ${span} (vintage ${writer.vintageId})`;
  const fresh: FiscalYearAssignment[] = [];
  for (const r of rows) {
    for (const [kind, groupId] of [['region', r.region], ['income', r.income]] as const) {
      if (!kinds.includes(kind) || groupId === null || classificationKindOf(groupId) !== kind) continue;
      fresh.push({ iso3: r.iso3, kind, fiscalYear: r.fiscalYear, groupId, source });
    }
  }
  const merged = mergeClassification(await storedClassification(store), fresh, kinds);
  await writer.replaceGroups(definitions(), merged);
  return merged.length;
}

/**
 * The fiscal year of a classification file of unknown date, when the stored history identifies it: the only
 * held year that agrees with the file on every economy. Returns the year (or null) and the best matches.
 */
export async function fiscalYearFromHistory(
  store: ReadStore,
  rows: readonly { iso3: string; region: string | null; income: string | null }[],
): Promise<{ fiscalYear: number | null; matches: FiscalYearMatch[] }> {
  const matches = matchFiscalYears(rows, await storedClassification(store));
  return { fiscalYear: identifyFiscalYear(matches), matches };
}
