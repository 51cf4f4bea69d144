// `npm run bench`: import, query and load benchmarks of the Observatory, printed as a report and written to
// .bench/results.json. It prints numbers and ratios to targets; it never fails on a time.
// `npm run bench -- moratorium` (or any of the SECTIONS) runs only those sections; queries and load need the import.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../src/adapters/storage/open.ts';
import type { Store } from '../src/adapters/storage/store.ts';
import { benchImport, sourcesProblem, type ImportBench } from './import.ts';
import { benchLoad, CONNECTIONS, DURATION_S, type LoadBench } from './load.ts';
import { benchMoratorium, moratoriumCorrect, moratoriumTargets, POSTGRES_WANTED, printMoratorium, type MoratoriumBench } from './moratorium.ts';
import { dropSchema, ensurePostgres, safeUrl, POSTGRES_URL } from './postgres.ts';
import { benchQueries, INDICATORS, type QueryBench } from './queries.ts';
import { benchRegistryLoad, printRegistryLoad, READERS, registryLoadOk, RUN_S, WRITERS, type RegistryLoadBench } from './registry-load.ts';
import { bytes, int, mib, ms, num, ratio, seconds, spread, table } from './stats.ts';

const IMPORT_TARGET_MS = 20_000;
const P95_TARGET_MS = 50;
const PAGE_TARGET_BYTES = 150_000;

const IMPORT_TARGET = 'Import of the shared data into DuckDB, best of 3';
const IMPORT_GOAL = `< ${IMPORT_TARGET_MS / 1000} s`;
const P95_GOAL = `< ${P95_TARGET_MS} ms`;
const PAGE_TARGET = `${PAGE_TARGET_BYTES / 1000} KB`;
const PAGE_GOAL = `< ${PAGE_TARGET}`;

interface Target {
  target: string;
  measured: string;
  goal: string;
  ratio: string;
  met: boolean | null;
}

const startedAt = new Date();
const began = performance.now();
const out = (text = '') => process.stdout.write(`${text}\n`);
const log = (line: string) => process.stderr.write(`  · ${line}\n`);
const section = (title: string) => out(`\n${title}\n${'═'.repeat(title.length)}\n`);
const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

const SECTIONS = ['import', 'queries', 'load', 'moratorium', 'registry'] as const;
type SectionName = (typeof SECTIONS)[number];
const chosen = process.argv.slice(2).filter((a) => a !== '--');
const unknown = chosen.filter((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknown.length) {
  process.stderr.write(`npm run bench: unknown section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')} (none = all)\n`);
  process.exit(2);
}
const wanted = (name: SectionName) => chosen.length === 0 || chosen.includes(name);
/** The query and load sections read the data the import section imports. */
const needsImport = wanted('import') || wanted('queries') || wanted('load');

const sources = resolve(process.env.OBSERVATORY_SOURCES ?? '../shared/data');
const targets: Target[] = [];
const results: {
  startedAt: string;
  finishedAt?: string;
  totalSeconds?: number;
  machine: { cpus: number; cpu: string; memoryBytes: number; node: string; platform: string };
  sources: string;
  postgres: { url: string; missing: string | null };
  import: ImportBench | { missing: string };
  queries: QueryBench | { missing: string };
  load: LoadBench | { missing: string };
  moratorium: MoratoriumBench | { missing: string };
  registry: { runs: RegistryLoadBench[]; postgresMissing: string | null } | { missing: string };
  summary: Target[];
} = {
  startedAt: startedAt.toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryBytes: totalmem(), node: process.version, platform: `${process.platform} ${process.arch}` },
  sources,
  postgres: { url: safeUrl(POSTGRES_URL), missing: null },
  import: { missing: 'not run' },
  queries: { missing: 'not run' },
  load: { missing: 'not run' },
  moratorium: { missing: 'not run' },
  registry: { missing: 'not run' },
  summary: targets,
};

