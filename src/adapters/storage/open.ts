import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDbDatabase } from './duckdb.ts';
import { PostgresDatabase } from './postgres.ts';
import { SqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

export interface StoreOptions {
  /** A postgres:// URL: use that server. Otherwise the embedded database. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database file (created if missing). */
  dataDir?: string;
  /** ":memory:" for a throwaway embedded database. */
  duckdbPath?: string;
  /** PostgreSQL schema to use (tests use one each). */
  schema?: string;
  memoryLimit?: string;
}

export const DEFAULT_DATA_DIR = 'data';
export const DUCKDB_FILE = 'observatory.duckdb';

/** Opens the store the options point to: PostgreSQL when a URL is given, else the embedded file. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got ${JSON.stringify(options.databaseUrl.split('@').pop())})`);
    }
    const db = await PostgresDatabase.open({ connectionString: options.databaseUrl, ...(options.schema ? { schema: options.schema } : {}) });
    return SqlStore.open(db);
  }
  let path = options.duckdbPath;
  if (!path) {
    const dir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
    mkdirSync(dir, { recursive: true });
    path = join(dir, DUCKDB_FILE);
  }
  const db = await DuckDbDatabase.open({ path, ...(options.memoryLimit ? { memoryLimit: options.memoryLimit } : {}) });
  return SqlStore.open(db);
}
