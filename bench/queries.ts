import type { Store } from '../src/adapters/storage/store.ts';
import { DEFAULT_MIN_COVERAGE } from '../src/domain/aggregate.ts';
import { POPULATION } from '../src/domain/indicator.ts';
import type { Observation } from '../src/domain/observation.ts';
import { Observatory } from '../src/app/services/observatory.ts';
import { measure, measureSync, type Summary } from './stats.ts';

export const GROUPS = ['WLD', 'ACP', 'LDC', 'SIDS', 'ECOWAS'] as const;

export const INDICATORS = [
  { code: 'IT.NET.USER.ZS', rule: 'weighted mean' },
  { code: 'SP.POP.TOTL', rule: 'sum' },
  { code: 'OBS.SECR.COUNT', rule: 'derived, sum' },
] as const;

/** Stored series read by the store query: the weighted one, its weight, and the input of the derived one. */
export const RAW_INDICATORS = ['IT.NET.USER.ZS', POPULATION, 'IT.NET.SECR.P6'] as const;

const RUNS = 5;
const WEIGHTED = 'IT.NET.USER.ZS';

export interface AggregateTiming {
  code: string;
  group: string;
  years: number;
  /** A new Observatory per run: reference, values and weights all read from the store. */
  cold: Summary;
  /** The same Observatory again: values cached in memory, only the arithmetic and membership on a date. */
  warm: Summary;
}

export interface EngineQueries {
  engine: 'duckdb' | 'postgres';
  /** A new Observatory's `ref()`: countries, groups, memberships, indicators, vintages. Part of every cold time. */
  referenceLoad: Summary;
  aggregates: AggregateTiming[];
  raw: { code: string; rows: number; time: Summary }[];
}

export interface TypedReference {
  group: string;
  members: number;
  rows: number;
  /** Mean of 1,000 back-to-back computations per sample. */
  time: Summary;
  /** Years where both this and aggregateSeries give a value, and the largest relative difference between them. */
  compared: number;
  maxRelativeDifference: number;
  /** Years where one gives a value and the other withholds it (coverage counted slightly differently, see below). */
  statusDifferences: number;
}

async function engineQueries(engine: EngineQueries['engine'], store: Store, log: (line: string) => void): Promise<EngineQueries> {
  const referenceLoad = await measure(() => new Observatory(store).ref(), RUNS);
  const aggregates: AggregateTiming[] = [];
  for (const { code } of INDICATORS) {
    for (const group of GROUPS) {
      const cold = await measure(() => new Observatory(store).aggregateSeries(group, code), RUNS);
      const obs = new Observatory(store);
      const series = await obs.aggregateSeries(group, code);
      const warm = await measure(() => obs.aggregateSeries(group, code), RUNS);
      aggregates.push({ code, group, years: series.rows.length, cold, warm });
    }
    log(`aggregates of ${code} on ${engine} done`);
  }
  const raw: EngineQueries['raw'] = [];
  for (const code of RAW_INDICATORS) {
    let rows = 0;
    const time = await measure(async () => {
      rows = (await store.observations({ indicators: [code] })).length;
    }, RUNS);
    raw.push({ code, rows, time });
  }
  return { engine, referenceLoad, aggregates, raw };
}

/** One indicator as columns, with its weight as a dense year × entity table (the build side of a join). */
interface Columns {
  years: number[];
  yearIndex: Int32Array;
  entityIndex: Int32Array;
  value: Float64Array;
  /** weight[yearIndex * entities + entityIndex]; NaN where there is none. */
  weight: Float64Array;
  entities: Map<string, number>;
}

function toColumns(values: readonly Observation[], weights: readonly Observation[]): Columns {
  const entities = new Map<string, number>();
  const idOf = (e: string) => {
    let id = entities.get(e);
    if (id === undefined) entities.set(e, (id = entities.size));
    return id;
  };
  for (const o of values) idOf(o.entity);
  for (const o of weights) idOf(o.entity);
  const years = [...new Set(values.map((o) => o.year))].sort((a, b) => a - b);
  const yearPos = new Map(years.map((y, i) => [y, i]));
  const yearIndex = new Int32Array(values.length);
  const entityIndex = new Int32Array(values.length);
  const value = new Float64Array(values.length);
  values.forEach((o, i) => {
    yearIndex[i] = yearPos.get(o.year) as number;
    entityIndex[i] = entities.get(o.entity) as number;
    value[i] = o.value;
  });
  const weight = new Float64Array(years.length * entities.size).fill(NaN);
  for (const o of weights) {
    const y = yearPos.get(o.year);
    if (y !== undefined) weight[y * entities.size + (entities.get(o.entity) as number)] = o.value;
  }
  return { years, yearIndex, entityIndex, value, weight, entities };
}

