import { NotFoundError, ParameterError } from '../../domain/errors.ts';
import { BUILT_IN_METHODS, UNCTAD_B2C, type IndexMethod } from '../../domain/readiness/method.ts';
import type { ReadinessService } from '../services/readiness.ts';
import { economyReadiness, groupReadiness, type EconomyReadiness, type GroupReadiness } from '../services/readiness-places.ts';
import type { ReadinessAnswer } from '../services/readiness.ts';
import type { Reference } from '../services/reference.ts';
import { format, pathGroupParam, pathIso3 } from './common.ts';
import { badParameter } from './params.ts';
import { sourceLine, vintageCell, vintageSummary } from './present.ts';
import type { Param } from './question.ts';
import { defineQuestion } from './question.ts';
import { methodJson, missing, pathMethod, resolveMethod, version, year } from './readiness.ts';
import { errors, ok } from './schema.ts';
import type { AggregateResult } from '../../domain/aggregate.ts';

/** `year=2020` for a country or a group: the index year, by default the latest the method scores in. */
export const placeYear = {
  ...year,
  description:
    'The index year; each component reads the year its rule says. By default the latest year in which the method gives at least one score from the stored data (under its own rule for a missing component), as the country and group pages show.',
  parse: (raw) => year.parse(raw),
} satisfies Param<number | undefined>;

/** A parameter under another name (a page's form carries several sections' parameters), its refusals naming it. */
function renamed<T>(param: Param<T>, name: string, extra: Partial<Param<T>> = {}): Param<T> {
  return {
    ...param,
    ...extra,
    name,
    parse: (raw, ctx, earlier) => {
      try {
        return (extra.parse ?? param.parse)(raw, ctx, earlier);
      } catch (error) {
        if (error instanceof ParameterError) throw badParameter(name, error.reason);
        throw error;
      }
    },
  };
}

/** The method a country or group page shows by default. */
export const DEFAULT_PLACE_METHOD = UNCTAD_B2C.id;

/**
 * The readiness section's parameters on country and group pages (`readiness_method`, `readiness_year`,
 * `readiness_missing`): the questions' own, prefixed as the imputation's are beside other sections' fields.
 */
export const PLACE_PAGE_PARAMS = {
  method: renamed(pathMethod, 'readiness_method', {
    in: 'query',
    required: false,
    choices: BUILT_IN_METHODS.map((m) => m.id),
    field: { label: 'readinessPlaces.method' },
    parse: (raw) => pathMethod.parse(raw ?? DEFAULT_PLACE_METHOD),
  }),
  year: renamed(placeYear, 'readiness_year'),
  missing: renamed(missing, 'readiness_missing'),
};

const round = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

/** The vintages an answer reads, their sources as one line. */
function provenance(ref: Reference, a: ReadinessAnswer) {
  const vintages = [...new Set(a.vintages.flatMap((v) => v.vintageIds))].flatMap((id) => {
    const v = ref.vintages.get(id);
    return v ? [v] : [];
  });
  return { vintages, source: sourceLine(vintages) };
}

const nameOf = (ref: Reference, iso3: string) => ref.countries.get(iso3)?.names.en ?? ref.economies.get(iso3)?.name ?? iso3;

const aggregateJson = (g: AggregateResult) => ({
  value: round(g.value),
  status: g.status,
  membersWithData: g.membersWithData,
  membersTotal: g.membersTotal,
  populationCovered: round(g.populationCovered, 4),
  missingLarge: g.missingLarge,
});

/** The method a path and `version=` name, built in or user-defined, refused as the parameter at fault. */
const methodNamed = async (readiness: ReadinessService, id: string, v: number | undefined): Promise<IndexMethod> => (await resolveMethod(readiness, id, v, undefined)).method;

/** A country's or group's readiness, or a 404 when no year was asked for and none can be scored. */
async function need<T>(value: Promise<T | null>, method: IndexMethod): Promise<T> {
  const v = await value;
  if (v === null) throw new NotFoundError(`${method.name}: no year the stored data can give a score in; ask for one with year=`);
  return v;
}

