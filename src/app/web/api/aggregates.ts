import type { Context } from 'hono';
import type { Vintage } from '../../../adapters/storage/store.ts';
import { POPULATION } from '../../../domain/indicator.ts';
import type { AggregateRow } from '../../services/observatory.ts';
import type { Reference } from '../../services/reference.ts';
import { badParameter } from '../http-error.ts';
import { QUERY, type ApiOptions } from './contract.ts';
import { parseBasis, parseDate, parseFormat, parseMinCoverage, parseYears, pathGroup, pathIndicator, readQuery, yearsLabel } from '../../questions/params.ts';
import { distinctVintages, indicatorHead, ruleJson } from './present.ts';
import { sourceLine, vintageCell, vintageSummary } from '../../questions/present.ts';
import { sendAs } from './respond.ts';

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
  '"insufficient_coverage" otherwise); populationCovered is that share. Members without data are left out, never counted as zero.';

/** GET /groups/{id}/aggregates/{code}: the group's value per year, with its coverage and the World Bank's own value. */
export async function groupAggregates(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.aggregates);
  const ref = await obs.ref();
  const group = pathGroup(ref, c.req.param('id') ?? '');
  const info = pathIndicator(ref, c.req.param('code') ?? '');
  const years = parseYears(query.get('years'));
  const basis = parseBasis(query.get('basis')) ?? 'current';
  const at = parseDate(query.get('at'), 'at');
  if (at !== undefined && basis === 'historical') {
    throw badParameter('at', 'applies to basis=current only; with basis=historical each year counts the members at its own end');
  }
  const minCoverage = parseMinCoverage(query.get('minCoverage'));
  const choice = parseFormat(query.get('format'), c.req.header('accept'));

  const series = await obs.aggregateSeries(group.id, info.def.code, {
    ...(years ? { from: years.from, to: years.to } : {}),
    basis,
    ...(at !== undefined ? { at } : {}),
    ...(minCoverage !== undefined ? { minCoverage } : {}),
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
    worldBank: worldBankJson(series.wbCode, r.published),
  }));
  const atDate = basis === 'current' ? (at ?? obs.today()) : null;
  const nameParts = [group.id, info.def.code, 'aggregates', ...(years ? [yearsLabel(years)] : []), basis, ...(at ? [at] : [])];
  const vintageOfRows = vintageCell(vintages);
  return sendAs(
    choice,
    () => ({
      group: { id: group.id, kind: group.kind, names: group.names, wbCode: group.wbCode },
      indicator: indicatorHead(info),
      rule,
      basis,
      at: atDate,
      minCoverage: series.minCoverage,
      coverageRule: COVERAGE_RULE,
      worldBankCode: series.wbCode,
      source,
      vintages: vintages.map(vintageSummary),
      count: rows.length,
      rows,
    }),
    () => ({
      filename: `${nameParts.join('_')}.csv`,
      header: ['vintage', 'source', 'group', 'indicator', 'year', 'value', 'status', 'rule', 'members_with_data', 'members_total',
        'population_covered', 'basis', 'at', 'min_coverage', 'wb_code', 'wb_value', 'wb_difference', 'wb_agrees'],
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
        basis,
        atDate,
        series.minCoverage,
        r.worldBank?.code,
        r.worldBank?.value,
        r.worldBank?.difference,
        r.worldBank?.agrees,
      ]),
    }),
    { 'x-data-version': String(ref.version) },
  );
}
