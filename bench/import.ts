import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importFolder } from '../src/adapters/importers/folder.ts';
import type { ImportResult } from '../src/adapters/importers/import-file.ts';
import { openStore } from '../src/adapters/storage/open.ts';
import type { Store } from '../src/adapters/storage/store.ts';
import { benchSchema, dropSchema, POSTGRES_URL } from './postgres.ts';
import { summarize, type Summary } from './stats.ts';

export interface ImportRun {
  engine: 'duckdb' | 'postgres';
  run: number;
  /** Opening a fresh store (schema creation) plus importing every file: until the data can be queried. */
  importMs: number;
  /** Closing the store (DuckDB writes its checkpoint here). */
  closeMs: number | null;
  rows: number;
  filesImported: number;
  filesSkipped: number;
  rowsPerSecond: number;
  /** Highest RSS seen by sampling every 50 ms during the run. */
  peakRssSampled: number;
  rssSamples: number;
}

/**
 * Samples the process's resident set size; the event loop is busy during an import, so gaps are counted.
 * The timer is unref'd: a sampler that is never stopped does not keep the process alive. `stop` may be called
 * more than once.
 */
class RssSampler {
  private peak = process.memoryUsage().rss;
  private count = 1;
  private readonly timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
    this.count++;
  }, 50).unref();

  stop(): { peak: number; samples: number } {
    clearInterval(this.timer);
    const rss = process.memoryUsage().rss;
    return { peak: Math.max(this.peak, rss), samples: this.count + 1 };
  }
}

function tally(results: readonly ImportResult[]): { rows: number; imported: number; skipped: number } {
  const imported = results.filter((r) => r.status === 'imported');
  return {
    rows: imported.reduce((sum, r) => sum + (r.vintage?.rowCount ?? 0), 0),
    imported: imported.length,
    skipped: results.length - imported.length,
  };
}

async function timedImport(
  engine: ImportRun['engine'],
  run: number,
  open: () => Promise<Store>,
  sources: string,
  keepOpen: boolean,
): Promise<{ run: ImportRun; store: Store | null }> {
  const sampler = new RssSampler();
  // The open store until the import is done; `finally` closes it when the import fails.
  let owned: Store | null = null;
  try {
    const start = performance.now();
    owned = await open();
    const results = await importFolder(owned, sources);
    const importMs = performance.now() - start;
    const store = owned;
    owned = null; // from here on, closed just below or handed to the caller
    let closeMs: number | null = null;
    if (!keepOpen) {
      const closeStart = performance.now();
      await store.close();
      closeMs = performance.now() - closeStart;
    }
    const rss = sampler.stop();
    const { rows, imported, skipped } = tally(results);
    return {
      run: {
        engine,
        run,
        importMs,
        closeMs,
        rows,
        filesImported: imported,
        filesSkipped: skipped,
        rowsPerSecond: rows / (importMs / 1000),
        peakRssSampled: rss.peak,
        rssSamples: rss.samples,
      },
      store: keepOpen ? store : null,
    };
  } finally {
    sampler.stop();
    // Set only when opening succeeded and the import then failed: that error is the one to report, not a
    // failure to close after it.
    await owned?.close().catch(() => undefined);
  }
}

export interface ImportBench {
  sources: string;
  duckdb: { runs: ImportRun[]; importMs: Summary; best: ImportRun; dataDir: string };
  /** Peak RSS of the whole process so far as the kernel reports it (getrusage), after the DuckDB runs. */
  maxRssAfterDuckdb: number;
  rssBefore: number;
  postgres: { run: ImportRun; schema: string } | { missing: string };
}

/** Why the import benchmark cannot run on this folder, or null when it can. */
export function sourcesProblem(sources: string): string | null {
  try {
    if (!statSync(sources).isDirectory()) return `${sources} is not a folder`;
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${sources} does not exist (${code ?? String(error)}); set OBSERVATORY_SOURCES to a folder laid out like ../shared/data`;
  }
}

/**
 * Imports the folder into a fresh embedded DuckDB file three times (a new folder under `tempRoot` each time) and
 * once into a fresh PostgreSQL schema. The last DuckDB file and the PostgreSQL store stay for the query and load
 * benchmarks. The caller owns `tempRoot` and removes it, whether this returns or throws.
 */
export async function benchImport(
  sources: string,
  postgresMissing: string | null,
  tempRoot: string,
  log: (line: string) => void,
): Promise<{ result: ImportBench; postgresStore: Store | null }> {
  const rssBefore = process.memoryUsage().rss;
  const runs: ImportRun[] = [];
  let dataDir = '';
  for (let i = 1; i <= 3; i++) {
    const dir = join(tempRoot, `duckdb-${i}`);
    mkdirSync(dir);
    dataDir = dir;
    const { run } = await timedImport('duckdb', i, () => openStore({ dataDir: dir }), sources, false);
    log(`import into DuckDB, run ${i}: ${(run.importMs / 1000).toFixed(2)} s, ${run.rows} rows`);
    runs.push(run);
  }
  const maxRssAfterDuckdb = process.resourceUsage().maxRSS * 1024;
  const best = runs.reduce((a, b) => (b.importMs < a.importMs ? b : a));

  let postgres: ImportBench['postgres'];
  let postgresStore: Store | null = null;
  if (postgresMissing) {
    postgres = { missing: postgresMissing };
  } else {
    const schema = benchSchema('import');
    try {
      const { run, store } = await timedImport('postgres', 1, () => openStore({ databaseUrl: POSTGRES_URL, schema }), sources, true);
      log(`import into PostgreSQL: ${(run.importMs / 1000).toFixed(2)} s`);
      postgres = { run, schema };
      postgresStore = store;
    } catch (error) {
      await dropSchema(schema).catch(() => undefined);
      postgres = { missing: `the PostgreSQL import failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return {
    result: {
      sources,
      duckdb: { runs, importMs: summarize(runs.map((r) => r.importMs)), best, dataDir },
      maxRssAfterDuckdb,
      rssBefore,
      postgres,
    },
    postgresStore,
  };
}