out(`Observatory benchmark — ${startedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC`);
out(`Machine: ${results.machine.cpus} × ${results.machine.cpu}, ${mib(results.machine.memoryBytes)}, Node ${process.version}, ${results.machine.platform}`);
out(`Sources: ${sources}`);
out('Times are medians of N timed runs after one untimed warm-up run, with (min–max), unless a row says otherwise.');
out('Nothing here asserts on time: targets are compared and reported, never enforced.');
if (chosen.length) out(`Sections: ${SECTIONS.filter((n) => wanted(n) || (needsImport && n === 'import')).join(', ')} (chosen on the command line).`);

const postgresMissing = needsImport || (wanted('moratorium') && POSTGRES_WANTED) || wanted('registry') ? await ensurePostgres(log) : 'not needed by the chosen sections';
results.postgres.missing = postgresMissing;
out(`PostgreSQL: ${postgresMissing ? `missing — ${postgresMissing}` : `${safeUrl(POSTGRES_URL)} (a fresh schema, dropped at the end)`}`);

let postgres: Store | null = null;
let imported: ImportBench | null = null;
// Every DuckDB file of the run goes under this folder, removed below however the run ends.
const tempRoot = mkdtempSync(join(tmpdir(), 'observatory-bench-'));

try {
  // 1. Import ---------------------------------------------------------------------------------------------------
  const problem = needsImport ? sourcesProblem(sources) : null;
  if (needsImport) section('1. Import of the shared data folder');
  if (!needsImport) {
    results.import = results.queries = results.load = { missing: 'not chosen on the command line' };
  } else if (problem) {
    out(`The import benchmark cannot run: ${problem}.`);
    out('The query and load benchmarks need the imported data, so they cannot run either.');
    results.import = { missing: problem };
    results.queries = { missing: `no data: ${problem}` };
    results.load = { missing: `no data: ${problem}` };
  } else {
    try {
      const run = await benchImport(sources, postgresMissing, tempRoot, log);
      imported = run.result;
      postgres = run.postgresStore;
      results.import = imported;
    } catch (error) {
      results.import = { missing: `the import failed: ${why(error)}` };
      out(`The import benchmark failed: ${why(error)}`);
    }
  }
  if (!imported && needsImport) targets.push({ target: IMPORT_TARGET, measured: 'not measured', goal: IMPORT_GOAL, ratio: '—', met: null });

  if (imported) {
    const d = imported.duckdb;
    const pgRun = 'run' in imported.postgres ? imported.postgres.run : null;
    out('What: openStore on a fresh target + importFolder(store, sources) (every file its own vintage), until the data');
    out('can be queried; close (DuckDB checkpoint) shown apart. Rows are the imported vintages\' row counts.\n');
    out(
      table(
        ['engine', 'run', 'open+import', 'close', 'rows', 'rows/s', 'files imported', 'skipped', 'peak RSS (50 ms samples)'],
        [...d.runs, ...(pgRun ? [pgRun] : [])].map((r) => [
          r.engine === 'duckdb' ? 'DuckDB (new file in a temp dir)' : 'PostgreSQL (new schema)',
          String(r.run),
          seconds(r.importMs),
          r.closeMs === null ? '—' : seconds(r.closeMs),
          int(r.rows),
          int(r.rowsPerSecond),
          String(r.filesImported),
          String(r.filesSkipped),
          `${mib(r.peakRssSampled)} (${r.rssSamples} samples)`,
        ]),
      ),
    );
    out('');
    const best = d.best.importMs;
    out(
      `DuckDB, best of 3: ${seconds(best)} (median ${seconds(d.importMs.median)}, min–max ${seconds(d.importMs.min)}–${seconds(d.importMs.max)}), ` +
        `${int(d.best.rowsPerSecond)} rows/s. Target ${IMPORT_GOAL}: ${ratio(best, IMPORT_TARGET_MS)} of the target, ${best < IMPORT_TARGET_MS ? 'met' : 'NOT met'}.`,
    );
    if (pgRun) out(`PostgreSQL, once: ${seconds(pgRun.importMs)}, ${int(pgRun.rowsPerSecond)} rows/s — ${ratio(pgRun.importMs, best)} the DuckDB best.`);
    else if ('missing' in imported.postgres) out(`PostgreSQL import: missing — ${imported.postgres.missing}`);
    out(
      `Memory: RSS ${mib(imported.rssBefore)} before the imports; sampled peak during them ${mib(Math.max(...d.runs.map((r) => r.peakRssSampled)))}; ` +
        `kernel-reported peak of the process after the DuckDB runs (getrusage maxRSS) ${mib(imported.maxRssAfterDuckdb)}.`,
    );
    targets.push({
      target: IMPORT_TARGET,
      measured: seconds(best),
      goal: IMPORT_GOAL,
      ratio: ratio(best, IMPORT_TARGET_MS),
      met: best < IMPORT_TARGET_MS,
    });
  }

  // 2. Queries --------------------------------------------------------------------------------------------------
  if (wanted('queries')) section('2. Aggregate queries');
  if (!wanted('queries')) {
    if (needsImport) results.queries = { missing: 'not chosen on the command line' };
  } else if (!imported) {
    out(`The query benchmark cannot run: ${'missing' in results.import ? results.import.missing : 'no imported data'}.`);
  } else {
    let duckdb: Store | null = null;
    try {
      duckdb = await openStore({ dataDir: imported.duckdb.dataDir });
      const q = await benchQueries(duckdb, postgres, postgresMissing ?? ('missing' in imported.postgres ? imported.postgres.missing : null), log);
      results.queries = q;
      printQueries(q);
    } catch (error) {
      results.queries = { missing: `the query benchmark failed: ${why(error)}` };
      out(`The query benchmark failed: ${why(error)}`);
    } finally {
      // The server of the load run must be able to open the DuckDB file: one process owns it at a time.
      await duckdb?.close();
    }
  }

  // 3. Load ------------------------------------------------------------------------------------------------------
  if (wanted('load')) section('3. Loopback load run');
  if (!wanted('load')) {
    if (needsImport) results.load = { missing: 'not chosen on the command line' };
  } else if (!imported) {
    out(`The load run cannot run: ${'missing' in results.import ? results.import.missing : 'no imported data'}.`);
    loadNotMeasured();
  } else {
    try {
      const load = await benchLoad(imported.duckdb.dataDir, log);
      results.load = load;
      printLoad(load);
    } catch (error) {
      results.load = { missing: `the load run failed: ${why(error)}` };
      out(`The load run failed: ${why(error)}`);
      loadNotMeasured();
    }
  }

  // 4. Moratorium estimator ------------------------------------------------------------------------------------------
  if (wanted('moratorium')) {
    section('4. Moratorium estimator at scale (generated BACI-like data)');
    let moratorium: MoratoriumBench | null = null;
    try {
      moratorium = await benchMoratorium(tempRoot, postgresMissing, log);
      results.moratorium = moratorium;
      printMoratorium(moratorium, out);
      if (!moratoriumCorrect(moratorium)) {
        // A wrong answer, unlike a slow one, fails the run.
        out('\nTHE MORATORIUM ESTIMATE DIFFERS FROM THE TYPED-ARRAY REFERENCE: see the agreement table above.');
        process.exitCode = 1;
      }
    } catch (error) {
      results.moratorium = { missing: `the moratorium benchmark failed: ${why(error)}` };
      out(`The moratorium benchmark FAILED: ${why(error)}`);
      process.exitCode = 1;
    }
    targets.push(...moratoriumTargets(moratorium));
  } else {
    results.moratorium = { missing: 'not chosen on the command line' };
  }

  // 5. Registry load: readers and writers of the cyberlaw registry at once ---------------------------------------------
  if (wanted('registry')) {
    section(`5. Registry load run: ${READERS} readers and ${WRITERS} writers for ${RUN_S} s`);
    const runs: RegistryLoadBench[] = [];
    for (const engine of ['duckdb', 'postgres'] as const) {
      if (engine === 'postgres' && postgresMissing) {
        out(`PostgreSQL run missing: ${postgresMissing}\n`);
        continue;
      }
      try {
        const run = await benchRegistryLoad(engine, tempRoot, log);
        runs.push(run);
        printRegistryLoad([run], out);
      } catch (error) {
        out(`The registry load run on ${engine} FAILED: ${why(error)}\n`);
        targets.push({ target: `registry load on ${engine}: errors, data checks`, measured: 'not measured', goal: '0 errors, checks hold', ratio: '—', met: null });
      }
    }
    for (const run of runs) {
      const errors = [...run.roles, ...run.baseline].reduce((n, r) => n + r.errors, 0);
      const readers = run.roles.find((r) => r.role === 'readers');
      const writers = run.roles.find((r) => r.role === 'writers');
      targets.push({ target: `registry load on ${run.engine}: errors (readers + writers + curator)`, measured: int(errors), goal: '0', ratio: '—', met: errors === 0 });
      targets.push({ target: `registry load on ${run.engine}: data checks`, measured: `${run.checks.filter((c) => c.ok).length} of ${run.checks.length} hold`, goal: 'all', ratio: '—', met: run.checks.every((c) => c.ok) });
      targets.push({ target: `registry load on ${run.engine}: p95 readers / writers (no target)`, measured: `${ms(readers?.latency.p95)} / ${ms(writers?.latency.p95)}`, goal: '—', ratio: '—', met: null });
      if (!registryLoadOk(run)) process.exitCode = 1;
    }
    results.registry = { runs, postgresMissing };
  } else {
    results.registry = { missing: 'not chosen on the command line' };
  }
} finally {
  await postgres?.close().catch(() => undefined);
  if (imported && 'schema' in imported.postgres) await dropSchema(imported.postgres.schema).catch((e: unknown) => log(`could not drop the schema: ${why(e)}`));
  rmSync(tempRoot, { recursive: true, force: true });
}

