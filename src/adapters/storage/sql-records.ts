import { isCyberlawStatus, type CyberlawEntry, type Law } from '../../domain/cyberlaw.ts';
import { ConflictError } from '../../domain/errors.ts';
import type { PracticeAnswer } from '../../domain/practice-answer.ts';
import { latestEdit } from './sql-etready-edits.ts';
import type { AnswerValue } from '../../domain/practices.ts';
import type { VersionedRecord } from '../../domain/proposal.ts';
import { checkVersion, type RecordKind } from '../../domain/review.ts';
import { audit } from './sql-audit.ts';
import { parseMeasureKey } from '../../domain/strategies/measures.ts';
import { currentMeasure } from './sql-strategy-measures.ts';
import { equalities, placeholders, type Database, type SqlClient, type SqlValue, type Transaction } from './sql.ts';

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

/** The registries' records with their versions: cyberlaw statuses (every version kept) and questionnaire answers. */
export class SqlRecords {
  constructor(private readonly db: Database) {}

  async cyberlawEntries(filter: { iso3?: string } = {}): Promise<CyberlawEntry[]> {
    const rows = await this.db.query<EntryRow>(
      `SELECT iso3, area, status, as_of, source, laws, version, vintage_id FROM cyberlaw_entry
       ${filter.iso3 ? 'WHERE iso3 = $1' : ''} ORDER BY iso3, area, as_of, version`,
      filter.iso3 ? [filter.iso3] : [],
    );
    return rows.map(parseEntry);
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

  currentRecord(kind: RecordKind, iso3: string, key: string): Promise<VersionedRecord> {
    return this.currentIn(this.db, kind, iso3, key);
  }

  /** The current record and its version, read by the connection or transaction given. */
  async currentIn(client: SqlClient, kind: RecordKind, iso3: string, key: string): Promise<VersionedRecord> {
    const v = await client.query<{ version: number }>(`SELECT version FROM record_version WHERE kind = $1 AND iso3 = $2 AND record_key = $3`, [kind, iso3, key]);
    const version = Number(v[0]?.version ?? 0);
    // A measure exists before any proposal: its imported history is the record of version 0.
    if (kind === 'strategy-measure') {
      const k = parseMeasureKey(key);
      return { version, record: k ? ((await currentMeasure(client, k.strategyId, k.measureId))?.record ?? null) : null };
    }
    if (version === 0) return { version: 0, record: null };
    if (kind === 'etready') return { version, record: await latestEdit(client, iso3, key) };
    if (kind === 'cyberlaw') {
      const rows = await client.query<EntryRow>(
        `SELECT iso3, area, status, as_of, source, laws, version FROM cyberlaw_entry WHERE iso3 = $1 AND area = $2 ORDER BY version DESC LIMIT 1`,
        [iso3, key],
      );
      return { version, record: rows[0] ? parseEntry(rows[0]) : null };
    }
    const rows = await client.query<AnswerRow>(
      `SELECT iso3, questionnaire, questionnaire_version, answers, version, accepted_at, proposal_id FROM practice_answer
       WHERE iso3 = $1 AND questionnaire = $2 ORDER BY version DESC LIMIT 1`,
      [iso3, key],
    );
    return { version, record: rows[0] ? parseAnswer(rows[0]) : null };
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

  async writeEntry(tx: Transaction, e: CyberlawEntry, vintageId: number | null, proposalId: number | null): Promise<void> {
    await tx.run(
      `INSERT INTO cyberlaw_entry (iso3, area, status, as_of, source, laws, version, vintage_id, proposal_id, recorded_at) VALUES (${placeholders(10)})`,
      [e.iso3, e.area, e.status, e.asOf, e.source, JSON.stringify(e.laws), e.version, vintageId, proposalId, new Date().toISOString()],
    );
  }

  async writeAnswer(tx: Transaction, a: PracticeAnswer): Promise<void> {
    await tx.run(
      `INSERT INTO practice_answer (iso3, questionnaire, questionnaire_version, answers, version, accepted_at, proposal_id) VALUES (${placeholders(7)})`,
      [a.iso3, a.questionnaire, a.questionnaireVersion, JSON.stringify(a.answers), a.version, a.acceptedAt, a.proposalId],
    );
  }

  /**
   * Moves a record to its next version. With `expected`, only from that version: the UPDATE's condition makes
   * two concurrent acceptances of proposals made from the same version serialise, and the second one fail.
   */
  async bumpVersion(tx: Transaction, kind: RecordKind, iso3: string, key: string, expected: number | null): Promise<number> {
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
      checkVersion(expected ?? -1, now.version, now.record, `${kind === 'cyberlaw' ? 'The cyberlaw status' : kind === 'etready' ? 'The eT Ready record' : kind === 'strategy-measure' ? 'The strategy measure' : 'The answers'} of ${iso3} (${key})`);
      throw new ConflictError(`${kind} ${iso3} ${key} was changed by another request meanwhile; try again`);
    }
    return Number(moved[0].version);
  }
}
