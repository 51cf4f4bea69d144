import { isQualityRule, type QualityFlag, type StoredQualityFlag } from '../../domain/quality.ts';
import { isCyberlawStatus } from '../../domain/cyberlaw.ts';
import type { Database, SqlValue, Transaction } from './sql.ts';

/** Which flags to read: of some vintages (else of the latest vintage of each dataset), about a subject or an entity. */
export interface QualityFlagQuery {
  vintageIds?: readonly number[];
  subject?: string;
  entity?: string;
}

interface FlagRow {
  vintage_id: number;
  subject: string;
  entity: string;
  year: number | null;
  rule: string;
  value: number | null;
  previous: number | null;
  limit_value: number | null;
  status: string | null;
  laws: string | null;
}

/** Writes an import's flags in its transaction. */
export async function writeQualityFlags(tx: Transaction, flags: readonly QualityFlag[], vintageId: number): Promise<void> {
  if (!flags.length) return;
  await tx.bulkInsert(
    'quality_flag',
    ['vintage_id', 'subject', 'entity', 'year', 'rule', 'value', 'previous', 'limit_value', 'status', 'laws'],
    ['integer', 'text', 'text', 'integer', 'text', 'double', 'double', 'double', 'text', 'text'],
    flags.map((f) => [vintageId, f.subject, f.entity, f.year, f.rule, f.value, f.previous, f.limit, f.status ?? null, f.laws ? JSON.stringify(f.laws) : null]),
  );
}

/** The stored flags asked for, by subject, entity, year and rule. */
export async function readQualityFlags(db: Database, query: QualityFlagQuery = {}): Promise<StoredQualityFlag[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (query.vintageIds) {
    if (!query.vintageIds.length) return [];
    where.push(`vintage_id IN (${query.vintageIds.map((id) => (params.push(id), `$${params.length}`)).join(', ')})`);
  } else {
    where.push(`vintage_id IN (SELECT MAX(id) FROM vintage GROUP BY dataset)`);
  }
  if (query.subject !== undefined) where.push(`subject = $${params.push(query.subject)}`);
  if (query.entity !== undefined) where.push(`entity = $${params.push(query.entity)}`);
  const rows = await db.query<FlagRow>(
    `SELECT vintage_id, subject, entity, year, rule, value, previous, limit_value, status, laws FROM quality_flag
     WHERE ${where.join(' AND ')} ORDER BY subject, entity, year, rule`,
    params,
  );
  return rows.map((r) => ({
    vintageId: Number(r.vintage_id),
    subject: r.subject,
    entity: r.entity,
    year: r.year === null ? null : Number(r.year),
    rule: isQualityRule(r.rule) ? r.rule : 'range',
    value: r.value === null ? null : Number(r.value),
    previous: r.previous === null ? null : Number(r.previous),
    limit: r.limit_value === null ? null : Number(r.limit_value),
    ...(r.status && isCyberlawStatus(r.status) ? { status: r.status } : {}),
    ...(r.laws ? { laws: JSON.parse(r.laws) as string[] } : {}),
  }));
}
