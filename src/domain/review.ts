import { ConflictError } from './errors.ts';

/** What a proposal changes: a cyberlaw status of a country and area, a country's questionnaire answers, its eT Ready statuses, or a strategy measure's status. */
export type RecordKind = 'cyberlaw' | 'practice' | 'etready' | 'strategy-measure';

export type ProposalStatus = 'pending' | 'accepted' | 'returned' | 'withdrawn';

/**
 * A proposed change, invisible to readers until a curator accepts it. `baseVersion` is the version of the
 * record the editor saw: accepting it over a newer version is refused (409), never a silent overwrite.
 */
export interface Proposal {
  id: number;
  kind: RecordKind;
  iso3: string;
  /** The record within the country: the cyberlaw area, or the questionnaire id. */
  key: string;
  /** The proposed record, as JSON-compatible data checked by the record kind. */
  payload: unknown;
  baseVersion: number;
  status: ProposalStatus;
  /** Why the change is proposed (required): it lands in the audit log. */
  why: string;
  proposedBy: number;
  proposedAt: string;
  reviewedBy: number | null;
  reviewedAt: string | null;
  /** The curator's comment when returning (or accepting with a remark). */
  comment: string | null;
}

/** One line of the append-only audit log: who did what, when, to which record, from what to what, and why. */
export interface AuditEntry {
  id: number;
  at: string;
  /** Account id; null for imports and the system. */
  actor: number | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  why: string | null;
}

/** The record as it stands, with its version, returned with a 409 so that the editor can start again from it. */
export class StaleVersionError extends ConflictError {
  constructor(
    message: string,
    readonly current: unknown,
    readonly currentVersion: number,
  ) {
    super(message);
    this.name = 'StaleVersionError';
  }
}

/** Refuses to apply a change prepared against another version than the current one. */
export function checkVersion(baseVersion: number, currentVersion: number, current: unknown, what: string): void {
  if (baseVersion !== currentVersion) {
    throw new StaleVersionError(
      `${what} has changed since this proposal was made (version ${baseVersion}, now ${currentVersion}); start again from the current record`,
      current,
      currentVersion,
    );
  }
}
