import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import type { FromServer, ToServer } from './server.ts';
import { percentile, summarize, type Summary } from './stats.ts';

const COUNTRIES = ['NGA', 'KEN', 'FJI', 'HTI', 'NPL', 'TUV', 'SEN', 'JAM', 'BGD', 'PNG'];
const INDICATOR_PAGES = ['IT.NET.USER.ZS', 'IT.NET.SECR.P6', 'EG.ELC.ACCS.ZS'];
const PAGE_LANGS = ['en', 'fr'];

export const PAGES: readonly string[] = [
  ...PAGE_LANGS.flatMap((lang) => COUNTRIES.map((iso3) => `/${lang}/countries/${iso3}`)),
  ...PAGE_LANGS.flatMap((lang) => INDICATOR_PAGES.map((code) => `/${lang}/indicators/${code}`)),
];

export const CONNECTIONS = 50;
export const DURATION_S = 15;
const COLD_RUNS = 3;
const COMPRESSED = { 'accept-encoding': 'gzip, br' };

interface Fetched {
  status: number;
  encoding: string;
  /** Body bytes as sent on the wire (not decompressed). */
  bytes: number;
  /** Request sent to last body byte. */
  ms: number;
}

function get(base: string, path: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const req = http.get(`${base}${path}`, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () =>
        resolvePromise({ status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? 'identity'), bytes, ms: performance.now() - start }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`no answer to ${path} in 60 s`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

const children = new Set<ChildProcess>();
// A benchmark that fails half-way must not leave a server holding the port or the DuckDB file.
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
});

/** Keeps the last lines a child wrote to stderr, to say why it stopped. */
function tail(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-2000);
  });
  return () => text.trim().split('\n').slice(-5).join(' / ');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

interface Status {
  fill: { running: boolean; errors: string[] } | null;
  dataVersion: number;
  engine: string;
}

/** `observatory serve` on the imported file, offline, until its status says the first fill is not running. */
async function startCli(dataDir: string): Promise<{ child: ChildProcess; base: string; readyMs: number; status: Status }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, OBSERVATORY_OFFLINE: '1' };
  delete env.DATABASE_URL;
  delete env.OBSERVATORY_DATA_DIR;
  const start = performance.now();
  const child = spawn(process.execPath, [resolve('bin/observatory.js'), 'serve', '--port', String(port), '--data-dir', dataDir], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  const stderr = tail(child);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`observatory serve exited with ${child.exitCode}: ${stderr()}`);
    try {
      const res = await fetch(`${base}/api/v1/status`);
      if (res.ok) {
        const status = (await res.json()) as Status;
        if (status.fill && !status.fill.running) return { child, base, readyMs: performance.now() - start, status };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopChild(child);
  throw new Error(`observatory serve did not report fill.running: false within 60 s: ${stderr()}`);
}

export interface LoadRun {
  label: string;
  headers: Record<string, string>;
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  /** From every 2xx response's time (ms), recorded by the benchmark: autocannon's own histogram keeps whole ms and has no p95. */
  latency: { p50: number; p95: number; p99: number; max: number; mean: number };
  autocannon: { p50: number; p97_5: number; p99: number; requestsPerSecondMean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  bytesPerSecond: number;
}

async function loadRun(base: string, label: string, headers: Record<string, string>): Promise<LoadRun> {
  const times: number[] = [];
  // The callback form: it returns the instance whose 'response' events give every response time (the form
  // without a callback returns the same instance made thenable, which @types/autocannon declares as a bare Promise).
  const result = await new Promise<autocannon.Result>((resolvePromise, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION_S,
        headers,
        requests: PAGES.map((path) => ({ method: 'GET', path })),
      },
      (error, done) => (error ? reject(error) : resolvePromise(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
  const sorted = Float64Array.from(times).sort();
  const requests = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    label,
    headers,
    durationS: result.duration,
    requests,
    requestsPerSecond: requests / result.duration,
    latency: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? (sorted[sorted.length - 1] as number) : NaN,
      mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
    },
    autocannon: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, requestsPerSecondMean: result.requests.average },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0])),
    bytesPerSecond: result.throughput.average,
  };
}

export interface PageSize {
  path: string;
  status: number;
  identity: number;
  gzip: number;
  br: number;
  /** False when the server did not answer with the encoding asked for. */
  encodingsHonoured: boolean;
}

export interface ColdRender {
  path: string;
  /** First request after a data change, with `accept-encoding: gzip, br` (rendering plus both compressions). */
  time: Summary;
  status: number;
}

