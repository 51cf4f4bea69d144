import type { Question } from './question.ts';
import { cyberlawCountry, cyberlawCoverage } from './cyberlaw.ts';
import { status, vintages } from './meta.ts';
import { practice, practices } from './practices.ts';
import { acceptProposal, audit, propose, proposals, returnProposal } from './review.ts';

/** Every question the API answers, in the order the API document lists them. */
export const QUESTIONS: readonly Question<any, any>[] = [
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
  status,
];
