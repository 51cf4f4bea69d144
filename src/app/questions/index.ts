import type { Question } from './question.ts';
import { countries, country } from './countries.ts';
import { createGroup, deleteGroup, group, groups, replaceGroup } from './groups.ts';
import { aggregates, indicator, indicators, observations } from './indicators.ts';
import { status, vintages } from './meta.ts';

/** Every question the API answers, in the order the API document lists them. */
export const QUESTIONS: readonly Question<any, any>[] = [
  countries,
  country,
  groups,
  createGroup,
  group,
  replaceGroup,
  deleteGroup,
  aggregates,
  indicators,
  indicator,
  observations,
  vintages,
  status,
];