/** GET /readiness/{method}/countries/{iso3}: a country's score, rank and components for a year and rule, the published edition beside. */
export const readinessCountry = defineQuestion({
  id: 'readinessCountry',
  method: 'get',
  path: '/readiness/{method}/countries/{iso3}',
  params: { method: pathMethod, version, iso3: pathIso3, year: placeYear, missing, format },
  doc: {
    summary: 'A country’s readiness index: score, rank, components, the published edition beside',
    description:
      'The country’s score (0-100) for the year and missing-component rule asked, its rank of the economies scored with the economies sharing it, each component (year read, value, normalised score or why it is missing) beside the mean and the highest normalised value of the economies scored, and the published score and rank of the same year, or of the newest edition stored with the index computed here for its year under the same rule. CSV: one row per component.',
    tags: ['readiness'],
    responses: { '200': ok('The country’s index.', 'ReadinessCountry', '{method}_{iso3}_{year}.csv'), ...errors('400', '404') },
  },
  async answer({ method: id, version: v, iso3, year, missing }, { obs, readiness }) {
    const ref = await obs.ref();
    const method = await methodNamed(readiness, id, v);
    const e: EconomyReadiness = await need(economyReadiness(readiness, obs, method, iso3.iso3, { year, missing }), method);
    const { vintages, source } = provenance(ref, e.answer);
    const p = e.published;
    const published = p
      ? { year: p.year, score: p.score, rank: p.rank, of: p.of, computedScore: p.computed ? round(p.computed.score) : null, computedRank: p.computed?.rank?.rank ?? null, computedOf: p.computed?.scored ?? null }
      : null;
    return {
      json: () => ({
        method: methodJson(e.method),
        year: e.year,
        yearChosen: e.chosen,
        missing: e.missing,
        iso3: e.iso3,
        name: nameOf(ref, e.iso3),
        score: round(e.score),
        treatment: e.treatment,
        rank: e.rank?.rank ?? null,
        of: e.scored,
        tiedWith: e.rank?.tiedWith ?? [],
        published,
        editionYear: e.editionYear,
        components: e.components.map((c) => ({ ...c, score: round(c.score), mean: round(c.mean), max: round(c.max) })),
        source,
        vintages: vintages.map(vintageSummary),
      }),
      csv: () => ({
        filename: `${e.method.id}_${e.iso3}_${e.year}.csv`,
        header: ['iso3', 'name', 'method', 'version', 'year', 'missing_rule', 'score', 'rank', 'of', 'tied_with', 'treatment', 'published_year', 'published_score', 'published_rank', 'published_of', 'computed_score_of_edition_year', 'computed_rank_of_edition_year', 'component', 'component_year', 'value', 'normalised', 'imputed', 'missing', 'mean_of_scored', 'max_of_scored', 'vintage', 'source'],
        rows: e.components.map((c) => [
          e.iso3,
          nameOf(ref, e.iso3),
          e.method.id,
          e.method.version,
          e.year,
          e.missing,
          round(e.score),
          e.rank?.rank ?? null,
          e.scored,
          (e.rank?.tiedWith ?? []).join(' '),
          e.treatment,
          published?.year ?? null,
          published?.score ?? null,
          published?.rank ?? null,
          published?.of ?? null,
          published?.computedScore ?? null,
          published?.computedRank ?? null,
          c.id,
          c.year,
          c.raw,
          round(c.score),
          c.imputed,
          c.missing,
          round(c.mean),
          round(c.max),
          vintageCell(vintages),
          source,
        ]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** GET /readiness/{method}/groups/{id}: a group's average score with coverage, each component's, the members missing and why. */
export const readinessGroup = defineQuestion({
  id: 'readinessGroup',
  method: 'get',
  path: '/readiness/{method}/groups/{id}',
  params: { method: pathMethod, version, id: pathGroupParam, year: placeYear, missing, format },
  doc: {
    summary: 'A group’s readiness index: the average with its coverage, each component’s, every member',
    description:
      'The population-weighted average score of the group’s members (on 31 December of the index year, population of the year before) with its coverage, withheld below two thirds of the population; each component’s average normalised value over the members with a score, with its coverage; and every member with its score and rank, or why it has none (the components it lacks and the reason, no population, or not an economy the index covers). CSV: one row per member.',
    tags: ['readiness'],
    responses: { '200': ok('The group’s index.', 'ReadinessGroup', '{method}_{id}_{year}.csv'), ...errors('400', '404') },
  },
  async answer({ method: methodId, version: v, id, year, missing }, { obs, readiness }) {
    const ref = await obs.ref();
    const method = await methodNamed(readiness, methodId, v);
    const g: GroupReadiness = await need(groupReadiness(readiness, obs, method, id.id, { year, missing }), method);
    const { vintages, source } = provenance(ref, g.answer);
    const lacking = (m: GroupReadiness['members'][number]) => m.lacking.map((l) => `${l.id}: ${l.reason}`).join('; ');
    return {
      json: () => ({
        method: methodJson(g.method),
        year: g.year,
        yearChosen: g.chosen,
        missing: g.missing,
        group: g.groupId,
        date: g.date,
        populationYear: g.populationYear,
        average: aggregateJson(g.average),
        components: g.components.map((c) => ({ id: c.id, ...aggregateJson(c.average) })),
        members: g.members.map((m) => ({ iso3: m.iso3, name: nameOf(ref, m.iso3), score: round(m.score), rank: m.rank, status: m.status, treatment: m.treatment, lacking: m.lacking })),
        source,
        vintages: vintages.map(vintageSummary),
      }),
      csv: () => ({
        filename: `${g.method.id}_${g.groupId}_${g.year}.csv`,
        header: ['group', 'iso3', 'name', 'score', 'rank', 'status', 'treatment', 'lacking', 'group_average', 'group_status', 'members_with_data', 'members_total', 'population_covered', ...g.components.map((c) => `${c.id}_average`), 'method', 'version', 'year', 'missing_rule', 'date', 'population_year', 'vintage', 'source'],
        rows: g.members.map((m) => [
          g.groupId,
          m.iso3,
          nameOf(ref, m.iso3),
          round(m.score),
          m.rank,
          m.status,
          m.treatment,
          lacking(m),
          round(g.average.value),
          g.average.status,
          g.average.membersWithData,
          g.average.membersTotal,
          round(g.average.populationCovered, 4),
          ...g.components.map((c) => round(c.average.value)),
          g.method.id,
          g.method.version,
          g.year,
          g.missing,
          g.date,
          g.populationYear,
          vintageCell(vintages),
          source,
        ]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** A page link's query for a readiness choice ("" when every choice is the default). */
export function placeQuery(choice: { method: string; year?: number | undefined; missing?: string | undefined }): string {
  const q = new URLSearchParams();
  if (choice.method !== DEFAULT_PLACE_METHOD) q.set(PLACE_PAGE_PARAMS.method.name, choice.method);
  if (choice.year !== undefined) q.set(PLACE_PAGE_PARAMS.year.name, String(choice.year));
  if (choice.missing !== undefined) q.set(PLACE_PAGE_PARAMS.missing.name, choice.missing);
  return q.toString();
}