// 4. Summary -------------------------------------------------------------------------------------------------------
section('6. Summary of targets');
out(
  table(
    ['target', 'measured', 'goal', 'ratio to goal', 'met'],
    targets.map((t) => [t.target, t.measured, t.goal, t.ratio, t.met === null ? '—' : t.met ? 'yes' : 'NO']),
  ),
);
out('\nQuery times, cold renders and memory have no target; they are reported above for reference.');

results.finishedAt = new Date().toISOString();
results.totalSeconds = (performance.now() - began) / 1000;
mkdirSync('.bench', { recursive: true });
// A partial run keeps the full run's file and writes its own next to it.
const resultsFile = `.bench/${chosen.length ? `results-${chosen.join('-')}` : 'results'}.json`;
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
out(`\nTotal ${results.totalSeconds.toFixed(0)} s. Results written to ${resultsFile}.`);

function loadNotMeasured(): void {
  targets.push({ target: `p95 latency, ${CONNECTIONS} connections`, measured: 'not measured', goal: P95_GOAL, ratio: '—', met: null });
  targets.push({ target: 'errors + timeouts + non-2xx', measured: 'not measured', goal: '0', ratio: '—', met: null });
  targets.push({ target: 'largest compressed page', measured: 'not measured', goal: PAGE_GOAL, ratio: '—', met: null });
}

