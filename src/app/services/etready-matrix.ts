import { membersAt } from '../../domain/group.ts';
import { pick } from '../../domain/lang.ts';
import { assessmentKey, groupShares, matrixShares, type MatrixShares, type Recommendation, type Weighting } from '../../domain/etready/matrix.ts';
import type { ReviewCheckpoint } from '../../domain/etready/reviews.ts';
import { assessments, daysSince, startOf, type Assessment, type EtreadyEvent, type EtreadyStatus } from '../../domain/etready/status.ts';
import type { Observatory } from './observatory.ts';

/** One request for an assessment: who asked, when, the assessment's status now and the days waited. */
export interface RequestRow {
  iso3: string | null;
  name: string;
  /** The requesting authority where the source names it, else null. */
  authority: string | null;
  requested: string;
  /** The assessment's latest status. */
  status: EtreadyStatus;
  /** Still waiting: the latest status is the request. */
  waiting: boolean;
  /** Days from the request to today when still waiting, else to the next status recorded. */
  days: number;
  source: string | null;
}

/** The requests recorded (one per request date of an assessment), the longest waiting first. */
export function requestRows(events: readonly EtreadyEvent[], today: string): RequestRow[] {
  const list = assessments(events);
  const byKey = new Map(list.map((a) => [assessmentKey(a.iso3, a.name), a]));
  const rows: RequestRow[] = [];
  for (const e of events) {
    if (e.status !== 'requested') continue;
    const a = byKey.get(assessmentKey(e.iso3, e.name)) as Assessment;
    const later = events
      .filter((x) => assessmentKey(x.iso3, x.name) === assessmentKey(e.iso3, e.name) && x.status !== 'requested' && startOf(x.date) >= startOf(e.date))
      .map((x) => startOf(x.date))
      .sort()[0];
    const waiting = a.status === 'requested';
    rows.push({ iso3: e.iso3, name: a.name, authority: e.authority ?? null, requested: e.date, status: a.status, waiting, days: daysSince(e.date, waiting || later === undefined ? today : later), source: e.link ?? e.note });
  }
  const seen = new Set<string>();
  return rows
    .filter((r) => {
      const k = `${assessmentKey(r.iso3, r.name)}|${r.requested}|${r.authority ?? ''}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => Number(b.waiting) - Number(a.waiting) || b.days - a.days || a.name.localeCompare(b.name));
}

/** One assessment's action matrix and its shares on a date. */
export interface CountryMatrix {
  today: string;
  date: string;
  iso3: string;
  name: string;
  assessment: Assessment | null;
  recommendations: Recommendation[];
  /** Null when no action matrix is recorded (never 0%). */
  shares: MatrixShares | null;
  requests: RequestRow[];
  reviews: ReviewCheckpoint[];
  vintageIds: number[];
}

async function stored(obs: Observatory) {
  const [events, matrix, reviews] = await Promise.all([obs.store.etreadyStatuses(), obs.store.etreadyMatrix(), obs.store.etreadyReviews()]);
  return { events, matrix: matrix.recommendations, reviews: reviews.reviews };
}

async function etreadyVintages(obs: Observatory, formats: readonly string[]): Promise<number[]> {
  const ref = await obs.ref();
  const latest = new Map<string, number>();
  for (const v of ref.vintages.values()) if (formats.includes(v.format) && v.id > (latest.get(v.dataset) ?? 0)) latest.set(v.dataset, v.id);
  return [...latest.values()].sort((a, b) => a - b);
}

/** A country's assessment, its action matrix with each recommendation's history, the shares on `date` and its requests. */
export async function etreadyCountry(obs: Observatory, iso3: string, date: string): Promise<CountryMatrix> {
  const ref = await obs.ref();
  const today = obs.today();
  const s = await stored(obs);
  const country = ref.countries.get(iso3);
  const events = s.events.filter((e) => e.iso3 === iso3);
  const recommendations = s.matrix.filter((r) => r.iso3 === iso3);
  return {
    today,
    date,
    iso3,
    name: country ? pick(country.names, 'en') : iso3,
    assessment: assessments(events)[0] ?? null,
    recommendations,
    shares: recommendations.length ? matrixShares(recommendations, date) : null,
    requests: requestRows(events, today),
    reviews: s.reviews,
    vintageIds: await etreadyVintages(obs, ['etready', 'etready-matrix', 'etready-reviews']),
  };
}

/** The assessments of a group's members today, how many have an action matrix, and the pooled shares on a date. */
export interface GroupReview {
  id: string;
  members: number;
  /** Members with an assessment recorded. */
  assessed: number;
  /** Members with an action matrix recorded. */
  withMatrix: number;
  /** The shares of their recommendations, pooled or averaged by assessment; null when none has a matrix. */
  shares: MatrixShares | null;
  /** Each member with a matrix and its own shares. */
  countries: { iso3: string; shares: MatrixShares }[];
}

export interface ReviewsOverview {
  today: string;
  date: string;
  weighting: Weighting;
  /** Every assessment with a matrix (countries and regions) and its shares on the date. */
  assessments: { iso3: string | null; name: string; shares: MatrixShares }[];
  /** All matrices together; null when none is recorded. */
  overall: MatrixShares | null;
  /** Assessments recorded (countries and regions). */
  recorded: number;
  groups: GroupReview[];
  published: ReviewCheckpoint[];
  vintageIds: number[];
}

function byAssessment(recs: readonly Recommendation[]): Map<string, Recommendation[]> {
  const by = new Map<string, Recommendation[]>();
  for (const r of recs) {
    const k = assessmentKey(r.iso3, r.assessment);
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  return by;
}

/** The implementation reviews computed from the action matrices on `date`, by group with coverage, beside the published ones. */
export async function etreadyReviews(obs: Observatory, groupIds: readonly string[], date: string, weighting: Weighting = 'recommendations'): Promise<ReviewsOverview> {
  const ref = await obs.ref();
  const today = obs.today();
  const s = await stored(obs);
  const list = assessments(s.events);
  const matrices = byAssessment(s.matrix);
  const assessed = new Set(list.flatMap((a) => (a.iso3 ? [a.iso3] : [])));
  for (const r of s.matrix) if (r.iso3) assessed.add(r.iso3);
  const groups = groupIds.map((id) => {
    const members = membersAt(ref.memberships.get(id) ?? [], today);
    const withMatrix = members.filter((m) => matrices.has(m)).sort();
    return {
      id,
      members: members.length,
      assessed: members.filter((m) => assessed.has(m)).length,
      withMatrix: withMatrix.length,
      shares: groupShares(withMatrix.map((m) => matrices.get(m) ?? []), date, weighting),
      countries: withMatrix.map((iso3) => ({ iso3, shares: matrixShares(matrices.get(iso3) ?? [], date) })),
    };
  });
  const recorded = new Set([...list.map((a) => assessmentKey(a.iso3, a.name)), ...matrices.keys()]).size;
  return {
    today,
    date,
    assessments: [...matrices.values()].map((recs) => ({ iso3: (recs[0] as Recommendation).iso3, name: (recs[0] as Recommendation).assessment, shares: matrixShares(recs, date) })),
    overall: groupShares([...matrices.values()], date, weighting),
    weighting,
    recorded,
    groups,
    published: s.reviews,
    vintageIds: await etreadyVintages(obs, ['etready', 'etready-matrix', 'etready-reviews']),
  };
}

/** The requests by group: members, members with any record, and the requests still waiting with their days. */
export interface RequestGroup {
  id: string;
  members: number;
  /** Members with any eT Ready record (a request, an assessment or a matrix). */
  recorded: number;
  /** Members with no record at all: "not recorded", never "none". */
  notRecorded: number;
  waiting: RequestRow[];
}

export interface RequestsOverview {
  today: string;
  requests: RequestRow[];
  waiting: RequestRow[];
  groups: RequestGroup[];
  /** Countries with no record at all. */
  notRecorded: number;
  /** Published stock-takes counting requests (the 2019 stock-take), shown as published, without per-country statuses. */
  published: ReviewCheckpoint[];
  vintageIds: number[];
}

export async function etreadyRequests(obs: Observatory, groupIds: readonly string[]): Promise<RequestsOverview> {
  const ref = await obs.ref();
  const today = obs.today();
  const s = await stored(obs);
  const requests = requestRows(s.events, today);
  const waiting = requests.filter((r) => r.waiting);
  const recordedIso = new Set([...s.events.flatMap((e) => (e.iso3 ? [e.iso3] : [])), ...s.matrix.flatMap((r) => (r.iso3 ? [r.iso3] : []))]);
  const groups = groupIds.map((id) => {
    const members = new Set(membersAt(ref.memberships.get(id) ?? [], today));
    const recorded = [...members].filter((m) => recordedIso.has(m)).length;
    return { id, members: members.size, recorded, notRecorded: members.size - recorded, waiting: waiting.filter((w) => w.iso3 !== null && members.has(w.iso3)) };
  });
  return {
    today,
    requests,
    waiting,
    groups,
    notRecorded: [...ref.countries.keys()].filter((c) => !recordedIso.has(c)).length,
    published: s.reviews.filter((r) => r.figures.requestsReceived !== null || r.namedCountries.length > 0),
    vintageIds: await etreadyVintages(obs, ['etready', 'etready-matrix', 'etready-reviews']),
  };
}
