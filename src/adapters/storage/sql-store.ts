import type { Country, M49Area } from '../../domain/country.ts';
import type { Group, GroupKind, Membership, MembershipStatus } from '../../domain/group.ts';
import type { Localized } from '../../domain/lang.ts';
import type { Observation } from '../../domain/observation.ts';
import { ConflictError } from '../../domain/errors.ts';
import { nameKey } from '../../domain/names.ts';
import type { DutyBaseLine } from '../../domain/moratorium/duty-base.ts';
import type { Estimate } from '../../domain/moratorium/estimate.ts';
import { isHsEdition, type HsEdition, type HsLink, type HsRelationship } from '../../domain/moratorium/hs.ts';
import type { ProductList } from '../../domain/moratorium/lists.ts';
import { vatLegislatedFromText, vatModelFromText, type VatEntry } from '../../domain/moratorium/vat.ts';
import { migrate } from './migrations.ts';
import { SqlRegistry } from './sql-registry.ts';
import { DUTY_BASE_QUERY, DutyBaseReader } from './moratorium-sql.ts';
import { placeholders, type Database, type SqlValue, type Transaction } from './sql.ts';
import type {
  Entity,
  ImportWriter,
  IndicatorRecord,
  NewVintage,
  ObservationQuery,
  ObservationRow,
  DutyBaseRequest,
  EstimateRequest,
  Store,
  TradeCoverage,
  Vintage,
} from './store.ts';

interface VintageRow {
  id: number;
  dataset: string;
  source: string;
  format: string;
  file_name: string | null;
  sha256: string;
  licence: string | null;
  source_url: string | null;
  published_at: string | null;
  imported_at: string;
  row_count: number;
  note: string | null;
}

interface CountryRow {
  iso3: string;
  iso2: string | null;
  m49: string | null;
  name_en: string;
  name_fr: string | null;
  name_es: string | null;
  name_pt: string | null;
  region_code: string | null;
  region_name: string | null;
  subregion_code: string | null;
  subregion_name: string | null;
  intermediate_code: string | null;
  intermediate_name: string | null;
}

interface GroupRow {
  id: string;
  kind: string;
  name_en: string;
  name_fr: string | null;
  name_es: string | null;
  name_pt: string | null;
  description_en: string | null;
  description_fr: string | null;
  description_es: string | null;
  description_pt: string | null;
  wb_code: string | null;
  source: string;
}

interface MembershipRow {
  group_id: string;
  iso3: string;
  status: string;
  date_from: string | null;
  date_to: string | null;
  source: string;
  note: string | null;
}

function parseVintage(r: VintageRow): Vintage {
  return {
    id: r.id,
    dataset: r.dataset,
    source: r.source,
    format: r.format,
    fileName: r.file_name,
    sha256: r.sha256,
    licence: r.licence,
    sourceUrl: r.source_url,
    publishedAt: r.published_at,
    importedAt: r.imported_at,
    rowCount: r.row_count,
    note: r.note,
  };
}

function localized(en: string, fr: string | null, es: string | null, pt: string | null): Localized {
  return { en, ...(fr ? { fr } : {}), ...(es ? { es } : {}), ...(pt ? { pt } : {}) };
}

function area(code: string | null, name: string | null): M49Area | null {
  return code && name ? { code, name } : null;
}

function parseCountry(r: CountryRow): Country {
  return {
    iso3: r.iso3,
    iso2: r.iso2,
    m49: r.m49,
    names: localized(r.name_en, r.name_fr, r.name_es, r.name_pt),
    region: area(r.region_code, r.region_name),
    subregion: area(r.subregion_code, r.subregion_name),
    intermediateRegion: area(r.intermediate_code, r.intermediate_name),
  };
}

function parseGroup(r: GroupRow): Group {
  return {
    id: r.id,
    kind: r.kind as GroupKind,
    names: localized(r.name_en, r.name_fr, r.name_es, r.name_pt),
    wbCode: r.wb_code,
    source: r.source,
    ...(r.description_en ? { description: localized(r.description_en, r.description_fr, r.description_es, r.description_pt) } : {}),
  };
}

function parseMembership(r: MembershipRow): Membership {
  return {
    groupId: r.group_id,
    iso3: r.iso3,
    status: r.status as MembershipStatus,
    from: r.date_from,
    to: r.date_to,
    source: r.source,
    note: r.note,
  };
}

