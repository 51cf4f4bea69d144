import { afterEach, beforeEach } from 'vitest';
import pg from 'pg';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';

/** The PostgreSQL server the tests use; `.ci/run` starts it (scripts/start-postgres.sh). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://observatory:observatory@127.0.0.1:5432/observatory';

export interface EngineUnderTest {
  name: 'duckdb' | 'postgres';
  /** A fresh, empty store; `dispose` removes it. */
  open(): Promise<{ store: Store; dispose: () => Promise<void> }>;
}

let counter = 0;

/** Drops a schema of the test server and everything in it (the tests' and the benchmark's fresh schemas). */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export const ENGINES: readonly EngineUnderTest[] = [
  {
    name: 'duckdb',
    async open() {
      const store = await openStore({ duckdbPath: ':memory:' });
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: 'postgres',
    async open() {
      const schema = `test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
      let store: Store;
      try {
        store = await openStore({ databaseUrl: TEST_DATABASE_URL, schema });
      } catch (error) {
        throw new Error(
          `PostgreSQL is not reachable at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} (${String(error)}). ` +
            'Start it with scripts/start-postgres.sh or set TEST_DATABASE_URL.',
        );
      }
      return {
        store,
        dispose: async () => {
          await store.close();
          await dropSchema(schema);
        },
      };
    },
  },
];

/**
 * Gives each test of the enclosing `describe` a fresh, empty store of the engine, removed after the test.
 * @example let store!: Store; freshStoreEach(engine, (s) => (store = s));
 */
export function freshStoreEach(engine: EngineUnderTest, use: (store: Store) => void): void {
  let dispose: () => Promise<void> = async () => undefined;
  beforeEach(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    use(opened.store);
  });
  afterEach(() => dispose());
}
