import type { Observation } from '../../domain/observation.ts';
import type { IndicatorRecord } from '../../domain/vintage.ts';
import { placeholders, type Database, type SqlValue, type Transaction } from './sql.ts';
import type { ObservationQuery, ObservationRow } from './store.ts';

interface IndicatorStats {
  name: string | null;
  observations: number;
  firstYear: number;
  lastYear: number;
}

/**
 * What an import writes of each indicator: its name, how many observations, which years. When the import
 * ends, the indicators it covers become current, pointing at its vintage.
 */
export class IndicatorTally {
  private readonly stats = new Map<string, IndicatorStats>();

  name(code: string, name: string): void {
    const s = this.stats.get(code);
    if (s) s.name = name;
    else this.stats.set(code, { name, observations: 0, firstYear: Infinity, lastYear: -Infinity });
  }

  count(rows: readonly ObservationRow[]): void {
    for (const r of rows) {
      let s = this.stats.get(r.indicator);
      if (!s) this.stats.set(r.indicator, (s = { name: null, observations: 0, firstYear: Infinity, lastYear: -Infinity }));
      s.observations++;
      if (r.year < s.firstYear) s.firstYear = r.year;
      if (r.year > s.lastYear) s.lastYear = r.year;
    }
  }

  /** Records the vintage's coverage of each indicator with observations, and makes the vintage current for it. */
  async makeCurrent(tx: Transaction, vintageId: number, importedAt: string): Promise<void> {
    for (const [code, s] of this.stats) {
      if (s.observations === 0) continue;
      const name = s.name ?? code;
      await tx.run(
        `INSERT INTO indicator_vintage (indicator, vintage_id, name, observations, first_year, last_year) VALUES ($1, $2, $3, $4, $5, $6)`,
        [code, vintageId, name, s.observations, s.firstYear, s.lastYear],
      );
      await tx.run(`DELETE FROM indicator WHERE code = $1`, [code]);
      await tx.run(`INSERT INTO indicator (code, name, vintage_id, updated_at) VALUES ($1, $2, $3, $4)`, [code, name, vintageId, importedAt]);
    }
  }
}

export async function writeObservations(tx: Transaction, rows: readonly ObservationRow[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'observation',
    ['vintage_id', 'indicator', 'entity', 'year', 'value'],
    ['integer', 'text', 'text', 'integer', 'double'],
    rows.map((r) => [vintageId, r.indicator, r.entity, r.year, r.value]),
  );
}

/** Indicator, entity and year combinations written more than once in a vintage (the first few). */
export function duplicateObservations(
  tx: Transaction,
  vintageId: number,
  limit: number,
): Promise<{ indicator: string; entity: string; year: number; count: number }[]> {
  return tx.query(
    `SELECT indicator AS "indicator", entity AS "entity", year AS "year", CAST(COUNT(*) AS INTEGER) AS "count"
     FROM observation WHERE vintage_id = $1 GROUP BY indicator, entity, year HAVING COUNT(*) > 1
     ORDER BY indicator, entity, year LIMIT $2`,
    [vintageId, limit],
  );
}

/** Indicators with data, their history across vintages, and their observations. */
export class SqlIndicators {
  constructor(private readonly db: Database) {}

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
}
