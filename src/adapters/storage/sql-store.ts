import type { Country } from '../../domain/country.ts';
import type { Entity } from '../../domain/entity.ts';
import type { Group, Membership } from '../../domain/group.ts';
import type { TradeCoverage } from '../../domain/moratorium/coverage.ts';
import type { DutyBaseLine } from '../../domain/moratorium/duty-base.ts';
import type { Estimate } from '../../domain/moratorium/estimate.ts';
import type { HsEdition, HsLink } from '../../domain/moratorium/hs.ts';
import type { ProductList } from '../../domain/moratorium/lists.ts';
import type { VatEntry } from '../../domain/moratorium/vat.ts';
import type { VatRate } from '../../domain/moratorium/vat-rates.ts';
import type { Observation } from '../../domain/observation.ts';
import type { StoredQualityFlag } from '../../domain/quality.ts';
import type { IndicatorRecord, NewVintage, Vintage } from '../../domain/vintage.ts';
import { migrate } from './migrations.ts';
import { bumpDataVersion, dataVersion } from './sql-counters.ts';
import { SqlGroups } from './sql-groups.ts';
import { SqlIndicators } from './sql-indicators.ts';
import { SqlMoratoriumStore } from './sql-moratorium-store.ts';
import { readQualityFlags, type QualityFlagQuery } from './sql-quality.ts';
import { SqlRegistry } from './sql-registry.ts';
import { SqlVintages } from './sql-vintages.ts';
import type { Database } from './sql.ts';
import type { DutyBaseRequest, EstimateRequest, ImportWriter, ObservationQuery, Store } from './store.ts';
import { readPeriods, type StoredPeriod } from './sql-periods.ts';
import { readEtready } from './sql-etready.ts';
import { readStrategies, type StoredStrategies } from './sql-strategies.ts';
import { readMatrix, readReviews, type StoredMatrix, type StoredReviews } from './sql-etready-matrix.ts';
import { readStrategyMeasures, type StoredMeasures } from './sql-strategy-measures.ts';
import type { EtreadyEvent } from '../../domain/etready/status.ts';
import type { StoredMethodVersion } from '../../domain/readiness/user-methods.ts';
import { readReadinessMethods, writeReadinessMethod, type NewMethodVersion } from './sql-readiness-methods.ts';

/**
 * The storage, written once in the SQL both engines understand: one part per aggregate (vintages and
 * imports, countries and groups, indicators, the moratorium's data, the registries) over one database.
 */
export class SqlStore implements Store {
  readonly registry: SqlRegistry;
  private readonly vintageStore: SqlVintages;
  private readonly groupStore: SqlGroups;
  private readonly indicatorStore: SqlIndicators;
  private readonly moratoriumStore: SqlMoratoriumStore;

  private constructor(private readonly db: Database) {
    this.registry = new SqlRegistry(db, bumpDataVersion);
    this.vintageStore = new SqlVintages(db, (tx, entries, vintageId, why) => this.registry.writeImported(tx, entries, vintageId, why));
    this.groupStore = new SqlGroups(db);
    this.indicatorStore = new SqlIndicators(db);
    this.moratoriumStore = new SqlMoratoriumStore(db);
  }

  /** Opens a store over a database, bringing its schema up to date. */
  static async open(db: Database): Promise<SqlStore> {
    await migrate(db);
    return new SqlStore(db);
  }

