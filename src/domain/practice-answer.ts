import type { AnswerValue } from './practices.ts';

/** A country's accepted answers to one questionnaire (see practices.ts for the questionnaires). */
export interface PracticeAnswer {
  iso3: string;
  questionnaire: string;
  questionnaireVersion: number;
  answers: Record<string, AnswerValue>;
  version: number;
  acceptedAt: string;
  proposalId: number | null;
}
