import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { ProposalPayload, RegistryRecord } from '../../domain/proposal.ts';
import type { Proposal, ProposalStatus, RecordKind } from '../../domain/review.ts';
import type { NewProposal } from './registry-store.ts';
import { audit } from './sql-audit.ts';
import { writeEdit } from './sql-etready-edits.ts';
import { appendMeasureChange } from './sql-strategy-measures.ts';
import { nextId } from './sql-counters.ts';
import type { SqlRecords } from './sql-records.ts';
import { equalities, placeholders, type Database, type Transaction } from './sql.ts';

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

const PROPOSAL_COLUMNS = 'id, kind, iso3, record_key, payload, base_version, status, why, proposed_by, proposed_at, reviewed_by, reviewed_at, review_comment';

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

/** Proposals under review: made by editors, accepted, returned or withdrawn, each step in the audit log. */
export class SqlProposals {
  constructor(
    private readonly db: Database,
    private readonly records: SqlRecords,
    private readonly onWrite: (tx: Transaction) => Promise<void>,
  ) {}

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
      const before = await this.records.currentIn(tx, p.kind, p.iso3, p.key);
      const version = await this.records.bumpVersion(tx, p.kind, p.iso3, p.key, p.baseVersion);
      const payload = p.payload as ProposalPayload;
      let after: RegistryRecord;
      if (payload.kind === 'cyberlaw') {
        after = { ...payload.entry, iso3: p.iso3, area: p.key, version };
        await this.records.writeEntry(tx, after, null, p.id);
      } else if (payload.kind === 'etready') {
        after = { ...payload.change, iso3: p.iso3, key: p.key, version, acceptedAt: new Date().toISOString(), proposalId: p.id };
        await writeEdit(tx, after);
      } else if (payload.kind === 'strategy-measure') {
        after = await appendMeasureChange(tx, p.key, payload.change, p.id);
      } else {
        const acceptedAt = new Date().toISOString();
        after = { iso3: p.iso3, questionnaire: p.key, questionnaireVersion: payload.questionnaireVersion, answers: payload.answers, version, acceptedAt, proposalId: p.id };
        await this.records.writeAnswer(tx, after);
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
}