  get engine() {
    return this.db.engine;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  dataVersion(): Promise<number> {
    return dataVersion(this.db);
  }

  findVintage(dataset: string, sha256: string): Promise<Vintage | null> {
    return this.vintageStore.findVintage(dataset, sha256);
  }

  importVintage(meta: NewVintage, fill: (writer: ImportWriter) => Promise<void>): Promise<Vintage> {
    return this.vintageStore.importVintage(meta, fill);
  }

  vintages(): Promise<Vintage[]> {
    return this.vintageStore.vintages();
  }

  vintage(id: number): Promise<Vintage | null> {
    return this.vintageStore.vintage(id);
  }

  countries(): Promise<Country[]> {
    return this.groupStore.countries();
  }

  country(iso3: string): Promise<Country | null> {
    return this.groupStore.country(iso3);
  }

  entities(): Promise<Entity[]> {
    return this.groupStore.entities();
  }

  groups(): Promise<Group[]> {
    return this.groupStore.groups();
  }

  group(id: string): Promise<Group | null> {
    return this.groupStore.group(id);
  }

  memberships(filter?: { groupId?: string; iso3?: string }): Promise<Membership[]> {
    return this.groupStore.memberships(filter);
  }

  saveUserGroup(group: Group, memberships: readonly Membership[], options?: { create?: boolean }): Promise<void> {
    return this.groupStore.saveUserGroup(group, memberships, options);
  }

  deleteUserGroup(id: string): Promise<boolean> {
    return this.groupStore.deleteUserGroup(id);
  }

  aliases(): Promise<Map<string, string>> {
    return this.groupStore.aliases();
  }

  indicators(): Promise<IndicatorRecord[]> {
    return this.indicatorStore.indicators();
  }

  indicatorHistory(code: string): Promise<(IndicatorRecord & { current: boolean })[]> {
    return this.indicatorStore.indicatorHistory(code);
  }

  observations(query: ObservationQuery): Promise<Observation[]> {
    return this.indicatorStore.observations(query);
  }

  hsLinks(a: HsEdition, b: HsEdition): Promise<HsLink[]> {
    return this.moratoriumStore.hsLinks(a, b);
  }

  productLists(): Promise<ProductList[]> {
    return this.moratoriumStore.productLists();
  }

  saveProductList(list: ProductList, options?: { create?: boolean }): Promise<void> {
    return this.moratoriumStore.saveProductList(list, options);
  }

  deleteProductList(id: string): Promise<boolean> {
    return this.moratoriumStore.deleteProductList(id);
  }

  tradeCoverage(): Promise<TradeCoverage[]> {
    return this.moratoriumStore.tradeCoverage();
  }

  estimateDuties(request: EstimateRequest): Promise<Estimate> {
    return this.moratoriumStore.estimateDuties(request);
  }

  dutyBaseLines(request: DutyBaseRequest): Promise<DutyBaseLine[]> {
    return this.moratoriumStore.dutyBaseLines(request);
  }

  qualityFlags(query?: QualityFlagQuery): Promise<StoredQualityFlag[]> {
    return readQualityFlags(this.db, query);
  }

  get dutyBaseScans(): number {
    return this.moratoriumStore.dutyBaseScans;
  }

  vatEntries(): Promise<(VatEntry & { vintageId: number })[]> {
    return this.moratoriumStore.vatEntries();
  }

  vatRates(): Promise<(VatRate & { vintageId: number })[]> {
    return this.moratoriumStore.vatRates();
  }

  datedPeriods(): Promise<StoredPeriod[]> {
    return readPeriods(this.db);
  }

  etreadyStatuses(): Promise<EtreadyEvent[]> {
    return readEtready(this.db);
  }

  strategies(): Promise<StoredStrategies> {
    return readStrategies(this.db);
  }

  etreadyMatrix(): Promise<StoredMatrix> {
    return readMatrix(this.db);
  }

  etreadyReviews(): Promise<StoredReviews> {
    return readReviews(this.db);
  }

  strategyMeasures(): Promise<StoredMeasures> {
    return readStrategyMeasures(this.db);
  }

  refreshDutyBase(): Promise<void> {
    return this.moratoriumStore.refreshDutyBase();
  }

  readinessMethods(id?: string): Promise<StoredMethodVersion[]> {
    return readReadinessMethods(this.db, id);
  }

  saveReadinessMethod(input: NewMethodVersion): Promise<StoredMethodVersion> {
    return writeReadinessMethod(this.db, input);
  }
}