const VINTAGE_COLUMNS = `id, dataset, source, format, file_name, sha256, licence, source_url, published_at, imported_at, row_count, note`;

/** A primary-key clash: PostgreSQL's SQLSTATE 23505, or DuckDB's duplicate-key constraint error. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === '23505' || /duplicate key/i.test(String(e?.message ?? ''));
}

async function bumpDataVersion(tx: Transaction): Promise<void> {
  await tx.run(`UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'data_version'`);
}

function groupValues(g: Group, vintageId: number | null, now: string): SqlValue[] {
  return [
    g.id,
    g.kind,
    g.names.en,
    g.names.fr ?? null,
    g.names.es ?? null,
    g.names.pt ?? null,
    g.description?.en ?? null,
    g.description?.fr ?? null,
    g.description?.es ?? null,
    g.description?.pt ?? null,
    g.wbCode,
    g.source,
    vintageId,
    now,
  ];
}

/**
 * Writes group definitions and their memberships. By default it replaces what is stored under those ids;
 * with `replace: false` it only inserts, so a group created meanwhile by another transaction makes the
 * insert fail on the primary key instead of being silently replaced.
 */
async function writeGroups(
  tx: Transaction,
  groups: readonly Group[],
  memberships: readonly Membership[],
  vintageId: number | null,
  { replace = true }: { replace?: boolean } = {},
): Promise<void> {
  const now = new Date().toISOString();
  const ids = groups.map((g) => g.id);
  for (const m of memberships) {
    if (!ids.includes(m.groupId)) throw new Error(`membership of ${m.iso3} names group ${m.groupId}, which this write does not define`);
  }
  if (ids.length && replace) {
    await tx.run(`DELETE FROM membership WHERE group_id IN (${placeholders(ids.length)})`, ids);
    await tx.run(`DELETE FROM country_group WHERE id IN (${placeholders(ids.length)})`, ids);
  }
  for (const g of groups) {
    await tx.run(
      `INSERT INTO country_group (id, kind, name_en, name_fr, name_es, name_pt, description_en, description_fr, description_es,
        description_pt, wb_code, source, vintage_id, updated_at) VALUES (${placeholders(14)})`,
      groupValues(g, vintageId, now),
    );
  }
  await tx.bulkInsert(
    'membership',
    ['group_id', 'iso3', 'status', 'date_from', 'date_to', 'source', 'note', 'vintage_id'],
    ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer'],
    memberships.map((m) => [m.groupId, m.iso3, m.status, m.from, m.to, m.source, m.note ?? null, vintageId]),
  );
}

interface IndicatorStats {
  name: string | null;
  observations: number;
  firstYear: number;
  lastYear: number;
}

async function rebuildDutyBase(tx: Transaction): Promise<void> {
  await tx.run(`DELETE FROM duty_base`);
  await tx.run(`INSERT INTO duty_base ${DUTY_BASE_QUERY}`);
}

interface VatEntryRow {
  vintage_id: number | string;
  iso3: string;
  rate: number | null;
  start_date: string | null;
  threshold_amount: number | null;
  threshold_currency: string | null;
  model: string | null;
  legislated: string;
  source: string;
  source_url: string | null;
  note: string | null;
  as_of: string | null;
}

interface ProductListRow {
  id: string;
  version: string;
  name: string;
  edition: string;
  source: string;
  lines: string;
}

/** The storage, written once in the SQL both engines understand. */
export class SqlStore implements Store {
  readonly registry: SqlRegistry;
  private readonly dutyBase: DutyBaseReader;

