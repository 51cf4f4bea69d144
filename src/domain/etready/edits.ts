/**
 * Changes countries propose to their eT Ready records, accepted by a curator: a new dated status of the
 * country's assessment (key "assessment") or of one recommendation of its action matrix (key
 * "recommendation:<id>"), each with its source. Accepted changes are added to the imported history; they
 * never rewrite it.
 */
import type { EtreadyStatus } from './status.ts';
import type { ItemStatus } from '../tracking.ts';

/** What a proposal carries: the new status, its date and its source; `name` is the country's name, for lists. */
export type EtreadyChange =
  | { target: 'assessment'; name: string; status: EtreadyStatus; date: string; source: string }
  | { target: 'recommendation'; id: string; status: ItemStatus; date: string; source: string };

/** An accepted change: the record's next version. */
export type EtreadyEdit = EtreadyChange & { iso3: string; key: string; version: number; acceptedAt: string; proposalId: number };

/** The record key of the assessment, or of a recommendation. */
export const ASSESSMENT_KEY = 'assessment';
export const recommendationKey = (id: string): string => `recommendation:${id}`;

/** The recommendation id a key names, null for the assessment, undefined when the key is neither. */
export function keyTarget(key: string): { target: 'assessment' } | { target: 'recommendation'; id: string } | undefined {
  if (key === ASSESSMENT_KEY) return { target: 'assessment' };
  const m = /^recommendation:(.+)$/.exec(key);
  return m ? { target: 'recommendation', id: m[1] as string } : undefined;
}
