import type { Vintage } from '../../domain/vintage.ts';
import { CYBERLAW_AREAS, CYBERLAW_STATUSES, type CyberlawEntry } from '../../domain/cyberlaw.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Group } from '../../domain/group.ts';
import { provenanceOf } from '../services/registry.ts';
import type { Reference } from '../services/reference.ts';
import { format, pathIso3 } from './common.ts';
import { parseDate } from './params.ts';
import { entityName, sourceLine, vintageCell, vintageSummary } from './present.ts';
import type { Param } from './question.ts';
import { defineQuestion } from './question.ts';
import { DATE, errors, GROUP_ID, ok, string } from './schema.ts';

/** The group the coverage is of when none is asked for. */
const DEFAULT_GROUP = 'WLD';

/** `group=ACP`: the group whose members are counted (case does not matter); every country by default, an unknown group a 404. */
const coverageGroup = {
  name: 'group',
  in: 'query',
  description: 'The group whose members are counted, as on `date` (see /groups); WLD, every country, by default. Case does not matter.',
  schema: string(undefined, { pattern: GROUP_ID }),
  example: 'ACP',
  parse: (raw, ctx) => {
    const group = ctx.ref.groups.get((raw ?? DEFAULT_GROUP).toUpperCase());
    if (!group) throw new NotFoundError(`no group "${raw}": the groups are listed at /api/v1/groups`);
    return group;
  },
} satisfies Param<Group>;

/** `date=2021-12-31`: the date the statuses are read on; today when absent. */
const date = {
  name: 'date',
  in: 'query',
  description: 'The date the statuses (and the group’s members) are read on, YYYY-MM-DD; today by default. Ask for two dates to see what changed.',
  schema: string(undefined, { format: 'date', pattern: DATE }),
  example: '2021-12-31',
  parse: (raw, ctx) => parseDate(raw, 'date') ?? ctx.today,
} satisfies Param<string>;

/** The stored vintages among some ids, in id order. */
function vintagesOf(ref: Reference, ids: Iterable<number>): Vintage[] {
  return [...new Set(ids)].sort((a, b) => a - b).flatMap((id) => {
    const v = ref.vintages.get(id);
    return v ? [v] : [];
  });
}

/** One line naming every source: the vintages' publishers, then the other sources (accepted submissions). */
function sourcesText(vintages: readonly Vintage[], otherSources: readonly string[]): string {
  return [sourceLine(vintages), ...otherSources].filter((s) => s !== '').join('; ');
}

const SHARE_RULE =
  'shareWithLegislation = members with the status "legislation" / all members of the group on the date. A member the registry ' +
  'holds no status for counts as "no-data", never as "none".';

