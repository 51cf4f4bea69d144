import type { Context } from 'hono';
import { isActiveAt } from '../../../domain/group.ts';
import { QUERY, type ApiOptions } from './contract.ts';
import { parseFormat, pathCountry, readQuery } from '../../questions/params.ts';
import { countryJson } from './present.ts';
import { entityName, vintageSummary } from '../../questions/present.ts';
import { sendAs, sendJson } from './respond.ts';

/** GET /countries: every country with its codes, names and M49 regions. */
export async function listCountries(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.countries);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const ref = await obs.ref();
  const countries = [...ref.countries.values()];
  return sendAs(
    choice,
    () => ({ count: countries.length, countries: countries.map(countryJson) }),
    () => ({
      filename: 'countries.csv',
      header: ['iso3', 'iso2', 'm49', 'name_en', 'name_fr', 'name_es', 'name_pt', 'region_code', 'region_name', 'subregion_code',
        'subregion_name', 'intermediate_region_code', 'intermediate_region_name'],
      rows: countries.map((k) => [
        k.iso3,
        k.iso2,
        k.m49,
        k.names.en,
        k.names.fr,
        k.names.es,
        k.names.pt,
        k.region?.code,
        k.region?.name,
        k.subregion?.code,
        k.subregion?.name,
        k.intermediateRegion?.code,
        k.intermediateRegion?.name,
      ]),
    }),
    { 'x-data-version': String(ref.version) },
  );
}

/** GET /countries/{iso3}: one country, the groups it belongs or belonged to, and its latest headline figures. */
export async function getCountry(c: Context, { obs }: ApiOptions): Promise<Response> {
  readQuery(c.req.url, QUERY.country);
  const ref = await obs.ref();
  const country = pathCountry(ref, c.req.param('iso3') ?? '');
  const today = obs.today();
  const memberships = (ref.membershipsByCountry.get(country.iso3) ?? []).map((m) => {
    const group = ref.groups.get(m.groupId);
    return {
      group: m.groupId,
      groupNames: group?.names ?? { en: m.groupId },
      kind: group?.kind ?? null,
      status: m.status,
      from: m.from,
      to: m.to,
      source: m.source,
      note: m.note ?? null,
      current: m.status === 'member' && isActiveAt(m, today),
    };
  });
  const headline = [];
  for (const info of ref.indicators.values()) {
    if (!info.def.headline) continue;
    const latest = await obs.latest(info.def.code, country.iso3);
    headline.push({
      indicator: info.def.code,
      names: info.def.names,
      unit: info.def.unit,
      year: latest?.year ?? null,
      value: latest?.value ?? null,
      vintages: info.vintages.map(vintageSummary),
    });
  }
  return sendJson(
    {
      ...countryJson(country),
      name: entityName(ref, country.iso3),
      memberships,
      groupsToday: [...new Set(memberships.filter((m) => m.current).map((m) => m.group))],
      headline,
    },
    200,
    { 'x-data-version': String(ref.version) },
  );
}