function printQueries(q: QueryBench): void {
  const [duck, pg] = [q.engines.find((e) => e.engine === 'duckdb'), q.engines.find((e) => e.engine === 'postgres')];
  if (!duck) return;
  if (!pg) out(`PostgreSQL numbers are missing: ${q.postgresMissing ?? 'no PostgreSQL store'}\n`);
  const n = duck.referenceLoad.n;

  out(`Reference load — a new Observatory's ref() (countries, groups, memberships, indicators, vintages); part of every`);
  out(`cold time below. N = ${n}.\n`);
  out(
    table(
      ['engine', 'ms: median (min–max)'],
      q.engines.map((e) => [e.engine === 'duckdb' ? 'DuckDB' : 'PostgreSQL', spread(e.referenceLoad)]),
    ),
  );

  out(`\nobs.aggregateSeries(group, code), N = ${n}. Cold: a new Observatory per run, so the reference, the values and`);
  out('the weights all come from the store (measures the store). Warm: the same Observatory again (values in memory).\n');
  const rows = duck.aggregates.map((a, i) => {
    const p = pg?.aggregates[i];
    const rule = INDICATORS.find((x) => x.code === a.code)?.rule ?? '';
    return [
      `${a.code} (${rule})`,
      a.group,
      String(a.years),
      spread(a.cold),
      p ? spread(p.cold) : '—',
      p ? ratio(p.cold.median, a.cold.median) : '—',
      spread(a.warm),
      p ? spread(p.warm) : '—',
    ];
  });
  out(table(['indicator (rule)', 'group', 'years', 'cold DuckDB ms', 'cold PostgreSQL ms', 'PG/Duck', 'warm DuckDB ms', 'warm PostgreSQL ms'], rows));

  out(`\nRaw store query store.observations({ indicators: [code] }), N = ${n}: the read a cold aggregate starts with.\n`);
  out(
    table(
      ['indicator', 'rows', 'DuckDB ms', 'PostgreSQL ms', 'PG/Duck', 'DuckDB rows/ms'],
      duck.raw.map((r, i) => {
        const p = pg?.raw[i];
        return [r.code, int(r.rows), spread(r.time), p ? spread(p.time) : '—', p ? ratio(p.time.median, r.time.median) : '—', int(r.rows / r.time.median)];
      }),
    ),
  );

  const weighted = (e: typeof duck | undefined, group: string) => e?.aggregates.find((a) => a.code === 'IT.NET.USER.ZS' && a.group === group);
  out('\nHardware limit: the same population-weighted mean of IT.NET.USER.ZS (with the two-thirds coverage rule) over');
  out('Float64Array/Int32Array columns in memory, one pass, one thread; each sample is the mean of 1,000 runs, N = 5.');
  out('Reference for the ratios: the typed-array time. "agree" compares each year\'s value with aggregateSeries.\n');
  out(
    table(
      ['group', 'members', 'rows scanned', 'typed ms', 'warm DuckDB ms', 'warm/typed', 'cold DuckDB ms', 'cold/typed', 'cold PG ms', 'cold PG/typed', 'agree'],
      q.typed.map((t) => {
        const dw = weighted(duck, t.group);
        const pw = weighted(pg, t.group);
        return [
          t.group,
          String(t.members),
          int(t.rows),
          spread(t.time),
          dw ? num(dw.warm.median) : '—',
          dw ? ratio(dw.warm.median, t.time.median) : '—',
          dw ? num(dw.cold.median) : '—',
          dw ? ratio(dw.cold.median, t.time.median) : '—',
          pw ? num(pw.cold.median) : '—',
          pw ? ratio(pw.cold.median, t.time.median) : '—',
          `${t.compared} years, max rel. diff ${t.maxRelativeDifference.toExponential(1)}${t.statusDifferences ? `, ${t.statusDifferences} withheld differently` : ''}`,
        ];
      }),
    ),
  );
  out('\n(The typed-array pass counts coverage with the same year\'s population only; aggregateSeries falls back to the');
  out('nearest year, so a year can be withheld by one and not the other. Values are compared where both give one.)');
}

