import type { AuditEntry } from '../../domain/review.ts';
import { nextId } from './sql-counters.ts';
import { equalities, placeholders, type SqlClient, type Transaction } from './sql.ts';

/** Appends one line to the audit log, inside the transaction of the write it records. */
export async function audit(
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

/** The audit log, newest first; there is no way to change or delete a line of it. */
export async function auditLog(
  db: SqlClient,
  filter: { entity?: string; entityId?: string; actor?: number; limit?: number } = {},
): Promise<AuditEntry[]> {
  const { where, params } = equalities([
    ['entity', filter.entity],
    ['entity_id', filter.entityId],
    ['actor', filter.actor],
  ]);
  params.push(filter.limit ?? 1000);
  const rows = await db.query<{ id: number; logged_at: string; actor: number | null; action: string; entity: string; entity_id: string; before_json: string | null; after_json: string | null; why: string | null }>(
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
