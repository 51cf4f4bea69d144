import type { Vintage } from '../../domain/vintage.ts';
import type { Country } from '../../domain/country.ts';
import type { Group, IsoDate, Membership } from '../../domain/group.ts';
import { fromPrecision, scheduleState, toPrecision } from '../../domain/groups/dated.ts';
import type { AggregationRule } from '../../domain/indicator.ts';
import type { IndicatorInfo, Reference } from '../services/reference.ts';

/** What the API tells about a vintage wherever a figure cites one. */
export interface VintageSummary {
  id: number;
  source: string;
  dataset: string;
  fileName: string | null;
  publishedAt: string | null;
  importedAt: string;
  licence: string | null;
  sourceUrl: string | null;
}

/** The provenance fields of a vintage. */
export function vintageSummary(v: Vintage): VintageSummary {
  return {
    id: v.id,
    source: v.source,
    dataset: v.dataset,
    fileName: v.fileName,
    publishedAt: v.publishedAt,
    importedAt: v.importedAt,
    licence: v.licence,
    sourceUrl: v.sourceUrl,
  };
}

/** Vintages without repeats, in the order first met. */
export function distinctVintages(vintages: Iterable<Vintage>): Vintage[] {
  const byId = new Map<number, Vintage>();
  for (const v of vintages) if (!byId.has(v.id)) byId.set(v.id, v);
  return [...byId.values()];
}

/** The sources of some vintages as one line: "World Bank, World Development Indicators; ITU". */
export function sourceLine(vintages: readonly Pick<Vintage, 'source'>[]): string {
  return [...new Set(vintages.map((v) => v.source))].join('; ');
}

/** The vintage ids of some vintages as one CSV cell: "3" or "3+5". */
export function vintageCell(vintages: readonly Pick<Vintage, 'id'>[]): string {
  return vintages.map((v) => v.id).join('+');
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

/** The English name of a country, economy or World Bank aggregate; the code when it has none. */
export function entityName(ref: Reference, code: string): string {
  return ref.countries.get(code)?.names.en ?? ref.economies.get(code)?.name ?? ref.aggregates.get(code)?.name ?? code;
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
export function membershipJson(m: Membership, name: string, on: IsoDate) {
  return {
    iso3: m.iso3,
    name,
    status: m.status,
    from: m.from,
    fromKnown: fromPrecision(m),
    to: m.to,
    toKnown: toPrecision(m),
    scheduledTo: m.scheduledTo ? { ...m.scheduledTo, state: scheduleState(m.scheduledTo, on) } : null,
    source: m.source,
    note: m.note ?? null,
  };
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
