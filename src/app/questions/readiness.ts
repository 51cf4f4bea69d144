import { BUILT_IN_METHODS, MISSING_RULES, type IndexMethod, type MissingRule } from '../../domain/readiness/method.ts';
import type { ReadinessAnswer } from '../services/readiness.ts';
import { format } from './common.ts';
import { badParameter, parseGroups } from './params.ts';
import { sourceLine, vintageCell, vintageSummary } from './present.ts';
import type { Param } from './question.ts';
import { defineQuestion } from './question.ts';
import { CODE_LIST, errors, integer, ok, string } from './schema.ts';

/** The edition year asked for when none is: the latest the method reproduces, else the year before last. */
function defaultYear(method: IndexMethod): number {
  return method.published?.years.at(-1) ?? new Date().getUTCFullYear() - 2;
}

/** `{method}` in a path: a readiness method, or a 404. */
export const pathMethod = {
  name: 'method',
  in: 'path',
  required: true,
  description: 'The id of a readiness method (see /readiness).',
  schema: string(undefined, { pattern: '^[a-z0-9-]{1,64}$' }),
  example: 'unctad-b2c',
  parse: (raw) => {
    const m = BUILT_IN_METHODS.find((x) => x.id === (raw ?? '').toLowerCase());
    if (!m) throw badParameter('method', `no readiness method "${raw}"; known: ${BUILT_IN_METHODS.map((x) => x.id).join(', ')}`);
    return m;
  },
} satisfies Param<IndexMethod>;

/** `year=2020`: the index year (an edition reads data of the years its components' rules say). */
export const year = {
  name: 'year',
  in: 'query',
  description: 'The index year; each component reads the year its rule says (the B2C edition of 2020 reads data of 2019 or the latest before). By default the latest published edition.',
  schema: integer(undefined, { minimum: 1990, maximum: 2100 }),
  example: 2020,
  field: { label: 'readiness.year', size: 4, inputmode: 'numeric', pattern: '[0-9]{4}' },
  parse: (raw, _ctx, earlier) => {
    if (raw === undefined) return defaultYear(earlier.method as IndexMethod);
    if (!/^\d{4}$/.test(raw)) throw badParameter('year', `not a year: "${raw}"`);
    return Number(raw);
  },
} satisfies Param<number>;

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
    description: 'Each method as data: its components (indicator, year rule, transformation, normalisation, weight), its rule for a missing component, its version, and the published editions it is compared with.',
    tags: ['readiness'],
    responses: { '200': ok('The methods.', 'ReadinessMethods'), ...errors('400') },
  },
  async answer(_p, { obs }) {
    const ref = await obs.ref();
    return { json: () => ({ methods: BUILT_IN_METHODS.map(methodJson) }), headers: { 'x-data-version': String(ref.version) } };
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
  params: { method: pathMethod, year, missing, groups, format },
  doc: {
    summary: 'A readiness index computed for a year, beside the published edition',
    description:
      'Per economy: the Observatory’s score (0-100) and rank, the published score and rank of the same year where the method reproduces a published index, the difference, and the components (year read, value, normalised score) with the reason of each missing one and how the economy was treated (complete, dropped, reweighted, imputed). With the reproduction’s mean absolute difference and Spearman rank correlation. CSV: one row per economy.',
    tags: ['readiness'],
    responses: { '200': ok('The index.', 'ReadinessIndex', '{method}_{year}.csv'), ...errors('400', '404') },
  },
  async answer({ method, year, missing, groups }, { obs, readiness }) {
    const ref = await obs.ref();
    const a = await readiness.compute(method.id, year, missing, groups);
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
        header: ['iso3', 'name', 'score', 'rank', 'published_score', 'published_rank', 'difference', 'treatment', ...a.method.components.flatMap((c) => [`${c.id}_year`, `${c.id}_value`, `${c.id}_score`]), 'missing', 'method', 'version', 'missing_rule', 'vintage', 'source'],
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
          a.missing,
          vintageCell(vintages),
          source,
        ]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
