import type { Vintage } from '../../domain/vintage.ts';
import { POPULATION } from '../../domain/indicator.ts';
import type { AggregateRow, Observatory } from '../services/observatory.ts';
import type { IndicatorInfo, Reference } from '../services/reference.ts';
import { at, basis, countries, format, groups, minCoverage, pathCode, pathGroupParam, vintage, years } from './common.ts';
import { badParameter, yearsLabel } from './params.ts';
import { distinctVintages, entityName, indicatorHead, ruleJson, sourceLine, vintageCell, vintageSummary } from './present.ts';
import { defineQuestion, type Param, type ParseContext } from './question.ts';
import { impute, imputeOptions, imputeYears } from './impute-params.ts';
import { valueFlags } from './quality.ts';
import { errors, ok, string } from './schema.ts';

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
export const indicators = defineQuestion({
  id: 'indicators',
  method: 'get',
  path: '/indicators',
  params: { format },
  doc: {
    summary: 'All indicators with data',
    tags: ['indicators'],
    responses: { '200': ok('Every indicator with its rule, vintages and coverage.', 'IndicatorList', 'indicators.csv'), ...errors('400') },
  },
  async answer(_input, { obs }) {
    const ref = await obs.ref();
    const list = await Promise.all([...ref.indicators.values()].map((info) => indicatorJson(obs, ref, info)));
    list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return {
      json: () => ({ count: list.length, indicators: list }),
      csv: () => ({
        filename: 'indicators.csv',
        header: ['vintage', 'source', 'code', 'name_en', 'name_fr', 'unit', 'topic', 'rule', 'weight', 'formula', 'observations', 'first_year', 'last_year'],
        rows: list.map((i) => [
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
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** GET /indicators/{code}: one indicator, with every vintage that has carried it. */
export const indicator = defineQuestion({
  id: 'indicator',
  method: 'get',
  path: '/indicators/{code}',
  params: { code: pathCode },
  doc: {
    summary: 'One indicator',
    tags: ['indicators'],
    responses: { '200': ok('The indicator with its vintage history.', 'IndicatorDetail'), ...errors('400', '404') },
  },
  async answer({ code: info }, { obs }) {
    const ref = await obs.ref();
    const history = info.def.derived ? [] : await obs.store.indicatorHistory(info.def.code);
    const detail = {
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
    };
    return { json: () => detail, headers: { 'x-data-version': String(ref.version) } };
  },
});

/** The entities an observations request asks for: the codes given plus today's members of the groups given. */
export function wantedEntities(obs: Observatory, ref: Reference, codes: string[] | undefined, ids: string[] | undefined): string[] | undefined {
  if (codes === undefined && ids === undefined) return undefined;
  const wanted = new Set(codes ?? []);
  const today = obs.today();
  for (const id of ids ?? []) for (const iso3 of obs.membersOn(ref, id, today)) wanted.add(iso3);
  return [...wanted].sort();
}

/** GET /indicators/{code}/observations: values per country (or World Bank aggregate) and year, with their sources. */
export const observations = defineQuestion({
  id: 'observations',
  method: 'get',
  path: '/indicators/{code}/observations',
  params: { code: pathCode, countries, groups, years, vintage, format },
  doc: {
    summary: 'Values of an indicator per country and year',
    tags: ['indicators'],
    responses: { '200': ok('The values with their sources.', 'ObservationList', '{CODE}_observations_{years}.csv'), ...errors('400', '404') },
  },
  /** The vintages the values come from: the current ones, or the one asked for, which must hold the indicator. */
  async refine(values, { obs }) {
    const info = values.code;
    const code = info.def.code;
    const vintageId = values.vintage;
    let vintages: Vintage[] = info.vintages;
    if (vintageId !== undefined) {
      if (info.def.derived) {
        throw badParameter('vintage', `${code} is computed from ${info.def.derived.inputs.join(' and ')}; ask for a vintage of those instead`);
      }
      const history = await obs.store.indicatorHistory(code);
      if (!history.some((h) => h.vintageId === vintageId)) {
        throw badParameter('vintage', `vintage ${vintageId} holds no ${code}; vintages that do: ${history.map((h) => h.vintageId).join(', ')}`);
      }
      const v = (await obs.ref()).vintages.get(vintageId);
      vintages = v ? [v] : [];
    }
    return { ...values, vintages };
  },
  async answer({ code: info, countries: codes, groups: ids, years: range, vintage: vintageId, vintages }, { obs }) {
    const ref = await obs.ref();
    const code = info.def.code;
    const entities = wantedEntities(obs, ref, codes, ids);
    const found = await obs.observations(code, {
      ...(entities ? { entities } : {}),
      ...(range ? { from: range.from, to: range.to } : {}),
      ...(vintageId !== undefined ? { vintageId } : {}),
    });
    const derived = info.def.derived !== undefined;
    const flags = derived ? new Map() : await valueFlags(obs.store, vintages.map((v) => v.id), code);
    const rows = found.map((o) => {
      const f = flags.get(`${o.entity}|${o.year}`);
      return {
        indicator: o.indicator,
        country: o.entity,
        name: entityName(ref, o.entity),
        year: o.year,
        value: o.value,
        vintage: derived ? null : o.vintageId,
        flag: f?.flag ?? null,
        flagReason: f?.flagReason ?? null,
      };
    });
    const byId = new Map(vintages.map((v) => [v.id, v]));
    const cell = vintageCell(vintages);
    const source = sourceLine(vintages);
    const nameParts = [code, 'observations', ...(range ? [yearsLabel(range)] : []), ...(vintageId !== undefined ? [`vintage${vintageId}`] : [])];
    return {
      json: () => ({
        indicator: indicatorHead(info),
        years: range ?? null,
        source,
        vintages: vintages.map(vintageSummary),
        count: rows.length,
        rows,
      }),
      csv: () => ({
        filename: `${nameParts.join('_')}.csv`,
        header: ['vintage', 'source', 'indicator', 'country', 'name', 'year', 'value', 'flag', 'flag_reason'],
        rows: rows.map((r) => {
          const v = r.vintage === null ? undefined : byId.get(r.vintage);
          return [v ? v.id : cell, v ? v.source : source, r.indicator, r.country, r.name, r.year, r.value, r.flag, r.flagReason];
        }),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** The World Bank's own value for the group and year, and how far the Observatory's is from it. */
function worldBankJson(code: string | null, published: AggregateRow['published']) {
  if (!code || !published) return null;
  if (published.observatory === null) return { code, value: published.worldBank, difference: null, relativeDifference: null, agrees: null };
  return {
    code,
    value: published.worldBank,
    difference: published.difference,
    relativeDifference: published.relativeDifference,
    agrees: published.agrees,
  };
}

/** Every vintage a group value rests on: the indicator's, its weight's and the population used for coverage. */
function aggregateVintages(ref: Reference, code: string): Vintage[] {
  const info = ref.indicators.get(code);
  const weight = info?.def.rule.kind === 'weighted_mean' ? ref.indicators.get(info.def.rule.weight) : undefined;
  const population = ref.indicators.get(POPULATION);
  return distinctVintages([...(info?.vintages ?? []), ...(weight?.vintages ?? []), ...(population?.vintages ?? [])]);
}

const COVERAGE_RULE =
  'A value is given only when the members with data hold at least minCoverage of the group’s population (status ' +
  '"insufficient_coverage" otherwise); populationCovered is that share. Members without data are left out, never counted as zero; ' +
  'missingLarge names those holding more than 10% of the group’s population. With impute=carry-forward, imputed lists the members ' +
  'counted with a value of an earlier year.';

/** The members a group value leaves out, as one cell: "India (IND) 17.9%; …". */
export function missingLargeText(list: readonly { country: string; name: string; share: number }[]): string {
  return list.map((m) => `${m.name} (${m.country}) ${(m.share * 100).toFixed(1)}%`).join('; ');
}

/** `compare`: whether the World Bank's value of a region or income group is compared only on the same classification. */
const compare = {
  name: 'compare',
  in: 'query',
  description:
    'For World Bank regions and income groups: "classification" (default) compares with the Bank’s value only when both count ' +
    'the members of the same fiscal year’s classification (recomputing on the Bank’s members when they differ, or saying why not); ' +
    '"always" compares whatever the members.',
  schema: string(undefined, { enum: ['classification', 'always'] }),
  choices: ['classification', 'always'],
  parse: (raw: string | undefined): 'classification' | 'always' | undefined => {
    if (raw === undefined || raw === '') return undefined;
    if (raw === 'classification' || raw === 'always') return raw;
    throw badParameter('compare', `expected "classification" or "always", got "${raw}"`);
  },
} satisfies Param<'classification' | 'always' | undefined>;

/** `at` of an aggregate: only with basis=current, refused before the parameters after it are read. */
const aggregateAt = {
  ...at,
  parse: (raw: string | undefined, _ctx: ParseContext, earlier: Readonly<Record<string, unknown>>) => {
    const on = at.parse(raw);
    if (on !== undefined && earlier.basis === 'historical') {
      throw badParameter('at', 'applies to basis=current only; with basis=historical each year counts the members at its own end');
    }
    return on;
  },
};

/** GET /groups/{id}/aggregates/{code}: the group's value per year, with its coverage and the World Bank's own value. */
export const aggregates = defineQuestion({
  id: 'aggregates',
  method: 'get',
  path: '/groups/{id}/aggregates/{code}',
  params: { id: pathGroupParam, code: pathCode, years, basis, at: aggregateAt, minCoverage, impute, impute_years: imputeYears, compare, format },
  doc: {
    summary: 'A group’s value of an indicator, per year',
    description:
      'Computed from the members’ values by the indicator’s rule (sum, or mean weighted by population or another indicator), ' +
      'with the coverage of each value and the World Bank’s own published value for the same group where it has one.',
    tags: ['groups', 'indicators'],
    responses: { '200': ok('The series.', 'AggregateSeries', '{GROUP}_{CODE}_aggregates_{years}_{basis}.csv'), ...errors('400', '404') },
  },
  refine: (values) => ({ ...values, basis: values.basis ?? 'current' }),
  async answer({ id: group, code: info, years: range, basis: chosen, at: on, minCoverage: least, impute: method, impute_years: back, compare: comparing }, { obs }) {
    const ref = await obs.ref();
    const series = await obs.aggregateSeries(group.id, info.def.code, {
      ...(range ? { from: range.from, to: range.to } : {}),
      basis: chosen,
      ...(on !== undefined ? { at: on } : {}),
      ...(least !== undefined ? { minCoverage: least } : {}),
      impute: imputeOptions(method, back),
      ...(comparing !== undefined ? { compare: comparing } : {}),
    });
    const rule = ruleJson(series.rule, ref);
    const vintages = aggregateVintages(ref, info.def.code);
    const source = sourceLine(vintages);
    const rows = series.rows.map((r) => ({
      year: r.year,
      value: r.value,
      status: r.status,
      rule: series.rule.kind,
      membersWithData: r.membersWithData,
      membersTotal: r.membersTotal,
      populationCovered: r.populationCovered,
      missingLarge: r.missingLarge.map((m) => ({ country: m.iso3, name: entityName(ref, m.iso3), share: m.share, latestYear: m.latestYear })),
      imputed: r.imputed.map((m) => ({ country: m.iso3, name: entityName(ref, m.iso3), from: m.from, share: m.share })),
      worldBank: worldBankJson(series.wbCode, r.published),
      classification: r.classification,
    }));
    const atDate = chosen === 'current' ? (on ?? obs.today()) : null;
    const nameParts = [group.id, info.def.code, 'aggregates', ...(range ? [yearsLabel(range)] : []), chosen, ...(on ? [on] : [])];
    const vintageOfRows = vintageCell(vintages);
    return {
      json: () => ({
        group: { id: group.id, kind: group.kind, names: group.names, wbCode: group.wbCode },
        indicator: indicatorHead(info),
        rule,
        basis: chosen,
        at: atDate,
        minCoverage: series.minCoverage,
        impute: series.impute.method,
        imputeYears: series.impute.method === 'carry-forward' ? series.impute.years : null,
        coverageRule: COVERAGE_RULE,
        worldBankCode: series.wbCode,
        source,
        vintages: vintages.map(vintageSummary),
        count: rows.length,
        rows,
      }),
      csv: () => ({
        filename: `${nameParts.join('_')}.csv`,
        header: ['vintage', 'source', 'group', 'indicator', 'year', 'value', 'status', 'rule', 'members_with_data', 'members_total',
          'population_covered', 'missing_large', 'imputed', 'basis', 'at', 'min_coverage', 'impute', 'impute_years', 'wb_code', 'wb_value',
          'wb_difference', 'wb_agrees'],
        rows: rows.map((r) => [
          vintageOfRows,
          source,
          group.id,
          info.def.code,
          r.year,
          r.value,
          r.status,
          r.rule,
          r.membersWithData,
          r.membersTotal,
          r.populationCovered,
          missingLargeText(r.missingLarge),
          r.imputed.map((m) => `${m.country} ${m.from}`).join('; '),
          chosen,
          atDate,
          series.minCoverage,
          series.impute.method,
          series.impute.method === 'carry-forward' ? series.impute.years : null,
          r.worldBank?.code,
          r.worldBank?.value,
          r.worldBank?.difference,
          r.worldBank?.agrees,
        ]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
