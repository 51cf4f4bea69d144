import { ParameterError } from '../../domain/errors.ts';
import { parsePolicyArea, POLICY_AREAS, type PolicyArea } from '../../domain/tracking.ts';
import { parseDate } from './params.ts';
import type { Param } from './question.ts';
import { DATE, ISO3, string } from './schema.ts';

/** `date=2024-04-18`: the day the measures' statuses are read on; today by default. */
export const trackerDate = {
  name: 'date',
  in: 'query',
  description: 'The day the measures’ statuses are read on (YYYY-MM-DD): each measure has its latest status dated on or before it. Today by default.',
  schema: string(undefined, { format: 'date', pattern: DATE }),
  example: '2024-04-18',
  field: { label: 'strategies.dateLabel', size: 10, pattern: '\\d{4}-\\d{2}-\\d{2}' },
  parse: (raw, ctx) => parseDate(raw, 'date') ?? ctx.today,
} satisfies Param<string>;

/** `strategy=pacific`: one strategy by its id (checked against the stored strategies by the answer). */
export const trackerStrategy = {
  name: 'strategy',
  in: 'query',
  description: 'Only this strategy (its id, as listed by /strategies). All by default.',
  schema: string(undefined, { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
  example: 'pacific',
  parse: (raw) => {
    if (raw === undefined) return undefined;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(raw)) throw new ParameterError('strategy', `"${raw}" is not a strategy id`);
    return raw.toLowerCase();
  },
} satisfies Param<string | undefined>;

/** `area=payments`: only the measures of one policy area. */
export const trackerArea = {
  name: 'area',
  in: 'query',
  description: `Only the measures of this policy area (${POLICY_AREAS.join(', ')}). All by default.`,
  schema: string(undefined, { enum: [...POLICY_AREAS] }),
  choices: POLICY_AREAS,
  field: { label: 'strategies.areaLabel', choiceLabels: 'strategies.areas' },
  parse: (raw) => {
    if (raw === undefined || raw === '') return undefined;
    const a = parsePolicyArea(raw);
    if (a === null) throw new ParameterError('area', `unknown policy area "${raw}"; expected one of ${POLICY_AREAS.join(', ')}`);
    return a;
  },
} satisfies Param<PolicyArea | undefined>;

/** `country=FJI`: only the measures that apply to this country. */
export const trackerCountry = {
  name: 'country',
  in: 'query',
  description: 'Only the measures that apply to this country (ISO3): those of the strategies covering it, less the measures limited to other countries. All by default.',
  schema: string(undefined, { pattern: ISO3 }),
  example: 'FJI',
  field: { label: 'strategies.countryLabel', size: 3 },
  parse: (raw, ctx) => {
    if (raw === undefined || raw === '') return undefined;
    const iso3 = raw.toUpperCase();
    if (!ctx.ref.countries.has(iso3)) throw new ParameterError('country', `unknown country "${raw}": expected an ISO3 code listed at /api/v1/countries`);
    return iso3;
  },
} satisfies Param<string | undefined>;
