import { DuckDBInstance, type DuckDBConnection, type DuckDBAppender, type DuckDBValue } from '@duckdb/node-api';
import { totalmem } from 'node:os';
import { ident, type ColumnType, type Database, type Row, type SqlValue, type Transaction } from './sql.ts';

export interface DuckDbOptions {
  /** File path, or ":memory:". */
  path: string;
  /**
   * DuckDB's memory_limit, e.g. "2GB"; always set, so a large query fails (or spills to disk) instead of
   * exhausting the machine. Default: duckDbMemoryLimit().
   */
  memoryLimit?: string;
  threads?: number;
  /** Connections used for concurrent reads. */
  readers?: number;
}

/** The environment variable that sets DuckDB's memory_limit: a size ("6GB", "512MB") or a share of the machine ("40%"). */
export const MEMORY_LIMIT_ENV = 'OBSERVATORY_DUCKDB_MEMORY';
/** The share of the machine's memory DuckDB may use when nothing else is said. */
export const DEFAULT_MEMORY_SHARE = 0.4;

/**
 * DuckDB's memory_limit: `OBSERVATORY_DUCKDB_MEMORY` when set, else 40% of the machine's memory (at least 1 GiB),
 * so that the duty-base build of a few million import rows fits on a large machine and still leaves room for the
 * rest of the process on a small one.
 */
export function duckDbMemoryLimit(env: string | undefined = process.env[MEMORY_LIMIT_ENV], machineBytes = totalmem()): string {
  const mib = (share: number) => `${Math.max(1024, Math.floor((machineBytes * share) / 1024 ** 2))}MB`;
  const value = env?.trim();
  if (!value) return mib(DEFAULT_MEMORY_SHARE);
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(value);
  if (percent) {
    const share = Number(percent[1]) / 100;
    if (share > 0 && share <= 1) return mib(share);
  } else if (/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) {
    return value.replace(/\s+/g, '');
  }
  throw new Error(`${MEMORY_LIMIT_ENV}=${JSON.stringify(value)} is not a memory size: give one such as "6GB" or "512MB", or a share of the machine's memory such as "40%"`);
}

/**
 * Turns BIGINT values (counts) into numbers. A column's type is the same in every row, so only the columns
 * whose first value is a bigint (or a null, which hides the type) need looking at.
 */
function convertRows(rows: Record<string, unknown>[]): Row[] {
  const first = rows[0];
  if (!first) return rows;
  const bigints = Object.keys(first).filter((k) => typeof first[k] === 'bigint' || first[k] === null);
  if (bigints.length === 0) return rows;
  for (const row of rows) {
    for (const key of bigints) {
      const v = row[key];
      if (typeof v === 'bigint') row[key] = Number(v);
    }
  }
  return rows;
}

async function runQuery(conn: DuckDBConnection, sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
  const reader = await conn.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined);
  // The schema keeps to text, integers, doubles and booleans, which DuckDB hands over as JS primitives; only
  // BIGINT results (counts) need converting, which is cheaper than the general JS conversion of every value.
  return convertRows(reader.getRowObjects() as Record<string, unknown>[]);
}

function append(appender: DuckDBAppender, type: ColumnType, value: SqlValue): void {
  if (value === null) return appender.appendNull();
  switch (type) {
    case 'text':
      return appender.appendVarchar(String(value));
    case 'integer':
      return appender.appendInteger(Number(value));
    case 'double':
      return appender.appendDouble(Number(value));
    case 'boolean':
      return appender.appendBoolean(Boolean(value));
  }
}

/** A one-at-a-time queue, so transactions on the single writer connection never interleave. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/** The embedded DuckDB database: one file, one writer connection, a few reader connections. */
export class DuckDbDatabase implements Database {
  readonly engine = 'duckdb' as const;
  private next = 0;
  private readonly writeLock = new Mutex();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly readers: DuckDBConnection[],
  ) {}

  static async open(options: DuckDbOptions): Promise<DuckDbDatabase> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(options.path, {
        memory_limit: options.memoryLimit ?? duckDbMemoryLimit(),
        threads: String(options.threads ?? 2),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/Could not set lock/i.test(message)) {
        const pid = /PID (\d+)/.exec(message)?.[1];
        throw new Error(
          `the embedded database ${options.path} is in use by another process${pid ? ` (PID ${pid}, perhaps "observatory serve")` : ''}: ` +
            'one process owns it at a time. Stop that process, or run against PostgreSQL (DATABASE_URL) to share the data.',
          { cause: error },
        );
      }
      throw error;
    }
    const writer = await instance.connect();
    const readers: DuckDBConnection[] = [];
    for (let i = 0; i < (options.readers ?? 4); i++) readers.push(await instance.connect());
    return new DuckDbDatabase(instance, writer, readers);
  }

  private reader(): DuckDBConnection {
    const conn = this.readers[this.next++ % this.readers.length];
    if (!conn) throw new Error('the database is closed');
    return conn;
  }

  query<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return runQuery(this.reader(), sql, params) as Promise<T[]>;
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<void> {
    await this.writeLock.run(() => runQuery(this.writer, sql, params));
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.writeLock.run(async () => {
      const conn = this.writer;
      await conn.run('BEGIN TRANSACTION');
      const tx: Transaction = {
        engine: 'duckdb',
        query: <R = Row>(sql: string, params?: readonly SqlValue[]) => runQuery(conn, sql, params) as Promise<R[]>,
        run: async (sql, params) => {
          await runQuery(conn, sql, params);
        },
        bulkInsert: async (table, columns, types, rows) => {
          if (rows.length === 0) return;
          // The appender writes whole rows in table column order; a staging table with exactly these columns
          // keeps that independent of the target table's layout.
          const staging = `staging_${table}`;
          await conn.run(`CREATE OR REPLACE TEMP TABLE ${ident(staging)} AS SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)} LIMIT 0`);
          const appender = await conn.createAppender(staging, 'main', 'temp');
          try {
            for (const row of rows) {
              for (let i = 0; i < types.length; i++) append(appender, types[i] as ColumnType, row[i] ?? null);
              appender.endRow();
            }
          } finally {
            appender.closeSync();
          }
          const cols = columns.map(ident).join(', ');
          await conn.run(`INSERT INTO ${ident(table)} (${cols}) SELECT ${cols} FROM ${ident(staging)}`);
          await conn.run(`DROP TABLE ${ident(staging)}`);
        },
      };
      try {
        const result = await work(tx);
        await conn.run('COMMIT');
        return result;
      } catch (error) {
        await conn.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.writeLock.run(async () => {
      for (const conn of [...this.readers, this.writer]) conn.closeSync();
      this.readers.length = 0;
      this.instance.closeSync();
    });
  }
}
