import type { Country } from '../../domain/country.ts';
import type { Entity } from '../../domain/entity.ts';
import type { Group, Membership } from '../../domain/group.ts';
import type { CyberlawEntry } from '../../domain/cyberlaw.ts';
import type { TradeCoverage } from '../../domain/moratorium/coverage.ts';
import type { DutyBaseLine } from '../../domain/moratorium/duty-base.ts';
import type { Estimate, LineFactor } from '../../domain/moratorium/estimate.ts';
import type { HsEdition, HsLink } from '../../domain/moratorium/hs.ts';
import type { ProductList } from '../../domain/moratorium/lists.ts';
import type { Rollup, TariffMeasure } from '../../domain/moratorium/options.ts';
import type { SchemeMember, TariffLine, TradeFlow } from '../../domain/moratorium/trade.ts';
import type { VatEntry } from '../../domain/moratorium/vat.ts';
import type { VatRate } from '../../domain/moratorium/vat-rates.ts';
import type { Observation } from '../../domain/observation.ts';
import type { QualityFlag, StoredQualityFlag } from '../../domain/quality.ts';
import type { IndicatorRecord, NewVintage, Vintage } from '../../domain/vintage.ts';
import type { ReadRegistryStore, RegistryStore } from './registry-store.ts';
import type { Engine } from './sql.ts';
import type { QualityFlagQuery } from './sql-quality.ts';
import type { StoredPeriod } from './sql-periods.ts';
import type { EtreadyEvent } from '../../domain/etready/status.ts';
import type { Checkpoint, Strategy } from '../../domain/strategies/checkpoints.ts';
import type { StoredStrategies } from './sql-strategies.ts';
import type { NewMethodVersion } from './sql-readiness-methods.ts';
import type { StoredMethodVersion } from '../../domain/readiness/user-methods.ts';
import type { Recommendation } from '../../domain/etready/matrix.ts';
import type { ReviewCheckpoint } from '../../domain/etready/reviews.ts';
import type { StoredMatrix, StoredReviews } from './sql-etready-matrix.ts';
import type { Measure } from '../../domain/strategies/measures.ts';
import type { StoredMeasures } from './sql-strategy-measures.ts';
import type { DatedPeriod, PeriodKind } from '../../domain/moratorium/periods.ts';

export type { QualityFlagQuery } from './sql-quality.ts';

export interface ObservationRow {
  indicator: string;
  entity: string;
  year: number;
  value: number;
}

export interface ObservationQuery {
  indicators: readonly string[];
  entities?: readonly string[];
  from?: number;
  to?: number;
  /** Read this vintage instead of the current one. */
  vintageId?: number;
}

