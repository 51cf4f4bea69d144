import type { SqlClient, Transaction } from './sql.ts';

/** The data version: increases with every write, so caches of derived pages know when to start again. */
export async function dataVersion(db: SqlClient): Promise<number> {
  const rows = await db.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'data_version'`);
  return Number(rows[0]?.value ?? 0);
}

/** Moves the data version on, inside the transaction of the write. */
export async function bumpDataVersion(tx: Transaction): Promise<void> {
  await tx.run(`UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'data_version'`);
}

export type Sequence = 'vintage_id_seq' | 'account_id_seq' | 'proposal_id_seq' | 'audit_id_seq';

/** The next id of a sequence, taken inside the transaction that uses it. */
export async function nextId(tx: Transaction, sequence: Sequence): Promise<number> {
  const [row] = await tx.query<{ id: number }>(`SELECT CAST(nextval('${sequence}') AS INTEGER) AS id`);
  if (!row) throw new Error(`the sequence ${sequence} returned nothing`);
  return Number(row.id);
}
