import type { Account, Role } from '../../domain/accounts.ts';
import type { CyberlawEntry } from '../../domain/cyberlaw.ts';
import type { PracticeAnswer } from '../../domain/practice-answer.ts';
import type { ProposalPayload, VersionedRecord } from '../../domain/proposal.ts';
import type { AuditEntry, Proposal, ProposalStatus, RecordKind } from '../../domain/review.ts';

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  countries: string[];
  passwordHash: string;
}

export interface SessionRecord {
  account: Account;
  csrf: string;
  expiresAt: string;
}

export interface NewProposal {
  kind: RecordKind;
  iso3: string;
  key: string;
  payload: ProposalPayload;
  baseVersion: number;
  why: string;
  proposedBy: number;
}

/** What the registries answer, without any method that writes (see RegistryStore). */
export interface ReadRegistryStore {
  account(id: number): Promise<Account | null>;
  /** The account and its password hash, for signing in. */
  accountByEmail(email: string): Promise<{ account: Account; passwordHash: string } | null>;
  accounts(): Promise<Account[]>;

  session(tokenHash: string, now: string): Promise<SessionRecord | null>;

  /** Every cyberlaw entry (the history), optionally of one country. */
  cyberlawEntries(filter?: { iso3?: string }): Promise<CyberlawEntry[]>;
  practiceAnswers(filter?: { questionnaire?: string; iso3?: string }): Promise<PracticeAnswer[]>;
  currentRecord(kind: RecordKind, iso3: string, key: string): Promise<VersionedRecord>;

  proposal(id: number): Promise<Proposal | null>;
  proposals(filter?: { status?: ProposalStatus; iso3?: string; proposedBy?: number; kind?: RecordKind }): Promise<Proposal[]>;

  auditLog(filter?: { entity?: string; entityId?: string; actor?: number; limit?: number }): Promise<AuditEntry[]>;
}

/**
 * The registries countries keep current (cyberlaw statuses, questionnaire answers), the accounts that edit
 * them, proposals under review and the append-only audit log. Every write lands in the audit log in the
 * same transaction; there is no method that changes or deletes an audit entry.
 */
export interface RegistryStore extends ReadRegistryStore {
  createAccount(account: NewAccount, actor: number | null, why: string): Promise<Account>;
  updateAccount(
    id: number,
    changes: Partial<Pick<Account, 'name' | 'role' | 'countries' | 'disabled'>> & { passwordHash?: string },
    actor: number | null,
    why: string,
  ): Promise<Account>;

  /** Sessions are stored by the hash of their token, so a leaked table does not leak sessions. */
  createSession(tokenHash: string, accountId: number, csrf: string, expiresAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteAccountSessions(accountId: number): Promise<void>;

  propose(proposal: NewProposal): Promise<Proposal>;
  /**
   * Publishes a pending proposal: checks that the record is still at the proposal's base version
   * (StaleVersionError with the current record otherwise), writes the record as its next version, marks the
   * proposal accepted and logs it, all in one transaction.
   */
  acceptProposal(id: number, reviewer: number, comment: string | null): Promise<Proposal>;
  /** Sends a pending proposal back to its editor with a comment (required). */
  returnProposal(id: number, reviewer: number, comment: string): Promise<Proposal>;
  withdrawProposal(id: number, actor: number): Promise<Proposal>;
}
