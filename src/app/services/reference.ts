import type { ReadStore } from '../../adapters/storage/store.ts';
import type { Entity } from '../../domain/entity.ts';
import type { IndicatorRecord, Vintage } from '../../domain/vintage.ts';
import type { Country } from '../../domain/country.ts';
import type { Group, Membership } from '../../domain/group.ts';
import { CATALOGUE, catalogueEntry, uncataloguedIndicator, type IndicatorDef } from '../../domain/indicator.ts';

/** An indicator as the Observatory presents it: its definition and where its current figures come from. */
export interface IndicatorInfo {
  def: IndicatorDef;
  /** The stored series, when the indicator is imported (not derived). */
  record: IndicatorRecord | null;
  /** The vintages the current figures come from (the inputs' vintages for a derived indicator). */
  vintages: Vintage[];
}

/** Everything small and often read: countries, groups, memberships, indicators, vintages. Rebuilt on each data change. */
export interface Reference {
  version: number;
  countries: Map<string, Country>;
  /** Economies outside the M49 list that have data (Kosovo, Channel Islands). */
  economies: Map<string, Entity>;
  /** World Bank aggregates met in the data (WLD, SSF …). */
  aggregates: Map<string, Entity>;
  groups: Map<string, Group>;
  memberships: Map<string, Membership[]>;
  membershipsByCountry: Map<string, Membership[]>;
  indicators: Map<string, IndicatorInfo>;
  vintages: Map<number, Vintage>;
}

export async function loadReference(store: ReadStore, version: number): Promise<Reference> {
  const [countries, entities, groups, memberships, records, vintages] = await Promise.all([
    store.countries(),
    store.entities(),
    store.groups(),
    store.memberships(),
    store.indicators(),
    store.vintages(),
  ]);
  const vintageById = new Map(vintages.map((v) => [v.id, v]));
  const byGroup = new Map<string, Membership[]>();
  const byCountry = new Map<string, Membership[]>();
  for (const m of memberships) {
    push(byGroup, m.groupId, m);
    push(byCountry, m.iso3, m);
  }
  const recordByCode = new Map(records.map((r) => [r.code, r]));
  const indicators = new Map<string, IndicatorInfo>();
  for (const r of records) {
    const v = vintageById.get(r.vintageId);
    indicators.set(r.code, { def: catalogueEntry(r.code) ?? uncataloguedIndicator(r.code, r.name), record: r, vintages: v ? [v] : [] });
  }
  for (const def of CATALOGUE) {
    if (!def.derived) continue;
    const inputs = def.derived.inputs.map((code) => recordByCode.get(code));
    if (inputs.some((r) => !r)) continue;
    const vs = inputs.map((r) => vintageById.get(r?.vintageId ?? -1)).filter((v): v is Vintage => v !== undefined);
    indicators.set(def.code, { def, record: null, vintages: vs });
  }
  return {
    version,
    countries: new Map(countries.map((c) => [c.iso3, c])),
    economies: new Map(entities.filter((e) => e.kind === 'economy' && !countries.some((c) => c.iso3 === e.code)).map((e) => [e.code, e])),
    aggregates: new Map(entities.filter((e) => e.kind === 'aggregate').map((e) => [e.code, e])),
    groups: new Map(groups.map((g) => [g.id, g])),
    memberships: byGroup,
    membershipsByCountry: byCountry,
    indicators,
    vintages: vintageById,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
