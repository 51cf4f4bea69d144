import type { Context } from 'hono';
import type { Vintage } from '../../../adapters/storage/store.ts';
import type { Observatory } from '../../services/observatory.ts';
import type { IndicatorInfo, Reference } from '../../services/reference.ts';
import { badParameter } from '../http-error.ts';
import { QUERY, type ApiOptions } from './contract.ts';
import { parseCountries, parseFormat, parseGroups, parseVintage, parseYears, pathIndicator, readQuery, yearsLabel } from '../../questions/params.ts';
import { indicatorHead, ruleJson } from './present.ts';
import { entityName, sourceLine, vintageCell, vintageSummary } from '../../questions/present.ts';
import { sendAs, sendJson } from './respond.ts';

/** How many values an indicator has and over which years; derived ones are counted from their computed series. */
async function coverage(obs: Observatory, info: IndicatorInfo) {
  if (info.record) return { observations: info.record.observations, firstYear: info.record.firstYear, lastYear: info.record.lastYear };
  const values = await obs.indicatorValues(info.def.code);
  let observations = 0;
  for (const year of values.byYear.values()) observations += year.size;
  return { observations, firstYear: values.years[0] ?? null, lastYear: values.years[values.years.length - 1] ?? null };
}

async function indicatorJson(obs: Observatory, ref: Reference, info: IndicatorInfo) {
  const d = info.def;
  return {
    code: d.code,
    names: d.names,
    sourceName: info.record?.name ?? null,
    unit: d.unit,
    topic: d.topic,
    decimals: d.decimals,
    higherIsBetter: d.higherIsBetter,
    headline: d.headline ?? false,
    rule: ruleJson(d.rule, ref),
    derived: d.derived ? { inputs: d.derived.inputs, formula: d.derived.formula } : null,
    vintages: info.vintages.map(vintageSummary),
    ...(await coverage(obs, info)),
  };
}

/** GET /indicators: every indicator with data, its definition, aggregation rule, current vintage and coverage. */
export async function listIndicators(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.indicators);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const ref = await obs.ref();
  const indicators = await Promise.all([...ref.indicators.values()].map((info) => indicatorJson(obs, ref, info)));
  indicators.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return sendAs(
    choice,
    () => ({ count: indicators.length, indicators }),
    () => ({
      filename: 'indicators.csv',
      header: ['vintage', 'source', 'code', 'name_en', 'name_fr', 'unit', 'topic', 'rule', 'weight', 'formula', 'observations', 'first_year', 'last_year'],
      rows: indicators.map((i) => [
        vintageCell(i.vintages),
        sourceLine(i.vintages),
        i.code,
        i.names.en,
        i.names.fr,
        i.unit,
        i.topic,
        i.rule.kind,
        'weight' in i.rule ? i.rule.weight : null,
        i.derived?.formula,
        i.observations,
        i.firstYear,
        i.lastYear,
      ]),
    }),
    { 'x-data-version': String(ref.version) },
  );
}

/** GET /indicators/{code}: one indicator, with every vintage that has carried it. */
export async function getIndicator(c: Context, { obs }: ApiOptions): Promise<Response> {
  readQuery(c.req.url, QUERY.indicator);
  const ref = await obs.ref();
  const info = pathIndicator(ref, c.req.param('code') ?? '');
  const history = info.def.derived ? [] : await obs.store.indicatorHistory(info.def.code);
  return sendJson(
    {
      ...(await indicatorJson(obs, ref, info)),
      history: history.map((h) => {
        const v = ref.vintages.get(h.vintageId);
        return {
          vintage: v ? vintageSummary(v) : { id: h.vintageId },
          current: h.current,
          sourceName: h.name,
          observations: h.observations,
          firstYear: h.firstYear,
          lastYear: h.lastYear,
        };
      }),
    },
    200,
    { 'x-data-version': String(ref.version) },
  );
}

/** The entities an observations request asks for: the codes given plus today's members of the groups given. */
function wantedEntities(obs: Observatory, ref: Reference, countries: string[] | undefined, groups: string[] | undefined): string[] | undefined {
  if (countries === undefined && groups === undefined) return undefined;
  const wanted = new Set(countries ?? []);
  const today = obs.today();
  for (const id of groups ?? []) for (const iso3 of obs.membersOn(ref, id, today)) wanted.add(iso3);
  return [...wanted].sort();
}

/** GET /indicators/{code}/observations: values per country (or World Bank aggregate) and year, with their sources. */
export async function listObservations(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.observations);
  const ref = await obs.ref();
  const info = pathIndicator(ref, c.req.param('code') ?? '');
  const code = info.def.code;
  const countries = parseCountries(query.get('countries'), ref);
  const groups = parseGroups(query.get('groups'), ref);
  const years = parseYears(query.get('years'));
  const vintageId = parseVintage(query.get('vintage'), ref);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));

  let vintages: Vintage[] = info.vintages;
  if (vintageId !== undefined) {
    if (info.def.derived) {
      throw badParameter('vintage', `${code} is computed from ${info.def.derived.inputs.join(' and ')}; ask for a vintage of those instead`);
    }
    const history = await obs.store.indicatorHistory(code);
    if (!history.some((h) => h.vintageId === vintageId)) {
      throw badParameter('vintage', `vintage ${vintageId} holds no ${code}; vintages that do: ${history.map((h) => h.vintageId).join(', ')}`);
    }
    const v = ref.vintages.get(vintageId);
    vintages = v ? [v] : [];
  }
  const entities = wantedEntities(obs, ref, countries, groups);
  const observations = await obs.observations(code, {
    ...(entities ? { entities } : {}),
    ...(years ? { from: years.from, to: years.to } : {}),
    ...(vintageId !== undefined ? { vintageId } : {}),
  });
  const derived = info.def.derived !== undefined;
  const rows = observations.map((o) => ({
    indicator: o.indicator,
    country: o.entity,
    name: entityName(ref, o.entity),
    year: o.year,
    value: o.value,
    vintage: derived ? null : o.vintageId,
  }));
  const byId = new Map(vintages.map((v) => [v.id, v]));
  const cell = vintageCell(vintages);
  const source = sourceLine(vintages);
  const nameParts = [code, 'observations', ...(years ? [yearsLabel(years)] : []), ...(vintageId !== undefined ? [`vintage${vintageId}`] : [])];
  return sendAs(
    choice,
    () => ({
      indicator: indicatorHead(info),
      years: years ?? null,
      source,
      vintages: vintages.map(vintageSummary),
      count: rows.length,
      rows,
    }),
    () => ({
      filename: `${nameParts.join('_')}.csv`,
      header: ['vintage', 'source', 'indicator', 'country', 'name', 'year', 'value'],
      rows: rows.map((r) => {
        const v = r.vintage === null ? undefined : byId.get(r.vintage);
        return [v ? v.id : cell, v ? v.source : source, r.indicator, r.country, r.name, r.year, r.value];
      }),
    }),
    { 'x-data-version': String(ref.version) },
  );
}
