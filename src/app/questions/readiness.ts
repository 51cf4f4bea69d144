import { MISSING_RULES, type IndexMethod, type MissingRule } from '../../domain/readiness/method.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { ReadinessAnswer, ReadinessService } from '../services/readiness.ts';
import { format } from './common.ts';
import { badParameter, parseGroups } from './params.ts';
import { sourceLine, vintageCell, vintageSummary } from './present.ts';
import type { Param } from './question.ts';
import { defineQuestion } from './question.ts';
import { CODE_LIST, errors, integer, ok, string } from './schema.ts';

/** The edition year asked for when none is: the latest the method reproduces, else the year before last. */
export function defaultYear(method: IndexMethod): number {
  return method.published?.years.at(-1) ?? new Date().getUTCFullYear() - 2;
}

/** `{method}` in a path: the id of a readiness method, built in or user-defined (checked once the services are at hand). */
export const pathMethod = {
  name: 'method',
  in: 'path',
  required: true,
  description: 'The id of a readiness method, built in or user-defined (see /readiness/methods).',
  schema: string(undefined, { pattern: '^[a-z0-9-]{1,64}$' }),
  example: 'unctad-b2c',
  parse: (raw) => {
    const id = (raw ?? '').trim().toLowerCase();
    if (!/^[a-z0-9-]{1,64}$/.test(id)) throw badParameter('method', `"${raw}" is not a readiness method id (lower-case letters, digits and hyphens)`);
    return id;
  },
} satisfies Param<string>;

/** `version=2`: an earlier version of a user-defined method. */
export const version = {
  name: 'version',
  in: 'query',
  description: 'The version of a user-defined method (1, 2, 3…); the latest by default. Built-in methods have one version each.',
  schema: integer(undefined, { minimum: 1 }),
  example: 1,
  parse: (raw) => {
    if (raw === undefined || raw === '') return undefined;
    if (!/^[1-9]\d{0,5}$/.test(raw)) throw badParameter('version', `"${raw}" is not a version number (1, 2, 3…)`);
    return Number(raw);
  },
} satisfies Param<number | undefined>;

/** `year=2020`: the index year (an edition reads data of the years its components' rules say). */
export const year = {
  name: 'year',
  in: 'query',
  description: 'The index year; each component reads the year its rule says (the B2C edition of 2020 reads data of 2019 or the latest before). By default the latest published edition, else the year before last.',
  schema: integer(undefined, { minimum: 1990, maximum: 2100 }),
  example: 2020,
  field: { label: 'readiness.year', size: 4, inputmode: 'numeric', pattern: '[0-9]{4}' },
  parse: (raw) => {
    if (raw === undefined) return undefined;
    if (!/^\d{4}$/.test(raw)) throw badParameter('year', `not a year: "${raw}"`);
    return Number(raw);
  },
} satisfies Param<number | undefined>;

/**
 * The method a path and `version=` name, with the year by default: a method that is not there is refused as
 * the parameter that named it.
 */
export async function resolveMethod(readiness: ReadinessService, id: string, v: number | undefined, y: number | undefined): Promise<{ method: IndexMethod; year: number }> {
  try {
    const method = await readiness.resolve(id, v);
    return { method, year: y ?? defaultYear(method) };
  } catch (error) {
    if (error instanceof NotFoundError && error.parameter) throw badParameter(error.parameter, error.message);
    throw error;
  }
}

/** `missing=drop`: what becomes of an economy lacking a component. */
export const missing = {
  name: 'missing',
  in: 'query',
  description:
    'An economy lacking a component: drop (no score, the missing components said), reweight (the components it has, their weights scaled) or impute (the mean of the economies with the component, flagged). By default the method’s own rule.',
  schema: string(undefined, { enum: [...MISSING_RULES] }),
  choices: MISSING_RULES,
  field: { label: 'readiness.missing', choiceLabels: 'readiness.missingRules' },
  example: 'drop',
  parse: (raw) => {
    if (raw === undefined) return undefined;
    if (!(MISSING_RULES as readonly string[]).includes(raw)) throw badParameter('missing', `"${raw}" is none of ${MISSING_RULES.join(', ')}`);
    return raw as MissingRule;
  },
} satisfies Param<MissingRule | undefined>;

/** The groups averaged when none are asked for. */
const DEFAULT_GROUPS = ['WLD', 'LDC'];

/** `groups=LDC,ACP`: the groups whose population-weighted average score is given, with coverage. */
export const groups = {
  name: 'groups',
  in: 'query',
  description: 'Comma-separated group ids whose population-weighted average score is given, with coverage (members on 31 December of the index year; withheld below two thirds of the population covered). WLD and LDC by default.',
  schema: string(undefined, { pattern: CODE_LIST }),
  example: 'LDC,ACP',
  parse: (raw, ctx) => parseGroups(raw, ctx.ref) ?? DEFAULT_GROUPS.filter((g) => ctx.ref.groups.has(g)),
} satisfies Param<string[]>;

