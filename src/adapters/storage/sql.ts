/** Values that may be bound to a SQL parameter ($1, $2 …). Every value reaches SQL this way, never by splicing. */
export type SqlValue = string | number | boolean | null;

export type Row = Record<string, unknown>;

export type Engine = 'duckdb' | 'postgres';

/** Column types used by bulk inserts; both engines understand them. */
export type ColumnType = 'text' | 'integer' | 'double' | 'boolean';

/** A connection or a transaction: runs parameterised SQL. */
export interface SqlClient {
  readonly engine: Engine;
  query<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
}

export interface Transaction extends SqlClient {
  /** Inserts many rows at once, by the engine's fastest parameterised path. */
  bulkInsert(table: string, columns: readonly string[], types: readonly ColumnType[], rows: readonly (readonly SqlValue[])[]): Promise<void>;
}

/** A database: reads run concurrently; transactions run one at a time and see their own writes. */
export interface Database extends SqlClient {
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Quotes a table or column name after checking it is a plain identifier; values never go through here.
 * @example ident('observation') // '"observation"'
 */
export function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/**
 * Placeholders for a list of values starting at parameter `first`: "$3, $4, $5".
 * @example placeholders(3, 2) // '$2, $3, $4'
 */
export function placeholders(count: number, first = 1): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ');
}

/**
 * "column = $n" conditions for the filters that are given (undefined ones are left out), with their parameters.
 * @example equalities([['iso3', 'KEN'], ['kind', undefined]]) // { where: ['iso3 = $1'], params: ['KEN'] }
 */
export function equalities(filters: readonly [column: string, value: SqlValue | undefined][]): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  for (const [column, value] of filters) {
    if (value === undefined) continue;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  }
  return { where, params };
}

/** A primary-key or unique clash: PostgreSQL's SQLSTATE 23505, or DuckDB's duplicate-key constraint error. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === '23505' || /duplicate key|unique constraint/i.test(String(e?.message ?? ''));
}
