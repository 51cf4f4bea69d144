import { isRole, type Account } from '../../domain/accounts.ts';
import { isCyberlawStatus, type CyberlawEntry, type Law } from '../../domain/cyberlaw.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { AnswerValue } from '../../domain/practices.ts';
import { checkVersion, type AuditEntry, type Proposal, type ProposalStatus, type RecordKind } from '../../domain/review.ts';
import { placeholders, type Database, type SqlValue, type Transaction } from './sql.ts';
import type { NewAccount, NewProposal, RegistryStore, SessionRecord } from './registry-store.ts';
import type { PracticeAnswer } from '../../domain/practice-answer.ts';
import type { ProposalPayload, VersionedRecord } from '../../domain/proposal.ts';

interface AccountRow {
  id: number;
  email: string;
  name: string;
  role: string;
  countries: string;
  disabled: boolean;
  created_at: string;
}

interface ProposalRow {
  id: number;
  kind: string;
  iso3: string;
  record_key: string;
  payload: string;
  base_version: number;
  status: string;
  why: string;
  proposed_by: number;
  proposed_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_comment: string | null;
}

interface EntryRow {
  iso3: string;
  area: string;
  status: string;
  as_of: string;
  source: string;
  laws: string;
  version: number;
  /** Read by cyberlawEntries only; other queries of entries leave it out. */
  vintage_id?: number | string | null;
}

interface AnswerRow {
  iso3: string;
  questionnaire: string;
  questionnaire_version: number;
  answers: string;
  version: number;
  accepted_at: string;
  proposal_id: number | null;
}

const ACCOUNT_COLUMNS = 'id, email, name, role, countries, disabled, created_at';
const PROPOSAL_COLUMNS = 'id, kind, iso3, record_key, payload, base_version, status, why, proposed_by, proposed_at, reviewed_by, reviewed_at, review_comment';

function parseAccount(r: AccountRow): Account {
  return {
    id: Number(r.id),
    email: r.email,
    name: r.name,
    role: isRole(r.role) ? r.role : 'editor',
    countries: r.countries ? r.countries.split(',') : [],
    disabled: Boolean(r.disabled),
    createdAt: r.created_at,
  };
}

function parseProposal(r: ProposalRow): Proposal {
  return {
    id: Number(r.id),
    kind: r.kind as RecordKind,
    iso3: r.iso3,
    key: r.record_key,
    payload: JSON.parse(r.payload) as unknown,
    baseVersion: Number(r.base_version),
    status: r.status as ProposalStatus,
    why: r.why,
    proposedBy: Number(r.proposed_by),
    proposedAt: r.proposed_at,
    reviewedBy: r.reviewed_by === null ? null : Number(r.reviewed_by),
    reviewedAt: r.reviewed_at,
    comment: r.review_comment,
  };
}

function parseEntry(r: EntryRow): CyberlawEntry {
  return {
    iso3: r.iso3,
    area: r.area,
    status: isCyberlawStatus(r.status) ? r.status : 'no-data',
    asOf: r.as_of,
    source: r.source,
    laws: JSON.parse(r.laws) as Law[],
    version: Number(r.version),
    ...(r.vintage_id !== undefined ? { vintageId: r.vintage_id === null ? null : Number(r.vintage_id) } : {}),
  };
}

function parseAnswer(r: AnswerRow): PracticeAnswer {
  return {
    iso3: r.iso3,
    questionnaire: r.questionnaire,
    questionnaireVersion: Number(r.questionnaire_version),
    answers: JSON.parse(r.answers) as Record<string, AnswerValue>,
    version: Number(r.version),
    acceptedAt: r.accepted_at,
    proposalId: r.proposal_id === null ? null : Number(r.proposal_id),
  };
}

async function nextId(tx: Transaction, sequence: 'account_id_seq' | 'proposal_id_seq' | 'audit_id_seq'): Promise<number> {
  const [row] = await tx.query<{ id: number }>(`SELECT CAST(nextval('${sequence}') AS INTEGER) AS id`);
  if (!row) throw new Error(`the sequence ${sequence} returned nothing`);
  return Number(row.id);
}

