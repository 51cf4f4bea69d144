import { isWeighting, WEIGHTINGS, type MatrixShares, type Recommendation, type Weighting } from '../../domain/etready/matrix.ts';
import type { ReviewCheckpoint } from '../../domain/etready/reviews.ts';
import { ParameterError } from '../../domain/errors.ts';
import { changeDates, sharesAt, statusAt, type Shares } from '../../domain/tracking.ts';
import { startOf } from '../../domain/etready/status.ts';
import { etreadyCountry, etreadyRequests, etreadyReviews, type RequestRow } from '../services/etready-matrix.ts';
import type { Observatory } from '../services/observatory.ts';
import { format, pathIso3 } from './common.ts';
import { etreadyGroups, ETREADY_PARTIAL } from './etready.ts';
import { parseDate } from './params.ts';
import { sourceLine, vintageCell, vintageSummary } from './present.ts';
import { defineQuestion, type Param } from './question.ts';
import { DATE, errors, ok, string } from './schema.ts';

/** Said wherever no action matrix is recorded: the shares are unknown, not zero. */
export const NO_MATRIX = 'no action matrix recorded';

/** `date=2022-12-31`: the day the shares are read on; today by default, never after today. */
export const etreadyDate = {
  name: 'date',
  in: 'query',
  description: 'The day the recommendations’ statuses are read on (YYYY-MM-DD): each recommendation counts with its latest status dated on or before it. Today by default; a day after today is refused.',
  schema: string(undefined, { format: 'date', pattern: DATE }),
  example: '2022-12-31',
  field: { label: 'etreadyMatrix.dateLabel', size: 10, pattern: '\\d{4}-\\d{2}-\\d{2}' },
  parse: (raw, ctx) => {
    const d = parseDate(raw, 'date') ?? ctx.today;
    if (d > ctx.today) throw new ParameterError('date', `${d} is after today (${ctx.today}): statuses are known up to today`);
    return d;
  },
} satisfies Param<string>;

/** `weighting=assessments`: how a group's shares are made from its members' matrices. */
export const etreadyWeighting = {
  name: 'weighting',
  in: 'query',
  description:
    'How the shares of several assessments are combined: recommendations (the default) pools every recommendation, so a long matrix weighs more; assessments takes the mean of each assessment’s own percent, each country weighing the same. Counts are pooled either way.',
  schema: string(undefined, { enum: [...WEIGHTINGS] }),
  example: 'assessments',
  choices: [...WEIGHTINGS],
  field: { label: 'etreadyMatrix.weightingLabel', choiceLabels: 'etreadyMatrix.weightings' },
  parse: (raw) => {
    if (raw === undefined || raw === '') return 'recommendations' as Weighting;
    if (!isWeighting(raw)) throw new ParameterError('weighting', `expected ${WEIGHTINGS.join(' or ')}, got "${raw}"`);
    return raw;
  },
} satisfies Param<Weighting>;

const pct = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** Shares as JSON: counts and percents (one decimal), null percents when nothing is counted. */
export function sharesJson(s: Shares) {
  return { recorded: s.recorded, counted: s.counted, notStarted: s.notStarted, underImplementation: s.underImplementation, completed: s.completed, dropped: s.dropped, underImplementationPct: pct(s.underImplementationShare), completedPct: pct(s.completedShare) };
}

export function matrixSharesJson(m: MatrixShares | null) {
  if (m === null) return { matrix: NO_MATRIX, overall: null, byArea: [] };
  return { matrix: 'recorded', overall: sharesJson(m.overall), byArea: m.byArea.map((a) => ({ area: a.area, ...sharesJson(a.shares) })) };
}

export function recommendationJson(r: Recommendation, date: string) {
  const sorted = [...r.history].sort((a, b) => startOf(a.date).localeCompare(startOf(b.date)));
  return { id: r.id, area: r.area, text: r.text, priority: r.priority, leadAgency: r.lead, partners: r.partners, timeline: r.timeline, statusAtDate: statusAt(r, date), history: sorted };
}

export function reviewJson(r: ReviewCheckpoint) {
  return { id: r.id, review: r.review, date: r.date, found: r.finding !== null, finding: r.finding, figures: r.figures, namedCountries: r.namedCountries, sources: r.sources, caveat: r.caveat };
}

const requestJson = (r: RequestRow) => ({ iso3: r.iso3, name: r.name, authority: r.authority, requested: r.requested, status: r.status, waiting: r.waiting, days: r.days, source: r.source });

