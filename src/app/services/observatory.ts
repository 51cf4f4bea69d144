import type { ReadStore, Store } from '../../adapters/storage/store.ts';
import { aggregate, compareWithPublished, DEFAULT_MIN_COVERAGE, type Agreement, type AggregateResult, type MissingMember } from '../../domain/aggregate.ts';
import { DEFAULT_IMPUTE_OPTIONS, imputeYear, type ImputeOptions } from '../../domain/imputation.ts';
import { endOfYear, membersAt, type Group, type IsoDate } from '../../domain/group.ts';
import { POPULATION, type AggregationRule } from '../../domain/indicator.ts';
import type { Observation } from '../../domain/observation.ts';
import { gapTo, rankWithin, type Gap, type Rank } from '../../domain/rank.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { checkClassification, classificationKindOf, classificationOfVintage, type ClassificationCheck } from '../../domain/wb-classification.ts';
import { loadReference, type IndicatorInfo, type Reference } from './reference.ts';

/** Values of one indicator, by year then entity, with the years that have data in order. */
export interface IndicatorValues {
  code: string;
  byYear: Map<number, Map<string, number>>;
  years: number[];
}

/** Whose membership counts for each year of an aggregate. */
export type MembershipBasis = 'current' | 'historical';

export interface AggregateOptions {
  from?: number;
  to?: number;
  /** "current": today's members for every year (the World Bank's convention); "historical": members at each year's end. */
  basis?: MembershipBasis;
  /** The date of "current" membership; today by default. */
  at?: IsoDate;
  minCoverage?: number;
  /** Members without a value for the year: left out (the default) or given their latest value of the years before. */
  impute?: ImputeOptions;
  /**
   * "classification" (default): compare with the World Bank's value of a region or income group only when
   * the members counted are those of the classification its file uses, else recompute on those members or
   * say why not; "always": compare whatever the members.
   */
  compare?: 'classification' | 'always';
}

/** A member a group value leaves out, with the latest year before it that has a value for it. */
export interface MissingLarge extends MissingMember {
  latestYear: number | null;
}

export interface AggregateRow extends AggregateResult {
  year: number;
  missingLarge: MissingLarge[];
  /** The World Bank's own published value for the same group and year, and how far ours is from it. */
  published: Agreement | { worldBank: number; observatory: null } | null;
  /** For World Bank regions and income groups: whose classification each side counts, and why they are compared or not. */
  classification: ClassificationCheck | null;
}

export interface AggregateSeries {
  group: Group;
  indicator: IndicatorInfo;
  rule: AggregationRule;
  basis: MembershipBasis;
  minCoverage: number;
  impute: ImputeOptions;
  /** The World Bank aggregate code compared with, when there is one with data. */
  wbCode: string | null;
  rows: AggregateRow[];
}

const WORLD = 'WLD';

function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** The latest year before `year` in which an entity has a value, or null. */
function latestBefore(values: IndicatorValues, entity: string, year: number): number | null {
  for (let i = values.years.length - 1; i >= 0; i--) {
    const y = values.years[i] as number;
    if (y < year && values.byYear.get(y)?.has(entity)) return y;
  }
  return null;
}

/** The store each Observatory was made over, with its writes, for the composition root (see `writableStore`). */
const writable = new WeakMap<Observatory, Store>();

/**
 * The store an Observatory was made over, with its writes. Only the composition root (services/compose.ts)
 * asks, to hand the writes to the services that make them; test/architecture checks that no other module does.
 */
export function writableStore(obs: Observatory): Store {
  // Every Observatory registers its store when it is made.
  return writable.get(obs) as Store;
}

/**
 * The Observatory's questions over the stored data: series (stored or derived), group members on a date,
 * group aggregates with coverage, ranks and gaps. Results are cached until the data changes. Its `store`
 * is read only: whatever reaches the data through an Observatory can only read it.
 */
