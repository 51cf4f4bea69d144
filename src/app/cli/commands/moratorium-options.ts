import {
  moratoriumCoverage,
  moratoriumDesign,
  moratoriumEstimate,
  moratoriumLists,
  moratoriumSensitivity,
  moratoriumVat,
  moratoriumVatRegistry,
} from '../../questions/moratorium.ts';
import type { Question } from '../../questions/question.ts';

/** The actions of `observatory moratorium`, in the order its usage error names them, with the question each asks. */
export const ACTION_QUESTIONS = {
  estimate: moratoriumEstimate,
  sensitivity: moratoriumSensitivity,
  vat: moratoriumVat,
  design: moratoriumDesign,
  lists: moratoriumLists,
  coverage: moratoriumCoverage,
  'vat-registry': moratoriumVatRegistry,
} as const satisfies Record<string, Question<any, any>>;

export type Action = keyof typeof ACTION_QUESTIONS;

/** The action names, in the order the usage error lists them. */
export const ACTIONS = Object.keys(ACTION_QUESTIONS) as Action[];

/** Every question the command asks, for the flags any of them takes. */
export const MORATORIUM_QUESTIONS: readonly Question<any, any>[] = Object.values(ACTION_QUESTIONS);
