import { ETREADY_STATUSES, NOT_RECORDED, type Assessment } from '../../domain/etready/status.ts';
import { etreadyOverview } from '../services/etready.ts';
import { format } from './common.ts';
import { parseGroups } from './params.ts';
import { sourceLine, vintageCell, vintageSummary } from './present.ts';
import { defineQuestion, type Param } from './question.ts';
import { CODE_LIST, errors, ok, string } from './schema.ts';

/** The groups the waiting requests are listed by when none are asked for (those the store holds). */
export const ETREADY_DEFAULT_GROUPS = ['LDC', 'SIDS', 'LLDC', 'ACP'];

/** `groups=LDC,ACP`: the groups the assessments and the waiting requests are counted by. */
export const etreadyGroups = {
  name: 'groups',
  in: 'query',
  description: 'Comma-separated group ids the assessments and the requests still waiting are counted by (members today). LDC, SIDS, LLDC and ACP by default.',
  schema: string(undefined, { pattern: CODE_LIST }),
  example: 'LDC,ACP',
  parse: (raw, ctx) => parseGroups(raw, ctx.ref) ?? ETREADY_DEFAULT_GROUPS.filter((g) => ctx.ref.groups.has(g)),
} satisfies Param<string[]>;

/** Why the list is partial, said in every answer. */
export const ETREADY_PARTIAL =
  'The list is partial: UNCTAD publishes no structured list of the eT Ready programme. A country without a recorded assessment is "not recorded", which does not mean it has none.';

const STATUS_FIELDS = { requested: 'requested', 'in-preparation': 'inPreparation', published: 'published', 'implementation-review': 'implementationReview' } as const;

function datesJson(a: Assessment | null) {
  return Object.fromEntries(ETREADY_STATUSES.map((s) => [STATUS_FIELDS[s], a?.dates[s] ?? null]));
}

/** GET /etready: every country's eT Ready assessment, the regional ones and the requests still waiting. */
export const etready = defineQuestion({
  id: 'etready',
  method: 'get',
  path: '/etready',
  params: { groups: etreadyGroups, format },
  doc: {
    summary: 'eTrade Readiness Assessments: status per country, and requests still waiting',
    description:
      'Every country with the status of its UNCTAD eTrade Readiness Assessment (requested, in-preparation, published, implementation-review) and the date of each status (YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source), its document symbol and link; a country the imported lists do not cover is "not-recorded" (never "none": the list is partial). With the regional assessments, the requests still waiting and the days since the request (from its first possible day to today), and counts by group. CSV: one row per country, then one per region.',
    tags: ['etready'],
    responses: { '200': ok('The assessments.', 'Etready', 'etready.csv'), ...errors('400') },
  },
  async answer({ groups }, { obs }) {
    const ref = await obs.ref();
    const o = await etreadyOverview(obs, groups);
    const vintages = o.vintageIds.flatMap((id) => {
      const v = ref.vintages.get(id);
      return v ? [v] : [];
    });
    const source = sourceLine(vintages);
    const item = (iso3: string | null, name: string, a: Assessment | null, groupIds: string[]) => ({
      iso3,
      name,
      status: a?.status ?? NOT_RECORDED,
      ...datesJson(a),
      title: a?.title ?? null,
      symbol: a?.symbol ?? null,
      link: a?.link ?? null,
      groups: groupIds,
    });
    const waiting = o.waiting.map((w) => ({ iso3: w.assessment.iso3, name: w.assessment.name, requested: w.requested, days: w.days }));
    return {
      json: () => ({
        today: o.today,
        partial: ETREADY_PARTIAL,
        recorded: o.countries.filter((c) => c.assessment !== null).length,
        notRecorded: o.countries.filter((c) => c.assessment === null).length,
        countries: o.countries.map((c) => item(c.iso3, c.name, c.assessment, c.groups)),
        regions: o.regions.map((r) => item(null, r.name, r, [])),
        waiting,
        groups: o.groups.map((g) => ({ id: g.id, members: g.members, recorded: g.recorded, notRecorded: g.members - g.recorded, byStatus: { requested: g.byStatus.requested, inPreparation: g.byStatus['in-preparation'], published: g.byStatus.published, implementationReview: g.byStatus['implementation-review'] }, waiting: g.waiting.map((w) => ({ iso3: w.assessment.iso3, name: w.assessment.name, requested: w.requested, days: w.days })) })),
        source,
        vintages: vintages.map(vintageSummary),
      }),
      csv: () => ({
        filename: 'etready.csv',
        header: ['iso3', 'name', 'kind', 'status', 'requested', 'in_preparation', 'published', 'implementation_review', 'days_waiting', 'symbol', 'link', 'groups', 'vintage', 'source'],
        rows: [
          ...o.countries.map((c) => ({ iso3: c.iso3 as string | null, name: c.name, kind: 'country', a: c.assessment, groups: c.groups })),
          ...o.regions.map((r) => ({ iso3: null, name: r.name, kind: 'region', a: r as Assessment | null, groups: [] as string[] })),
        ].map((r) => [
          r.iso3,
          r.name,
          r.kind,
          r.a?.status ?? NOT_RECORDED,
          ...ETREADY_STATUSES.map((s) => r.a?.dates[s] ?? null),
          o.waiting.find((w) => w.assessment === r.a)?.days ?? null,
          r.a?.symbol ?? null,
          r.a?.link ?? null,
          r.groups.join(';'),
          vintageCell(vintages),
          source,
        ]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