export class Observatory {
  readonly store: ReadStore;
  private reference: Promise<Reference> | null = null;
  private values = new Map<string, Promise<IndicatorValues>>();
  private population = new WeakMap<IndicatorValues, Map<number, Map<string, number>>>();
  private checkedAt = 0;
  private version = -1;

  constructor(
    store: Store,
    private readonly options: { today?: () => IsoDate; versionCheckMs?: number } = {},
  ) {
    this.store = store;
    writable.set(this, store);
  }

  today(): IsoDate {
    return (this.options.today ?? today)();
  }

  /** Drops cached results when the stored data has changed (checked at most once per `versionCheckMs`). */
  async refresh(force = false): Promise<number> {
    const now = Date.now();
    if (!force && now - this.checkedAt < (this.options.versionCheckMs ?? 1000) && this.version >= 0) return this.version;
    this.checkedAt = now;
    const version = await this.store.dataVersion();
    if (version !== this.version) {
      this.version = version;
      this.reference = null;
      this.values.clear();
    }
    return version;
  }

  async ref(): Promise<Reference> {
    const version = await this.refresh();
    this.reference ??= loadReference(this.store, version);
    return this.reference;
  }

  async indicator(code: string): Promise<IndicatorInfo> {
    const info = (await this.ref()).indicators.get(code);
    if (!info) throw new NotFoundError(`no indicator ${code}`);
    return info;
  }

  async group(id: string): Promise<Group> {
    const group = (await this.ref()).groups.get(id);
    if (!group) throw new NotFoundError(`no group ${id}`);
    return group;
  }

  /** All current values of an indicator; derived indicators are computed from their inputs. */
  async indicatorValues(code: string): Promise<IndicatorValues> {
    await this.refresh();
    let cached = this.values.get(code);
    if (!cached) {
      cached = this.loadValues(code);
      this.values.set(code, cached);
      cached.catch(() => this.values.delete(code));
    }
    return cached;
  }

  private async loadValues(code: string): Promise<IndicatorValues> {
    const info = await this.indicator(code);
    const byYear = new Map<number, Map<string, number>>();
    const put = (year: number, entity: string, value: number) => {
      let y = byYear.get(year);
      if (!y) byYear.set(year, (y = new Map()));
      y.set(entity, value);
    };
    const derived = info.def.derived;
    if (derived) {
      const inputs = await Promise.all(derived.inputs.map((c) => this.indicatorValues(c)));
      const [first, ...rest] = inputs;
      for (const [year, entities] of first?.byYear ?? []) {
        for (const [entity, v0] of entities) {
          const vs = [v0];
          for (const input of rest) {
            const v = input.byYear.get(year)?.get(entity);
            if (v === undefined) break;
            vs.push(v);
          }
          if (vs.length !== inputs.length) continue;
          const value = derived.compute(vs);
          if (Number.isFinite(value)) put(year, entity, value);
        }
      }
    } else {
      for (const o of await this.store.observations({ indicators: [code] })) put(o.year, o.entity, o.value);
    }
    return { code, byYear, years: [...byYear.keys()].sort((a, b) => a - b) };
  }

