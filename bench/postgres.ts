import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { dropSchema, TEST_DATABASE_URL } from '../test/support/engines.ts';

/** The tests' server: the benchmark makes its fresh schemas there and drops them as the tests do. */
export const POSTGRES_URL = TEST_DATABASE_URL;
export { dropSchema };

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  return url.replace(/:[^:@/]*@/, ':***@');
}

async function tryConnect(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Makes sure the test PostgreSQL server answers, starting it with scripts/start-postgres.sh when it does not.
 * Returns null when it is reachable, otherwise why the PostgreSQL numbers will be missing.
 */
export async function ensurePostgres(log: (line: string) => void): Promise<string | null> {
  const first = await tryConnect(POSTGRES_URL);
  if (first === null) return null;
  log(`PostgreSQL not reachable at ${safeUrl(POSTGRES_URL)} (${first}); running scripts/start-postgres.sh`);
  const script = spawnSync('bash', [resolve('scripts/start-postgres.sh')], { encoding: 'utf8', timeout: 90_000 });
  const second = await tryConnect(POSTGRES_URL);
  if (second === null) return null;
  const scriptOutput = `${script.stderr ?? ''}${script.error ? String(script.error) : ''}`.trim().split('\n').slice(-3).join(' / ');
  return (
    `PostgreSQL is not reachable at ${safeUrl(POSTGRES_URL)}: ${second}. ` +
    `scripts/start-postgres.sh exited with ${script.status ?? script.signal ?? 'no status'}${scriptOutput ? ` (${scriptOutput})` : ''}.`
  );
}

/** A schema name of this run, so concurrent or earlier runs never share tables. */
export function benchSchema(label: string): string {
  return `bench_${label}_${process.pid}_${Date.now().toString(36)}`;
}