/** Appends one line to the audit log, inside the transaction of the write it records. */
async function audit(
  tx: Transaction,
  entry: { actor: number | null; action: string; entity: string; entityId: string; before: unknown; after: unknown; why: string | null },
): Promise<void> {
  const id = await nextId(tx, 'audit_id_seq');
  await tx.run(
    `INSERT INTO audit_log (id, logged_at, actor, action, entity, entity_id, before_json, after_json, why) VALUES (${placeholders(9)})`,
    [
      id,
      new Date().toISOString(),
      entry.actor,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      entry.why,
    ],
  );
}

/** "column = $n" conditions for the filters that are given, with their parameters. */
function equalities(filters: readonly [column: string, value: SqlValue | undefined][]): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  for (const [column, value] of filters) {
    if (value === undefined) continue;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  }
  return { where, params };
}

/** A primary-key or unique clash on either engine. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === '23505' || /duplicate key|unique constraint/i.test(String(e?.message ?? ''));
}

/** The registries in the SQL both engines understand. */
export class SqlRegistry implements RegistryStore {
  constructor(
    private readonly db: Database,
    private readonly onWrite: (tx: Transaction) => Promise<void>,
  ) {}

  async createAccount(a: NewAccount, actor: number | null, why: string): Promise<Account> {
    try {
      return await this.db.transaction(async (tx) => {
        const existing = await tx.query(`SELECT 1 FROM account WHERE email = $1`, [a.email.toLowerCase()]);
        if (existing.length) throw new ConflictError(`an account for ${a.email} exists already`);
        const id = await nextId(tx, 'account_id_seq');
        const createdAt = new Date().toISOString();
        await tx.run(
          `INSERT INTO account (id, email, name, role, countries, password_hash, disabled, created_at) VALUES (${placeholders(8)})`,
          [id, a.email.toLowerCase(), a.name, a.role, a.countries.join(','), a.passwordHash, false, createdAt],
        );
        const account: Account = { id, email: a.email.toLowerCase(), name: a.name, role: a.role, countries: a.countries, disabled: false, createdAt };
        // The audit log never holds password hashes.
        await audit(tx, { actor, action: 'create', entity: 'account', entityId: String(id), before: null, after: account, why });
        return account;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`an account for ${a.email} was created by another request meanwhile`);
      throw error;
    }
  }

  async account(id: number): Promise<Account | null> {
    const rows = await this.db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM account WHERE id = $1`, [id]);
    return rows[0] ? parseAccount(rows[0]) : null;
  }

  async accountByEmail(email: string): Promise<{ account: Account; passwordHash: string } | null> {
    const rows = await this.db.query<AccountRow & { password_hash: string }>(
      `SELECT ${ACCOUNT_COLUMNS}, password_hash FROM account WHERE email = $1`,
      [email.toLowerCase()],
    );
    return rows[0] ? { account: parseAccount(rows[0]), passwordHash: rows[0].password_hash } : null;
  }

  async accounts(): Promise<Account[]> {
    return (await this.db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM account ORDER BY id`)).map(parseAccount);
  }

  async updateAccount(
    id: number,
    changes: Partial<Pick<Account, 'name' | 'role' | 'countries' | 'disabled'>> & { passwordHash?: string },
    actor: number | null,
    why: string,
  ): Promise<Account> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM account WHERE id = $1`, [id]);
      if (!rows[0]) throw new NotFoundError(`no account ${id}`);
      const before = parseAccount(rows[0]);
      const after: Account = {
        ...before,
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.countries !== undefined ? { countries: changes.countries } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      };
      await tx.run(`UPDATE account SET name = $1, role = $2, countries = $3, disabled = $4 WHERE id = $5`, [
        after.name,
        after.role,
        after.countries.join(','),
        after.disabled,
        id,
      ]);
      if (changes.passwordHash !== undefined) {
        await tx.run(`UPDATE account SET password_hash = $1 WHERE id = $2`, [changes.passwordHash, id]);
        // A new password ends every session the old one opened.
        await tx.run(`DELETE FROM account_session WHERE account_id = $1`, [id]);
      }
      if (after.disabled) await tx.run(`DELETE FROM account_session WHERE account_id = $1`, [id]);
      await audit(tx, {
        actor,
        action: changes.passwordHash !== undefined ? 'update (password changed)' : 'update',
        entity: 'account',
        entityId: String(id),
        before,
        after,
        why,
      });
      return after;
    });
  }

  async createSession(tokenHash: string, accountId: number, csrf: string, expiresAt: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(`INSERT INTO account_session (token_hash, account_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
        tokenHash,
        accountId,
        csrf,
        new Date().toISOString(),
        expiresAt,
      ]);
    });
  }

  async session(tokenHash: string, now: string): Promise<SessionRecord | null> {
    const rows = await this.db.query<AccountRow & { csrf: string; expires_at: string }>(
      `SELECT a.id, a.email, a.name, a.role, a.countries, a.disabled, a.created_at, s.csrf, s.expires_at
       FROM account_session s JOIN account a ON a.id = s.account_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT a.disabled`,
      [tokenHash, now],
    );
    const r = rows[0];
    return r ? { account: parseAccount(r), csrf: r.csrf, expiresAt: r.expires_at } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.transaction((tx) => tx.run(`DELETE FROM account_session WHERE token_hash = $1`, [tokenHash]));
  }

  async deleteAccountSessions(accountId: number): Promise<void> {
    await this.db.transaction((tx) => tx.run(`DELETE FROM account_session WHERE account_id = $1`, [accountId]));
  }

  async cyberlawEntries(filter: { iso3?: string } = {}): Promise<CyberlawEntry[]> {
    const rows = await this.db.query<EntryRow>(
      `SELECT iso3, area, status, as_of, source, laws, version, vintage_id FROM cyberlaw_entry
       ${filter.iso3 ? 'WHERE iso3 = $1' : ''} ORDER BY iso3, area, as_of, version`,
      filter.iso3 ? [filter.iso3] : [],
    );
    return rows.map(parseEntry);
  }

  /**
   * Writes a tracker edition's entries inside an import's transaction: each becomes the next version of its
   * country and area, and the import is one line of the audit log.
   */
  async writeImported(tx: Transaction, entries: readonly Omit<CyberlawEntry, 'version'>[], vintageId: number, why: string): Promise<number> {
    for (const e of entries) {
      const version = await this.bumpVersion(tx, 'cyberlaw', e.iso3, e.area, null);
      await this.writeEntry(tx, { ...e, version }, vintageId, null);
    }
    await audit(tx, { actor: null, action: 'import', entity: 'cyberlaw', entityId: `vintage ${vintageId}`, before: null, after: { entries: entries.length }, why });
    return entries.length;
  }

  private async writeEntry(tx: Transaction, e: CyberlawEntry, vintageId: number | null, proposalId: number | null): Promise<void> {
    await tx.run(
      `INSERT INTO cyberlaw_entry (iso3, area, status, as_of, source, laws, version, vintage_id, proposal_id, recorded_at) VALUES (${placeholders(10)})`,
      [e.iso3, e.area, e.status, e.asOf, e.source, JSON.stringify(e.laws), e.version, vintageId, proposalId, new Date().toISOString()],
    );
  }

  /**
   * Moves a record to its next version. With `expected`, only from that version: the UPDATE's condition makes
   * two concurrent acceptances of proposals made from the same version serialise, and the second one fail.
   */
  private async bumpVersion(tx: Transaction, kind: RecordKind, iso3: string, key: string, expected: number | null): Promise<number> {
    const keys: SqlValue[] = [kind, iso3, key];
    let moved: { version: number }[];
    if (expected === 0) {
      // The first version: of two concurrent creators, the second finds the row and inserts nothing.
      moved = await tx.query(
        `INSERT INTO record_version (kind, iso3, record_key, version) VALUES ($1, $2, $3, 1) ON CONFLICT DO NOTHING RETURNING version`,
        keys,
      );
    } else {
      moved = await tx.query(
        `UPDATE record_version SET version = version + 1 WHERE kind = $1 AND iso3 = $2 AND record_key = $3${expected === null ? '' : ' AND version = $4'} RETURNING version`,
        expected === null ? keys : [...keys, expected],
      );
      if (!moved[0] && expected === null) {
        moved = await tx.query(`INSERT INTO record_version (kind, iso3, record_key, version) VALUES ($1, $2, $3, 1) RETURNING version`, keys);
      }
    }
    if (!moved[0]) {
      const now = await this.currentIn(tx, kind, iso3, key);
      checkVersion(expected ?? -1, now.version, now.record, `${kind === 'cyberlaw' ? 'The cyberlaw status' : 'The answers'} of ${iso3} (${key})`);
      throw new ConflictError(`${kind} ${iso3} ${key} was changed by another request meanwhile; try again`);
    }
    return Number(moved[0].version);
  }

  private async currentIn(tx: Pick<Transaction, 'query'>, kind: RecordKind, iso3: string, key: string): Promise<VersionedRecord> {
    const v = await tx.query<{ version: number }>(`SELECT version FROM record_version WHERE kind = $1 AND iso3 = $2 AND record_key = $3`, [kind, iso3, key]);
    const version = Number(v[0]?.version ?? 0);
    if (version === 0) return { version: 0, record: null };
    if (kind === 'cyberlaw') {
      const rows = await tx.query<EntryRow>(
        `SELECT iso3, area, status, as_of, source, laws, version FROM cyberlaw_entry WHERE iso3 = $1 AND area = $2 ORDER BY version DESC LIMIT 1`,
        [iso3, key],
      );
      return { version, record: rows[0] ? parseEntry(rows[0]) : null };
    }
    const rows = await tx.query<AnswerRow>(
      `SELECT iso3, questionnaire, questionnaire_version, answers, version, accepted_at, proposal_id FROM practice_answer
       WHERE iso3 = $1 AND questionnaire = $2 ORDER BY version DESC LIMIT 1`,
      [iso3, key],
    );
    return { version, record: rows[0] ? parseAnswer(rows[0]) : null };
  }

  currentRecord(kind: RecordKind, iso3: string, key: string): Promise<VersionedRecord> {
    return this.currentIn(this.db, kind, iso3, key);
  }

  async practiceAnswers(filter: { questionnaire?: string; iso3?: string } = {}): Promise<PracticeAnswer[]> {
    const { where, params } = equalities([
      ['p.questionnaire', filter.questionnaire],
      ['p.iso3', filter.iso3],
    ]);
    // The current answers: the latest accepted version of each country and questionnaire.
    const rows = await this.db.query<AnswerRow>(
      `SELECT p.iso3, p.questionnaire, p.questionnaire_version, p.answers, p.version, p.accepted_at, p.proposal_id
       FROM practice_answer p
       JOIN (SELECT iso3, questionnaire, MAX(version) AS version FROM practice_answer GROUP BY iso3, questionnaire) latest
         ON latest.iso3 = p.iso3 AND latest.questionnaire = p.questionnaire AND latest.version = p.version
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY p.questionnaire, p.iso3`,
      params,
    );
    return rows.map(parseAnswer);
  }

  async propose(p: NewProposal): Promise<Proposal> {
    return this.db.transaction(async (tx) => {
      const id = await nextId(tx, 'proposal_id_seq');
      const proposedAt = new Date().toISOString();
      await tx.run(
        `INSERT INTO proposal (${PROPOSAL_COLUMNS}) VALUES (${placeholders(13)})`,
        [id, p.kind, p.iso3, p.key, JSON.stringify(p.payload), p.baseVersion, 'pending', p.why, p.proposedBy, proposedAt, null, null, null],
      );
      const proposal: Proposal = { id, kind: p.kind, iso3: p.iso3, key: p.key, payload: p.payload, baseVersion: p.baseVersion, status: 'pending', why: p.why, proposedBy: p.proposedBy, proposedAt, reviewedBy: null, reviewedAt: null, comment: null };
      await audit(tx, { actor: p.proposedBy, action: 'propose', entity: 'proposal', entityId: String(id), before: null, after: proposal, why: p.why });
      return proposal;
    });
  }

  async proposal(id: number): Promise<Proposal | null> {
    const rows = await this.db.query<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM proposal WHERE id = $1`, [id]);
    return rows[0] ? parseProposal(rows[0]) : null;
  }

  async proposals(filter: { status?: ProposalStatus; iso3?: string; proposedBy?: number; kind?: RecordKind } = {}): Promise<Proposal[]> {
    const { where, params } = equalities([
      ['status', filter.status],
      ['iso3', filter.iso3],
      ['proposed_by', filter.proposedBy],
      ['kind', filter.kind],
    ]);
    const rows = await this.db.query<ProposalRow>(
      `SELECT ${PROPOSAL_COLUMNS} FROM proposal ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`,
      params,
    );
    return rows.map(parseProposal);
  }

  /** Reads a pending proposal for a review inside the transaction; anything else is a conflict. */
  private async pending(tx: Transaction, id: number): Promise<Proposal> {
    const rows = await tx.query<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM proposal WHERE id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError(`no proposal ${id}`);
    const p = parseProposal(rows[0]);
    if (p.status !== 'pending') throw new ConflictError(`proposal ${id} is ${p.status} already`);
    return p;
  }

  private async close(tx: Transaction, p: Proposal, status: ProposalStatus, reviewer: number, comment: string | null): Promise<Proposal> {
    const reviewedAt = new Date().toISOString();
    // The status condition makes a concurrent second review of the same proposal change nothing.
    const updated = await tx.query<{ id: number }>(
      `UPDATE proposal SET status = $1, reviewed_by = $2, reviewed_at = $3, review_comment = $4 WHERE id = $5 AND status = 'pending' RETURNING id`,
      [status, reviewer, reviewedAt, comment, p.id],
    );
    if (!updated[0]) throw new ConflictError(`proposal ${p.id} was reviewed by another request meanwhile`);
    return { ...p, status, reviewedBy: reviewer, reviewedAt, comment };
  }

  async acceptProposal(id: number, reviewer: number, comment: string | null): Promise<Proposal> {
    return this.db.transaction(async (tx) => {
      const p = await this.pending(tx, id);
      const before = await this.currentIn(tx, p.kind, p.iso3, p.key);
      const version = await this.bumpVersion(tx, p.kind, p.iso3, p.key, p.baseVersion);
      const payload = p.payload as ProposalPayload;
      let after: CyberlawEntry | PracticeAnswer;
      if (payload.kind === 'cyberlaw') {
        after = { ...payload.entry, iso3: p.iso3, area: p.key, version };
        await this.writeEntry(tx, after, null, p.id);
      } else {
        const acceptedAt = new Date().toISOString();
        after = { iso3: p.iso3, questionnaire: p.key, questionnaireVersion: payload.questionnaireVersion, answers: payload.answers, version, acceptedAt, proposalId: p.id };
        await tx.run(
          `INSERT INTO practice_answer (iso3, questionnaire, questionnaire_version, answers, version, accepted_at, proposal_id) VALUES (${placeholders(7)})`,
          [p.iso3, p.key, payload.questionnaireVersion, JSON.stringify(payload.answers), version, acceptedAt, p.id],
        );
      }
      const closed = await this.close(tx, p, 'accepted', reviewer, comment);
      await audit(tx, { actor: reviewer, action: 'accept', entity: p.kind, entityId: `${p.iso3}/${p.key}`, before: before.record, after, why: p.why });
      await this.onWrite(tx);
      return closed;
    });
  }

  async returnProposal(id: number, reviewer: number, comment: string): Promise<Proposal> {
    return this.db.transaction(async (tx) => {
      const p = await this.pending(tx, id);
      const closed = await this.close(tx, p, 'returned', reviewer, comment);
      await audit(tx, { actor: reviewer, action: 'return', entity: 'proposal', entityId: String(id), before: p, after: closed, why: comment });
      return closed;
    });
  }

  async withdrawProposal(id: number, actor: number): Promise<Proposal> {
    return this.db.transaction(async (tx) => {
      const p = await this.pending(tx, id);
      const closed = await this.close(tx, p, 'withdrawn', actor, null);
      await audit(tx, { actor, action: 'withdraw', entity: 'proposal', entityId: String(id), before: p, after: closed, why: null });
      return closed;
    });
  }

  async auditLog(filter: { entity?: string; entityId?: string; actor?: number; limit?: number } = {}): Promise<AuditEntry[]> {
    const { where, params } = equalities([
      ['entity', filter.entity],
      ['entity_id', filter.entityId],
      ['actor', filter.actor],
    ]);
    params.push(filter.limit ?? 1000);
    const rows = await this.db.query<{ id: number; logged_at: string; actor: number | null; action: string; entity: string; entity_id: string; before_json: string | null; after_json: string | null; why: string | null }>(
      `SELECT id, logged_at, actor, action, entity, entity_id, before_json, after_json, why FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.logged_at,
      actor: r.actor === null ? null : Number(r.actor),
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
      after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
      why: r.why,
    }));
  }
}