  private constructor(private readonly db: Database) {
    this.registry = new SqlRegistry(db, bumpDataVersion);
    this.dutyBase = new DutyBaseReader(db);
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

  async dataVersion(): Promise<number> {
    const rows = await this.db.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'data_version'`);
    return Number(rows[0]?.value ?? 0);
  }

  async findVintage(dataset: string, sha256: string): Promise<Vintage | null> {
    const rows = await this.db.query<VintageRow>(
      `SELECT ${VINTAGE_COLUMNS} FROM vintage WHERE dataset = $1 AND sha256 = $2 ORDER BY id DESC LIMIT 1`,
      [dataset, sha256],
    );
    return rows[0] ? parseVintage(rows[0]) : null;
  }

  async importVintage(meta: NewVintage, fill: (writer: ImportWriter) => Promise<void>): Promise<Vintage> {
    return this.db.transaction(async (tx) => {
      const [idRow] = await tx.query<{ id: number }>(`SELECT CAST(nextval('vintage_id_seq') AS INTEGER) AS id`);
      if (!idRow) throw new Error('the vintage sequence returned nothing');
      const vintageId = idRow.id;
      const importedAt = new Date().toISOString();
      await tx.run(
        `INSERT INTO vintage (${VINTAGE_COLUMNS}) VALUES (${placeholders(12)})`,
        [
          vintageId,
          meta.dataset,
          meta.source,
          meta.format,
          meta.fileName,
          meta.sha256,
          meta.licence,
          meta.sourceUrl,
          meta.publishedAt,
          importedAt,
          0,
          meta.note,
        ],
      );
      const stats = new Map<string, IndicatorStats>();
      let rowCount = 0;
      let dutyBaseStale = false;
      const writer: ImportWriter = {
        vintageId,
        upsertCountries: async (countries) => {
          for (const c of countries) {
            await tx.run(`DELETE FROM country WHERE iso3 = $1`, [c.iso3]);
          }
          await tx.bulkInsert(
            'country',
            ['iso3', 'iso2', 'm49', 'name_en', 'name_fr', 'name_es', 'name_pt', 'region_code', 'region_name', 'subregion_code',
              'subregion_name', 'intermediate_code', 'intermediate_name', 'vintage_id'],
            ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer'],
            countries.map((c) => [
              c.iso3,
              c.iso2,
              c.m49,
              c.names.en,
              c.names.fr ?? null,
              c.names.es ?? null,
              c.names.pt ?? null,
              c.region?.code ?? null,
              c.region?.name ?? null,
              c.subregion?.code ?? null,
              c.subregion?.name ?? null,
              c.intermediateRegion?.code ?? null,
              c.intermediateRegion?.name ?? null,
              vintageId,
            ]),
          );
          rowCount += countries.length;
        },
        upsertEntities: async (entities) => {
          for (const e of entities) {
            await tx.run(`DELETE FROM entity WHERE code = $1`, [e.code]);
            await tx.run(`INSERT INTO entity (code, name, kind) VALUES ($1, $2, $3)`, [e.code, e.name, e.kind]);
          }
        },
        replaceGroups: async (groups, memberships) => {
          await writeGroups(tx, groups, memberships, vintageId);
          rowCount += memberships.length;
        },
        nameIndicator: async (code, name) => {
          const s = stats.get(code);
          if (s) s.name = name;
          else stats.set(code, { name, observations: 0, firstYear: Infinity, lastYear: -Infinity });
        },
        addObservations: async (rows: readonly ObservationRow[]) => {
          for (const r of rows) {
            let s = stats.get(r.indicator);
            if (!s) stats.set(r.indicator, (s = { name: null, observations: 0, firstYear: Infinity, lastYear: -Infinity }));
            s.observations++;
            if (r.year < s.firstYear) s.firstYear = r.year;
            if (r.year > s.lastYear) s.lastYear = r.year;
          }
          await tx.bulkInsert(
            'observation',
            ['vintage_id', 'indicator', 'entity', 'year', 'value'],
            ['integer', 'text', 'text', 'integer', 'double'],
            rows.map((r) => [vintageId, r.indicator, r.entity, r.year, r.value]),
          );
          rowCount += rows.length;
        },
        addAliases: async (aliases) => {
          const byKey = new Map<string, { name: string; code: string }>();
          for (const a of aliases) {
            const key = nameKey(a.name);
            if (key) byKey.set(key, a);
          }
          if (byKey.size === 0) return;
          const keys = [...byKey.keys()];
          for (let i = 0; i < keys.length; i += 500) {
            const slice = keys.slice(i, i + 500);
            await tx.run(`DELETE FROM entity_alias WHERE name_key IN (${placeholders(slice.length)})`, slice);
          }
          await tx.bulkInsert(
            'entity_alias',
            ['name_key', 'code', 'name', 'vintage_id'],
            ['text', 'text', 'text', 'integer'],
            [...byKey].map(([key, a]) => [key, a.code, a.name, vintageId]),
          );
        },
        duplicates: async (limit = 5) =>
          tx.query(
            `SELECT indicator AS "indicator", entity AS "entity", year AS "year", CAST(COUNT(*) AS INTEGER) AS "count"
             FROM observation WHERE vintage_id = $1 GROUP BY indicator, entity, year HAVING COUNT(*) > 1
             ORDER BY indicator, entity, year LIMIT $2`,
            [vintageId, limit],
          ),
        addTradeFlows: async (rows) => {
          await tx.bulkInsert(
            'trade_flow',
            ['vintage_id', 'year', 'reporter', 'partner', 'line', 'hs6', 'edition', 'value_usd', 'quantity'],
            ['integer', 'integer', 'text', 'text', 'text', 'text', 'text', 'double', 'double'],
            rows.map((r) => [vintageId, r.year, r.reporter, r.partner, r.line, r.hs6, r.edition, r.valueUsd, r.quantity]),
          );
          rowCount += rows.length;
          dutyBaseStale ||= rows.length > 0;
        },
        addTariffLines: async (rows) => {
          await tx.bulkInsert(
            'tariff_line',
            ['vintage_id', 'year', 'reporter', 'line', 'hs6', 'edition', 'regime', 'scheme', 'rate'],
            ['integer', 'integer', 'text', 'text', 'text', 'text', 'text', 'text', 'double'],
            rows.map((r) => [vintageId, r.year, r.reporter, r.line, r.hs6, r.edition, r.regime, r.scheme ?? '', r.rate]),
          );
          rowCount += rows.length;
          dutyBaseStale ||= rows.length > 0;
        },
        addSchemeMembers: async (rows) => {
          await tx.bulkInsert(
            'scheme_member',
            ['vintage_id', 'scheme', 'partner', 'year_from', 'year_to'],
            ['integer', 'text', 'text', 'integer', 'integer'],
            rows.map((r) => [vintageId, r.scheme, r.partner, r.from, r.to]),
          );
          rowCount += rows.length;
          dutyBaseStale ||= rows.length > 0;
        },
        addHsLinks: async (rows) => {
          await tx.bulkInsert(
            'hs_link',
            ['vintage_id', 'from_edition', 'from_code', 'to_edition', 'to_code', 'relationship'],
            ['integer', 'text', 'text', 'text', 'text', 'text'],
            rows.map((r) => [vintageId, r.from, r.fromCode, r.to, r.toCode, r.relationship]),
          );
          rowCount += rows.length;
        },
        addCyberlawEntries: async (entries, why) => {
          rowCount += await this.registry.writeImported(tx, entries, vintageId, why);
        },
        addVatEntries: async (entries) => {
          await tx.bulkInsert(
            'vat_entry',
            ['vintage_id', 'iso3', 'rate', 'start_date', 'threshold_amount', 'threshold_currency', 'model', 'legislated', 'source', 'source_url', 'note', 'as_of'],
            ['integer', 'text', 'double', 'text', 'double', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
            entries.map((e) => [
              vintageId,
              e.iso3,
              e.rate,
              e.start,
              e.threshold?.amount ?? null,
              e.threshold?.currency ?? null,
              e.model,
              e.legislated,
              e.source,
              e.sourceUrl,
              e.note,
              e.asOf,
            ]),
          );
          rowCount += entries.length;
        },
      };
      await fill(writer);
      // A new vintage of a dataset replaces the previous one in the duty base; readers see the old base until commit.
      if (dutyBaseStale || (await this.replacesTradeData(tx, meta.dataset, vintageId))) await rebuildDutyBase(tx);

      for (const [code, s] of stats) {
        if (s.observations === 0) continue;
        const name = s.name ?? code;
        await tx.run(
          `INSERT INTO indicator_vintage (indicator, vintage_id, name, observations, first_year, last_year) VALUES ($1, $2, $3, $4, $5, $6)`,
          [code, vintageId, name, s.observations, s.firstYear, s.lastYear],
        );
        await tx.run(`DELETE FROM indicator WHERE code = $1`, [code]);
        await tx.run(`INSERT INTO indicator (code, name, vintage_id, updated_at) VALUES ($1, $2, $3, $4)`, [code, name, vintageId, importedAt]);
      }
      await tx.run(`UPDATE vintage SET row_count = $1 WHERE id = $2`, [rowCount, vintageId]);
      await bumpDataVersion(tx);
      return { ...meta, id: vintageId, importedAt, rowCount };
    });
  }

  async vintages(): Promise<Vintage[]> {
    const rows = await this.db.query<VintageRow>(`SELECT ${VINTAGE_COLUMNS} FROM vintage ORDER BY id DESC`);
    return rows.map(parseVintage);
  }

  async vintage(id: number): Promise<Vintage | null> {
    const rows = await this.db.query<VintageRow>(`SELECT ${VINTAGE_COLUMNS} FROM vintage WHERE id = $1`, [id]);
    return rows[0] ? parseVintage(rows[0]) : null;
  }

  async countries(): Promise<Country[]> {
    const rows = await this.db.query<CountryRow>(`SELECT * FROM country ORDER BY iso3`);
    return rows.map(parseCountry);
  }

  async country(iso3: string): Promise<Country | null> {
    const rows = await this.db.query<CountryRow>(`SELECT * FROM country WHERE iso3 = $1`, [iso3]);
    return rows[0] ? parseCountry(rows[0]) : null;
  }

  async entities(): Promise<Entity[]> {
    return this.db.query<Entity>(`SELECT code, name, kind FROM entity ORDER BY code`);
  }

  async groups(): Promise<Group[]> {
    const rows = await this.db.query<GroupRow>(`SELECT * FROM country_group ORDER BY id`);
    return rows.map(parseGroup);
  }

  async group(id: string): Promise<Group | null> {
    const rows = await this.db.query<GroupRow>(`SELECT * FROM country_group WHERE id = $1`, [id]);
    return rows[0] ? parseGroup(rows[0]) : null;
  }

  async memberships(filter: { groupId?: string; iso3?: string } = {}): Promise<Membership[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.groupId !== undefined) {
      params.push(filter.groupId);
      where.push(`group_id = $${params.length}`);
    }
    if (filter.iso3 !== undefined) {
      params.push(filter.iso3);
      where.push(`iso3 = $${params.length}`);
    }
    const rows = await this.db.query<MembershipRow>(
      `SELECT group_id, iso3, status, date_from, date_to, source, note FROM membership
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY group_id, iso3, date_from NULLS FIRST, status`,
      params,
    );
    return rows.map(parseMembership);
  }

  async saveUserGroup(group: Group, memberships: readonly Membership[], options: { create?: boolean } = {}): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        const existing = await tx.query<{ kind: string }>(`SELECT kind FROM country_group WHERE id = $1`, [group.id]);
        if (existing[0] && existing[0].kind !== 'user') {
          throw new ConflictError(`group ${group.id} is defined by a source and cannot be replaced by a user-defined group`);
        }
        if (existing[0] && options.create) throw new ConflictError(`group ${group.id} exists already`);
        await writeGroups(tx, [group], memberships, null, { replace: !options.create });
        await bumpDataVersion(tx);
      });
    } catch (error) {
      // Another transaction created the same group first (PostgreSQL lets it be seen only at its commit).
      if (isUniqueViolation(error)) throw new ConflictError(`group ${group.id} was created by another request meanwhile`);
      throw error;
    }
  }

  async deleteUserGroup(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const existing = await tx.query<{ kind: string }>(`SELECT kind FROM country_group WHERE id = $1`, [id]);
      if (!existing[0]) return false;
      if (existing[0].kind !== 'user') throw new ConflictError(`group ${id} is defined by a source and cannot be deleted`);
      await tx.run(`DELETE FROM membership WHERE group_id = $1`, [id]);
      await tx.run(`DELETE FROM country_group WHERE id = $1`, [id]);
      await bumpDataVersion(tx);
      return true;
    });
  }

  async aliases(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ name_key: string; code: string }>(`SELECT name_key, code FROM entity_alias`);
    return new Map(rows.map((r) => [r.name_key, r.code]));
  }

  async indicators(): Promise<IndicatorRecord[]> {
    return this.db.query<IndicatorRecord>(
      `SELECT i.code AS "code", i.name AS "name", i.vintage_id AS "vintageId", iv.observations AS "observations",
              iv.first_year AS "firstYear", iv.last_year AS "lastYear"
       FROM indicator i JOIN indicator_vintage iv ON iv.indicator = i.code AND iv.vintage_id = i.vintage_id
       ORDER BY i.code`,
    );
  }

  async indicatorHistory(code: string): Promise<(IndicatorRecord & { current: boolean })[]> {
    return this.db.query(
      `SELECT iv.indicator AS "code", iv.name AS "name", iv.vintage_id AS "vintageId", iv.observations AS "observations",
              iv.first_year AS "firstYear", iv.last_year AS "lastYear",
              (i.vintage_id IS NOT NULL) AS "current"
       FROM indicator_vintage iv LEFT JOIN indicator i ON i.code = iv.indicator AND i.vintage_id = iv.vintage_id
       WHERE iv.indicator = $1 ORDER BY iv.vintage_id DESC`,
      [code],
    );
  }

  async observations(query: ObservationQuery): Promise<Observation[]> {
    if (query.indicators.length === 0) return [];
    const params: SqlValue[] = [...query.indicators];
    const where = [`o.indicator IN (${placeholders(query.indicators.length)})`];
    let join: string;
    if (query.vintageId !== undefined) {
      params.push(query.vintageId);
      where.push(`o.vintage_id = $${params.length}`);
      join = '';
    } else {
      join = `JOIN indicator i ON i.code = o.indicator AND i.vintage_id = o.vintage_id`;
    }
    if (query.entities) {
      if (query.entities.length === 0) return [];
      where.push(`o.entity IN (${placeholders(query.entities.length, params.length + 1)})`);
      params.push(...query.entities);
    }
    if (query.from !== undefined) {
      params.push(query.from);
      where.push(`o.year >= $${params.length}`);
    }
    if (query.to !== undefined) {
      params.push(query.to);
      where.push(`o.year <= $${params.length}`);
    }
    return this.db.query<Observation>(
      `SELECT o.indicator AS "indicator", o.entity AS "entity", o.year AS "year", o.value AS "value", o.vintage_id AS "vintageId"
       FROM observation o ${join} WHERE ${where.join(' AND ')} ORDER BY o.indicator, o.entity, o.year`,
      params,
    );
  }

  /** Whether an earlier vintage of this dataset held trade, tariffs or schemes, which the new vintage now hides. */
  private async replacesTradeData(tx: Transaction, dataset: string, vintageId: number): Promise<boolean> {
    const rows = await tx.query<{ n: number }>(
      `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM vintage v WHERE v.dataset = $1 AND v.id <> $2 AND (
         EXISTS (SELECT 1 FROM trade_flow t WHERE t.vintage_id = v.id) OR EXISTS (SELECT 1 FROM tariff_line t WHERE t.vintage_id = v.id)
         OR EXISTS (SELECT 1 FROM scheme_member t WHERE t.vintage_id = v.id))`,
      [dataset, vintageId],
    );
    return (rows[0]?.n ?? 0) > 0;
  }

  async hsLinks(a: HsEdition, b: HsEdition): Promise<HsLink[]> {
    const rows = await this.db.query<{ from_edition: string; from_code: string; to_edition: string; to_code: string; relationship: string }>(
      `SELECT from_edition, from_code, to_edition, to_code, relationship FROM hs_link
       WHERE vintage_id IN (SELECT MAX(id) FROM vintage GROUP BY dataset)
         AND ((from_edition = $1 AND to_edition = $2) OR (from_edition = $2 AND to_edition = $1))
       ORDER BY from_code, to_code`,
      [a, b],
    );
    return rows.map((r) => ({
      from: r.from_edition as HsEdition,
      fromCode: r.from_code,
      to: r.to_edition as HsEdition,
      toCode: r.to_code,
      relationship: r.relationship as HsRelationship,
    }));
  }

  async productLists(): Promise<ProductList[]> {
    const rows = await this.db.query<ProductListRow>(`SELECT id, version, name, edition, source, lines FROM product_list ORDER BY id`);
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      name: r.name,
      edition: isHsEdition(r.edition) ? r.edition : 'HS2022',
      source: r.source,
      lines: r.lines.split(',').filter(Boolean),
      builtIn: false,
    }));
  }

  async saveProductList(list: ProductList, options: { create?: boolean } = {}): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        if (!options.create) await tx.run(`DELETE FROM product_list WHERE id = $1`, [list.id]);
        else if ((await tx.query(`SELECT 1 FROM product_list WHERE id = $1`, [list.id])).length) {
          throw new ConflictError(`product list ${list.id} exists already`);
        }
        await tx.run(
          `INSERT INTO product_list (id, version, name, edition, source, lines, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [list.id, list.version, list.name, list.edition, list.source, list.lines.join(','), new Date().toISOString()],
        );
        await bumpDataVersion(tx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`product list ${list.id} was created by another request meanwhile`);
      throw error;
    }
  }

