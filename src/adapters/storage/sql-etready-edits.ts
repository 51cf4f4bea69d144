import type { EtreadyChange, EtreadyEdit } from '../../domain/etready/edits.ts';
import { placeholders, type SqlClient, type Transaction } from './sql.ts';

interface EditRow {
  iso3: string;
  record_key: string;
  change: string;
  version: number;
  accepted_at: string;
  proposal_id: number;
}

const edit = (r: EditRow): EtreadyEdit => ({ ...(JSON.parse(r.change) as EtreadyChange), iso3: r.iso3, key: r.record_key, version: Number(r.version), acceptedAt: r.accepted_at, proposalId: Number(r.proposal_id) });

/** Every accepted eT Ready change (table etready_edit, migration 14), oldest version first. */
export async function readEdits(db: SqlClient): Promise<EtreadyEdit[]> {
  const rows = await db.query<EditRow>(`SELECT iso3, record_key, change, version, accepted_at, proposal_id FROM etready_edit ORDER BY iso3, record_key, version`);
  return rows.map(edit);
}

/** The latest accepted change of a record, or null. */
export async function latestEdit(client: SqlClient, iso3: string, key: string): Promise<EtreadyEdit | null> {
  const rows = await client.query<EditRow>(
    `SELECT iso3, record_key, change, version, accepted_at, proposal_id FROM etready_edit WHERE iso3 = $1 AND record_key = $2 ORDER BY version DESC LIMIT 1`,
    [iso3, key],
  );
  return rows[0] ? edit(rows[0]) : null;
}

/** Writes an accepted change as the record's next version, inside the acceptance's transaction. */
export async function writeEdit(tx: Transaction, e: EtreadyEdit): Promise<void> {
  const { iso3, key, version, acceptedAt, proposalId, ...change } = e;
  await tx.run(`INSERT INTO etready_edit (iso3, record_key, change, version, accepted_at, proposal_id) VALUES (${placeholders(6)})`, [iso3, key, JSON.stringify(change), version, acceptedAt, proposalId]);
}
