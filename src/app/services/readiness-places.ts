import { aggregate, DEFAULT_MIN_COVERAGE, type AggregateResult } from '../../domain/aggregate.ts';
import type { MissingReason, Treatment } from '../../domain/readiness/compute.ts';
import { POPULATION, type IndexMethod, type MissingRule } from '../../domain/readiness/method.ts';
import type { Observatory } from './observatory.ts';
import { latestIndex } from './readiness-latest.ts';
import type { ReadinessAnswer, ReadinessRow, ReadinessService } from './readiness.ts';

/** What a country or group page (or its API question) asks of a method: a year and a missing-component rule, each defaulted when absent. */
export interface PlaceChoice {
  /** The index year; the latest year the method scores in (its own rule) when absent. */
  year?: number | undefined;
  /** The rule for a missing component; the method's own when absent. */
  missing?: MissingRule | undefined;
}

/** How many computed indexes are kept per service and data version. */
const CACHE_SIZE = 64;

const cache = new WeakMap<ReadinessService, { version: number; byKey: Map<string, Promise<ReadinessAnswer>> }>();

/**
 * A method's index for a year under a rule, computed once per (method, version, year, rule, data version):
 * the country and group sections, their API questions and the group averages all read the same answer.
 */
export async function cachedIndex(service: ReadinessService, obs: Observatory, methodOrId: string | IndexMethod, year: number, missing?: MissingRule): Promise<ReadinessAnswer> {
  const version = await obs.refresh();
  const method = methodOf(service, methodOrId);
  const rule = missing ?? method.missing;
  let entry = cache.get(service);
  if (!entry || entry.version !== version) cache.set(service, (entry = { version, byKey: new Map() }));
  const key = `${method.id}|${method.version}|${method.authorship?.version ?? ''}|${year}|${rule}`;
  const hit = entry.byKey.get(key);
  if (hit) return hit;
  const value = service.compute(method, year, rule);
  const byKey = entry.byKey;
  byKey.set(key, value);
  value.catch(() => byKey.delete(key));
  // The oldest computed first out.
  if (byKey.size > CACHE_SIZE) byKey.delete(byKey.keys().next().value as string);
  return value;
}

/** A method given as itself, or a built-in one by id. */
const methodOf = (service: ReadinessService, m: string | IndexMethod): IndexMethod => (typeof m === 'string' ? service.method(m) : m);

/** The economies an edition ranks: those stored, or its lowest rank when names it ranks could not be matched. */
export function publishedCount(a: ReadinessAnswer): number {
  const ranked = a.rows.flatMap((r) => (r.published ? [Number.isFinite(r.published.rank) ? r.published.rank : 0] : []));
  return Math.max(ranked.length, ...ranked);
}

/** The economies with a score. */
export const scoredCount = (a: ReadinessAnswer): number => a.rows.filter((r) => r.score !== null).length;

/** An economy's row, whether scored, published, or neither. */
export const rowOf = (a: ReadinessAnswer, iso3: string): ReadinessRow | undefined => a.rows.find((r) => r.iso3 === iso3) ?? a.unlisted.find((r) => r.iso3 === iso3);

/** A rank among the economies scored, with the economies sharing it (ties share a rank, the next rank skips). */
export interface RankOf {
  rank: number;
  of: number;
  /** The other economies with the same score, by code. */
  tiedWith: string[];
}

/** A published edition's score and rank of an economy, beside the index computed here for the edition's year. */
export interface PublishedBeside {
  year: number;
  score: number;
  rank: number | null;
  of: number;
  /** The index computed for the edition's year under the same rule; null when `year` is the year shown. */
  computed: { score: number | null; rank: RankOf | null; scored: number } | null;
}

/** The year resolved: the one asked for, or the latest the method scores in. */
interface Resolved {
  method: IndexMethod;
  year: number;
  /** Whether the year was asked for (rather than the latest scored). */
  chosen: boolean;
  answer: ReadinessAnswer;
}

async function resolve(service: ReadinessService, obs: Observatory, methodOrId: string | IndexMethod, choice: PlaceChoice): Promise<Resolved | null> {
  const method = methodOf(service, methodOrId);
  let year = choice.year;
  if (year === undefined) {
    const { latest } = await latestIndex(service, obs, method);
    if (!latest) return null;
    year = latest.year;
  }
  const answer = await cachedIndex(service, obs, method, year, choice.missing);
  return { method, year, chosen: choice.year !== undefined, answer };
}