  /** Observations of an indicator, filtered; `vintageId` reads an older vintage of a stored indicator. */
  async observations(
    code: string,
    filter: { entities?: readonly string[]; from?: number; to?: number; vintageId?: number } = {},
  ): Promise<Observation[]> {
    const info = await this.indicator(code);
    if (filter.vintageId !== undefined || !info.def.derived) {
      if (filter.vintageId !== undefined && info.def.derived) throw new NotFoundError(`${code} is derived; it has no vintages of its own`);
      return this.store.observations({ indicators: [code], ...filter });
    }
    const values = await this.indicatorValues(code);
    const wanted = filter.entities ? new Set(filter.entities) : null;
    const vintageId = info.vintages[0]?.id ?? 0;
    const out: Observation[] = [];
    for (const year of values.years) {
      if ((filter.from !== undefined && year < filter.from) || (filter.to !== undefined && year > filter.to)) continue;
      for (const [entity, value] of values.byYear.get(year) ?? []) {
        if (!wanted || wanted.has(entity)) out.push({ indicator: code, entity, year, value, vintageId });
      }
    }
    return out.sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : a.year - b.year));
  }

  /** The countries counted as members of a group on a date (the world: every country and economy). */
  membersOn(ref: Reference, groupId: string, date: IsoDate): string[] {
    const group = ref.groups.get(groupId);
    if (!group) throw new NotFoundError(`no group ${groupId}`);
    if (group.kind === 'world') return [...ref.countries.keys(), ...ref.economies.keys()].sort();
    return membersAt(ref.memberships.get(groupId) ?? [], date).filter((iso3) => ref.countries.has(iso3) || ref.economies.has(iso3));
  }

  /**
   * Everything listed as a full member of a group on a date, including members that are not countries
   * (the European Union in the WTO), which `membersOn` leaves out of aggregates.
   */
  listedMembers(ref: Reference, groupId: string, date: IsoDate): string[] {
    const group = ref.groups.get(groupId);
    if (group?.kind === 'world') return this.membersOn(ref, groupId, date);
    return membersAt(ref.memberships.get(groupId) ?? [], date);
  }

  /** The population of each entity in a year, or in the nearest year with data, for coverage shares. */
  private async populationIn(year: number): Promise<ReadonlyMap<string, number>> {
    const pop = await this.indicatorValues(POPULATION).catch(() => null);
    if (!pop) return new Map();
    let byYear = this.population.get(pop);
    if (!byYear) this.population.set(pop, (byYear = new Map()));
    let result = byYear.get(year);
    if (!result) {
      result = new Map<string, number>();
      const nearestFirst = [...pop.years].sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a);
      for (const y of nearestFirst) {
        for (const [entity, v] of pop.byYear.get(y) ?? []) if (!result.has(entity)) result.set(entity, v);
      }
      byYear.set(year, result);
    }
    return result;
  }

  /** A group's value of an indicator for each year, with its coverage and the World Bank's own value. */
  async aggregateSeries(groupId: string, code: string, options: AggregateOptions = {}): Promise<AggregateSeries> {
    const ref = await this.ref();
    const group = await this.group(groupId);
    const indicator = await this.indicator(code);
    const rule = indicator.def.rule;
    const basis = options.basis ?? 'current';
    const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
    const impute = options.impute ?? DEFAULT_IMPUTE_OPTIONS;
    const values = await this.indicatorValues(code);
    const weights = rule.kind === 'weighted_mean' ? await this.indicatorValues(rule.weight).catch(() => null) : null;
    const wbCode = group.wbCode && ref.aggregates.has(group.wbCode) ? group.wbCode : null;
    const currentMembers = this.membersOn(ref, groupId, options.at ?? this.today());
    // The classification the World Bank's aggregates in the indicator's file use (regions and income groups).
    const kind = wbCode ? classificationKindOf(groupId) : null;
    const source = indicator.record ? indicator.vintages[0] : undefined;
    const wbFiscalYear = source ? classificationOfVintage(source) : null;
    const wbMemberships = kind ? [...ref.memberships.entries()].filter(([id]) => classificationKindOf(id) === kind).flatMap(([, list]) => list) : [];
    const years = values.years.filter((y) => (options.from === undefined || y >= options.from) && (options.to === undefined || y <= options.to));
    const rows: AggregateRow[] = [];
    for (const year of years) {
      const members = basis === 'current' ? currentMembers : this.membersOn(ref, groupId, endOfYear(year));
      const yearValues = values.byYear.get(year) ?? new Map<string, number>();
      const filled = imputeYear(values.byYear, year, members, impute);
      // A carried value is weighted by the member's weight of the year, else by its weight carried the same way.
      const yearWeights = weights ? imputeYear(weights.byYear, year, members, impute).values : null;
      const result = aggregate({
        rule,
        members,
        values: filled.values,
        population: await this.populationIn(year),
        minCoverage,
        imputedFrom: new Map(filled.carried.map((c) => [c.iso3, c.from])),
        ...(yearWeights ? { weights: yearWeights } : {}),
      });
      const missingLarge = result.missingLarge.map((m) => ({ ...m, latestYear: latestBefore(values, m.iso3, year) }));
      const wb = wbCode ? yearValues.get(wbCode) : undefined;
      let published: AggregateRow['published'] = null;
      let classification: ClassificationCheck | null = null;
      let compared = result.value;
      if (wb !== undefined && kind) {
        const membersOn = basis === 'current' ? (options.at ?? this.today()) : endOfYear(year);
        const checked = checkClassification({
          groupMemberships: ref.memberships.get(groupId) ?? [],
          allWbMemberships: wbMemberships,
          kind,
          members,
          membersOn,
          wbFiscalYear,
          known: (iso3) => ref.countries.has(iso3) || ref.economies.has(iso3),
        });
        classification = checked.check;
        if (options.compare === 'always') classification = { ...classification, basis: 'not_checked' };
        else if (classification.basis === 'recomputed' && checked.wbMembers) {
          compared = aggregate({
            rule,
            members: checked.wbMembers,
            values: yearValues,
            population: await this.populationIn(year),
            minCoverage,
            ...(weights ? { weights: weights.byYear.get(year) ?? new Map() } : {}),
          }).value;
        } else if (classification.basis !== 'same_members') compared = null;
      }
      const shown = wb !== undefined && (classification === null || classification.basis === 'same_members' || classification.basis === 'recomputed' || classification.basis === 'not_checked');
      if (wb !== undefined && shown) published = compared !== null ? compareWithPublished(compared, wb) : { worldBank: wb, observatory: null };
      rows.push({ year, ...result, missingLarge, published, classification });
    }
    return { group, indicator, rule, basis, minCoverage, impute, wbCode, rows };
  }

  /** Loads the reference and every indicator's values, so the first visitors after a data change do not wait. */
  async warm(): Promise<void> {
    const ref = await this.ref();
    for (const code of ref.indicators.keys()) await this.indicatorValues(code);
  }

  /** The most recent year with a value for the country, and that value. */
  async latest(code: string, entity: string, upTo?: number): Promise<{ year: number; value: number } | null> {
    const values = await this.indicatorValues(code);
    for (let i = values.years.length - 1; i >= 0; i--) {
      const year = values.years[i] as number;
      if (upTo !== undefined && year > upTo) continue;
      const v = values.byYear.get(year)?.get(entity);
      if (v !== undefined) return { year, value: v };
    }
    return null;
  }

  /** A country's rank among a group's members with data for a year (current members). */
  async rank(code: string, year: number, groupId: string, iso3: string): Promise<Rank | null> {
    const ref = await this.ref();
    const info = await this.indicator(code);
    const values = await this.indicatorValues(code);
    const members = this.membersOn(ref, groupId, this.today());
    if (!members.includes(iso3)) return null;
    return rankWithin(values.byYear.get(year) ?? new Map(), members, iso3, info.def.higherIsBetter ?? true);
  }

  /**
   * The world's value for a year (the Observatory's own aggregate), and the country's gap to it, with the
   * row it comes from (coverage, members left out, values carried).
   */
  async gapToWorld(code: string, year: number, value: number, impute?: ImputeOptions): Promise<{ world: number; gap: Gap; row: AggregateRow } | null> {
    const ref = await this.ref();
    if (!ref.groups.has(WORLD)) return null;
    const series = await this.aggregateSeries(WORLD, code, { from: year, to: year, ...(impute ? { impute } : {}) });
    const row = series.rows[0];
    const world = row?.value;
    if (!row || world === null || world === undefined) return null;
    return { world, gap: gapTo(value, world), row };
  }
}
