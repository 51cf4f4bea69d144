import { MAX_YEAR, MIN_YEAR } from '../../domain/observation.ts';
import type { Param } from './question.ts';
import {
  parseBasis,
  parseCountries,
  parseDate,
  parseFormat,
  parseGroups,
  parseMinCoverage,
  parseVintage,
  parseYears,
  pathCountry,
  pathGroup,
  pathIndicator,
} from './params.ts';
import { CODE_LIST, DATE, GROUP_ID, INDICATOR_CODE, integer, ISO3, string, YEARS } from './schema.ts';

/**
 * The parameters many questions share, each defined once: how it is read and how it is documented.
 * A question takes them as they are, or spreads one and changes its description.
 */

/** `format=json|csv`; without it, the Accept header chooses. */
export const format = {
  name: 'format',
  in: 'query',
  description:
    'The answer’s format. Without it, a request whose Accept header prefers text/csv gets CSV; otherwise JSON. ' +
    'CSV has a header row, RFC 4180 quoting, numbers at full precision and, for data, the vintage and source of each row.',
  schema: string(undefined, { enum: ['json', 'csv'] }),
  choices: ['json', 'csv'],
  parse: (raw, ctx) => parseFormat(raw, ctx.accept),
} satisfies Param<ReturnType<typeof parseFormat>>;

export const countries = {
  name: 'countries',
  in: 'query',
  description:
    'Comma-separated ISO3 codes of countries (and economies), or World Bank aggregate codes present in the data (WLD, SSF …). ' +
    'Case does not matter. Unknown codes are refused with a 400 that names them.',
  schema: string(undefined, { pattern: CODE_LIST }),
  example: 'NGA,KEN,WLD',
  parse: (raw, ctx) => parseCountries(raw, ctx.ref),
} satisfies Param<string[] | undefined>;

export const groups = {
  name: 'groups',
  in: 'query',
  description: 'Comma-separated group ids: adds the groups’ members today to the countries asked for.',
  schema: string(undefined, { pattern: CODE_LIST }),
  example: 'ACP,LDC',
  parse: (raw, ctx) => parseGroups(raw, ctx.ref),
} satisfies Param<string[] | undefined>;

export const years = {
  name: 'years',
  in: 'query',
  description: `A year or a closed or open range of years: "2020", "2020-2022", "2015-" or "-2010" (${MIN_YEAR}–${MAX_YEAR}).`,
  schema: string(undefined, { pattern: YEARS }),
  example: '2020-2022',
  parse: (raw) => parseYears(raw),
} satisfies Param<ReturnType<typeof parseYears>>;

export const vintage = {
  name: 'vintage',
  in: 'query',
  description: 'Read this vintage (see /vintages and the indicator’s history) instead of the current one. Not for derived indicators.',
  schema: integer(undefined, { minimum: 1 }),
  example: 3,
  parse: (raw, ctx) => parseVintage(raw, ctx.ref),
} satisfies Param<number | undefined>;

export const basis = {
  name: 'basis',
  in: 'query',
  description:
    'Whose membership counts in each year: "current" (the members on `at`, today by default, for every year, as the World Bank does) ' +
    'or "historical" (the members at the end of each year).',
  schema: string(undefined, { enum: ['current', 'historical'] }),
  choices: ['current', 'historical'],
  parse: (raw) => parseBasis(raw),
} satisfies Param<ReturnType<typeof parseBasis>>;

export const at = {
  name: 'at',
  in: 'query',
  description: 'The date membership is read on, YYYY-MM-DD; today by default. For aggregates, only with basis=current.',
  schema: string(undefined, { format: 'date', pattern: DATE }),
  example: '2024-12-31',
  parse: (raw) => parseDate(raw, 'at'),
} satisfies Param<string | undefined>;

export const minCoverage = {
  name: 'minCoverage',
  in: 'query',
  flag: 'min-coverage',
  description: 'The smallest share (0–1) of the group’s population that members with data must hold for a value to be given; 2/3 by default.',
  schema: { type: 'number', minimum: 0, maximum: 1 },
  example: 0.5,
  parse: (raw) => parseMinCoverage(raw),
} satisfies Param<number | undefined>;

/** `{iso3}` in a path: a country, or a 404. */
export const pathIso3 = {
  name: 'iso3',
  in: 'path',
  required: true,
  description: 'ISO 3166-1 alpha-3 code of a country (case does not matter).',
  schema: string(undefined, { pattern: ISO3 }),
  example: 'NGA',
  parse: (raw, ctx) => pathCountry(ctx.ref, raw ?? ''),
} satisfies Param<ReturnType<typeof pathCountry>>;

/** `{id}` in a path: a group, or a 404. */
export const pathGroupParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Group id (case does not matter when reading).',
  schema: string(undefined, { pattern: GROUP_ID }),
  example: 'ACP',
  parse: (raw, ctx) => pathGroup(ctx.ref, raw ?? ''),
} satisfies Param<ReturnType<typeof pathGroup>>;

/** `{code}` in a path: an indicator with data, or a 404. */
export const pathCode = {
  name: 'code',
  in: 'path',
  required: true,
  description: 'Indicator code, as the World Bank writes it.',
  schema: string(undefined, { pattern: INDICATOR_CODE }),
  example: 'IT.NET.USER.ZS',
  parse: (raw, ctx) => pathIndicator(ctx.ref, raw ?? ''),
} satisfies Param<ReturnType<typeof pathIndicator>>;