/**
 * The population-weighted mean of the members with a value and a weight, per year, withheld below two thirds
 * population coverage: aggregateSeries's arithmetic in one pass over typed columns. Coverage here uses the same
 * year's population only, where aggregateSeries falls back to the nearest year; that can flip a year's status.
 */
function weightedMean(c: Columns, mask: Uint8Array, members: Int32Array, out: Float64Array, sums: Float64Array): void {
  const nYears = c.years.length;
  const nEntities = c.entities.size;
  sums.fill(0);
  const { yearIndex, entityIndex, value, weight } = c;
  for (let i = 0; i < value.length; i++) {
    const e = entityIndex[i] as number;
    if (mask[e] === 0) continue;
    const y = yearIndex[i] as number;
    const w = weight[y * nEntities + e] as number;
    const v = value[i] as number;
    if (!(w >= 0) || v !== v) continue;
    sums[y * 2] = (sums[y * 2] as number) + v * w;
    sums[y * 2 + 1] = (sums[y * 2 + 1] as number) + w;
  }
  for (let y = 0; y < nYears; y++) {
    let total = 0;
    for (let m = 0; m < members.length; m++) {
      const w = weight[y * nEntities + (members[m] as number)] as number;
      if (w === w) total += w;
    }
    const covered = sums[y * 2 + 1] as number;
    out[y] = covered > 0 && (total <= 0 || covered / total + 1e-12 >= DEFAULT_MIN_COVERAGE) ? (sums[y * 2] as number) / covered : NaN;
  }
}

async function typedReference(store: Store): Promise<TypedReference[]> {
  const obs = new Observatory(store);
  const ref = await obs.ref();
  const columns = toColumns(await store.observations({ indicators: [WEIGHTED] }), await store.observations({ indicators: [POPULATION] }));
  const out = new Float64Array(columns.years.length);
  const sums = new Float64Array(columns.years.length * 2);
  const results: TypedReference[] = [];
  for (const group of GROUPS) {
    const memberCodes = obs.membersOn(ref, group, obs.today());
    const mask = new Uint8Array(columns.entities.size);
    const members = new Int32Array(memberCodes.map((m) => columns.entities.get(m) ?? -1).filter((i) => i >= 0));
    for (const m of members) mask[m] = 1;
    const time = measureSync(() => weightedMean(columns, mask, members, out, sums), RUNS, 1000);
    const series = await obs.aggregateSeries(group, WEIGHTED);
    let compared = 0;
    let maxRelativeDifference = 0;
    let statusDifferences = 0;
    for (const row of series.rows) {
      const y = columns.years.indexOf(row.year);
      const typed = y >= 0 ? (out[y] as number) : NaN;
      if (row.value === null || Number.isNaN(typed)) {
        if ((row.value === null) !== Number.isNaN(typed)) statusDifferences++;
        continue;
      }
      compared++;
      maxRelativeDifference = Math.max(maxRelativeDifference, Math.abs(typed - row.value) / Math.max(Math.abs(row.value), 1e-300));
    }
    results.push({ group, members: memberCodes.length, rows: columns.value.length, time, compared, maxRelativeDifference, statusDifferences });
  }
  return results;
}

export interface QueryBench {
  engines: EngineQueries[];
  typed: TypedReference[];
  postgresMissing: string | null;
}

export async function benchQueries(
  duckdb: Store,
  postgres: Store | null,
  postgresMissing: string | null,
  log: (line: string) => void,
): Promise<QueryBench> {
  const engines = [await engineQueries('duckdb', duckdb, log)];
  if (postgres) engines.push(await engineQueries('postgres', postgres, log));
  const typed = await typedReference(duckdb);
  return { engines, typed, postgresMissing };
}