/** GET /cyberlaw/coverage: per area, the group's members by status on a date, with the share with legislation. */
export const cyberlawCoverage = defineQuestion({
  id: 'cyberlawCoverage',
  method: 'get',
  path: '/cyberlaw/coverage',
  params: { group: coverageGroup, date, format },
  doc: {
    summary: 'A group’s cyberlaw coverage per area',
    description:
      'Per area (e-transactions, consumer protection, data protection and privacy, cybercrime, indirect taxation): how many of the ' +
      'group’s members have legislation, draft legislation, none or no data on `date`, the share with legislation, and who they are, ' +
      'with the tracker vintages the statuses come from. CSV: one row per area and status.',
    tags: ['cyberlaw', 'groups'],
    responses: { '200': ok('The coverage.', 'CyberlawCoverage', '{GROUP}_cyberlaw_coverage_{date}.csv'), ...errors('400', '404') },
  },
  async answer({ group, date }, { obs, registry }) {
    const ref = await obs.ref();
    const result = await registry.coverage(group.id, date);
    const vintages = vintagesOf(ref, result.provenance.vintageIds);
    const source = sourcesText(vintages, result.provenance.otherSources);
    const member = (iso3: string) => ({ iso3, name: entityName(ref, iso3) });
    const areas = result.areas.map((a) => ({
      area: a.area,
      names: CYBERLAW_AREAS.find((x) => x.id === a.area)?.names ?? { en: a.area },
      counts: a.counts,
      shareWithLegislation: a.shareWithLegislation,
      members: Object.fromEntries(CYBERLAW_STATUSES.map((s) => [s, a.members[s].map(member)])),
    }));
    return {
      json: () => ({
        group: { id: group.id, kind: group.kind, names: group.names },
        date,
        members: result.members,
        statuses: CYBERLAW_STATUSES,
        shareRule: SHARE_RULE,
        asOf: result.provenance.asOf,
        source,
        vintages: vintages.map(vintageSummary),
        otherSources: result.provenance.otherSources,
        areas,
      }),
      csv: () => ({
        filename: `${group.id}_cyberlaw_coverage_${date}.csv`,
        header: ['group', 'date', 'area', 'area_name', 'status', 'count', 'members_total', 'share', 'share_with_legislation', 'members_iso3', 'members_names', 'vintage', 'source'],
        rows: result.areas.flatMap((a) =>
          CYBERLAW_STATUSES.map((s) => [
            group.id,
            date,
            a.area,
            CYBERLAW_AREAS.find((x) => x.id === a.area)?.names.en ?? a.area,
            s,
            a.counts[s],
            result.members,
            result.members ? a.counts[s] / result.members : null,
            a.shareWithLegislation,
            a.members[s].join(' '),
            a.members[s].map((iso3) => entityName(ref, iso3)).join('; '),
            vintageCell(vintages),
            source,
          ]),
        ),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** An entry as the API shows it. */
function entryJson(e: CyberlawEntry) {
  return { status: e.status, asOf: e.asOf, source: e.source, vintage: e.vintageId ?? null, version: e.version, laws: e.laws };
}

/** GET /cyberlaw/countries/{iso3}: a country's status in each area today, with its date, source and laws, and the history. */
export const cyberlawCountry = defineQuestion({
  id: 'cyberlawCountry',
  method: 'get',
  path: '/cyberlaw/countries/{iso3}',
  params: { iso3: pathIso3, format },
  doc: {
    summary: 'One country’s cyberlaw statuses',
    description:
      'The status in each area today with its date, source and laws (title, year, link), and every earlier dated status. ' +
      'CSV: one row per law of each dated status, the current one marked.',
    tags: ['cyberlaw', 'countries'],
    responses: { '200': ok('The statuses.', 'CyberlawCountry', '{ISO3}_cyberlaw.csv'), ...errors('400', '404') },
  },
  async answer({ iso3: country }, { obs, registry }) {
    const ref = await obs.ref();
    const record = await registry.country(country.iso3);
    const provenance = provenanceOf(record.areas.flatMap((a) => a.history));
    const vintages = vintagesOf(ref, provenance.vintageIds);
    const name = entityName(ref, country.iso3);
    const areas = record.areas.map((a) => ({
      area: a.area,
      names: CYBERLAW_AREAS.find((x) => x.id === a.area)?.names ?? { en: a.area },
      status: a.current?.status ?? 'no-data',
      asOf: a.current?.asOf ?? null,
      source: a.current?.source ?? null,
      vintage: a.current?.vintageId ?? null,
      version: a.current?.version ?? 0,
      laws: a.current?.laws ?? [],
      history: a.history.map(entryJson),
    }));
    return {
      json: () => ({
        iso3: country.iso3,
        name,
        names: country.names,
        date: obs.today(),
        source: sourcesText(vintages, provenance.otherSources),
        vintages: vintages.map(vintageSummary),
        areas,
      }),
      csv: () => ({
        filename: `${country.iso3}_cyberlaw.csv`,
        header: ['iso3', 'name', 'area', 'area_name', 'status', 'as_of', 'current', 'version', 'vintage', 'source', 'law_title', 'law_year', 'law_url'],
        // One row per law of each dated status (one row when it names none): the history with the current status marked.
        rows: record.areas.flatMap((a) =>
          a.history.flatMap((e) => {
            const head = [country.iso3, name, a.area, CYBERLAW_AREAS.find((x) => x.id === a.area)?.names.en ?? a.area, e.status, e.asOf, e === a.current, e.version, e.vintageId ?? null, e.source];
            return e.laws.length ? e.laws.map((l) => [...head, l.title, l.year, l.url]) : [[...head, null, null, null]];
          }),
        ),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