function printLoad(load: LoadBench): void {
  out(`Server: ${load.server.command}`);
  out(`(${load.server.engine}, data version ${load.server.dataVersion}); ready (/api/v1/status says fill.running: false) ${seconds(load.server.readyMs)} after spawn.`);
  out(`Pages (${load.pages.length}): ${load.pages.join(' ')}`);
  const badWarm = load.warmup.filter((w) => w.status !== 200);
  out(
    `Warm-up: each page requested once with accept-encoding: gzip, br — ${badWarm.length ? `NOT 200: ${badWarm.map((w) => `${w.path} ${w.status}`).join(', ')}` : 'all 200'}; ` +
      `slowest ${ms(Math.max(...load.warmup.map((w) => w.ms)))}.`,
  );
  out(`\nautocannon from the benchmark process, ${CONNECTIONS} connections for ${DURATION_S} s, each connection cycling through the pages`);
  out('(all cache hits after the warm-up). Latency percentiles from every 2xx response time. The load generator and the');
  out('server share this machine\'s cores.\n');
  out(
    table(
      ['run', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'timeouts', 'non-2xx', 'MB/s', 'p95/50 ms'],
      load.runs.map((r) => [
        r.label,
        int(r.requests),
        int(r.requestsPerSecond),
        num(r.latency.p50),
        num(r.latency.p95),
        num(r.latency.p99),
        num(r.latency.max),
        String(r.errors),
        String(r.timeouts),
        String(r.non2xx),
        (r.bytesPerSecond / 1e6).toFixed(1),
        ratio(r.latency.p95, P95_TARGET_MS),
      ]),
    ),
  );
  out(`\n(autocannon's own histogram, whole ms: ${load.runs.map((r) => `${r.label}: p50 ${r.autocannon.p50}, p97.5 ${r.autocannon.p97_5}, p99 ${r.autocannon.p99}`).join('; ')}.)`);
  for (const r of load.runs) {
    const p95Met = r.latency.p95 < P95_TARGET_MS;
    const failures = r.errors + r.timeouts + r.non2xx;
    targets.push({ target: `p95 latency, ${CONNECTIONS} connections, ${r.label}`, measured: ms(r.latency.p95), goal: P95_GOAL, ratio: ratio(r.latency.p95, P95_TARGET_MS), met: p95Met });
    targets.push({ target: `errors + timeouts + non-2xx, ${r.label}`, measured: int(failures), goal: '0', ratio: '—', met: failures === 0 });
  }

  out(`\nPage sizes: body bytes on the wire for accept-encoding identity / gzip / br. Target: compressed under ${PAGE_TARGET}`);
  out(`(${int(PAGE_TARGET_BYTES)} bytes), judged on gzip, the larger of the two encodings.\n`);
  out(
    table(
      ['page', 'status', 'identity', 'gzip', 'br', `gzip/${PAGE_TARGET}`, 'met'],
      load.sizes.map((s) => [
        s.path,
        String(s.status),
        bytes(s.identity),
        bytes(s.gzip),
        bytes(s.br),
        ratio(s.gzip, PAGE_TARGET_BYTES),
        `${s.gzip < PAGE_TARGET_BYTES ? 'yes' : 'NO'}${s.encodingsHonoured ? '' : ' (encoding not honoured)'}`,
      ]),
    ),
  );
  const largest = load.sizes.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const over = load.sizes.filter((s) => s.gzip >= PAGE_TARGET_BYTES).length;
  targets.push({
    target: `largest compressed page, gzip (${largest.path}; br ${bytes(largest.br)}); ${over} of ${load.sizes.length} pages over`,
    measured: bytes(largest.gzip),
    goal: PAGE_GOAL,
    ratio: ratio(largest.gzip, PAGE_TARGET_BYTES),
    met: largest.gzip < PAGE_TARGET_BYTES,
  });

  out('\nCold render: the first request of each page after a data change (bench/server.ts, the serve composition, saves');
  out('and deletes a user group, which drops the page cache and the Observatory\'s reference and values), with');
  out('accept-encoding: gzip, br, so rendering, reading the store and both compressions are in the time.\n');
  if ('missing' in load.cold) {
    out(`Cold renders are missing: ${load.cold.missing}`);
    return;
  }
  const cold = load.cold;
  const n = cold.pages[0]?.time.n ?? 0;
  out(
    `First request of a fresh process (${cold.firstAfterStart.path}, ${seconds(cold.firstAfterStart.readyMs)} after spawn): ` +
      `${ms(cold.firstAfterStart.ms)}, status ${cold.firstAfterStart.status}.\n`,
  );
  out(table(['page', 'status', `cold ms: median (min–max), N = ${n}`], cold.pages.map((c) => [c.path, String(c.status), spread(c.time)])));
  const slowest = cold.pages.reduce((a, b) => (b.time.median > a.time.median ? b : a));
  out(`\nSlowest cold page: ${slowest.path}, ${ms(slowest.time.median)} median.`);
}