/** What an import may write; everything lands together or not at all. */
export interface ImportWriter {
  readonly vintageId: number;
  upsertCountries(countries: readonly Country[]): Promise<void>;
  upsertEntities(entities: readonly Entity[]): Promise<void>;
  /** Replaces the definitions and memberships of these groups with the ones given. */
  replaceGroups(groups: readonly Group[], memberships: readonly Membership[]): Promise<void>;
  /** Names an indicator of this vintage (the name the source gives it). */
  nameIndicator(code: string, name: string): Promise<void>;
  addObservations(rows: readonly ObservationRow[]): Promise<void>;
  /** Records the names under which the source writes entities, to match sources that give names only. */
  addAliases(aliases: readonly { name: string; code: string }[]): Promise<void>;
  /** Indicator, entity and year combinations written more than once in this vintage (a few, for the message). */
  duplicates(limit?: number): Promise<{ indicator: string; entity: string; year: number; count: number }[]>;
  /** Imports by reporter, partner, line and year (BACI, Comtrade, national statistics). */
  addTradeFlows(rows: readonly TradeFlow[]): Promise<void>;
  /** Tariff rates by reporter, national line, year and regime (MFN, bound, preferential scheme). */
  addTariffLines(rows: readonly TariffLine[]): Promise<void>;
  /** Which partners are entitled to which preference scheme, and when. */
  addSchemeMembers(rows: readonly SchemeMember[]): Promise<void>;
  /** Links of a UNSD HS correlation table. */
  addHsLinks(rows: readonly HsLink[]): Promise<void>;
  /** A cyberlaw tracker edition's statuses: each becomes the next version of its country and area (history kept). */
  addCyberlawEntries(entries: readonly Omit<CyberlawEntry, 'version'>[], why: string): Promise<void>;
  /** What a source says about VAT/GST on digital supplies, per country (see domain/moratorium/vat.ts). */
  addVatEntries(entries: readonly VatEntry[]): Promise<void>;
  /** What looks wrong at the source in this vintage (domain/quality.ts), stored with it. */
  addQualityFlags(flags: readonly QualityFlag[]): Promise<void>;
  /** Standard VAT/GST rates of one source table (domain/moratorium/vat-rates.ts). */
  addVatRates(rates: readonly VatRate[]): Promise<void>;
  /** The dates of the trade periods or tariff schedules the vintage gives (domain/moratorium/periods.ts). */
  addPeriods(kind: PeriodKind, periods: readonly DatedPeriod[]): Promise<void>;
  /** Dated statuses of eTrade Readiness Assessments (domain/etready/status.ts). */
  addEtready(events: readonly EtreadyEvent[]): Promise<void>;
  /** E-commerce strategies and their published checkpoints (domain/strategies/checkpoints.ts). */
  addStrategies(strategies: readonly Strategy[], checkpoints: readonly Checkpoint[]): Promise<void>;
  /** The recommendations of eT Ready action matrices, with their dated statuses (domain/etready/matrix.ts). */
  addEtreadyMatrix(recommendations: readonly Recommendation[]): Promise<void>;
  /** The published results of eT Ready implementation reviews (domain/etready/reviews.ts). */
  addEtreadyReviews(reviews: readonly ReviewCheckpoint[]): Promise<void>;
  /** The measures of strategies with their dated statuses (domain/strategies/measures.ts). */
  addStrategyMeasures(measures: readonly Measure[]): Promise<void>;
}

export interface EstimateRequest {
  /** ISO3 codes; null for every reporter with imports. */
  reporters: readonly string[] | null;
  from: number | null;
  to: number | null;
  measure: TariffMeasure;
  rollup: Rollup;
  elasticity: number;
  /** The listed lines of each edition, with the factor s(k) × valuation that multiplies their imports. */
  factors: readonly LineFactor[];
  /** Also compute the per-line breakdown (the full sweep needs the reporter-year totals only). */
  lines: boolean;
}

/** A target's duty base: the reporters (null for all), the years and the listed lines of each edition. */
export interface DutyBaseRequest {
  reporters: readonly string[] | null;
  from: number | null;
  to: number | null;
  lines: readonly { edition: HsEdition; hs6: string }[];
}

/**
 * What the Observatory's storage answers, without any method that writes: a caller handed a ReadStore
 * cannot change the data, by type.
 */
export interface ReadStore {
  readonly engine: Engine;
  /** Cyberlaw statuses, questionnaire answers, accounts, proposals and the audit log, read only. */
  readonly registry: ReadRegistryStore;

  /** Increases with every write; caches of derived pages key on it. */
  dataVersion(): Promise<number>;

  findVintage(dataset: string, sha256: string): Promise<Vintage | null>;
  vintages(): Promise<Vintage[]>;
  vintage(id: number): Promise<Vintage | null>;

  countries(): Promise<Country[]>;
  country(iso3: string): Promise<Country | null>;
  entities(): Promise<Entity[]>;

  groups(): Promise<Group[]>;
  group(id: string): Promise<Group | null>;
  memberships(filter?: { groupId?: string; iso3?: string }): Promise<Membership[]>;

  /** Entity codes by name key (see domain/names.ts), from every source that gave names with its codes. */
  aliases(): Promise<Map<string, string>>;

  indicators(): Promise<IndicatorRecord[]>;
  /** Every vintage's coverage of an indicator, newest first. */
  indicatorHistory(code: string): Promise<(IndicatorRecord & { current: boolean })[]>;
  observations(query: ObservationQuery): Promise<Observation[]>;

