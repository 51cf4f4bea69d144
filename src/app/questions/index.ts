import type { Question } from './question.ts';
import { countries, country } from './countries.ts';
import { createGroup, deleteGroup, group, groups, replaceGroup } from './groups.ts';
import { aggregates, indicator, indicators, observations } from './indicators.ts';
import { cyberlawCountry, cyberlawCoverage } from './cyberlaw.ts';
import { status, vintages } from './meta.ts';
import { moratoriumCoverage, moratoriumDesign, moratoriumEstimate, moratoriumLists, moratoriumSensitivity, moratoriumVat, moratoriumVatRegistry } from './moratorium.ts';
import { practice, practices } from './practices.ts';
import { quality } from './quality.ts';
import { readinessIndex, readinessMethods } from './readiness.ts';
import { readinessCountry, readinessGroup } from './readiness-places.ts';
import { etready } from './etready.ts';
import { etreadyCountryQuestion, etreadyRequestsQuestion, etreadyReviewsQuestion } from './etready-matrix.ts';
import { strategies } from './strategies.ts';
import { createReadinessMethod, readinessMethodVersions } from './readiness-methods.ts';
import { strategy } from './strategy.ts';
import { acceptProposal, audit, propose, proposals, returnProposal } from './review.ts';

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
  moratoriumEstimate,
  moratoriumSensitivity,
  moratoriumLists,
  moratoriumCoverage,
  moratoriumVat,
  moratoriumVatRegistry,
  moratoriumDesign,
  cyberlawCoverage,
  cyberlawCountry,
  practices,
  practice,
  proposals,
  propose,
  acceptProposal,
  returnProposal,
  audit,
  vintages,
  quality,
  readinessMethods,
  readinessMethodVersions,
  createReadinessMethod,
  readinessIndex,
  readinessCountry,
  readinessGroup,
  etready,
  etreadyRequestsQuestion,
  etreadyReviewsQuestion,
  etreadyCountryQuestion,
  strategies,
  strategy,
  status,
];