export function rankOf(a: ReadinessAnswer, iso3: string): RankOf | null {
  const row = rowOf(a, iso3);
  if (!row || row.rank === null) return null;
  return { rank: row.rank, of: scoredCount(a), tiedWith: a.rows.filter((r) => r.rank === row.rank && r.iso3 !== iso3).map((r) => r.iso3) };
}

/** The years of the published editions stored, newest first. */
async function editionYears(obs: Observatory, method: IndexMethod): Promise<number[]> {
  if (!method.published) return [];
  const ref = await obs.ref();
  const stored = ref.indicators.has(method.published.index) ? (await obs.indicatorValues(method.published.index)).years : [];
  return [...new Set([...method.published.years, ...stored])].sort((a, b) => b - a);
}

/**
 * The published edition beside an economy's score: that of the year shown when there is one, otherwise the
 * newest edition stored with the index computed here for its year under the same rule; null when none.
 */
async function publishedBeside(service: ReadinessService, obs: Observatory, r: Resolved, iso3: string): Promise<{ published: PublishedBeside | null; editionYear: number | null }> {
  const own = rowOf(r.answer, iso3);
  if (own?.published) return { published: { year: r.year, score: own.published.score, rank: Number.isFinite(own.published.rank) ? own.published.rank : null, of: publishedCount(r.answer), computed: null }, editionYear: r.year };
  if (r.answer.rows.some((x) => x.published !== null)) return { published: null, editionYear: r.year };
  for (const y of await editionYears(obs, r.method)) {
    const a = await cachedIndex(service, obs, r.method, y, r.answer.missing);
    if (!a.rows.some((x) => x.published !== null)) continue;
    const row = rowOf(a, iso3);
    if (!row?.published) return { published: null, editionYear: y };
    return {
      published: { year: y, score: row.published.score, rank: Number.isFinite(row.published.rank) ? row.published.rank : null, of: publishedCount(a), computed: { score: row.score, rank: rankOf(a, iso3), scored: scoredCount(a) } },
      editionYear: y,
    };
  }
  return { published: null, editionYear: null };
}

/** One component of an economy beside the economies scored: its normalised value, their mean and the highest. */
export interface ComponentBeside {
  id: string;
  year: number | null;
  raw: number | null;
  score: number | null;
  imputed: boolean;
  missing: MissingReason | null;
  /** Mean of the component's normalised value over the economies with a score (as the method page's chart). */
  mean: number | null;
  /** The highest normalised value among them. */
  max: number | null;
}

/** A country's readiness: its score and rank for a year and rule, each component beside the others, the published edition. */
export interface EconomyReadiness {
  method: IndexMethod;
  year: number;
  chosen: boolean;
  missing: MissingRule;
  iso3: string;
  score: number | null;
  treatment: Treatment | null;
  rank: RankOf | null;
  /** The economies scored that year. */
  scored: number;
  components: ComponentBeside[];
  published: PublishedBeside | null;
  /** The year of the published edition looked at (the year shown, or the newest stored); null when none is stored. */
  editionYear: number | null;
  answer: ReadinessAnswer;
}

/** The mean and highest normalised value of each component over the economies with a score. */
function componentStats(a: ReadinessAnswer): Map<string, { mean: number | null; max: number | null }> {
  const out = new Map<string, { mean: number | null; max: number | null }>();
  const scored = a.rows.filter((r) => r.score !== null);
  a.method.components.forEach((c, i) => {
    const values = scored.flatMap((r) => {
      const s = r.components[i]?.score;
      return s === null || s === undefined ? [] : [s];
    });
    out.set(c.id, { mean: values.length ? values.reduce((x, y) => x + y, 0) / values.length : null, max: values.length ? Math.max(...values) : null });
  });
  return out;
}

