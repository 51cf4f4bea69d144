import type { Country } from '../../domain/country.ts';
import { applyCorrections, type Membership } from '../../domain/group.ts';
import { groupDefinition, MEMBERSHIP_CORRECTIONS, SCHEDULED_GRADUATIONS } from '../../domain/groups/index.ts';
import { withScheduled } from '../../domain/groups/dated.ts';
import { groupsHeldByDatedLists } from './dated-groups.ts';
import { NAME_CORRECTIONS } from '../../domain/names.ts';
import type { CountryRecord } from '../sources/records.ts';
import type { M49Record } from '../sources/m49.ts';
import type { ImportWriter, Store } from '../storage/store.ts';

/** The UN categories flagged in the M49 table. */
const UN_CATEGORIES = [
  ['LDC', 'ldc'],
  ['LLDC', 'lldc'],
  ['SIDS', 'sids'],
] as const;

/** The M49 regions kept as groups, by their M49 code. */
const M49_REGIONS: ReadonlyMap<string, string> = new Map([
  ['002', 'AFRICA'],
  ['019', 'AMERICAS'],
  ['142', 'ASIA'],
  ['150', 'EUROPE'],
  ['009', 'OCEANIA'],
]);

const portugueseNames = new Intl.DisplayNames(['pt'], { type: 'region', fallback: 'none' });

/** The Portuguese name of a country from the Unicode CLDR, which Node's ICU carries. */
function portugueseName(iso2: string | null): string | undefined {
  if (!iso2) return undefined;
  try {
    return portugueseNames.of(iso2) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A country as read, merged with what is stored: names the file lacks (a French M49 file has no English
 * names) are kept, known errors of the sources are corrected, Portuguese names come from CLDR when missing.
 */
function merge(record: M49Record | CountryRecord, existing: Country | undefined): Country {
  const names = { ...existing?.names, ...Object.fromEntries(Object.entries(record.names).filter(([, v]) => v)) };
  for (const c of NAME_CORRECTIONS) {
    if (c.iso3 === record.iso3 && names[c.lang] === c.wrong) names[c.lang] = c.name;
  }
  names.pt ??= portugueseName(record.iso2 ?? existing?.iso2 ?? null);
  const en = names.en ?? existing?.names.en ?? record.iso3;
  const english = record.names.en !== undefined;
  return {
    iso3: record.iso3,
    iso2: record.iso2 ?? existing?.iso2 ?? null,
    m49: record.m49 ?? existing?.m49 ?? null,
    names: { ...names, en },
    // Region names are kept in English: a French or Spanish table (no English names) does not replace them.
    region: (english ? record.region : existing?.region) ?? record.region ?? existing?.region ?? null,
    subregion: (english ? record.subregion : existing?.subregion) ?? record.subregion ?? existing?.subregion ?? null,
    intermediateRegion:
      (english ? record.intermediateRegion : existing?.intermediateRegion) ?? record.intermediateRegion ?? existing?.intermediateRegion ?? null,
  };
}

/**
 * Writes countries from an M49 or country-codes file, the UN categories (LDC, LLDC, SIDS) they flag, with
 * the official corrections (graduations), and the M49 regions as groups.
 */
export async function writeCountries(
  store: Store,
  writer: ImportWriter,
  records: readonly (M49Record | CountryRecord)[],
  sourceLabel: string,
): Promise<{ countries: number; memberships: number }> {
  const existing = new Map((await store.countries()).map((c) => [c.iso3, c]));
  const countries = records.map((r) => merge(r, existing.get(r.iso3)));
  await writer.upsertCountries(countries);

  const source = `${sourceLabel} (vintage ${writer.vintageId})`;
  const memberships: Membership[] = [];
  for (const r of records) {
    for (const [groupId, flag] of UN_CATEGORIES) {
      if (r[flag]) memberships.push({ groupId, iso3: r.iso3, status: 'member', from: null, to: null, source });
    }
    const regionGroup = r.region ? M49_REGIONS.get(r.region.code) : undefined;
    if (regionGroup) memberships.push({ groupId: regionGroup, iso3: r.iso3, status: 'member', from: null, to: null, source });
  }
  // A dated LDC list imported before holds the LDC group: the file's undated flags do not replace it.
  const held = await groupsHeldByDatedLists(store, UN_CATEGORIES.map(([id]) => id));
  const groupIds = [...UN_CATEGORIES.map(([id]) => id), ...M49_REGIONS.values()].filter((id) => !held.has(id));
  const corrected = withScheduled(
    applyCorrections(
      memberships.filter((m) => groupIds.includes(m.groupId)),
      MEMBERSHIP_CORRECTIONS.filter((c) => groupIds.includes(c.groupId)),
    ),
    SCHEDULED_GRADUATIONS,
  );
  const groups = groupIds.map((id) => {
    const def = groupDefinition(id);
    if (!def) throw new Error(`group ${id} has no definition in src/domain/groups/definitions.ts`);
    return def;
  });
  await writer.replaceGroups(groups, corrected);
  return { countries: countries.length, memberships: corrected.length };
}
