import type { Country, M49Area } from '../../domain/country.ts';
import type { Entity } from '../../domain/entity.ts';
import { ConflictError } from '../../domain/errors.ts';
import { DATE_PRECISIONS, type DatePrecision, type Group, type GroupKind, type Membership, type MembershipStatus } from '../../domain/group.ts';
import { fromPrecision, toPrecision } from '../../domain/groups/dated.ts';
import type { Localized } from '../../domain/lang.ts';
import { nameKey } from '../../domain/names.ts';
import { bumpDataVersion } from './sql-counters.ts';
import { equalities, isUniqueViolation, placeholders, type Database, type SqlValue, type Transaction } from './sql.ts';

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
  from_known: string | null;
  to_known: string | null;
  scheduled_to: string | null;
  scheduled_known: string | null;
  scheduled_source: string | null;
}

function precision(value: string | null): DatePrecision | undefined {
  return value !== null && (DATE_PRECISIONS as readonly string[]).includes(value) ? (value as DatePrecision) : undefined;
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

/** A membership as stored; the precisions are given only where they differ from the default (the day when dated). */
function parseMembership(r: MembershipRow): Membership {
  const fromKnown = precision(r.from_known);
  const toKnown = precision(r.to_known);
  const base = {
    from: r.date_from,
    to: r.date_to,
  };
  return {
    groupId: r.group_id,
    iso3: r.iso3,
    status: r.status as MembershipStatus,
    from: r.date_from,
    to: r.date_to,
    source: r.source,
    note: r.note,
    ...(fromKnown && fromKnown !== fromPrecision(base) ? { fromKnown } : {}),
    ...(toKnown && toKnown !== toPrecision(base) ? { toKnown } : {}),
    ...(r.scheduled_to ? { scheduledTo: { date: r.scheduled_to, known: precision(r.scheduled_known) ?? 'day', source: r.scheduled_source ?? '' } } : {}),
  };
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

/** Replaces the stored countries of these codes, inside an import's transaction. */
export async function writeCountries(tx: Transaction, countries: readonly Country[], vintageId: number): Promise<void> {
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
}

/** Replaces the stored entities of these codes, inside an import's transaction. */
export async function writeEntities(tx: Transaction, entities: readonly Entity[]): Promise<void> {
  for (const e of entities) {
    await tx.run(`DELETE FROM entity WHERE code = $1`, [e.code]);
    await tx.run(`INSERT INTO entity (code, name, kind) VALUES ($1, $2, $3)`, [e.code, e.name, e.kind]);
  }
}

/** Records the names a source gives its entities, by name key; a later source's name of the same key wins. */
export async function writeAliases(tx: Transaction, aliases: readonly { name: string; code: string }[], vintageId: number): Promise<void> {
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
}

/**
 * Writes group definitions and their memberships. By default it replaces what is stored under those ids;
 * with `replace: false` it only inserts, so a group created meanwhile by another transaction makes the
 * insert fail on the primary key instead of being silently replaced.
 */
export async function writeGroups(
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
    ['group_id', 'iso3', 'status', 'date_from', 'date_to', 'source', 'note', 'vintage_id', 'from_known', 'to_known', 'scheduled_to',
      'scheduled_known', 'scheduled_source'],
    ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer', 'text', 'text', 'text', 'text', 'text'],
    memberships.map((m) => [
      m.groupId,
      m.iso3,
      m.status,
      m.from,
      m.to,
      m.source,
      m.note ?? null,
      vintageId,
      fromPrecision(m),
      toPrecision(m),
      m.scheduledTo?.date ?? null,
      m.scheduledTo?.known ?? null,
      m.scheduledTo?.source ?? null,
    ]),
  );
}

/** Countries, other entities and their names, groups with their dated memberships, and user-defined groups. */
export class SqlGroups {
  constructor(private readonly db: Database) {}

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

  async aliases(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ name_key: string; code: string }>(`SELECT name_key, code FROM entity_alias`);
    return new Map(rows.map((r) => [r.name_key, r.code]));
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
    const { where, params } = equalities([
      ['group_id', filter.groupId],
      ['iso3', filter.iso3],
    ]);
    const rows = await this.db.query<MembershipRow>(
      `SELECT group_id, iso3, status, date_from, date_to, source, note, from_known, to_known, scheduled_to, scheduled_known, scheduled_source
       FROM membership
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
}