export interface LoadBench {
  pages: readonly string[];
  server: { command: string; readyMs: number; dataVersion: number; engine: string };
  warmup: { path: string; status: number; ms: number }[];
  runs: LoadRun[];
  sizes: PageSize[];
  cold: { firstAfterStart: { path: string; ms: number; status: number; readyMs: number }; pages: ColdRender[] } | { missing: string };
}

async function pageSizes(base: string): Promise<PageSize[]> {
  const sizes: PageSize[] = [];
  for (const path of PAGES) {
    const identity = await get(base, path, {});
    const gzip = await get(base, path, { 'accept-encoding': 'gzip' });
    const br = await get(base, path, { 'accept-encoding': 'br' });
    sizes.push({
      path,
      status: identity.status,
      identity: identity.bytes,
      gzip: gzip.bytes,
      br: br.bytes,
      encodingsHonoured: identity.encoding === 'identity' && gzip.encoding === 'gzip' && br.encoding === 'br',
    });
  }
  return sizes;
}

/** Cold renders in a server of our own (bench/server.ts) that can change the data on request. */
async function coldRenders(dataDir: string): Promise<LoadBench['cold']> {
  const start = performance.now();
  const child = spawn(process.execPath, [resolve('bin/run-ts.js'), resolve('bench/server.ts'), dataDir], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.add(child);
  const stderr = tail(child);
  const next = () =>
    new Promise<FromServer>((resolvePromise, reject) => {
      const onExit = () => reject(new Error(`bench/server.ts exited with ${child.exitCode}: ${stderr()}`));
      child.once('exit', onExit);
      child.once('message', (message: FromServer) => {
        child.off('exit', onExit);
        resolvePromise(message);
      });
    });
  const ask = (message: ToServer) => child.send(message);
  try {
    const ready = await next();
    if (ready.type !== 'ready') throw new Error(`bench/server.ts: ${JSON.stringify(ready)}`);
    const readyMs = performance.now() - start;
    const base = `http://127.0.0.1:${ready.port}`;
    const firstPath = PAGES[0] as string;
    const first = await get(base, firstPath, COMPRESSED);
    const pages: ColdRender[] = [];
    for (const path of PAGES) {
      const samples: number[] = [];
      let status = 0;
      for (let i = 0; i < COLD_RUNS; i++) {
        const reply = next();
        ask({ type: 'change' });
        const changed = await reply;
        if (changed.type !== 'changed') throw new Error(`bench/server.ts could not change the data: ${JSON.stringify(changed)}`);
        const res = await get(base, path, COMPRESSED);
        samples.push(res.ms);
        status = res.status;
      }
      pages.push({ path, time: summarize(samples), status });
    }
    return { firstAfterStart: { path: firstPath, ms: first.ms, status: first.status, readyMs }, pages };
  } catch (error) {
    return { missing: error instanceof Error ? error.message : String(error) };
  } finally {
    await stopChild(child);
  }
}

/**
 * Serves the imported DuckDB file with `observatory serve` in a child process (so the load generator has its own
 * event loop), warms every page, runs autocannon with and without compression, measures page sizes, then
 * measures cold renders in a second child.
 */
export async function benchLoad(dataDir: string, log: (line: string) => void): Promise<LoadBench> {
  const { child, base, readyMs, status } = await startCli(dataDir);
  let runs: LoadRun[];
  let sizes: PageSize[];
  const warmup: LoadBench['warmup'] = [];
  try {
    log(`observatory serve ready at ${base} after ${(readyMs / 1000).toFixed(1)} s`);
    for (const path of PAGES) {
      const res = await get(base, path, COMPRESSED);
      warmup.push({ path, status: res.status, ms: res.ms });
    }
    log(`load run with accept-encoding: gzip, br (${CONNECTIONS} connections, ${DURATION_S} s)`);
    const compressed = await loadRun(base, 'accept-encoding: gzip, br', COMPRESSED);
    log(`load run without accept-encoding (${CONNECTIONS} connections, ${DURATION_S} s)`);
    const identity = await loadRun(base, 'no accept-encoding', {});
    runs = [compressed, identity];
    sizes = await pageSizes(base);
  } finally {
    await stopChild(child);
  }
  log('cold renders (a data change before each request)');
  const cold = await coldRenders(dataDir);
  return {
    pages: PAGES,
    server: { command: `OBSERVATORY_OFFLINE=1 node bin/observatory.js serve --port <free> --data-dir ${dataDir}`, readyMs, dataVersion: status.dataVersion, engine: status.engine },
    warmup,
    runs,
    sizes,
    cold,
  };
}