/** A method as the API shows it. */
export function methodJson(m: IndexMethod) {
  return {
    id: m.id,
    name: m.name,
    version: m.version,
    description: m.description,
    missing: m.missing,
    components: m.components.map((c) => ({ id: c.id, indicator: c.indicator, name: c.name, year: c.year, transformation: c.transformation, normalisation: c.normalisation, weight: c.weight, editions: c.editions === true })),
    publishedYears: m.published?.years ?? [],
    builtIn: m.authorship === undefined,
    versions: m.authorship?.versions ?? [],
    author: m.authorship?.author ?? null,
    createdAt: m.authorship?.createdAt ?? null,
    note: m.authorship?.note ?? null,
  };
}

/** GET /readiness: the readiness methods. */
export const readinessMethods = defineQuestion({
  id: 'readinessMethods',
  method: 'get',
  path: '/readiness',
  params: {},
  doc: {
    summary: 'The readiness index methods',
    description: 'Each method as data, the built-in ones then the latest version of each user-defined one: its components (indicator, year rule, transformation, normalisation, weight), its rule for a missing component, its version (with author and date for a user-defined one), and the published editions it is compared with.',
    tags: ['readiness'],
    responses: { '200': ok('The methods.', 'ReadinessMethods'), ...errors('400') },
  },
  async answer(_p, { obs, readiness }) {
    const ref = await obs.ref();
    const methods = await readiness.allMethods();
    return { json: () => ({ methods: methods.map(methodJson) }), headers: { 'x-data-version': String(ref.version) } };
  },
});

const round = (x: number | null, d = 2) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** The reasons of an economy's missing components, as one cell. */
export function missingText(row: ReadinessAnswer['rows'][number]): string {
  return row.components
    .filter((c) => c.missing !== null)
    .map((c) => `${c.id}: ${c.missing}${c.imputed ? ' (imputed)' : ''}`)
    .join('; ');
}

/** GET /readiness/{method}: the index for a year, per economy beside the published edition. */
export const readinessIndex = defineQuestion({
  id: 'readinessIndex',
  method: 'get',
  path: '/readiness/{method}',
  params: { method: pathMethod, version, year, missing, groups, format },
  doc: {
    summary: 'A readiness index computed for a year, beside the published edition',
    description:
      'Per economy: the Observatory’s score (0-100) and rank, the published score and rank of the same year where the method reproduces a published index, the difference, and the components (year read, value, normalised score) with the reason of each missing one and how the economy was treated (complete, dropped, reweighted, imputed). With the reproduction’s mean absolute difference and Spearman rank correlation. CSV: one row per economy.',
    tags: ['readiness'],
    responses: { '200': ok('The index.', 'ReadinessIndex', '{method}_{year}.csv'), ...errors('400', '404') },
  },
  async refine(values, { readiness }) {
    return { ...values, ...(await resolveMethod(readiness, values.method, values.version, values.year)) };
  },
  async answer({ method, year, missing, groups }, { obs, readiness }) {
    const ref = await obs.ref();
    const a = await readiness.compute(method, year, missing, groups);
    const vintages = [...new Set(a.vintages.flatMap((v) => v.vintageIds))].flatMap((id) => {
      const v = ref.vintages.get(id);
      return v ? [v] : [];
    });
    const source = sourceLine(vintages);
    return {
      json: () => ({
        method: methodJson(a.method),
        year: a.year,
        missing: a.missing,
        reproduction: a.reproduction,
        onlyPublished: a.onlyPublished,
        onlyObservatory: a.onlyObservatory,
        groups: a.groups.map((g) => ({ id: g.id, date: g.date, populationYear: g.populationYear, value: round(g.value), status: g.status, membersWithData: g.membersWithData, membersTotal: g.membersTotal, populationCovered: round(g.populationCovered, 4), missingLarge: g.missingLarge })),
        source,
        vintages: vintages.map(vintageSummary),
        rows: a.rows.map((r) => ({
          iso3: r.iso3,
          name: r.name,
          score: round(r.score),
          rank: r.rank,
          publishedScore: r.published?.score ?? null,
          publishedRank: r.published?.rank ?? null,
          difference: round(r.difference),
          treatment: r.treatment,
          components: r.components.map((c) => ({ ...c, score: round(c.score) })),
        })),
      }),
      csv: () => ({
        filename: `${a.method.id}_${a.year}.csv`,
        header: ['iso3', 'name', 'score', 'rank', 'published_score', 'published_rank', 'difference', 'treatment', ...a.method.components.flatMap((c) => [`${c.id}_year`, `${c.id}_value`, `${c.id}_score`]), 'missing', 'method', 'version', 'author', 'missing_rule', 'vintage', 'source'],
        rows: a.rows.map((r) => [
          r.iso3,
          r.name,
          round(r.score),
          r.rank,
          r.published?.score ?? null,
          r.published?.rank ?? null,
          round(r.difference),
          r.treatment,
          ...r.components.flatMap((c) => [c.year, c.raw, round(c.score)]),
          missingText(r),
          a.method.id,
          a.method.version,
          a.method.authorship?.author ?? 'built-in',
          a.missing,
          vintageCell(vintages),
          source,
        ]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