/** A country's readiness for the year and rule asked (by default the latest year scored, the method's rule); null when no year scores. */
export async function economyReadiness(service: ReadinessService, obs: Observatory, method: string | IndexMethod, iso3: string, choice: PlaceChoice = {}): Promise<EconomyReadiness | null> {
  const r = await resolve(service, obs, method, choice);
  if (!r) return null;
  const row = rowOf(r.answer, iso3);
  const stats = componentStats(r.answer);
  const { published, editionYear } = await publishedBeside(service, obs, r, iso3);
  return {
    method: r.method,
    year: r.year,
    chosen: r.chosen,
    missing: r.answer.missing,
    iso3,
    score: row?.score ?? null,
    treatment: row?.treatment ?? null,
    rank: rankOf(r.answer, iso3),
    scored: scoredCount(r.answer),
    components: r.method.components.map((c, i) => {
      const k = row?.components[i];
      return { id: c.id, year: k?.year ?? null, raw: k?.raw ?? null, score: k?.score ?? null, imputed: k?.imputed ?? false, missing: k ? k.missing : 'no-value-in-window', mean: stats.get(c.id)?.mean ?? null, max: stats.get(c.id)?.max ?? null };
    }),
    published,
    editionYear,
    answer: r.answer,
  };
}

/** Why a member of a group counts in its average or not. */
export type MemberStatus = 'scored' | 'no-score' | 'no-population' | 'not-covered';

export interface GroupMember {
  iso3: string;
  score: number | null;
  rank: number | null;
  status: MemberStatus;
  treatment: Treatment | null;
  /** The components it lacks, with the reason. */
  lacking: { id: string; reason: MissingReason }[];
}

/** A group's readiness: the population-weighted average with its coverage, each component's, and the members missing and why. */
export interface GroupReadiness {
  method: IndexMethod;
  year: number;
  chosen: boolean;
  missing: MissingRule;
  groupId: string;
  /** Members on this date (31 December of the index year), population of `populationYear` (the year before). */
  date: string;
  populationYear: number;
  average: AggregateResult;
  /** Each component's population-weighted average of its normalised value over the members with a score. */
  components: { id: string; average: AggregateResult }[];
  members: GroupMember[];
  answer: ReadinessAnswer;
}

/** A group's readiness for the year and rule asked (by default the latest year scored, the method's rule); null when no year scores. */
export async function groupReadiness(service: ReadinessService, obs: Observatory, method: string | IndexMethod, groupId: string, choice: PlaceChoice = {}): Promise<GroupReadiness | null> {
  const r = await resolve(service, obs, method, choice);
  if (!r) return null;
  const ref = await obs.ref();
  const date = `${r.year}-12-31`;
  const populationYear = r.year - 1;
  const pop = (await obs.indicatorValues(POPULATION)).byYear.get(populationYear) ?? new Map<string, number>();
  const members = obs.membersOn(ref, groupId, date);
  const rule = { kind: 'weighted_mean', weight: POPULATION } as const;
  const byIso = new Map([...r.answer.rows, ...r.answer.unlisted].map((x) => [x.iso3, x]));
  const scores = new Map<string, number>();
  for (const iso3 of members) {
    const s = byIso.get(iso3)?.score;
    if (s !== null && s !== undefined) scores.set(iso3, s);
  }
  const average = aggregate({ rule, members, values: scores, weights: pop, population: pop, minCoverage: DEFAULT_MIN_COVERAGE });
  const components = r.method.components.map((c, i) => {
    const values = new Map<string, number>();
    for (const iso3 of scores.keys()) {
      const s = byIso.get(iso3)?.components[i]?.score;
      if (s !== null && s !== undefined) values.set(iso3, s);
    }
    return { id: c.id, average: aggregate({ rule, members, values, weights: pop, population: pop, minCoverage: DEFAULT_MIN_COVERAGE }) };
  });
  const memberRows: GroupMember[] = members.map((iso3) => {
    const row = byIso.get(iso3);
    if (!row) return { iso3, score: null, rank: null, status: 'not-covered', treatment: null, lacking: [] };
    const lacking = row.components.flatMap((k) => (k.missing !== null ? [{ id: k.id, reason: k.missing }] : []));
    const status: MemberStatus = row.score === null ? 'no-score' : pop.has(iso3) ? 'scored' : 'no-population';
    return { iso3, score: row.score, rank: row.rank, status, treatment: row.treatment, lacking };
  });
  return { method: r.method, year: r.year, chosen: r.chosen, missing: r.answer.missing, groupId, date, populationYear, average, components, members: memberRows, answer: r.answer };
}
