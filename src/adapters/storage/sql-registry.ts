import type { Account } from '../../domain/accounts.ts';
import type { CyberlawEntry } from '../../domain/cyberlaw.ts';
import type { PracticeAnswer } from '../../domain/practice-answer.ts';
import type { VersionedRecord } from '../../domain/proposal.ts';
import type { AuditEntry, Proposal, ProposalStatus, RecordKind } from '../../domain/review.ts';
import type { NewAccount, NewProposal, RegistryStore, SessionRecord } from './registry-store.ts';
import { SqlAccounts } from './sql-accounts.ts';
import { auditLog } from './sql-audit.ts';
import { SqlProposals } from './sql-proposals.ts';
import { SqlRecords } from './sql-records.ts';
import type { Database, Transaction } from './sql.ts';

/**
 * The registries in the SQL both engines understand: accounts and sessions (sql-accounts.ts), the versioned
 * records (sql-records.ts), proposals under review (sql-proposals.ts) and the audit log (sql-audit.ts).
 */
export class SqlRegistry implements RegistryStore {
  private readonly accountStore: SqlAccounts;
  private readonly records: SqlRecords;
  private readonly proposalStore: SqlProposals;

  constructor(
    private readonly db: Database,
    onWrite: (tx: Transaction) => Promise<void>,
  ) {
    this.accountStore = new SqlAccounts(db);
    this.records = new SqlRecords(db);
    this.proposalStore = new SqlProposals(db, this.records, onWrite);
  }

  createAccount(account: NewAccount, actor: number | null, why: string): Promise<Account> {
    return this.accountStore.createAccount(account, actor, why);
  }

  account(id: number): Promise<Account | null> {
    return this.accountStore.account(id);
  }

  accountByEmail(email: string): Promise<{ account: Account; passwordHash: string } | null> {
    return this.accountStore.accountByEmail(email);
  }

  accounts(): Promise<Account[]> {
    return this.accountStore.accounts();
  }

  updateAccount(
    id: number,
    changes: Partial<Pick<Account, 'name' | 'role' | 'countries' | 'disabled'>> & { passwordHash?: string },
    actor: number | null,
    why: string,
  ): Promise<Account> {
    return this.accountStore.updateAccount(id, changes, actor, why);
  }

  createSession(tokenHash: string, accountId: number, csrf: string, expiresAt: string): Promise<void> {
    return this.accountStore.createSession(tokenHash, accountId, csrf, expiresAt);
  }

  session(tokenHash: string, now: string): Promise<SessionRecord | null> {
    return this.accountStore.session(tokenHash, now);
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.accountStore.deleteSession(tokenHash);
  }

  deleteAccountSessions(accountId: number): Promise<void> {
    return this.accountStore.deleteAccountSessions(accountId);
  }

  cyberlawEntries(filter?: { iso3?: string }): Promise<CyberlawEntry[]> {
    return this.records.cyberlawEntries(filter);
  }

  /** Writes a tracker edition's cyberlaw entries inside an import's transaction (see SqlRecords.writeImported). */
  writeImported(tx: Transaction, entries: readonly Omit<CyberlawEntry, 'version'>[], vintageId: number, why: string): Promise<number> {
    return this.records.writeImported(tx, entries, vintageId, why);
  }

  practiceAnswers(filter?: { questionnaire?: string; iso3?: string }): Promise<PracticeAnswer[]> {
    return this.records.practiceAnswers(filter);
  }

  currentRecord(kind: RecordKind, iso3: string, key: string): Promise<VersionedRecord> {
    return this.records.currentRecord(kind, iso3, key);
  }

  propose(proposal: NewProposal): Promise<Proposal> {
    return this.proposalStore.propose(proposal);
  }

  proposal(id: number): Promise<Proposal | null> {
    return this.proposalStore.proposal(id);
  }

  proposals(filter?: { status?: ProposalStatus; iso3?: string; proposedBy?: number; kind?: RecordKind }): Promise<Proposal[]> {
    return this.proposalStore.proposals(filter);
  }

  acceptProposal(id: number, reviewer: number, comment: string | null): Promise<Proposal> {
    return this.proposalStore.acceptProposal(id, reviewer, comment);
  }

  returnProposal(id: number, reviewer: number, comment: string): Promise<Proposal> {
    return this.proposalStore.returnProposal(id, reviewer, comment);
  }

  withdrawProposal(id: number, actor: number): Promise<Proposal> {
    return this.proposalStore.withdrawProposal(id, actor);
  }

  auditLog(filter?: { entity?: string; entityId?: string; actor?: number; limit?: number }): Promise<AuditEntry[]> {
    return auditLog(this.db, filter);
  }
}
