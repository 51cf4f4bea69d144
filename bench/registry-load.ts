// The registry's load run: 200 concurrent readers and 10 writers for 30 s on loopback, against the
// server in a child process over a fresh store filled with a small world. Readers read the cyberlaw API and
// pages anonymously; ten editors, signed in over HTTP (form, cookie, CSRF token), propose changes through the
// API while a curator accepts them, returning those whose record moved on (the expected 409s). It reports
// errors (target 0), latency percentiles per role, and checks the stored data against what the server answered.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore } from '../src/adapters/storage/open.ts';
import type { Store } from '../src/adapters/storage/store.ts';
import { CYBERLAW_AREAS, type CyberlawStatus } from '../src/domain/cyberlaw.ts';
import type { Country } from '../src/domain/country.ts';
import { AuthService } from '../src/app/services/auth.ts';
import { benchSchema, dropSchema, POSTGRES_URL } from './postgres.ts';
import type { FromRegistryServer } from './registry-server.ts';
import { int, num, percentile, seconds, table } from './stats.ts';

export const READERS = 200;
export const WRITERS = 10;
export const RUN_S = Number(process.env.BENCH_REGISTRY_SECONDS ?? 30);
const BASELINE_S = 5;
const PASSWORD = 'benchmark passphrase, long enough';
const GROUP = 'ACP';
const LANGS = ['en', 'fr'] as const;

/** The small world: ACP states with their English and French names. */
const WORLD: [iso3: string, en: string, fr: string][] = [
  ['NGA', 'Nigeria', 'Nigéria'], ['KEN', 'Kenya', 'Kenya'], ['GHA', 'Ghana', 'Ghana'], ['SEN', 'Senegal', 'Sénégal'],
  ['CIV', 'Côte d’Ivoire', 'Côte d’Ivoire'], ['CMR', 'Cameroon', 'Cameroun'], ['ETH', 'Ethiopia', 'Éthiopie'], ['TZA', 'Tanzania', 'Tanzanie'],
  ['UGA', 'Uganda', 'Ouganda'], ['RWA', 'Rwanda', 'Rwanda'], ['ZMB', 'Zambia', 'Zambie'], ['ZWE', 'Zimbabwe', 'Zimbabwe'],
  ['MOZ', 'Mozambique', 'Mozambique'], ['MDG', 'Madagascar', 'Madagascar'], ['MLI', 'Mali', 'Mali'], ['BFA', 'Burkina Faso', 'Burkina Faso'],
  ['NER', 'Niger', 'Niger'], ['TCD', 'Chad', 'Tchad'], ['BEN', 'Benin', 'Bénin'], ['TGO', 'Togo', 'Togo'],
  ['GIN', 'Guinea', 'Guinée'], ['SLE', 'Sierra Leone', 'Sierra Leone'], ['LBR', 'Liberia', 'Libéria'], ['GMB', 'Gambia', 'Gambie'],
  ['JAM', 'Jamaica', 'Jamaïque'], ['HTI', 'Haiti', 'Haïti'], ['TTO', 'Trinidad and Tobago', 'Trinité-et-Tobago'], ['BRB', 'Barbados', 'Barbade'],
  ['DOM', 'Dominican Republic', 'République dominicaine'], ['GUY', 'Guyana', 'Guyana'], ['FJI', 'Fiji', 'Fidji'], ['PNG', 'Papua New Guinea', 'Papouasie-Nouvelle-Guinée'],
  ['WSM', 'Samoa', 'Samoa'], ['TON', 'Tonga', 'Tonga'], ['VUT', 'Vanuatu', 'Vanuatu'], ['SLB', 'Solomon Islands', 'Îles Salomon'],
  ['TUV', 'Tuvalu', 'Tuvalu'], ['KIR', 'Kiribati', 'Kiribati'], ['MUS', 'Mauritius', 'Maurice'], ['NAM', 'Namibia', 'Namibie'],
];
const STATUSES: readonly CyberlawStatus[] = ['legislation', 'draft', 'none', 'no-data'];

