import {
  DEFAULT_IMPUTE,
  DEFAULT_IMPUTE_YEARS,
  IMPUTE_METHODS,
  MAX_IMPUTE_YEARS,
  MIN_IMPUTE_YEARS,
  type ImputeMethod,
  type ImputeOptions,
} from '../../domain/imputation.ts';
import { LARGE_MEMBER_SHARE } from '../../domain/aggregate.ts';
import { badParameter } from './params.ts';
import type { Param } from './question.ts';
import { integer, string } from './schema.ts';

/** `impute=none|carry-forward`: how members without a value for the year are treated in a group value. */
export const impute = {
  name: 'impute',
  in: 'query',
  description:
    `How members without a value for the year are treated. "${DEFAULT_IMPUTE}" (the default): left out; the value rests on ` +
    'values published for that year only, and each row names the members left out that hold more than ' +
    `${LARGE_MEMBER_SHARE * 100}% of the group’s population (missingLarge). "carry-forward": a member without a value takes ` +
    'its latest value of the impute_years years before; each row lists the members so counted and the year of their value (imputed).',
  schema: string(undefined, { enum: IMPUTE_METHODS }),
  choices: IMPUTE_METHODS,
  field: { label: 'imputation.field', choiceLabels: 'imputation.choices' },
  parse: (raw) => {
    if (raw === undefined || raw === '') return undefined;
    if (!(IMPUTE_METHODS as readonly string[]).includes(raw)) {
      throw badParameter('impute', `expected one of ${IMPUTE_METHODS.join(', ')}, got "${raw}"`);
    }
    return raw as ImputeMethod;
  },
} satisfies Param<ImputeMethod | undefined>;

/** `impute_years=N`: how many years back a value may be carried (impute=carry-forward only). */
export const imputeYears = {
  name: 'impute_years',
  in: 'query',
  description:
    `With impute=carry-forward, the most years a value may be carried forward (${MIN_IMPUTE_YEARS}–${MAX_IMPUTE_YEARS}; ` +
    `${DEFAULT_IMPUTE_YEARS} by default).`,
  schema: integer(undefined, { minimum: MIN_IMPUTE_YEARS, maximum: MAX_IMPUTE_YEARS }),
  example: DEFAULT_IMPUTE_YEARS,
  field: { label: 'imputation.yearsField', size: 2, inputmode: 'numeric', pattern: '[0-9]{1,2}' },
  parse: (raw, _ctx, earlier) => {
    if (raw === undefined || raw === '') return undefined;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= MIN_IMPUTE_YEARS && n <= MAX_IMPUTE_YEARS)) {
      throw badParameter('impute_years', `expected a whole number of years from ${MIN_IMPUTE_YEARS} to ${MAX_IMPUTE_YEARS}, got "${raw}"`);
    }
    if (earlier.impute !== 'carry-forward') throw badParameter('impute_years', 'applies to impute=carry-forward only');
    return n;
  },
} satisfies Param<number | undefined>;

/** The imputation a request asks for, the defaults filling what it leaves out. */
export function imputeOptions(method: ImputeMethod | undefined, years: number | undefined): ImputeOptions {
  return { method: method ?? DEFAULT_IMPUTE, years: years ?? DEFAULT_IMPUTE_YEARS };
}
