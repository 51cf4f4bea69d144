// The moratorium estimator at scale: 5 M generated bilateral import rows and about 1 M tariff rows in a fresh
// embedded database, the duty-base rebuild, the full sweep of every reporter and year, a point query, and the
// same computation in plain TypeScript over typed arrays (the hardware limit), whose totals must equal the SQL's.
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../src/adapters/importers/import-file.ts';
import { detectFormat } from '../src/adapters/importers/formats.ts';
import { DuckDbDatabase } from '../src/adapters/storage/duckdb.ts';
import { DUCKDB_FILE } from '../src/adapters/storage/open.ts';
import { PostgresDatabase } from '../src/adapters/storage/postgres.ts';
import { SqlStore } from '../src/adapters/storage/sql-store.ts';
import type { EstimateRequest, Store } from '../src/adapters/storage/store.ts';
import type { NewVintage } from '../src/domain/vintage.ts';
import type { Country } from '../src/domain/country.ts';
import type { Group, Membership } from '../src/domain/group.ts';
import { lineFactors, type EstimateRow, type LineFactor } from '../src/domain/moratorium/estimate.ts';
import { BUILT_IN_LISTS, DEFAULT_LIST } from '../src/domain/moratorium/lists.ts';
import { DEFAULT_OPTIONS } from '../src/domain/moratorium/options.ts';
import { Observatory } from '../src/app/services/observatory.ts';
import { createApp } from '../src/app/web/server.ts';
import {
  BENCH_SCALE,
  flowBatches,
  generateAtScale,
  schemeMembers,
  tariffBatches,
  writeBaciCsv,
  type ScaleSpec,
  type ScaleTrade,
} from '../test/fixtures/trade.ts';
import { benchSchema, dropSchema, POSTGRES_URL } from './postgres.ts';
import { bytes, int, measure, measureSync, mib, ms, num, ratio, seconds, spread, table, type Summary } from './stats.ts';

const RUNS = 5;
/** PostgreSQL runs at a fifth of the scale, and only when asked: its duty-base rebuild took minutes even at 1 M rows. */
export const POSTGRES_FLOWS = 1_000_000;
export const POSTGRES_WANTED = process.env.BENCH_MORATORIUM_POSTGRES === '1';
export const SWEEP_TARGET_MS = 1000;
export const SCAN_RATIO_TARGET = 4;
/** A moratorium page view for a group: under a second, reading the duty base once. */
export const PAGE_TARGET_MS = 1000;
/** The generated group the page is measured for: every fourth of the first 180 reporters, as many as the LDCs. */
const PAGE_GROUP = 'LDC';
/** What a page view did before the estimate was computed from one read of the base: 11 estimates of 2 queries each. */
const PREVIOUS_ESTIMATES_PER_VIEW = 11;
/** Largest relative difference allowed between the typed-array and the SQL figures (a correctness check). */
const TOLERANCE = 1e-6;

const meta = (dataset: string): NewVintage => ({
  dataset,
  source: 'generated (bench/moratorium.ts)',
  format: 'generated',
  fileName: null,
  sha256: `${dataset}-${BENCH_SCALE.seed}`,
  licence: null,
  sourceUrl: null,
  publishedAt: null,
  note: null,
});

/** Samples the process's RSS every 50 ms; DuckDB runs in this process, so its memory is in the figure. */
class RssSampler {
  private peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }, 50).unref();

  stop(): number {
    clearInterval(this.timer);
    return Math.max(this.peak, process.memoryUsage().rss);
  }
}