export interface RoleStats {
  role: string;
  /** What each request of the role is. */
  what: string;
  requests: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** 409s the workflow expects: a proposal on a version that moved on, an acceptance of a proposal whose record moved on. */
  expectedConflicts: number;
  /** Non-2xx answers other than the expected 409s, and network errors or timeouts. */
  errors: number;
  networkErrors: number;
  errorSamples: string[];
  latency: { p50: number; p95: number; p99: number; max: number; mean: number };
  requestsPerSecond: number;
}

export interface DataCheck {
  check: string;
  expected: string;
  found: string;
  ok: boolean;
}

export interface RegistryLoadBench {
  engine: 'duckdb' | 'postgres';
  world: { countries: number; group: string; groupMembers: number; cyberlawEntries: number; editors: number; curators: number };
  setupMs: number;
  serverReadyMs: number;
  signInMs: number;
  runMs: number;
  baselineMs: number;
  checksMs: number;
  /** CPU time over the run as a share of one core: the server process, and this process (the load generator). */
  cpu: { serverPct: number | null; clientPct: number };
  /** The writers and the curator alone, before the run. */
  baseline: RoleStats[];
  totalMs: number;
  readerPaths: number;
  roles: RoleStats[];
  checks: DataCheck[];
}

/** One answer: its status, the time from sending the request to its body's last byte, and the body when asked for. */
interface Answer {
  status: number;
  ms: number;
  body: string;
  setCookie: string[];
  location: string | null;
}