  /** The current links between two HS editions (either direction as stored). */
  hsLinks(a: HsEdition, b: HsEdition): Promise<HsLink[]>;
  /** User-defined product lists (the built-in ones live in the domain). */
  productLists(): Promise<ProductList[]>;
  /** Per reporter and edition: the imports and tariffs the estimator can use, from the current vintages. */
  tradeCoverage(): Promise<TradeCoverage[]>;
  /** The revenue estimate over the duty base (domain/moratorium/estimate.ts states the same method). */
  estimateDuties(request: EstimateRequest): Promise<Estimate>;
  /**
   * The duty base of a target's listed lines per reporter, year and line, with every rate an estimate may
   * use, in one scan: every variant of the estimate is computed from it (domain/moratorium/duty-base.ts).
   */
  dutyBaseLines(request: DutyBaseRequest): Promise<DutyBaseLine[]>;
  /** Scans of the duty base since the store was opened: estimates and reads of the base. */
  readonly dutyBaseScans: number;
  /**
   * VAT/GST entries of the current vintage of each dataset (tracker editions, registries), with the vintage
   * each comes from, by country; unmerged (domain/moratorium/vat.ts mergeVatEntries merges them).
   */
  vatEntries(): Promise<(VatEntry & { vintageId: number })[]>;
  /** Data-quality flags of the vintages asked for (by default the latest vintage of each dataset). */
  qualityFlags(query?: QualityFlagQuery): Promise<StoredQualityFlag[]>;
  /** The standard VAT/GST rates of the current vintages, every source, unchosen (chooseStandardRates chooses). */
  vatRates(): Promise<(VatRate & { vintageId: number })[]>;
  /** The dates of trade periods and tariff schedules of the current vintages (years without one are calendar years). */
  datedPeriods(): Promise<StoredPeriod[]>;
  /** The dated statuses of eTrade Readiness Assessments of the current vintages. */
  etreadyStatuses(): Promise<EtreadyEvent[]>;
  /** The e-commerce strategies and their published checkpoints, current vintages. */
  strategies(): Promise<StoredStrategies>;
  /** Every version of the user-defined readiness methods (of one method with `id`), by id then version. */
  readinessMethods(id?: string): Promise<StoredMethodVersion[]>;
  /** The recommendations of the eT Ready action matrices, current vintages. */
  etreadyMatrix(): Promise<StoredMatrix>;
  /** The published eT Ready implementation reviews, current vintages. */
  etreadyReviews(): Promise<StoredReviews>;
  /** The measures of strategies with their dated statuses, current vintages. */
  strategyMeasures(): Promise<StoredMeasures>;
}

/** The Observatory's storage, the same on the embedded engine and on PostgreSQL: the reads and the writes. */
export interface Store extends ReadStore {
  /** Cyberlaw statuses, questionnaire answers, accounts, proposals and the audit log. */
  readonly registry: RegistryStore;
  close(): Promise<void>;

  /**
   * Runs an import as one transaction: a new vintage row, then whatever `fill` writes. If `fill` throws,
   * nothing is kept and the previous vintages stay as they were. Indicators the vintage covers become current.
   */
  importVintage(meta: NewVintage, fill: (writer: ImportWriter) => Promise<void>): Promise<Vintage>;

  /**
   * Creates or replaces a user-defined group and its members, in one transaction. With `create`, an existing
   * group of that id is a ConflictError (so two concurrent creations cannot both succeed); a group defined
   * by a source always is.
   */
  saveUserGroup(group: Group, memberships: readonly Membership[], options?: { create?: boolean }): Promise<void>;
  /** Deletes a user-defined group; false when there was none. */
  deleteUserGroup(id: string): Promise<boolean>;

  /** Creates or replaces a user-defined list; with `create`, an existing id is a ConflictError. */
  saveProductList(list: ProductList, options?: { create?: boolean }): Promise<void>;
  deleteProductList(id: string): Promise<boolean>;
  /** Rebuilds the duty base from the current vintages; imports do it themselves, this is for benchmarks and repairs. */
  refreshDutyBase(): Promise<void>;
  /** Stores a readiness method's next version with its audit entry; a stale `baseVersion` is a StaleVersionError. */
  saveReadinessMethod(input: NewMethodVersion): Promise<StoredMethodVersion>;
}
