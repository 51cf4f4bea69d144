import type { Question } from './question.ts';
import { status, vintages } from './meta.ts';

/** Every question the API answers, in the order the API document lists them. */
export const QUESTIONS: readonly Question<any, any>[] = [vintages, status];