function send(agent: http.Agent, base: string, method: string, path: string, headers: Record<string, string>, body?: string, keepBody = false): Promise<Answer> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const req = http.request(`${base}${path}`, { method, agent, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        if (keepBody) chunks.push(chunk);
      });
      res.on('end', () =>
        resolvePromise({
          status: res.statusCode ?? 0,
          ms: performance.now() - start,
          body: keepBody ? Buffer.concat(chunks).toString('utf8') : '',
          setCookie: res.headers['set-cookie'] ?? [],
          location: typeof res.headers.location === 'string' ? res.headers.location : null,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer to ${method} ${path} in 30 s`)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** User plus system CPU time of a process so far, in ms, from /proc (Linux; null elsewhere). */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command; in clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Counts a role's answers and times. */
class Recorder {
  private readonly times: number[] = [];
  private readonly statuses = new Map<number, number>();
  expectedConflicts = 0;
  errors = 0;
  networkErrors = 0;
  private readonly samples: string[] = [];

  constructor(
    readonly role: string,
    readonly what: string,
  ) {}

  answered(a: Answer, expected409: boolean, label: string): void {
    this.times.push(a.ms);
    this.statuses.set(a.status, (this.statuses.get(a.status) ?? 0) + 1);
    if (a.status === 409 && expected409) this.expectedConflicts++;
    else if (a.status < 200 || a.status >= 300) {
      this.errors++;
      if (this.samples.length < 5) this.samples.push(`${label} → ${a.status} ${a.body.slice(0, 160)}`);
    }
  }

  failed(error: unknown, label: string): void {
    this.networkErrors++;
    this.errors++;
    if (this.samples.length < 5) this.samples.push(`${label} → ${error instanceof Error ? error.message : String(error)}`);
  }

  stats(runMs: number): RoleStats {
    const sorted = Float64Array.from(this.times).sort();
    const requests = this.times.length + this.networkErrors;
    return {
      role: this.role,
      what: this.what,
      requests,
      statuses: Object.fromEntries([...this.statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => [String(s), n])),
      expectedConflicts: this.expectedConflicts,
      errors: this.errors,
      networkErrors: this.networkErrors,
      errorSamples: this.samples,
      latency: {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted.length ? (sorted[sorted.length - 1] as number) : NaN,
        mean: this.times.reduce((a, b) => a + b, 0) / Math.max(1, this.times.length),
      },
      requestsPerSecond: requests / (runMs / 1000),
    };
  }
}

/** The small world, through the store's own writers: countries with a population, one group, a cyberlaw edition. */
async function fillWorld(store: Store): Promise<number> {
  const countries: Country[] = WORLD.map(([iso3, en, fr]) => ({ iso3, iso2: null, m49: null, names: { en, fr }, region: null, subregion: null, intermediateRegion: null }));
  const meta = (dataset: string, source: string) => ({ dataset, source, format: 'bench', fileName: null, sha256: `bench-${dataset}`, licence: null, sourceUrl: null, publishedAt: '2026-01-01', note: null });
  await store.importVintage(meta('bench/world', 'Benchmark world'), async (w) => {
    await w.upsertCountries(countries);
    await w.replaceGroups(
      [{ id: GROUP, kind: 'alliance', names: { en: 'ACP States', fr: 'États ACP' }, wbCode: null, source: 'benchmark' }],
      WORLD.map(([iso3]) => ({ groupId: GROUP, iso3, status: 'member' as const, from: null, to: null, source: 'benchmark' })),
    );
    // An indicator, so that a server started on this store finds it filled and imports nothing.
    await w.nameIndicator('SP.POP.TOTL', 'Population, total');
    await w.addObservations(WORLD.map(([iso3], i) => ({ indicator: 'SP.POP.TOTL', entity: iso3, year: 2024, value: 1_000_000 * (i + 1) })));
  });
  const entries = WORLD.flatMap(([iso3], i) =>
    CYBERLAW_AREAS.map((a, j) => {
      const status = STATUSES[(i + j) % STATUSES.length] as CyberlawStatus;
      return {
        iso3,
        area: a.id,
        status,
        asOf: '2025-12-31',
        source: 'UNCTAD Global Cyberlaw Tracker (benchmark edition)',
        laws: status === 'legislation' ? [{ title: `${a.names.en} Act of ${iso3}`, year: 2015 + j, url: `https://example.org/${iso3.toLowerCase()}/${a.id}` }] : [],
      };
    }),
  );
  await store.importVintage(meta('unctad/cyberlaw-tracker', 'UNCTAD Global Cyberlaw Tracker'), (w) => w.addCyberlawEntries(entries, 'benchmark tracker edition'));
  return entries.length;
}

/** The accounts, made as `observatory accounts create` makes them: a curator and one editor per country of the first ten. */
async function makeAccounts(store: Store): Promise<{ curator: string; editors: { email: string; iso3: string }[] }> {
  const auth = new AuthService(store.registry);
  await auth.createAccount({ email: 'curator@bench.example', name: 'Curator', role: 'curator', countries: [], password: PASSWORD }, null, 'benchmark setup');
  const editors: { email: string; iso3: string }[] = [];
  for (const [iso3] of WORLD.slice(0, WRITERS)) {
    const email = `editor-${iso3.toLowerCase()}@bench.example`;
    await auth.createAccount({ email, name: `Editor ${iso3}`, role: 'editor', countries: [iso3], password: PASSWORD }, null, 'benchmark setup');
    editors.push({ email, iso3 });
  }
  return { curator: 'curator@bench.example', editors };
}

interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in as a browser does: the form and its cookie, the POST, the session cookie, the CSRF token of a signed-in page. */
async function signIn(agent: http.Agent, base: string, email: string): Promise<Session> {
  const cookieOf = (a: Answer, name: string) => a.setCookie.find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? null;
  const form = await send(agent, base, 'GET', '/en/login', {}, undefined, true);
  const login = cookieOf(form, 'obs_login');
  const token = /name="login" value="([^"]+)"/.exec(form.body)?.[1];
  if (!login || !token) throw new Error(`the sign-in form gave no token (${form.status})`);
  const body = new URLSearchParams({ login: token, email, password: PASSWORD }).toString();
  const res = await send(agent, base, 'POST', '/en/login', { 'content-type': 'application/x-www-form-urlencoded', cookie: login }, body, true);
  const cookie = cookieOf(res, 'obs_session');
  if (res.status !== 303 || !cookie) throw new Error(`signing in ${email} answered ${res.status}: ${res.body.slice(0, 200)}`);
  const page = await send(agent, base, 'GET', res.location ?? '/en/edit', { cookie }, undefined, true);
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!csrf) throw new Error(`no CSRF token on ${res.location ?? '/en/edit'} for ${email} (${page.status})`);
  return { cookie, csrf };
}

function startServer(args: string[]): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [resolve('bin/run-ts.js'), resolve('bench/registry-server.ts'), ...args], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench/registry-server.ts did not start within 60 s: ${stderr}`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench/registry-server.ts exited with ${code}: ${stderr.trim().split('\n').slice(-5).join(' / ')}`));
    });
    child.once('message', (message: FromRegistryServer) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolvePromise({ child, base: `http://127.0.0.1:${message.port}` });
      else reject(new Error(message.message));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** What the readers cycle over: the coverage and country APIs, the registry page and country pages, in two languages. */
function readerPaths(): string[] {
  const paths: string[] = [];
  for (const [i, [iso3]] of WORLD.entries()) {
    const lang = LANGS[i % LANGS.length] as string;
    paths.push(`/api/v1/cyberlaw/coverage?group=${GROUP}`, `/api/v1/cyberlaw/countries/${iso3}`, `/${lang}/cyberlaw?group=${GROUP}`, `/${lang}/countries/${iso3}`);
  }
  return paths;
}

/**
 * Runs the registry load on one engine: a fresh store (a DuckDB file under `tempRoot`, or a PostgreSQL schema
 * dropped after), the world and accounts written to it, the server started on it, the run, then the checks on
 * the store once the server has stopped.
 */
export async function benchRegistryLoad(engine: 'duckdb' | 'postgres', tempRoot: string, log: (line: string) => void): Promise<RegistryLoadBench> {
  const began = performance.now();
  const dataDir = join(tempRoot, `registry-load-${engine}`);
  const schema = engine === 'postgres' ? benchSchema('registry') : null;
  mkdirSync(dataDir, { recursive: true });
  const open = () => openStore(engine === 'duckdb' ? { dataDir } : { databaseUrl: POSTGRES_URL, schema: schema as string });
  let child: ChildProcess | null = null;
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  try {
    // 1. The world and the accounts, written before the server opens the store (one process owns a DuckDB file).
    let store = await open();
    let cyberlawEntries: number;
    let accounts: Awaited<ReturnType<typeof makeAccounts>>;
    try {
      cyberlawEntries = await fillWorld(store);
      accounts = await makeAccounts(store);
    } finally {
      await store.close();
    }
    const setupMs = performance.now() - began;

    // 2. The server, and the sessions.
    const serverStart = performance.now();
    const server = await startServer(engine === 'duckdb' ? ['duckdb', dataDir] : ['postgres', POSTGRES_URL, schema as string]);
    child = server.child;
    const base = server.base;
    const serverReadyMs = performance.now() - serverStart;
    log(`registry load (${engine}): server at ${base} after ${(serverReadyMs / 1000).toFixed(1)} s; signing in ${WRITERS} editors and a curator`);
    const signInStart = performance.now();
    const editors = await Promise.all(accounts.editors.map(async (e) => ({ ...e, session: await signIn(agent, base, e.email) })));
    const curator = await signIn(agent, base, accounts.curator);
    const signInMs = performance.now() - signInStart;

    // Every reader path once, so that the run measures a server in use rather than its first renders.
    const paths = readerPaths();
    for (const path of new Set(paths)) {
      const a = await send(agent, base, 'GET', path, { 'accept-encoding': 'gzip, br' });
      if (a.status !== 200) throw new Error(`warm-up: ${path} answered ${a.status}`);
    }

    // 3. The run.
    const readers = new Recorder('readers', `${READERS} anonymous readers, GET cyberlaw API and pages`);
    // The writers and the curator first run alone for a few seconds, so that the report shows what the readers' load adds to a write.
    let writers = new Recorder('writers alone', `${WRITERS} editors, POST /api/v1/proposals, no readers`);
    let reviews = new Recorder('curator alone', '1 curator, POST accept (return after a 409), no readers');
    let listing = new Recorder('curator list alone', '1 curator, GET /api/v1/proposals?status=pending, no readers');
    let proposed = 0;
    let accepted = 0;
    let returned = 0;
    let end = 0;
    const running = () => performance.now() < end;

    const reader = async (n: number) => {
      let i = (n * 7) % paths.length;
      while (running()) {
        const path = paths[i++ % paths.length] as string;
        try {
          readers.answered(await send(agent, base, 'GET', path, { 'accept-encoding': 'gzip, br' }), false, `GET ${path}`);
        } catch (error) {
          readers.failed(error, `GET ${path}`);
        }
      }
    };

    const writer = async (e: (typeof editors)[number], n: number) => {
      // The version each area is known at; a 409 tells the current one, as it tells an editor's browser.
      const base0 = new Map<string, number>(CYBERLAW_AREAS.map((a) => [a.id, 1]));
      let i = n;
      while (running()) {
        const area = CYBERLAW_AREAS[i % CYBERLAW_AREAS.length]?.id as string;
        const status = STATUSES[i % 3] as CyberlawStatus;
        i++;
        const body = JSON.stringify({
          kind: 'cyberlaw',
          iso3: e.iso3,
          key: area,
          baseVersion: base0.get(area) ?? 0,
          why: `benchmark change ${i}`,
          payload: {
            status,
            asOf: '2026-01-15',
            source: `Official gazette of ${e.iso3}, issue ${i}`,
            laws: status === 'legislation' ? [{ title: `Act ${i} of ${e.iso3}`, year: 2026, url: `https://example.org/${e.iso3}/${i}` }] : [],
          },
        });
        try {
          const a = await send(agent, base, 'POST', '/api/v1/proposals', { cookie: e.session.cookie, 'x-csrf-token': e.session.csrf, 'content-type': 'application/json' }, body, true);
          writers.answered(a, true, `POST /api/v1/proposals ${e.iso3}/${area}`);
          if (a.status === 201) proposed++;
          if (a.status === 409) {
            const current = (JSON.parse(a.body) as { error?: { currentVersion?: number } }).error?.currentVersion;
            if (typeof current === 'number') base0.set(area, current);
          }
        } catch (error) {
          writers.failed(error, `POST /api/v1/proposals ${e.iso3}/${area}`);
        }
      }
    };

    const reviewer = async () => {
      const headers = { cookie: curator.cookie, 'x-csrf-token': curator.csrf, 'content-type': 'application/json' };
      while (running()) {
        let pending: { id: number }[] = [];
        try {
          const list = await send(agent, base, 'GET', '/api/v1/proposals?status=pending', { cookie: curator.cookie }, undefined, true);
          listing.answered(list, false, 'GET /api/v1/proposals?status=pending');
          if (list.status === 200) pending = (JSON.parse(list.body) as { proposals: { id: number }[] }).proposals;
        } catch (error) {
          listing.failed(error, 'GET /api/v1/proposals?status=pending');
        }
        if (pending.length === 0) await new Promise((r) => setTimeout(r, 20));
        for (const p of pending) {
          if (!running()) break;
          try {
            const a = await send(agent, base, 'POST', `/api/v1/proposals/${p.id}/accept`, headers, JSON.stringify({ comment: 'checked' }), true);
            reviews.answered(a, true, `POST accept ${p.id}`);
            if (a.status === 200) accepted++;
            if (a.status === 409) {
              // The record moved on since the proposal was made: it goes back to its editor.
              const r = await send(agent, base, 'POST', `/api/v1/proposals/${p.id}/return`, headers, JSON.stringify({ comment: 'the record has changed; propose again from the current version' }), true);
              reviews.answered(r, false, `POST return ${p.id}`);
              if (r.status === 200) returned++;
            }
          } catch (error) {
            reviews.failed(error, `POST review ${p.id}`);
          }
        }
      }
    };

    log(`registry load (${engine}): ${WRITERS} writers alone for ${BASELINE_S} s`);
    const baselineStart = performance.now();
    end = baselineStart + BASELINE_S * 1000;
    await Promise.all([...editors.map((e, n) => writer(e, n)), reviewer()]);
    const baselineMs = performance.now() - baselineStart;
    const baseline = [writers, reviews, listing].map((r) => r.stats(baselineMs));
    writers = new Recorder('writers', `${WRITERS} editors, POST /api/v1/proposals`);
    reviews = new Recorder('curator', '1 curator, POST accept (return after a 409)');
    listing = new Recorder('curator list', '1 curator, GET /api/v1/proposals?status=pending');

    log(`registry load (${engine}): ${READERS} readers and ${WRITERS} writers for ${RUN_S} s`);
    const serverCpu0 = processCpuMs(child.pid);
    const clientCpu0 = process.cpuUsage();
    const runStart = performance.now();
    end = runStart + RUN_S * 1000;
    await Promise.all([
      ...Array.from({ length: READERS }, (_, n) => reader(n)),
      ...editors.map((e, n) => writer(e, n)),
      reviewer(),
    ]);
    const runMs = performance.now() - runStart;
    const serverCpu1 = processCpuMs(child.pid);
    const clientCpu = process.cpuUsage(clientCpu0);
    const cpu = {
      serverPct: serverCpu0 === null || serverCpu1 === null ? null : ((serverCpu1 - serverCpu0) / runMs) * 100,
      clientPct: ((clientCpu.user + clientCpu.system) / 1000 / runMs) * 100,
    };
    agent.destroy();
    await stopServer(child);
    child = null;

    // 4. The checks, on the store as the server left it.
    const checksStart = performance.now();
    store = await open();
    const checks: DataCheck[] = [];
    try {
      const proposals = await store.registry.proposals();
      const audit = await store.registry.auditLog({ limit: 1_000_000_000 });
      const entries = await store.registry.cyberlawEntries();
      const writes = proposed + accepted + returned;
      const check = (name: string, expected: number | string, found: number, ok: boolean) => checks.push({ check: name, expected: String(expected), found: int(found), ok });
      check('proposals stored = proposals answered 201', int(proposed), proposals.length, proposals.length === proposed);
      const acceptedStored = proposals.filter((p) => p.status === 'accepted').length;
      check('accepted proposals stored = accepts answered 200', int(accepted), acceptedStored, acceptedStored === accepted);
      const returnedStored = proposals.filter((p) => p.status === 'returned').length;
      check('returned proposals stored = returns answered 200', int(returned), returnedStored, returnedStored === returned);
      const added = entries.length - cyberlawEntries;
      check('new cyberlaw versions = accepts answered 200', int(accepted), added, added === accepted);
      const runAudit = audit.filter((a) => a.action === 'propose' || a.action === 'accept' || a.action === 'return').length;
      check(`audit lines ≥ writes (${int(proposed)} proposals + ${int(accepted)} accepts + ${int(returned)} returns)`, `≥ ${int(writes)}`, runAudit, runAudit >= writes);
    } finally {
      await store.close();
    }
    const checksMs = performance.now() - checksStart;
    return {
      engine,
      world: { countries: WORLD.length, group: GROUP, groupMembers: WORLD.length, cyberlawEntries, editors: editors.length, curators: 1 },
      setupMs,
      serverReadyMs,
      signInMs,
      runMs,
      baselineMs,
      checksMs,
      cpu,
      baseline,
      totalMs: performance.now() - began,
      readerPaths: new Set(paths).size,
      roles: [readers, writers, reviews, listing].map((r) => r.stats(runMs)),
      checks,
    };
  } finally {
    agent.destroy();
    if (child) await stopServer(child);
    if (schema) await dropSchema(schema).catch((e: unknown) => log(`could not drop the schema ${schema}: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/** Whether a run met its targets: no error in any role, and every data check holds. */
export function registryLoadOk(r: RegistryLoadBench): boolean {
  return [...r.roles, ...r.baseline].every((x) => x.errors === 0) && r.checks.every((c) => c.ok);
}

export function printRegistryLoad(runs: readonly RegistryLoadBench[], out: (text?: string) => void): void {
  for (const r of runs) {
    out(`${r.engine === 'duckdb' ? 'DuckDB (a fresh file in a temp dir)' : 'PostgreSQL (a fresh schema, dropped after)'}: ${r.world.countries} countries, group ${r.world.group} of ${r.world.groupMembers}, ` +
      `${int(r.world.cyberlawEntries)} cyberlaw statuses (one tracker edition), ${r.world.editors} editors (one country each) and ${r.world.curators} curator.`);
    out(`Server: bench/registry-server.ts in a child process (createApp on @hono/node-server, as observatory serve), 127.0.0.1, ready ${seconds(r.serverReadyMs)} after spawn.`);
    out(`Client: this process, node:http with one keep-alive agent; readers send accept-encoding: gzip, br; ${r.readerPaths} reader URLs warmed once before the run.`);
    out(`Sign-in of ${r.world.editors + r.world.curators} accounts over HTTP (form, cookie, CSRF token from a signed-in page): ${seconds(r.signInMs)} (scrypt).`);
    out(
      `Duration: setup ${seconds(r.setupMs)}, writers alone ${seconds(r.baselineMs)}, run ${seconds(r.runMs)}, checks ${seconds(r.checksMs)}; ` +
        `the section took ${seconds(r.totalMs)} on ${r.engine}.`,
    );
    out(
      `CPU over the run, share of one core: server ${r.cpu.serverPct === null ? '—' : `${r.cpu.serverPct.toFixed(0)}%`}, load generator ${r.cpu.clientPct.toFixed(0)}% ` +
        '(two cores: a server near 100% is saturated, and latency is then mostly time queued behind other requests).\n',
    );
    out(
      table(
        ['role', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'statuses', 'expected 409', 'errors'],
        [...r.roles, ...r.baseline].map((x) => [
          x.role,
          int(x.requests),
          int(x.requestsPerSecond),
          num(x.latency.p50),
          num(x.latency.p95),
          num(x.latency.p99),
          num(x.latency.max),
          Object.entries(x.statuses).map(([s, n]) => `${s}×${n}`).join(' ') || '—',
          int(x.expectedConflicts),
          `${int(x.errors)}${x.networkErrors ? ` (${x.networkErrors} network)` : ''}`,
        ]),
      ),
    );
    out('');
    for (const x of [...r.roles, ...r.baseline]) out(`  ${x.role}: ${x.what}${x.errorSamples.length ? ` — first errors: ${x.errorSamples.join(' | ')}` : ''}`);
    out('  Expected 409s: a proposal on a version that moved on (the editor takes the current version from the answer), an');
    out('  acceptance of a proposal whose record moved on since (the curator returns it). Errors: any other non-2xx, network errors.\n');
    out(table(['data check after the run', 'expected', 'found', 'ok'], r.checks.map((c) => [c.check, c.expected, c.found, c.ok ? 'yes' : 'NO'])));
    out('');
  }
}
