import type { CyberlawEntry } from './cyberlaw.ts';
import type { PracticeAnswer } from './practice-answer.ts';
import type { AnswerValue } from './practices.ts';
import type { EtreadyChange, EtreadyEdit } from './etready/edits.ts';
import type { MeasureRecord } from './strategies/measures.ts';
import type { StatusChange } from './tracking.ts';

/** What a proposal carries for each kind of record (review.ts); the service checks it before it is stored. */
export type ProposalPayload =
  | { kind: 'cyberlaw'; entry: Omit<CyberlawEntry, 'iso3' | 'area' | 'version'> }
  | { kind: 'practice'; questionnaireVersion: number; answers: Record<string, AnswerValue> }
  | { kind: 'etready'; change: EtreadyChange }
  | { kind: 'strategy-measure'; change: StatusChange };

/** A record countries keep and propose changes to: a cyberlaw status, a questionnaire's answers, eT Ready statuses or a strategy measure's status. */
export type RegistryRecord = CyberlawEntry | PracticeAnswer | EtreadyEdit | MeasureRecord;

/** The current record of a kind, country and key, with its version (0 and null when there is none yet). */
export interface VersionedRecord {
  version: number;
  record: RegistryRecord | null;
}
