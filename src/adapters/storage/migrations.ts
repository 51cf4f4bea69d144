import { DUTY_BASE_V3_QUERY } from './duty-base-v3-sql.ts';
import { DUTY_BASE_QUERY } from './moratorium-sql.ts';
import type { Database, Engine } from './sql.ts';

/** A numbered schema change. Statements keep to the SQL both engines understand, unless split by engine. */
export interface Migration {
  version: number;
  name: string;
  statements: (engine: Engine) => string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'countries, groups, vintages and observations',
    statements: (engine) => [
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `INSERT INTO meta (key, value) VALUES ('data_version', '0')`,
      `CREATE SEQUENCE vintage_id_seq START 1`,
      `CREATE TABLE vintage (
        id INTEGER PRIMARY KEY,
        dataset TEXT NOT NULL,
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        file_name TEXT,
        sha256 TEXT NOT NULL,
        licence TEXT,
        source_url TEXT,
        published_at TEXT,
        imported_at TEXT NOT NULL,
        row_count INTEGER NOT NULL DEFAULT 0,
        note TEXT
      )`,
      `CREATE TABLE country (
        iso3 TEXT PRIMARY KEY,
        iso2 TEXT,
        m49 TEXT,
        name_en TEXT NOT NULL,
        name_fr TEXT,
        name_es TEXT,
        name_pt TEXT,
        region_code TEXT,
        region_name TEXT,
        subregion_code TEXT,
        subregion_name TEXT,
        intermediate_code TEXT,
        intermediate_name TEXT,
        vintage_id INTEGER
      )`,
      `CREATE TABLE entity (code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL)`,
      `CREATE TABLE country_group (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name_en TEXT NOT NULL,
        name_fr TEXT,
        name_es TEXT,
        name_pt TEXT,
        description_en TEXT,
        description_fr TEXT,
        description_es TEXT,
        description_pt TEXT,
        wb_code TEXT,
        source TEXT NOT NULL,
        vintage_id INTEGER,
        updated_at TEXT NOT NULL
      )`,
      `CREATE TABLE membership (
        group_id TEXT NOT NULL,
        iso3 TEXT NOT NULL,
        status TEXT NOT NULL,
        date_from TEXT,
        date_to TEXT,
        source TEXT NOT NULL,
        note TEXT,
        vintage_id INTEGER
      )`,
      `CREATE TABLE indicator (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        vintage_id INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE TABLE indicator_vintage (
        indicator TEXT NOT NULL,
        vintage_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        observations INTEGER NOT NULL,
        first_year INTEGER,
        last_year INTEGER,
        PRIMARY KEY (indicator, vintage_id)
      )`,
      `CREATE TABLE observation (
        vintage_id INTEGER NOT NULL,
        indicator TEXT NOT NULL,
        entity TEXT NOT NULL,
        year INTEGER NOT NULL,
        value DOUBLE PRECISION NOT NULL
      )`,
      // DuckDB scans columns fast without one; PostgreSQL needs it for every indicator lookup.
      ...(engine === 'postgres'
        ? [
            `CREATE INDEX observation_lookup ON observation (indicator, vintage_id, entity, year)`,
            `CREATE INDEX membership_group ON membership (group_id)`,
            `CREATE INDEX membership_country ON membership (iso3)`,
          ]
        : []),
    ],
  },
  {
    version: 2,
    name: 'names under which sources write countries',
    statements: () => [
      // Sources that identify countries by name only (WITS) are matched through the names other sources gave.
      `CREATE TABLE entity_alias (name_key TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, vintage_id INTEGER)`,
    ],
  },
  {
    version: 3,
    name: 'trade, tariffs, preference schemes, HS correlations and product lists',
    statements: (engine) => [
      `CREATE TABLE trade_flow (
        vintage_id INTEGER NOT NULL,
        year INTEGER NOT NULL,
        reporter TEXT NOT NULL,
        partner TEXT NOT NULL,
        line TEXT NOT NULL,
        hs6 TEXT NOT NULL,
        edition TEXT NOT NULL,
        value_usd DOUBLE PRECISION NOT NULL,
        quantity DOUBLE PRECISION
      )`,
      `CREATE TABLE tariff_line (
        vintage_id INTEGER NOT NULL,
        year INTEGER NOT NULL,
        reporter TEXT NOT NULL,
        line TEXT NOT NULL,
        hs6 TEXT NOT NULL,
        edition TEXT NOT NULL,
        regime TEXT NOT NULL,
        scheme TEXT NOT NULL DEFAULT '',
        rate DOUBLE PRECISION
      )`,
      `CREATE TABLE scheme_member (
        vintage_id INTEGER NOT NULL,
        scheme TEXT NOT NULL,
        partner TEXT NOT NULL,
        year_from INTEGER,
        year_to INTEGER
      )`,
      `CREATE TABLE hs_link (
        vintage_id INTEGER NOT NULL,
        from_edition TEXT NOT NULL,
        from_code TEXT NOT NULL,
        to_edition TEXT NOT NULL,
        to_code TEXT NOT NULL,
        relationship TEXT NOT NULL
      )`,
      `CREATE TABLE product_list (
        id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        name TEXT NOT NULL,
        edition TEXT NOT NULL,
        source TEXT NOT NULL,
        lines TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      // Rebuilt after every import that changes trade, tariffs or schemes (see moratorium-sql.ts).
      `CREATE TABLE duty_base AS ${DUTY_BASE_V3_QUERY}`,
      ...(engine === 'postgres'
        ? [
            `CREATE INDEX trade_flow_vintage ON trade_flow (vintage_id)`,
            `CREATE INDEX tariff_line_vintage ON tariff_line (vintage_id)`,
            `CREATE INDEX duty_base_reporter ON duty_base (reporter, year)`,
          ]
        : []),
    ],
  },
  {
    version: 4,
    name: 'VAT/GST on digital supplies',
    statements: () => [
      // One row per country and source of each vintage (tracker status, registry row); merged on reading (domain/moratorium/vat.ts).
      `CREATE TABLE vat_entry (
        vintage_id INTEGER NOT NULL,
        iso3 TEXT NOT NULL,
        rate DOUBLE PRECISION,
        start_date TEXT,
        threshold_amount DOUBLE PRECISION,
        threshold_currency TEXT,
        model TEXT,
        legislated TEXT NOT NULL,
        source TEXT NOT NULL,
        source_url TEXT,
        note TEXT,
        as_of TEXT
      )`,
    ],
  },
  {
    version: 5,
    name: 'cyberlaw registry, questionnaire answers, accounts, sessions, proposals and the audit log',
    statements: (engine) => [
      `CREATE SEQUENCE account_id_seq START 1`,
      `CREATE SEQUENCE proposal_id_seq START 1`,
      `CREATE SEQUENCE audit_id_seq START 1`,
      `CREATE TABLE account (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        countries TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled BOOLEAN NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE account_session (
        token_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      )`,
      // One row per record that has versions: the row every acceptance moves on, so that two cannot both win.
      `CREATE TABLE record_version (
        kind TEXT NOT NULL,
        iso3 TEXT NOT NULL,
        record_key TEXT NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (kind, iso3, record_key)
      )`,
      `CREATE TABLE cyberlaw_entry (
        iso3 TEXT NOT NULL,
        area TEXT NOT NULL,
        status TEXT NOT NULL,
        as_of TEXT NOT NULL,
        source TEXT NOT NULL,
        laws TEXT NOT NULL,
        version INTEGER NOT NULL,
        vintage_id INTEGER,
        proposal_id INTEGER,
        recorded_at TEXT NOT NULL
      )`,
      `CREATE TABLE practice_answer (
        iso3 TEXT NOT NULL,
        questionnaire TEXT NOT NULL,
        questionnaire_version INTEGER NOT NULL,
        answers TEXT NOT NULL,
        version INTEGER NOT NULL,
        accepted_at TEXT NOT NULL,
        proposal_id INTEGER
      )`,
      `CREATE TABLE proposal (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        iso3 TEXT NOT NULL,
        record_key TEXT NOT NULL,
        payload TEXT NOT NULL,
        base_version INTEGER NOT NULL,
        status TEXT NOT NULL,
        why TEXT NOT NULL,
        proposed_by INTEGER NOT NULL,
        proposed_at TEXT NOT NULL,
        reviewed_by INTEGER,
        reviewed_at TEXT,
        review_comment TEXT
      )`,
      `CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        logged_at TEXT NOT NULL,
        actor INTEGER,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        why TEXT
      )`,
      // On the server, the log refuses changes and deletions whatever the client; DuckDB has no triggers, and
      // there the store offers no statement that changes it.
      ...(engine === 'postgres'
        ? [
            `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`,
            `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
            `CREATE INDEX cyberlaw_entry_country ON cyberlaw_entry (iso3, area)`,
            `CREATE INDEX proposal_status ON proposal (status)`,
          ]
        : []),
    ],
  },
  {
    version: 6,
    name: 'duty base at the national line: each line priced at its own rate where trade and tariff share it',
    statements: (engine) => [
      `DROP TABLE duty_base`,
      // Built from the data stored already (see moratorium-sql.ts); rebuilt after every trade or tariff import.
      `CREATE TABLE duty_base AS ${DUTY_BASE_QUERY}`,
      ...(engine === 'postgres' ? [`CREATE INDEX duty_base_reporter ON duty_base (reporter, year)`] : []),
    ],
  },
  {
    version: 7,
    name: 'data-quality flags stored with their vintage',
    statements: (engine) => [
      // What looks wrong at the source (domain/quality.ts): a value out of range, a jump, a status contradicting its laws.
      `CREATE TABLE quality_flag (
        vintage_id INTEGER NOT NULL,
        subject TEXT NOT NULL,
        entity TEXT NOT NULL,
        year INTEGER,
        rule TEXT NOT NULL,
        value DOUBLE PRECISION,
        previous DOUBLE PRECISION,
        limit_value DOUBLE PRECISION,
        status TEXT,
        laws TEXT
      )`,
      ...(engine === 'postgres' ? [`CREATE INDEX quality_flag_subject ON quality_flag (subject, vintage_id)`] : []),
    ],
  },
  {
    version: 9,
    name: 'standard VAT/GST rates by source',
    statements: () => [
      // One row per country and source table of each vintage; the rate used is chosen on reading (domain/moratorium/vat-rates.ts).
      `CREATE TABLE vat_rate (
        vintage_id INTEGER NOT NULL,
        iso3 TEXT NOT NULL,
        rate DOUBLE PRECISION NOT NULL,
        source TEXT NOT NULL,
        citation TEXT NOT NULL,
        as_of TEXT,
        note TEXT
      )`,
    ],
  },
  {
    version: 8,
    name: 'precision of membership dates and scheduled departures',
    statements: () => [
      // day, month, year or unknown; NULL in rows written before: read as the day when the date is set, else unknown.
      `ALTER TABLE membership ADD COLUMN from_known TEXT`,
      `ALTER TABLE membership ADD COLUMN to_known TEXT`,
      // A departure decided but not applied (an LDC graduation set by the General Assembly).
      `ALTER TABLE membership ADD COLUMN scheduled_to TEXT`,
      `ALTER TABLE membership ADD COLUMN scheduled_known TEXT`,
      `ALTER TABLE membership ADD COLUMN scheduled_source TEXT`,
    ],
  },
  {
    version: 10,
    name: 'dates of trade periods and tariff schedules',
    statements: () => [
      // A period is filed under the calendar year in which it ends (domain/moratorium/periods.ts); years without a row are calendar years.
      `CREATE TABLE dated_period (
        vintage_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        reporter TEXT NOT NULL,
        year INTEGER NOT NULL,
        date_from TEXT NOT NULL,
        date_to TEXT NOT NULL,
        label TEXT NOT NULL,
        basis TEXT NOT NULL,
        source TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 11,
    name: 'eTrade Readiness Assessments',
    statements: () => [
      // One row per dated status of a country's (iso3) or a region's (iso3 NULL, by name) assessment (domain/etready/status.ts).
      `CREATE TABLE etready_status (
        vintage_id INTEGER NOT NULL,
        iso3 TEXT,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        status_date TEXT NOT NULL,
        title TEXT,
        symbol TEXT,
        link TEXT,
        note TEXT
      )`,
    ],
  },
  {
    version: 12,
    name: 'E-commerce strategies and their published checkpoints',
    statements: () => [
      // One row per strategy a vintage names (domain/strategies/checkpoints.ts).
      `CREATE TABLE strategy (
        vintage_id INTEGER NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        scope TEXT NOT NULL,
        coverage TEXT NOT NULL,
        period TEXT
      )`,
      // One row per published progress figure of a strategy on a date; quotes and sources as JSON arrays of text.
      `CREATE TABLE strategy_checkpoint (
        vintage_id INTEGER NOT NULL,
        strategy_id TEXT NOT NULL,
        checkpoint_date TEXT NOT NULL,
        under_implementation DOUBLE PRECISION,
        completed DOUBLE PRECISION,
        measures INTEGER,
        quotes TEXT NOT NULL,
        sources TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 14,
    name: 'eT Ready action matrices, requesting authorities and published implementation reviews',
    statements: () => [
      // The authority that asked for an assessment, where a request line names it.
      `ALTER TABLE etready_status ADD COLUMN authority TEXT`,
      // One row per recommendation of an assessment's action matrix (domain/etready/matrix.ts); iso3 NULL for a region, by name.
      `CREATE TABLE etready_recommendation (
        vintage_id INTEGER NOT NULL,
        iso3 TEXT,
        assessment TEXT NOT NULL,
        id TEXT NOT NULL,
        area TEXT NOT NULL,
        text TEXT NOT NULL,
        priority TEXT,
        lead_agency TEXT,
        partners TEXT,
        timeline TEXT
      )`,
      // One row per dated status of a recommendation, with its source.
      `CREATE TABLE etready_recommendation_status (
        vintage_id INTEGER NOT NULL,
        iso3 TEXT,
        assessment TEXT NOT NULL,
        recommendation_id TEXT NOT NULL,
        status TEXT NOT NULL,
        status_date TEXT NOT NULL,
        source TEXT
      )`,
      // One row per published implementation review or stock-take (domain/etready/reviews.ts); figures, names and sources as JSON.
      `CREATE TABLE etready_review (
        vintage_id INTEGER NOT NULL,
        id TEXT NOT NULL,
        review TEXT NOT NULL,
        review_date TEXT,
        finding TEXT,
        figures TEXT NOT NULL,
        named_countries TEXT NOT NULL,
        sources TEXT NOT NULL,
        caveat TEXT
      )`,
      // A change a country proposed and a curator accepted (domain/etready/edits.ts): one row per version of a record.
      `CREATE TABLE etready_edit (
        iso3 TEXT NOT NULL,
        record_key TEXT NOT NULL,
        change TEXT NOT NULL,
        version INTEGER NOT NULL,
        accepted_at TEXT NOT NULL,
        proposal_id INTEGER NOT NULL
      )`,
    ],
  },
  {
    version: 15,
    name: 'user-defined readiness methods, every version kept',
    statements: () => [
      // One row per version of a user-defined readiness method (domain/readiness/user-methods.ts); the key makes
      // two writes of the same next version impossible.
      `CREATE TABLE readiness_method (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        author INTEGER,
        created_at TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (id, version)
      )`,
    ],
  },
  {
    version: 13,
    name: 'Strategy measures and their dated statuses',
    statements: () => [
      // One row per measure of a strategy a vintage gives (domain/strategies/measures.ts); countries ';'-joined, empty for all.
      `CREATE TABLE strategy_measure (
        vintage_id INTEGER NOT NULL,
        strategy_id TEXT NOT NULL,
        measure_id TEXT NOT NULL,
        area TEXT NOT NULL,
        text TEXT NOT NULL,
        priority TEXT,
        lead_agency TEXT,
        partners TEXT,
        donors TEXT,
        budget DOUBLE PRECISION,
        currency TEXT,
        funding_committed DOUBLE PRECISION,
        indicator TEXT,
        baseline TEXT,
        target TEXT,
        countries TEXT NOT NULL
      )`,
      // One row per dated status of a measure, with its source.
      `CREATE TABLE strategy_measure_status (
        vintage_id INTEGER NOT NULL,
        strategy_id TEXT NOT NULL,
        measure_id TEXT NOT NULL,
        status TEXT NOT NULL,
        status_date TEXT NOT NULL,
        source TEXT,
        proposal_id INTEGER
      )`,
    ],
  },
];

/**
 * Brings the schema up to the latest version, each migration in its own transaction.
 * Returns the versions applied now (empty when the schema was current).
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set((await db.query<{ version: number }>(`SELECT version FROM schema_migration`)).map((r) => r.version));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      for (const statement of m.statements(db.engine)) await tx.run(statement);
      await tx.run(`INSERT INTO schema_migration (version, name, applied_at) VALUES ($1, $2, $3)`, [m.version, m.name, new Date().toISOString()]);
    });
    applied.push(m.version);
  }
  return applied;
}
