import { isActiveAt } from '../../domain/group.ts';
import { format, pathIso3 } from './common.ts';
import { countryJson, entityName, vintageSummary } from './present.ts';
import { defineQuestion } from './question.ts';
import { errors, ok } from './schema.ts';

/** GET /countries: every country with its codes, names and M49 regions. */
export const countries = defineQuestion({
  id: 'countries',
  method: 'get',
  path: '/countries',
  params: { format },
  doc: {
    summary: 'All countries',
    tags: ['countries'],
    responses: { '200': ok('Every country with its codes, names and M49 regions.', 'CountryList', 'countries.csv'), ...errors('400') },
  },
  async answer(_input, { obs }) {
    const ref = await obs.ref();
    const list = [...ref.countries.values()];
    return {
      json: () => ({ count: list.length, countries: list.map(countryJson) }),
      csv: () => ({
        filename: 'countries.csv',
        header: ['iso3', 'iso2', 'm49', 'name_en', 'name_fr', 'name_es', 'name_pt', 'region_code', 'region_name', 'subregion_code',
          'subregion_name', 'intermediate_region_code', 'intermediate_region_name'],
        rows: list.map((k) => [
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
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** GET /countries/{iso3}: one country, the groups it belongs or belonged to, and its latest headline figures. */
export const country = defineQuestion({
  id: 'country',
  method: 'get',
  path: '/countries/{iso3}',
  params: { iso3: pathIso3 },
  doc: {
    summary: 'One country',
    description: 'The country, its memberships with dates and sources, and the latest value of each headline indicator.',
    tags: ['countries'],
    responses: { '200': ok('The country.', 'CountryDetail'), ...errors('400', '404') },
  },
  async answer({ iso3: country }, { obs }) {
    const ref = await obs.ref();
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
    const detail = {
      ...countryJson(country),
      name: entityName(ref, country.iso3),
      memberships,
      groupsToday: [...new Set(memberships.filter((m) => m.current).map((m) => m.group))],
      headline,
    };
    return { json: () => detail, headers: { 'x-data-version': String(ref.version) } };
  },
});
