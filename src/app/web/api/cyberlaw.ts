import type { Context } from 'hono';
import type { Vintage } from '../../../domain/vintage.ts';
import { CYBERLAW_AREAS, CYBERLAW_STATUSES, type CyberlawEntry } from '../../../domain/cyberlaw.ts';
import { provenanceOf, RegistryService } from '../../services/registry.ts';
import type { Reference } from '../../services/reference.ts';
import { HttpError } from '../http-error.ts';
import { QUERY, type ApiOptions } from './contract.ts';
import { parseDate, parseFormat, pathCountry, readQuery } from '../../questions/params.ts';
import { entityName, sourceLine, vintageCell, vintageSummary } from '../../questions/present.ts';
import { sendAs } from './respond.ts';

/** The group the coverage is of when none is asked for. */
const DEFAULT_GROUP = 'WLD';

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
export async function cyberlawCoverage(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.cyberlawCoverage);
  const ref = await obs.ref();
  const groupId = (query.get('group') ?? DEFAULT_GROUP).toUpperCase();
  const group = ref.groups.get(groupId);
  if (!group) throw new HttpError(404, `no group "${query.get('group')}": the groups are listed at /api/v1/groups`);
  const date = parseDate(query.get('date'), 'date') ?? obs.today();
  const choice = parseFormat(query.get('format'), c.req.header('accept'));

  const result = await new RegistryService(obs).coverage(group.id, date);
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
  return sendAs(
    choice,
    () => ({
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
    () => ({
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
    { 'x-data-version': String(ref.version) },
  );
}

/** An entry as the API shows it. */
function entryJson(e: CyberlawEntry) {
  return { status: e.status, asOf: e.asOf, source: e.source, vintage: e.vintageId ?? null, version: e.version, laws: e.laws };
}

/** GET /cyberlaw/countries/{iso3}: a country's status in each area today, with its date, source and laws, and the history. */
export async function cyberlawCountry(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.cyberlawCountry);
  const ref = await obs.ref();
  const country = pathCountry(ref, c.req.param('iso3') ?? '');
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const record = await new RegistryService(obs).country(country.iso3);
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
  return sendAs(
    choice,
    () => ({
      iso3: country.iso3,
      name,
      names: country.names,
      date: obs.today(),
      source: sourcesText(vintages, provenance.otherSources),
      vintages: vintages.map(vintageSummary),
      areas,
    }),
    () => ({
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
    { 'x-data-version': String(ref.version) },
  );
}
