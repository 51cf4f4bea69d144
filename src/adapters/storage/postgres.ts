import pg from 'pg';
import { ident, type ColumnType, type Database, type Row, type SqlValue, type Transaction } from './sql.ts';

// COUNT(*) and other BIGINT results arrive as strings by default; the Observatory's counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface PostgresOptions {
  connectionString: string;
  /** Schema to work in (created if missing); lets several test runs share one server. */
  schema?: string;
  max?: number;
}

const PG_TYPES: Record<ColumnType, string> = {
  text: 'text[]',
  integer: 'integer[]',
  double: 'double precision[]',
  boolean: 'boolean[]',
};

/** Rows per INSERT … SELECT FROM unnest(…): each column is one array parameter. */
const BATCH = 20_000;

function client(c: pg.ClientBase | pg.Pool): Pick<Transaction, 'query' | 'run'> {
  return {
    query: async <T = Row>(sql: string, params: readonly SqlValue[] = []) => (await c.query(sql, params as SqlValue[])).rows as T[],
    run: async (sql: string, params: readonly SqlValue[] = []) => {
      await c.query(sql, params as SqlValue[]);
    },
  };
}

/** A PostgreSQL server, for deployments with several processes or hosts. */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  readonly query: Database['query'];
  readonly run: Database['run'];

  private constructor(private readonly pool: pg.Pool) {
    const c = client(pool);
    this.query = c.query;
    this.run = c.run;
  }

  static async open(options: PostgresOptions): Promise<PostgresDatabase> {
    const schema = options.schema;
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      ...(schema ? { options: `-c search_path=${ident(schema)}` } : {}),
    });
    pool.on('error', () => undefined);
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    else await pool.query('SELECT 1');
    return new PostgresDatabase(pool);
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const conn = await this.pool.connect();
    const c = client(conn);
    const tx: Transaction = {
      engine: 'postgres',
      ...c,
      bulkInsert: async (table, columns, types, rows) => {
        const casts = types.map((t, i) => `$${i + 1}::${PG_TYPES[t]}`).join(', ');
        const sql = `INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) SELECT * FROM unnest(${casts})`;
        for (let start = 0; start < rows.length; start += BATCH) {
          const slice = rows.slice(start, start + BATCH);
          const arrays = columns.map((_, i) => slice.map((r) => r[i] ?? null));
          await conn.query(sql, arrays);
        }
      },
    };
    try {
      await conn.query('BEGIN');
      const result = await work(tx);
      await conn.query('COMMIT');
      return result;
    } catch (error) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      conn.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
