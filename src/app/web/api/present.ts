import type { Vintage } from '../../../adapters/storage/store.ts';
import type { Country } from '../../../domain/country.ts';
import type { Group, Membership } from '../../../domain/group.ts';
import type { AggregationRule } from '../../../domain/indicator.ts';
import type { IndicatorInfo, Reference } from '../../services/reference.ts';

/** Vintages without repeats, in the order first met. */
export function distinctVintages(vintages: Iterable<Vintage>): Vintage[] {
  const byId = new Map<number, Vintage>();
  for (const v of vintages) if (!byId.has(v.id)) byId.set(v.id, v);
  return [...byId.values()];
}

/** A country as the API shows it. */
export function countryJson(c: Country) {
  return {
    iso3: c.iso3,
    iso2: c.iso2,
    m49: c.m49,
    names: c.names,
    region: c.region,
    subregion: c.subregion,
    intermediateRegion: c.intermediateRegion,
  };
}

/** A group's definition as the API shows it. */
export function groupJson(g: Group) {
  return {
    id: g.id,
    kind: g.kind,
    names: g.names,
    ...(g.description ? { description: g.description } : {}),
    wbCode: g.wbCode,
    source: g.source,
    editable: g.kind === 'user',
  };
}

/** A dated membership as the API shows it. */
export function membershipJson(m: Membership, name: string) {
  return { iso3: m.iso3, name, status: m.status, from: m.from, to: m.to, source: m.source, note: m.note ?? null };
}

const NOT_AGGREGATED: Record<string, string> = {
  local_currency: 'values in local currency units cannot be added across countries',
  no_weight: 'no weight makes the members’ values comparable',
  index: 'an index has no meaningful group value',
  atlas: 'the World Bank computes group values by its Atlas method from totals the Observatory does not hold',
  unknown_rule: 'the indicator is not in the Observatory’s catalogue, so its aggregation rule is unknown',
};

/**
 * How a group value of the indicator is computed, in words, with the rule's fields.
 * @example ruleJson({ kind: 'sum' }, ref).description // 'Sum of the members’ values …'
 */
export function ruleJson(rule: AggregationRule, ref: Reference) {
  switch (rule.kind) {
    case 'sum':
      return { kind: rule.kind, description: 'Sum of the members’ values; members without data are left out, never counted as zero.' };
    case 'weighted_mean': {
      const weightName = ref.indicators.get(rule.weight)?.def.names.en ?? rule.weight;
      return {
        kind: rule.kind,
        weight: rule.weight,
        description: `Mean of the members’ values weighted by ${rule.weight} (${weightName}); members without a value or a weight are left out.`,
      };
    }
    case 'none':
      return { kind: rule.kind, reason: rule.reason, description: `Not aggregated: ${NOT_AGGREGATED[rule.reason] ?? rule.reason}.` };
  }
}

/** An indicator's short identity, for the top of an answer about its values. */
export function indicatorHead(info: IndicatorInfo) {
  return { code: info.def.code, names: info.def.names, unit: info.def.unit, ...(info.def.derived ? { formula: info.def.derived.formula } : {}) };
}