async function vintagesOf(obs: Observatory, ids: readonly number[]) {
  const ref = await obs.ref();
  const vintages = ids.flatMap((id) => {
    const v = ref.vintages.get(id);
    return v ? [v] : [];
  });
  return { ref, vintages, source: sourceLine(vintages) };
}

const SHARE_COLUMNS = ['recorded', 'counted', 'not_started', 'under_implementation', 'completed', 'dropped', 'under_implementation_pct', 'completed_pct'];
const shareCells = (s: Shares | null) => (s ? [s.recorded, s.counted, s.notStarted, s.underImplementation, s.completed, s.dropped, pct(s.underImplementationShare), pct(s.completedShare)] : [null, null, null, null, null, null, null, null]);

/** GET /etready/requests: the requests for an assessment, those still waiting and for how long, by group. */
export const etreadyRequestsQuestion = defineQuestion({
  id: 'etreadyRequests',
  method: 'get',
  path: '/etready/requests',
  params: { groups: etreadyGroups, format },
  doc: {
    summary: 'Requests for an eTrade Readiness Assessment: who asked, when, and how long they have waited',
    description:
      'Every request recorded (from the imported lists and from request lines of action-matrix templates): the country or region, the requesting authority where given, the date of the request, the assessment’s latest status, whether it is still waiting and the days waited (to today when waiting, else to the next status). By group (members today): members, members with any record, members not recorded ("not recorded", never "none": the lists are partial) and the requests still waiting. With the published stock-takes that count requests without naming each country’s status. CSV: one row per request.',
    tags: ['etready'],
    responses: { '200': ok('The requests.', 'EtreadyRequests', 'etready-requests.csv'), ...errors('400') },
  },
  async answer({ groups }, { obs }) {
    const o = await etreadyRequests(obs, groups);
    const { ref, vintages, source } = await vintagesOf(obs, o.vintageIds);
    return {
      json: () => ({
        today: o.today,
        partial: ETREADY_PARTIAL,
        requests: o.requests.map(requestJson),
        waiting: o.waiting.map(requestJson),
        notRecorded: o.notRecorded,
        groups: o.groups.map((g) => ({ id: g.id, members: g.members, recorded: g.recorded, notRecorded: g.notRecorded, waiting: g.waiting.map(requestJson) })),
        published: o.published.map(reviewJson),
        source,
        vintages: vintages.map(vintageSummary),
      }),
      csv: () => ({
        filename: 'etready-requests.csv',
        header: ['iso3', 'name', 'authority', 'requested', 'status', 'waiting', 'days', 'groups', 'request_source', 'vintage', 'source'],
        rows: o.requests.map((r) => [r.iso3, r.name, r.authority, r.requested, r.status, r.waiting, r.days, o.groups.filter((g) => g.waiting.includes(r)).map((g) => g.id).join(';'), r.source, vintageCell(vintages), source]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** GET /etready/reviews: implementation computed from the action matrices on a date, by group with coverage, beside the published reviews. */
export const etreadyReviewsQuestion = defineQuestion({
  id: 'etreadyReviews',
  method: 'get',
  path: '/etready/reviews',
  params: { groups: etreadyGroups, date: etreadyDate, weighting: etreadyWeighting, format },
  doc: {
    summary: 'Implementation of the eT Ready action matrices on a date, by assessment and group, beside the published reviews',
    description:
      'For each assessment with an action matrix, and for all of them together, the recommendations counted on the date (recorded by then, not dropped), under implementation and completed, overall and per policy area, in percent. By group (members today): members, members with an assessment recorded, members with an action matrix (the coverage), and the shares of their recommendations pooled; "no action matrix recorded" when none has one (never 0%). Beside them, the published implementation reviews and stock-takes, quoted with their sources and caveats. CSV: one row per assessment or group and area (area "overall" for all).',
    tags: ['etready'],
    responses: { '200': ok('The implementation reviews.', 'EtreadyReviews', 'etready-reviews.csv'), ...errors('400') },
  },
  async answer({ groups, date, weighting }, { obs }) {
    const o = await etreadyReviews(obs, groups, date, weighting);
    const { ref, vintages, source } = await vintagesOf(obs, o.vintageIds);
    const rows = (kind: string, id: string, name: string, coverage: string | null, m: MatrixShares | null) =>
      m === null
        ? [[kind, id, name, coverage, 'overall', NO_MATRIX, ...shareCells(null), vintageCell(vintages), source]]
        : [
            [kind, id, name, coverage, 'overall', 'recorded', ...shareCells(m.overall), vintageCell(vintages), source],
            ...m.byArea.map((a) => [kind, id, name, coverage, a.area, 'recorded', ...shareCells(a.shares), vintageCell(vintages), source]),
          ];
    return {
      json: () => ({
        today: o.today,
        date: o.date,
        weighting: o.weighting,
        partial: ETREADY_PARTIAL,
        recorded: o.recorded,
        withMatrix: o.assessments.length,
        overall: matrixSharesJson(o.overall),
        assessments: o.assessments.map((a) => ({ iso3: a.iso3, name: a.name, ...matrixSharesJson(a.shares) })),
        groups: o.groups.map((g) => ({ id: g.id, members: g.members, assessed: g.assessed, withMatrix: g.withMatrix, coverage: `${g.withMatrix}/${g.assessed}`, ...matrixSharesJson(g.shares), countries: g.countries.map((c) => ({ iso3: c.iso3, ...matrixSharesJson(c.shares) })) })),
        published: o.published.map(reviewJson),
        source,
        vintages: vintages.map(vintageSummary),
      }),
      csv: () => ({
        filename: `etready-reviews-${o.date}-${o.weighting}.csv`,
        header: ['kind', 'id', 'name', 'coverage', 'area', 'matrix', ...SHARE_COLUMNS, 'vintage', 'source'],
        rows: [
          ...rows('all', 'all', 'all assessments', `${o.assessments.length}/${o.recorded}`, o.overall),
          ...o.groups.flatMap((g) => rows('group', g.id, g.id, `${g.withMatrix}/${g.assessed}`, g.shares)),
          ...o.assessments.flatMap((a) => rows(a.iso3 ? 'country' : 'region', a.iso3 ?? a.name, a.name, null, a.shares)),
        ],
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** GET /etready/{iso3}: a country's assessment, its action matrix with the histories and the shares on a date. */
export const etreadyCountryQuestion = defineQuestion({
  id: 'etreadyCountry',
  method: 'get',
  path: '/etready/{iso3}',
  params: { iso3: pathIso3, date: etreadyDate, format },
  doc: {
    summary: 'A country’s eTrade Readiness Assessment, its action matrix and the shares implemented on a date',
    description:
      'The assessment’s latest status and the date of each ("not-recorded" when no list covers the country), its requests, and its action matrix: each recommendation with its policy area, text, priority, lead agency, partners, timeline, status on the date and dated history with the source of each change. The shares on the date of the recommendations under implementation and completed, overall and per area ("no action matrix recorded" when none is, never 0%); with the published implementation reviews. CSV: one row per recommendation with its status on the date.',
    tags: ['etready'],
    responses: { '200': ok('The country’s assessment and action matrix.', 'EtreadyCountry', 'etready-country.csv'), ...errors('400', '404') },
  },
  async answer({ iso3: country, date }, { obs }) {
    const c = await etreadyCountry(obs, country.iso3, date);
    const { ref, vintages, source } = await vintagesOf(obs, c.vintageIds);
    const a = c.assessment;
    return {
      json: () => ({
        today: c.today,
        date: c.date,
        iso3: c.iso3,
        name: c.name,
        partial: ETREADY_PARTIAL,
        assessment: a ? { status: a.status, dates: a.dates, title: a.title, symbol: a.symbol, link: a.link } : { status: 'not-recorded' },
        requests: c.requests.map(requestJson),
        ...matrixSharesJson(c.shares),
        recommendations: c.recommendations.map((r) => recommendationJson(r, c.date)),
        progress: changeDates(c.recommendations).map((d) => {
          const s = sharesAt(c.recommendations, d);
          return { date: d, counted: s.counted, completedPct: pct(s.completedShare), underImplementationPct: pct(s.underImplementationShare) };
        }),
        published: c.reviews.map(reviewJson),
        source,
        vintages: vintages.map(vintageSummary),
      }),
      csv: () => ({
        filename: `etready-${c.iso3}-${c.date}.csv`,
        header: ['iso3', 'date', 'recommendation_id', 'area', 'recommendation', 'priority', 'lead_agency', 'partners', 'timeline', 'status_at_date', 'history', 'vintage', 'source'],
        rows: c.recommendations.length
          ? c.recommendations.map((r) => {
              const j = recommendationJson(r, c.date);
              return [c.iso3, c.date, r.id, r.area, r.text, r.priority, r.lead, r.partners, r.timeline, j.statusAtDate, j.history.map((h) => `${h.date} ${h.status}${h.source ? ` (${h.source})` : ''}`).join('; '), vintageCell(vintages), source];
            })
          : [[c.iso3, c.date, null, null, NO_MATRIX, null, null, null, null, null, null, vintageCell(vintages), source]],
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