async function sampled<T>(work: () => Promise<T>): Promise<{ value: T; peakRss: number }> {
  const sampler = new RssSampler();
  try {
    const value = await work();
    return { value, peakRss: sampler.stop() };
  } finally {
    sampler.stop();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

interface DuckMemory {
  /** SUM(memory_usage_bytes) of duckdb_memory(): what DuckDB's buffer manager holds. */
  bufferBytes: number;
  /** The largest tags, for the report. */
  tags: { tag: string; bytes: number }[];
  databaseSize: string;
  memoryLimit: string;
}

async function duckMemory(db: DuckDbDatabase): Promise<DuckMemory> {
  const tags = await db.query<{ tag: string; memory_usage_bytes: number }>(`SELECT tag, memory_usage_bytes FROM duckdb_memory() ORDER BY memory_usage_bytes DESC`);
  const size = await db.query<{ database_size: string; memory_limit: string }>(`PRAGMA database_size`);
  const first = size.find((s) => s.database_size !== undefined);
  return {
    bufferBytes: tags.reduce((s, t) => s + Number(t.memory_usage_bytes), 0),
    tags: tags.filter((t) => Number(t.memory_usage_bytes) > 0).slice(0, 4).map((t) => ({ tag: t.tag, bytes: Number(t.memory_usage_bytes) })),
    databaseSize: first?.database_size ?? '—',
    memoryLimit: first?.memory_limit ?? '—',
  };
}

// The typed-array reference -----------------------------------------------------------------------------------------

/** Per reporter-year sums: what the sweep returns, in dense arrays indexed by reporter × years + year. */
interface Sums {
  imports: Float64Array;
  rated: Float64Array;
  revenue: Float64Array;
  /** Bit 1: the line has imports; bit 2: it has a rate. Indexed by (reporter × years + year) × lines + line. */
  seen: Uint8Array;
}

function newSums(groups: number, lines: number): Sums {
  return { imports: new Float64Array(groups), rated: new Float64Array(groups), revenue: new Float64Array(groups), seen: new Uint8Array(groups * lines) };
}

function clearSums(s: Sums): void {
  s.imports.fill(0);
  s.rated.fill(0);
  s.revenue.fill(0);
  s.seen.fill(0);
}

/** Rates by (reporter, tariff year, line), the tariff year each reporter-year uses, and memberships by partner. */
interface Tables {
  y0: number;
  years: number;
  /** Simple average of the national lines' MFN rates; NaN without one. Index (reporter × years + year) × lines + line. */
  mfn: Float64Array;
  /** Preferential rates of each (scheme, reporter) that has any, by slot: (slot × years + year) × lines + line. */
  pref: Float64Array;
  slotOf: Int32Array;
  /** Tariff year index for each reporter × years + imports' year; -1 without a schedule. */
  pick: Int32Array;
  memStart: Int32Array;
  memScheme: Int32Array;
  memFrom: Int32Array;
  memTo: Int32Array;
}

/** The rate tables from the raw tariff rows and memberships: the roll-up, the tariff-year choice, the entitlements. */
function buildTables(d: ScaleTrade): Tables {
  const years = d.spec.years.length;
  const y0 = d.spec.years[0] as number;
  const R = d.spec.reporters;
  const L = d.spec.lines.length;
  const S = d.schemes.length;
  const t = d.tariffs;
  const mfnSum = new Float64Array(R * years * L);
  const mfnN = new Uint16Array(R * years * L);
  const scheduled = new Uint8Array(R * years);
  const slotOf = new Int32Array(S * R).fill(-1);
  let slots = 0;
  for (let i = 0; i < t.length; i++) {
    if (t.regime[i] !== 2) continue;
    const k = (t.scheme[i] as number) * R + (t.reporter[i] as number);
    if (slotOf[k] === -1) slotOf[k] = slots++;
  }
  const prefSum = new Float64Array(slots * years * L);
  const prefN = new Uint16Array(slots * years * L);
  for (let i = 0; i < t.length; i++) {
    const regime = t.regime[i] as number;
    if (regime === 1) continue;
    const r = t.reporter[i] as number;
    const y = (t.year[i] as number) - y0;
    if (regime === 0) scheduled[r * years + y] = 1;
    const rate = t.rate[i] as number;
    if (rate !== rate) continue;
    const l = t.line[i] as number;
    if (regime === 0) {
      const k = (r * years + y) * L + l;
      mfnSum[k] = (mfnSum[k] as number) + rate;
      mfnN[k] = (mfnN[k] as number) + 1;
    } else {
      const k = ((slotOf[(t.scheme[i] as number) * R + r] as number) * years + y) * L + l;
      prefSum[k] = (prefSum[k] as number) + rate;
      prefN[k] = (prefN[k] as number) + 1;
    }
  }
  const mfn = new Float64Array(mfnSum.length);
  for (let k = 0; k < mfn.length; k++) mfn[k] = mfnN[k] ? (mfnSum[k] as number) / (mfnN[k] as number) : NaN;
  const pref = new Float64Array(prefSum.length);
  for (let k = 0; k < pref.length; k++) pref[k] = prefN[k] ? (prefSum[k] as number) / (prefN[k] as number) : NaN;
  // The latest schedule not after the imports' year, else the earliest after it.
  const pick = new Int32Array(R * years).fill(-1);
  for (let r = 0; r < R; r++) {
    for (let y = 0; y < years; y++) {
      let chosen = -1;
      for (let s = y; s >= 0 && chosen < 0; s--) if (scheduled[r * years + s]) chosen = s;
      for (let s = y + 1; s < years && chosen < 0; s++) if (scheduled[r * years + s]) chosen = s;
      pick[r * years + y] = chosen;
    }
  }
  const C = d.countries.length;
  const memStart = new Int32Array(C + 1);
  for (const s of d.schemes) for (const m of s.members) memStart[m.partner + 1] = (memStart[m.partner + 1] as number) + 1;
  for (let p = 0; p < C; p++) memStart[p + 1] = (memStart[p + 1] as number) + (memStart[p] as number);
  const n = memStart[C] as number;
  const [memScheme, memFrom, memTo] = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  const fill = memStart.slice(0, C);
  d.schemes.forEach((s, k) => {
    for (const m of s.members) {
      const at = fill[m.partner] as number;
      fill[m.partner] = at + 1;
      memScheme[at] = k;
      memFrom[at] = m.from ?? -1e9;
      memTo[at] = m.to ?? 1e9;
    }
  });
  return { y0, years, mfn, pref, slotOf, pick, memStart, memScheme, memFrom, memTo };
}

/**
 * The whole estimate from raw data, one pass: per flow, the tariff year, the MFN rate, and the lowest
 * preference among the schemes the partner is entitled to that year; writes each row's rate into `rates`.
 */
function fullComputation(d: ScaleTrade, measure: 'applied' | 'mfn', factor: Float64Array, rates: Float64Array, out: Sums): void {
  const tb = buildTables(d);
  const { y0, years, mfn, pref, slotOf, pick, memStart, memScheme, memFrom, memTo } = tb;
  const R = d.spec.reporters;
  const L = d.spec.lines.length;
  const f = d.flows;
  clearSums(out);
  const { imports, rated, revenue, seen } = out;
  for (let i = 0; i < f.length; i++) {
    const l = f.line[i] as number;
    const fac = factor[l] as number;
    if (fac !== fac) continue;
    const r = f.reporter[i] as number;
    const year = f.year[i] as number;
    const g = r * years + (year - y0);
    const ty = pick[g] as number;
    let rate = NaN;
    if (ty >= 0) {
      rate = mfn[(r * years + ty) * L + l] as number;
      if (measure === 'applied') {
        const p = f.partner[i] as number;
        for (let m = memStart[p] as number; m < (memStart[p + 1] as number); m++) {
          if (year < (memFrom[m] as number) || year > (memTo[m] as number)) continue;
          const slot = slotOf[(memScheme[m] as number) * R + r] as number;
          if (slot < 0) continue;
          const pr = pref[(slot * years + ty) * L + l] as number;
          if (pr === pr && (rate !== rate || pr < rate)) rate = pr;
        }
      }
    }
    rates[i] = rate;
    const v = f.valueUsd[i] as number;
    imports[g] = (imports[g] as number) + v;
    if (rate === rate) {
      rated[g] = (rated[g] as number) + v;
      revenue[g] = (revenue[g] as number) + v * fac * (rate / 100);
      seen[g * L + l] = 3;
    } else seen[g * L + l] = (seen[g * L + l] as number) | 1;
  }
}

/** What the warm sweep does, in TypeScript: one pass over the precomputed per-row rate. */
function scan(d: ScaleTrade, rates: Float64Array, factor: Float64Array, out: Sums): void {
  const years = d.spec.years.length;
  const y0 = d.spec.years[0] as number;
  const L = d.spec.lines.length;
  const f = d.flows;
  clearSums(out);
  const { imports, rated, revenue, seen } = out;
  for (let i = 0; i < f.length; i++) {
    const l = f.line[i] as number;
    const fac = factor[l] as number;
    if (fac !== fac) continue;
    const g = (f.reporter[i] as number) * years + ((f.year[i] as number) - y0);
    const v = f.valueUsd[i] as number;
    const rate = rates[i] as number;
    imports[g] = (imports[g] as number) + v;
    if (rate === rate) {
      rated[g] = (rated[g] as number) + v;
      revenue[g] = (revenue[g] as number) + v * fac * (rate / 100);
      seen[g * L + l] = 3;
    } else seen[g * L + l] = (seen[g * L + l] as number) | 1;
  }
}

export interface Agreement {
  /** Reporter-years in the SQL answer, and in the typed-array one. */
  rows: number;
  typedRows: number;
  /** Largest relative difference of imports, rated imports and revenue over the reporter-years. */
  maxRelativeDifference: number;
  /** Relative difference of the grand total of revenue. */
  totalRelativeDifference: number;
  sqlTotalUsd: number;
  typedTotalUsd: number;
  /** Reporter-years where a count, a tariff year or "no data" differs; described, a few. */
  mismatches: string[];
  ok: boolean;
}

function relative(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

function compare(d: ScaleTrade, rows: readonly EstimateRow[], s: Sums, tables: Tables | null): Agreement {
  const years = d.spec.years.length;
  const y0 = d.spec.years[0] as number;
  const L = d.spec.lines.length;
  const index = new Map(d.countries.map((c, i) => [c, i]));
  let typedRows = 0;
  let typedTotal = 0;
  for (let g = 0; g < s.imports.length; g++) {
    if ((s.imports[g] as number) > 0) typedRows++;
    typedTotal += s.revenue[g] as number;
  }
  let maxRel = 0;
  let sqlTotal = 0;
  const mismatches: string[] = [];
  for (const row of rows) {
    const r = index.get(row.reporter);
    const g = r === undefined ? -1 : r * years + (row.year - y0);
    if (g < 0 || !((s.imports[g] as number) > 0)) {
      mismatches.push(`${row.reporter} ${row.year}: in the SQL answer only`);
      continue;
    }
    sqlTotal += row.revenueUsd ?? 0;
    maxRel = Math.max(maxRel, relative(row.importsUsd, s.imports[g] as number), relative(row.importsRatedUsd, s.rated[g] as number));
    const hasRate = (s.rated[g] as number) > 0;
    if ((row.revenueUsd === null) === hasRate) mismatches.push(`${row.reporter} ${row.year}: revenue ${row.revenueUsd} vs ${hasRate ? s.revenue[g] : 'no data'}`);
    else if (row.revenueUsd !== null) maxRel = Math.max(maxRel, relative(row.revenueUsd, s.revenue[g] as number));
    let withRate = 0;
    let lines = 0;
    for (let l = 0; l < L; l++) {
      const bits = s.seen[g * L + l] as number;
      if (bits) lines++;
      if (bits & 2) withRate++;
    }
    if (row.linesWithRate !== withRate || row.linesWithRate + row.linesWithoutRate !== lines) {
      mismatches.push(`${row.reporter} ${row.year}: lines ${row.linesWithRate}/${row.linesWithRate + row.linesWithoutRate} vs ${withRate}/${lines}`);
    }
    if (tables && r !== undefined) {
      const ty = tables.pick[g] as number;
      const expected = ty < 0 ? null : tables.y0 + ty;
      if (row.tariffYear !== expected) mismatches.push(`${row.reporter} ${row.year}: tariff year ${row.tariffYear} vs ${expected}`);
    }
  }
  if (rows.length !== typedRows) mismatches.push(`${rows.length} reporter-years in SQL, ${typedRows} in the typed arrays`);
  const totalRel = relative(sqlTotal, typedTotal);
  return {
    rows: rows.length,
    typedRows,
    maxRelativeDifference: maxRel,
    totalRelativeDifference: totalRel,
    sqlTotalUsd: sqlTotal,
    typedTotalUsd: typedTotal,
    mismatches: mismatches.slice(0, 5),
    ok: mismatches.length === 0 && maxRel <= TOLERANCE && totalRel <= TOLERANCE,
  };
}

// The benchmark ------------------------------------------------------------------------------------------------------

export interface MoratoriumBench {
  scale: {
    seed: number;
    flows: number;
    tariffs: number;
    schemes: number;
    schemeMembers: number;
    countries: number;
    reporters: number;
    years: string;
    lines: number;
    generateMs: number;
    /** Typed columns of the generated data (what the reference reads). */
    columnBytes: number;
  };
  baciCsv: { path: string; bytes: number; writeMs: number };
  load: {
    /** Tariff rows and scheme members, one vintage (the duty base is rebuilt over no imports yet). */
    tariffsMs: number;
    /** Import rows in batches of 200,000 records, one vintage; includes the rebuild of the duty base at its end. */
    flowsMs: number;
    rowsPerSecond: number;
    peakRss: number;
  };
  /** Importing the BACI CSV through importFile into another fresh database, or why it could not. */
  baciImport: { ms: number; rows: number; format: string } | { missing: string };
  rebuild: { time: Summary; dutyBaseRows: number; peakRss: number };
  closeMs: number;
  reopenMs: number;
  sweeps: { measure: 'applied' | 'mfn'; rows: number; cold: number; warm: Summary; peakRss: number }[];
  point: { reporter: string; flows: number; rows: number; lines: number; cold: number; warm: Summary };
  /** GET /en/moratorium?target=group:LDC in-process over the same database: duty-base scans and latency per view. */
  page: {
    members: number;
    baseRows: number;
    scansPerView: number;
    bytes: number;
    cold: number;
    warm: Summary;
    /** The same page's reads as they were: 11 estimates (SQL totals and lines) and 11 trade-coverage reads. */
    previous: { scansPerView: number; time: Summary };
  };
  typed: { full: Summary; scan: Summary; tables: Summary };
  agreement: { applied: Agreement; appliedScan: Agreement; mfn: Agreement };
  memory: {
    /** getrusage's peak RSS of the process at the end of the section (the whole run so far). */
    maxRss: number;
    rssBefore: number;
    afterRebuild: DuckMemory;
    afterSweeps: DuckMemory;
  };
  threads: number;
  /** The machine's 1-minute load average before the sweeps: other processes take cores from DuckDB's threads. */
  loadBeforeSweeps: number;
  postgres: PostgresMoratorium | { missing: string };
}

export interface PostgresMoratorium {
  flows: number;
  tariffs: number;
  loadMs: number;
  rebuild: Summary;
  dutyBaseRows: number;
  sweep: { cold: number; warm: Summary };
  /** The typed-array scan of the same smaller data, for the ratio. */
  scan: Summary;
  agreement: Agreement;
}

function factorsOf(spec: ScaleSpec): { factors: LineFactor[]; factor: Float64Array } {
  return {
    factors: spec.lines.map((hs6) => ({ edition: spec.edition, hs6, factor: 1, match: 'exact' as const })),
    factor: new Float64Array(spec.lines.length).fill(1),
  };
}

async function openDuck(dir: string): Promise<{ db: DuckDbDatabase; store: Store }> {
  // As openStore does for the embedded file: the folder made, the default memory_limit and threads of DuckDbDatabase.
  mkdirSync(dir, { recursive: true });
  const db = await DuckDbDatabase.open({ path: join(dir, DUCKDB_FILE) });
  return { db, store: await SqlStore.open(db) };
}

/** The countries of the generated data, so that an importer can resolve the BACI file's numeric codes. */
function generatedCountries(d: ScaleTrade): Country[] {
  return d.countries.map((iso3, i) => ({
    iso3,
    iso2: null,
    m49: String(d.numeric[i]).padStart(3, '0'),
    names: { en: `Generated ${iso3}` },
    region: null,
    subregion: null,
    intermediateRegion: null,
  }));
}

async function baciImport(d: ScaleTrade, csv: string, dir: string, log: (line: string) => void): Promise<MoratoriumBench['baciImport']> {
  const format = await detectFormat(csv);
  if (!format) return { missing: 'importFile does not recognise the BACI CSV yet (no BACI importer in src/adapters/sources/trade/)' };
  const { store } = await openDuck(dir);
  try {
    await store.importVintage(meta('countries'), (w) => w.upsertCountries(generatedCountries(d)));
    const { value, ms: elapsed } = await timed(() => importFile(store, csv));
    if (value.status !== 'imported') return { missing: `importFile ${value.status} the file: ${value.reason ?? ''}` };
    log(`BACI CSV imported through importFile in ${(elapsed / 1000).toFixed(1)} s`);
    return { ms: elapsed, rows: value.vintage?.rowCount ?? 0, format };
  } catch (error) {
    return { missing: `importFile failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await store.close();
  }
}

/** The same load, rebuild and sweep on PostgreSQL (a fresh schema, dropped after), at POSTGRES_FLOWS rows. */
async function benchPostgres(spec: ScaleSpec, log: (line: string) => void): Promise<PostgresMoratorium> {
  const d = generateAtScale({ ...spec, flows: POSTGRES_FLOWS });
  const { factors, factor } = factorsOf(spec);
  const request: EstimateRequest = { reporters: null, from: null, to: null, measure: 'applied', rollup: 'simple', elasticity: 0, factors, lines: false };
  const schema = benchSchema('moratorium');
  // As openStore does for a postgres:// URL, keeping the database for a raw count.
  const db = await PostgresDatabase.open({ connectionString: POSTGRES_URL, schema });
  const store = await SqlStore.open(db);
  try {
    const loaded = await timed(async () => {
      await store.importVintage(meta('bench-tariffs'), async (w) => {
        for (const batch of tariffBatches(d)) await w.addTariffLines(batch);
        await w.addSchemeMembers(schemeMembers(d));
      });
      await store.importVintage(meta('bench-trade'), async (w) => {
        for (const batch of flowBatches(d)) await w.addTradeFlows(batch);
      });
    });
    log(`PostgreSQL: ${d.flows.length} flows loaded in ${(loaded.ms / 1000).toFixed(1)} s`);
    const rebuild = await measure(() => store.refreshDutyBase(), 1, 0);
    log(`PostgreSQL: duty base rebuilt in ${(rebuild.median / 1000).toFixed(1)} s`);
    const cold = await timed(() => store.estimateDuties(request));
    const warm = await measure(() => store.estimateDuties(request), RUNS, 0);
    const rates = new Float64Array(d.flows.length);
    const sums = newSums(spec.reporters * spec.years.length, spec.lines.length);
    fullComputation(d, 'applied', factor, rates, sums);
    const agreement = compare(d, cold.value.rows, sums, buildTables(d));
    const scanTime = measureSync(() => scan(d, rates, factor, sums), RUNS, 1, 1);
    const count = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM duty_base`);
    return {
      flows: d.flows.length,
      tariffs: d.tariffs.length,
      loadMs: loaded.ms,
      rebuild,
      dutyBaseRows: Number(count[0]?.n ?? NaN),
      sweep: { cold: cold.ms, warm },
      scan: scanTime,
      agreement,
    };
  } finally {
    await store.close().catch(() => undefined);
    await dropSchema(schema).catch((e: unknown) => log(`could not drop the schema ${schema}: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/**
 * The moratorium page for a group over the generated data: the generated countries and a group of 45 of
 * their reporters are stored, then the page is asked for in-process. Each view asks for another duty rate
 * (a field of the design form, which leaves the estimate alone), so that no cached answer is served.
 */
async function benchPage(store: Store, d: ScaleTrade, spec: ScaleSpec, log: (line: string) => void): Promise<MoratoriumBench['page']> {
  const members = d.countries.slice(0, Math.min(spec.reporters, 180)).filter((_, i) => i % 4 === 0);
  const group: Group = { id: PAGE_GROUP, kind: 'un', names: { en: 'Least developed countries (generated)' }, wbCode: null, source: 'generated' };
  const memberships: Membership[] = members.map((iso3) => ({ groupId: PAGE_GROUP, iso3, status: 'member', from: null, to: null, source: 'generated' }));
  await store.importVintage(meta('bench-countries'), async (w) => {
    await w.upsertCountries(generatedCountries(d));
    await w.replaceGroups([group], memberships);
  });
  const app = createApp({ obs: new Observatory(store, { versionCheckMs: 0 }) });
  let rate = 10;
  let scansPerView = 0;
  let bytesPerView = 0;
  const view = async () => {
    const before = store.dutyBaseScans;
    const res = await app.request(`/en/moratorium?target=group:${PAGE_GROUP}&rate=${rate++}`);
    const html = await res.text();
    if (res.status !== 200) throw new Error(`the moratorium page answered ${res.status}: ${html.slice(0, 300)}`);
    scansPerView = Math.max(scansPerView, store.dutyBaseScans - before);
    bytesPerView = html.length;
  };
  const cold = await timed(view);
  const warm = await measure(view, RUNS, 0);
  log(`moratorium page (group of ${members.length}): cold ${cold.ms.toFixed(0)} ms, warm median ${warm.median.toFixed(0)} ms, ${scansPerView} duty-base scan(s) per view`);

  const list = BUILT_IN_LISTS.find((l) => l.id === DEFAULT_LIST);
  if (!list) throw new Error(`no built-in list ${DEFAULT_LIST}`);
  const { factors } = lineFactors(list, [spec.edition], [], DEFAULT_OPTIONS);
  const base = await store.dutyBaseLines({ reporters: members, from: null, to: null, lines: factors });
  const request: EstimateRequest = { reporters: members, from: null, to: null, measure: 'mfn', rollup: 'simple', elasticity: 0, factors, lines: true };
  const previous = await measure(
    async () => {
      for (let i = 0; i < PREVIOUS_ESTIMATES_PER_VIEW; i++) {
        await store.tradeCoverage();
        await store.estimateDuties(request);
      }
    },
    1,
    0,
  );
  log(`the same page's reads as they were (${PREVIOUS_ESTIMATES_PER_VIEW} estimates): ${previous.median.toFixed(0)} ms`);
  return {
    members: members.length,
    baseRows: base.length,
    scansPerView,
    bytes: bytesPerView,
    cold: cold.ms,
    warm,
    previous: { scansPerView: 2 * PREVIOUS_ESTIMATES_PER_VIEW, time: previous },
  };
}

/**
 * Runs the section in folders under `tempRoot` (the caller removes it). Throws when the typed-array figures
 * differ from the SQL ones: that is a wrong answer, not a slow one.
 */
export async function benchMoratorium(
  tempRoot: string,
  postgresMissing: string | null,
  log: (line: string) => void,
  spec: ScaleSpec = BENCH_SCALE,
): Promise<MoratoriumBench> {
  const rssBefore = process.memoryUsage().rss;
  const generated = await timed(async () => generateAtScale(spec));
  const d = generated.value;
  const f = d.flows;
  const t = d.tariffs;
  const columnBytes =
    [f.year, f.reporter, f.partner, f.line, f.valueUsd, f.quantity, t.year, t.reporter, t.line, t.national, t.regime, t.scheme, t.rate].reduce((s, a) => s + a.byteLength, 0);
  log(`generated ${f.length} flows and ${t.length} tariff rows in ${(generated.ms / 1000).toFixed(1)} s`);

  const dir = join(tempRoot, 'moratorium');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'BACI_HS22_generated.csv');
  const written = await timed(async () => {
    const fd = openSync(csv, 'w');
    try {
      writeBaciCsv(d, (chunk) => writeSync(fd, chunk));
    } finally {
      closeSync(fd);
    }
  });

  const { factors, factor } = factorsOf(spec);
  const sweepRequest = (measure: 'applied' | 'mfn'): EstimateRequest => ({
    reporters: null,
    from: null,
    to: null,
    measure,
    rollup: 'simple',
    elasticity: 0,
    factors,
    lines: false,
  });

  let { db, store } = await openDuck(join(dir, 'db'));
  let open = true;
  try {
    const threads = Number((await db.query<{ t: number }>(`SELECT current_setting('threads') AS t`))[0]?.t ?? NaN);
    const loaded = await sampled(async () => {
      const tariffs = await timed(() =>
        store.importVintage(meta('bench-tariffs'), async (w) => {
          for (const batch of tariffBatches(d)) await w.addTariffLines(batch);
          await w.addSchemeMembers(schemeMembers(d));
        }),
      );
      log(`tariffs loaded in ${(tariffs.ms / 1000).toFixed(1)} s`);
      const flows = await timed(() =>
        store.importVintage(meta('bench-trade'), async (w) => {
          for (const batch of flowBatches(d)) await w.addTradeFlows(batch);
        }),
      );
      log(`flows loaded in ${(flows.ms / 1000).toFixed(1)} s`);
      return { tariffsMs: tariffs.ms, flowsMs: flows.ms };
    });

    const rebuild = await sampled(() => measure(() => store.refreshDutyBase(), 3, 0));
    const dutyBaseRows = Number((await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM duty_base`))[0]?.n ?? NaN);
    log(`duty base rebuilt in ${(rebuild.value.median / 1000).toFixed(1)} s (median of 3), ${dutyBaseRows} rows`);
    const afterRebuild = await duckMemory(db);

    // Cold: a new database instance over the file, so nothing of the duty base is in DuckDB's buffers (the
    // operating system's file cache may still hold it).
    open = false;
    const closed = await timed(() => store.close());
    const reopened = await timed(() => openDuck(join(dir, 'db')));
    ({ db, store } = reopened.value);
    open = true;

    const loadBeforeSweeps = loadavg()[0] ?? NaN;
    const sweeps: MoratoriumBench['sweeps'] = [];
    const sweepRows = new Map<'applied' | 'mfn', EstimateRow[]>();
    for (const m of ['applied', 'mfn'] as const) {
      const run = await sampled(async () => {
        const cold = await timed(() => store.estimateDuties(sweepRequest(m)));
        const warm = await measure(() => store.estimateDuties(sweepRequest(m)), RUNS, 0);
        return { cold, warm };
      });
      sweepRows.set(m, run.value.cold.value.rows);
      sweeps.push({ measure: m, rows: run.value.cold.value.rows.length, cold: run.value.cold.ms, warm: run.value.warm, peakRss: run.peakRss });
      log(`sweep (${m}): cold ${run.value.cold.ms.toFixed(0)} ms, warm median ${run.value.warm.median.toFixed(0)} ms`);
    }

    // The point query: the reporter with the most import rows, with its per-line breakdown.
    const perReporter = new Int32Array(spec.reporters);
    for (let i = 0; i < f.length; i++) perReporter[f.reporter[i] as number] = (perReporter[f.reporter[i] as number] as number) + 1;
    const top = perReporter.indexOf(Math.max(...perReporter));
    const reporter = d.countries[top] as string;
    const pointRequest: EstimateRequest = { ...sweepRequest('applied'), reporters: [reporter], lines: true };
    const pointCold = await timed(() => store.estimateDuties(pointRequest));
    const pointWarm = await measure(() => store.estimateDuties(pointRequest), RUNS, 0);
    const afterSweeps = await duckMemory(db);
    const page = await benchPage(store, d, spec, log);

    // The typed-array reference over the generated columns.
    const rates = new Float64Array(f.length);
    const sums = newSums(spec.reporters * spec.years.length, spec.lines.length);
    const tables = measureSync(() => buildTables(d), RUNS, 1, 1);
    const full = measureSync(() => fullComputation(d, 'applied', factor, rates, sums), RUNS, 1, 1);
    const tb = buildTables(d);
    const applied = compare(d, sweepRows.get('applied') ?? [], sums, tb);
    const scanTime = measureSync(() => scan(d, rates, factor, sums), RUNS, 1, 1);
    const appliedScan = compare(d, sweepRows.get('applied') ?? [], sums, null);
    fullComputation(d, 'mfn', factor, rates, sums);
    const mfn = compare(d, sweepRows.get('mfn') ?? [], sums, tb);
    log(`typed arrays: full ${full.median.toFixed(0)} ms, scan ${scanTime.median.toFixed(0)} ms`);

    const baci = await baciImport(d, csv, join(dir, 'baci'), log);
    open = false;
    await store.close();
    let postgres: MoratoriumBench['postgres'];
    try {
      postgres = !POSTGRES_WANTED
        ? { missing: 'not run by default (set BENCH_MORATORIUM_POSTGRES=1): the load and rebuild take several minutes at 1 M rows' }
        : postgresMissing
          ? { missing: postgresMissing }
          : await benchPostgres(spec, log);
    } catch (error) {
      postgres = { missing: `the PostgreSQL run failed: ${error instanceof Error ? error.message : String(error)}` };
    }

    const result: MoratoriumBench = {
      scale: {
        seed: spec.seed,
        flows: f.length,
        tariffs: t.length,
        schemes: d.schemes.length,
        schemeMembers: d.schemes.reduce((s, x) => s + x.members.length, 0),
        countries: spec.countries,
        reporters: spec.reporters,
        years: `${spec.years[0]}–${spec.years[spec.years.length - 1]}`,
        lines: spec.lines.length,
        generateMs: generated.ms,
        columnBytes,
      },
      baciCsv: { path: csv, bytes: statSync(csv).size, writeMs: written.ms },
      load: {
        tariffsMs: loaded.value.tariffsMs,
        flowsMs: loaded.value.flowsMs,
        rowsPerSecond: (f.length + t.length) / ((loaded.value.tariffsMs + loaded.value.flowsMs) / 1000),
        peakRss: loaded.peakRss,
      },
      baciImport: baci,
      rebuild: { time: rebuild.value, dutyBaseRows, peakRss: rebuild.peakRss },
      closeMs: closed.ms,
      reopenMs: reopened.ms,
      sweeps,
      point: {
        reporter,
        flows: perReporter[top] as number,
        rows: pointCold.value.rows.length,
        lines: pointCold.value.lines.length,
        cold: pointCold.ms,
        warm: pointWarm,
      },
      page,
      typed: { full, scan: scanTime, tables },
      agreement: { applied, appliedScan, mfn },
      memory: { maxRss: process.resourceUsage().maxRSS * 1024, rssBefore, afterRebuild, afterSweeps },
      threads,
      loadBeforeSweeps,
      postgres,
    };
    return result;
  } finally {
    if (open) await store.close().catch(() => undefined);
  }
}

/** Whether every typed-array figure equals the SQL one. */
export function moratoriumCorrect(m: MoratoriumBench): boolean {
  return m.agreement.applied.ok && m.agreement.appliedScan.ok && m.agreement.mfn.ok && ('missing' in m.postgres || m.postgres.agreement.ok);
}

export function moratoriumTargets(m: MoratoriumBench | null): { target: string; measured: string; goal: string; ratio: string; met: boolean | null }[] {
  const sweepTarget = 'Moratorium full sweep (applied), warm, DuckDB, 5 M rows';
  const pageTarget = `Moratorium page, a group (${PAGE_GROUP}), warm, DuckDB, 5 M rows`;
  const pageGoal = `≤ ${PAGE_TARGET_MS / 1000} s, 1 duty-base scan`;
  const scanTarget = 'Moratorium sweep / typed-array scan';
  const goal = `≤ ${SWEEP_TARGET_MS / 1000} s`;
  const scanGoal = `≤ ${SCAN_RATIO_TARGET}×`;
  const warm = m?.sweeps.find((s) => s.measure === 'applied')?.warm.median;
  if (!m || warm === undefined) {
    return [
      { target: sweepTarget, measured: 'not measured', goal, ratio: '—', met: null },
      { target: scanTarget, measured: 'not measured', goal: scanGoal, ratio: '—', met: null },
      { target: pageTarget, measured: 'not measured', goal: pageGoal, ratio: '—', met: null },
    ];
  }
  const r = warm / m.typed.scan.median;
  return [
    { target: sweepTarget, measured: ms(warm), goal, ratio: ratio(warm, SWEEP_TARGET_MS), met: warm <= SWEEP_TARGET_MS },
    { target: scanTarget, measured: ratio(warm, m.typed.scan.median), goal: scanGoal, ratio: ratio(r, SCAN_RATIO_TARGET), met: r <= SCAN_RATIO_TARGET },
    {
      target: pageTarget,
      measured: `${ms(m.page.warm.median)}, ${m.page.scansPerView} scan(s)`,
      goal: pageGoal,
      ratio: ratio(m.page.warm.median, PAGE_TARGET_MS),
      met: m.page.warm.median <= PAGE_TARGET_MS && m.page.scansPerView === 1,
    },
  ];
}

export function printMoratorium(m: MoratoriumBench, out: (text?: string) => void): void {
  const s = m.scale;
  out(
    `Data: generateAtScale (test/fixtures/trade.ts), seed ${s.seed}: ${int(s.flows)} bilateral import rows (${s.reporters} reporters, ` +
      `${s.countries} partners, ${s.lines} HS6 lines, ${s.years}), ${int(s.tariffs)} tariff rows (MFN, bound and preferential, national lines), ` +
      `${s.schemes} schemes with ${int(s.schemeMembers)} memberships. Generated in ${seconds(s.generateMs)}; columns ${mib(s.columnBytes)}.`,
  );
  out(`BACI CSV (t,i,j,k,v,q) written in ${seconds(m.baciCsv.writeMs)}, ${bytes(m.baciCsv.bytes)}.`);
  out(`DuckDB: a fresh file in a temp dir, memory_limit ${m.memory.afterRebuild.memoryLimit}, ${m.threads} threads (DuckDbDatabase's defaults, as openStore).\n`);
  const l = m.load;
  out(
    table(
      ['step', 'time', 'note'],
      [
        ['load tariffs + schemes (one vintage)', seconds(l.tariffsMs), `${int(s.tariffs)} rows through ImportWriter.addTariffLines`],
        ['load imports (one vintage)', seconds(l.flowsMs), `${int(s.flows)} rows through addTradeFlows; includes one duty-base rebuild`],
        ['load, both', seconds(l.tariffsMs + l.flowsMs), `${int(l.rowsPerSecond)} rows/s; peak RSS ${mib(l.peakRss)}`],
        [
          'BACI CSV through importFile',
          'ms' in m.baciImport ? seconds(m.baciImport.ms) : '—',
          'ms' in m.baciImport ? `${int(m.baciImport.rows)} rows (format ${m.baciImport.format}), includes a rebuild` : m.baciImport.missing,
        ],
        [`duty-base rebuild (refreshDutyBase), N = ${m.rebuild.time.n}`, `${spread(m.rebuild.time)} ms`, `${int(m.rebuild.dutyBaseRows)} rows; peak RSS ${mib(m.rebuild.peakRss)}`],
        ['close (checkpoint) / reopen', `${seconds(m.closeMs)} / ${seconds(m.reopenMs)}`, `database ${m.memory.afterRebuild.databaseSize}`],
      ],
    ),
  );
  out(`\nestimateDuties: every reporter and year (reporters null), the ${s.lines} lines with factor 1, rollup simple, elasticity 0,`);
  out(`lines false. Cold: the first query after reopening the database; warm: median of ${RUNS} after it. Load average`);
  out(`(1 min) before the sweeps: ${m.loadBeforeSweeps.toFixed(2)} on ${m.threads} threads; other processes slow DuckDB's threads more than the one-thread scan.\n`);
  const scan = m.typed.scan.median;
  const full = m.typed.full.median;
  out(
    table(
      ['query', 'rows', 'cold ms', 'warm ms: median (min–max)', 'warm/scan', 'warm/full', 'peak RSS'],
      [
        ...m.sweeps.map((w) => [`full sweep, ${w.measure}`, int(w.rows), num(w.cold), spread(w.warm), ratio(w.warm.median, scan), ratio(w.warm.median, full), mib(w.peakRss)]),
        [
          `one reporter (${m.point.reporter}, ${int(m.point.flows)} flows), with lines`,
          `${int(m.point.rows)} + ${int(m.point.lines)} lines`,
          num(m.point.cold),
          spread(m.point.warm),
          '—',
          '—',
          '—',
        ],
      ],
    ),
  );
  const p = m.page;
  out(
    `\nThe moratorium page, GET /en/moratorium?target=group:${PAGE_GROUP} in-process (${p.members} generated members, ` +
      `${int(p.baseRows)} rows of the group's duty base), each view with another duty rate so that none is served from the cache:\n`,
  );
  out(
    table(
      ['page view', 'duty-base scans', 'cold ms', 'warm ms: median (min–max)', 'HTML'],
      [
        ['estimate, sensitivity, VAT and design from one read of the base', String(p.scansPerView), num(p.cold), spread(p.warm), bytes(p.bytes)],
        [`the same reads as before: ${PREVIOUS_ESTIMATES_PER_VIEW} estimates and trade-coverage reads`, String(p.previous.scansPerView), '—', spread(p.previous.time), '—'],
      ],
    ),
  );
  out(`\nHardware limit: plain TypeScript, one thread, over the same data in typed arrays, N = ${RUNS} after a warm-up.\n`);
  out(
    table(
      ['typed-array computation', 'ms: median (min–max)'],
      [
        ['(a) scan of the precomputed per-row applied rate (what the warm sweep does)', spread(m.typed.scan)],
        ['(b) from raw data: rate tables (roll-up, tariff year) + MFN lookup + best preference per row', spread(m.typed.full)],
        ['    of which the rate tables from the raw tariff rows', spread(m.typed.tables)],
      ],
    ),
  );
  out('\nAgreement with the SQL sweep, per reporter-year (imports, rated imports, revenue, line counts, tariff year):\n');
  out(
    table(
      ['check', 'reporter-years SQL / typed', 'max rel. diff', 'total rel. diff', 'SQL total USD', 'verdict'],
      (
        [
          ['applied: (b) vs SQL', m.agreement.applied],
          ['applied: (a) vs SQL', m.agreement.appliedScan],
          ['mfn: (b) vs SQL', m.agreement.mfn],
        ] as const
      ).map(([label, a]) => [
        label,
        `${int(a.rows)} / ${int(a.typedRows)}`,
        a.maxRelativeDifference.toExponential(1),
        a.totalRelativeDifference.toExponential(1),
        a.sqlTotalUsd.toExponential(4),
        a.ok ? 'equal' : `DIFFERENT${a.mismatches.length ? `: ${a.mismatches.join('; ')}` : ''}`,
      ]),
    ),
  );
  const tags = (x: DuckMemory) => x.tags.map((t) => `${t.tag} ${mib(t.bytes)}`).join(', ') || 'none';
  out(
    `\nMemory: RSS ${mib(m.memory.rssBefore)} before the section; peak RSS of the process (getrusage maxRSS, DuckDB included, ` +
      `whole run so far) ${mib(m.memory.maxRss)}. DuckDB's buffers (duckdb_memory()) after the rebuild ${mib(m.memory.afterRebuild.bufferBytes)} ` +
      `(${tags(m.memory.afterRebuild)}); after the sweeps ${mib(m.memory.afterSweeps.bufferBytes)} (${tags(m.memory.afterSweeps)}).`,
  );
  if ('missing' in m.postgres) out(`\nPostgreSQL: missing — ${m.postgres.missing}`);
  else {
    const pg = m.postgres;
    out(`\nPostgreSQL (a fresh schema, dropped after), the same generator with ${int(pg.flows)} import rows and ${int(pg.tariffs)} tariff rows:\n`);
    out(
      table(
        ['step', 'time', 'note'],
        [
          ['load tariffs + schemes, then imports (two vintages)', seconds(pg.loadMs), 'includes a duty-base rebuild per vintage'],
          ['duty-base rebuild (refreshDutyBase), once', seconds(pg.rebuild.median), `${int(pg.dutyBaseRows)} rows`],
          ['full sweep, applied, cold', ms(pg.sweep.cold), ''],
          [`full sweep, applied, warm, N = ${pg.sweep.warm.n}`, `${spread(pg.sweep.warm)} ms`, `${ratio(pg.sweep.warm.median, pg.scan.median)} the typed-array scan of the same rows (${ms(pg.scan.median)})`],
          [
            'agreement with the typed arrays',
            pg.agreement.maxRelativeDifference.toExponential(1),
            pg.agreement.ok ? `equal (${int(pg.agreement.rows)} reporter-years)` : `DIFFERENT: ${pg.agreement.mismatches.join('; ')}`,
          ],
        ],
      ),
    );
  }
  const warm = m.sweeps.find((w) => w.measure === 'applied')?.warm.median ?? NaN;
  out(
    `\nWarm applied sweep ${ms(warm)}: ${ratio(warm, SWEEP_TARGET_MS)} of the ${SWEEP_TARGET_MS / 1000} s target, ` +
      `${ratio(warm, scan)} the typed-array scan (target ≤ ${SCAN_RATIO_TARGET}×).`,
  );
}