  async deleteProductList(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const existing = await tx.query(`SELECT 1 FROM product_list WHERE id = $1`, [id]);
      if (!existing.length) return false;
      await tx.run(`DELETE FROM product_list WHERE id = $1`, [id]);
      await bumpDataVersion(tx);
      return true;
    });
  }

  async tradeCoverage(): Promise<TradeCoverage[]> {
    const current = `(SELECT MAX(id) FROM vintage GROUP BY dataset)`;
    const trade = await this.db.query<{ reporter: string; edition: string; first_year: number; last_year: number; imports: number; n: number; vintages: string }>(
      `SELECT reporter, edition, MIN(year) AS first_year, MAX(year) AS last_year, SUM(value_usd) AS imports,
              CAST(COUNT(*) AS INTEGER) AS n, STRING_AGG(DISTINCT CAST(vintage_id AS TEXT), ',') AS vintages
       FROM trade_flow WHERE vintage_id IN ${current} GROUP BY reporter, edition ORDER BY reporter, edition`,
    );
    const tariffs = await this.db.query<{ reporter: string; vintages: string; years: string }>(
      `SELECT reporter, STRING_AGG(DISTINCT CAST(vintage_id AS TEXT), ',') AS vintages, STRING_AGG(DISTINCT CAST(year AS TEXT), ',') AS years
       FROM tariff_line WHERE vintage_id IN ${current} GROUP BY reporter`,
    );
    const byReporter = new Map(tariffs.map((t) => [t.reporter, t]));
    const numbers = (text: string | undefined) => (text ? text.split(',').map(Number).sort((a, b) => a - b) : []);
    return trade.map((t) => ({
      reporter: t.reporter,
      edition: t.edition as HsEdition,
      firstYear: Number(t.first_year),
      lastYear: Number(t.last_year),
      importsUsd: Number(t.imports),
      rows: t.n,
      tradeVintages: numbers(t.vintages),
      tariffVintages: numbers(byReporter.get(t.reporter)?.vintages),
      tariffYears: numbers(byReporter.get(t.reporter)?.years),
    }));
  }

  estimateDuties(request: EstimateRequest): Promise<Estimate> {
    return this.dutyBase.estimate(request);
  }

  dutyBaseLines(request: DutyBaseRequest): Promise<DutyBaseLine[]> {
    return this.dutyBase.lines(request);
  }

  get dutyBaseScans(): number {
    return this.dutyBase.scans;
  }

  async vatEntries(): Promise<(VatEntry & { vintageId: number })[]> {
    const rows = await this.db.query<VatEntryRow>(
      `SELECT vintage_id, iso3, rate, start_date, threshold_amount, threshold_currency, model, legislated, source, source_url, note, as_of
       FROM vat_entry WHERE vintage_id IN (SELECT MAX(id) FROM vintage GROUP BY dataset)
       ORDER BY iso3, as_of NULLS FIRST, vintage_id, source`,
    );
    return rows.map((r) => ({
      iso3: r.iso3,
      rate: r.rate === null ? null : Number(r.rate),
      start: r.start_date,
      threshold: r.threshold_amount === null ? null : { amount: Number(r.threshold_amount), currency: r.threshold_currency },
      model: r.model === null ? null : vatModelFromText(r.model),
      legislated: vatLegislatedFromText(r.legislated) ?? 'no data',
      source: r.source,
      sourceUrl: r.source_url,
      note: r.note,
      asOf: r.as_of,
      vintageId: Number(r.vintage_id),
    }));
  }

  async refreshDutyBase(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await rebuildDutyBase(tx);
      await bumpDataVersion(tx);
    });
  }
}
