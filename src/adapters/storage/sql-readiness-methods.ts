import { ConflictError } from '../../domain/errors.ts';
import type { IndexMethod } from '../../domain/readiness/method.ts';
import { methodDocument, type StoredMethodVersion } from '../../domain/readiness/user-methods.ts';
import { checkVersion, StaleVersionError } from '../../domain/review.ts';
import { audit } from './sql-audit.ts';
import { bumpDataVersion } from './sql-counters.ts';
import { isUniqueViolation, type Database, type SqlClient } from './sql.ts';

/** A user-defined method's next version, as the service hands it to the store. */
export interface NewMethodVersion {
  method: IndexMethod;
  /** The version it replaces; 0 for a new method. */
  baseVersion: number;
  /** Account id; null for the command line. */
  author: number | null;
  note: string | null;
}

interface Row {
  id: string;
  version: number;
  definition: string;
  author: number | null;
  created_at: string;
  note: string | null;
}

function fromRow(r: Row): StoredMethodVersion {
  const version = Number(r.version);
  const method = { ...(JSON.parse(r.definition) as IndexMethod), version: String(version) };
  return { id: r.id, version, method, authorId: r.author === null ? null : Number(r.author), createdAt: r.created_at, note: r.note };
}

/** Every stored version of the user-defined readiness methods (table readiness_method, migration 15), by id then version. */
export async function readReadinessMethods(db: SqlClient, id?: string): Promise<StoredMethodVersion[]> {
  const rows = await db.query<Row>(
    `SELECT id, version, definition, author, created_at, note FROM readiness_method ${id === undefined ? '' : 'WHERE id = $1'} ORDER BY id, version`,
    id === undefined ? [] : [id],
  );
  return rows.map(fromRow);
}

/**
 * Stores the next version of a user-defined method in one transaction with its audit entry: refused with a
 * StaleVersionError (409, the current version attached) unless `baseVersion` is the latest stored (0 for none).
 */
export async function writeReadinessMethod(db: Database, input: NewMethodVersion): Promise<StoredMethodVersion> {
  const id = input.method.id;
  try {
    return await db.transaction(async (tx) => {
      const rows = await tx.query<Row>(`SELECT id, version, definition, author, created_at, note FROM readiness_method WHERE id = $1 ORDER BY version DESC LIMIT 1`, [id]);
      const latest = rows[0] ? fromRow(rows[0]) : null;
      checkVersion(input.baseVersion, latest?.version ?? 0, latest ? methodDocument(latest.method) : null, `readiness method ${id}`);
      const version = (latest?.version ?? 0) + 1;
      const definition = methodDocument(input.method);
      const createdAt = new Date().toISOString();
      await tx.run(`INSERT INTO readiness_method (id, version, definition, author, created_at, note) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        version,
        JSON.stringify(definition),
        input.author,
        createdAt,
        input.note,
      ]);
      await audit(tx, {
        actor: input.author,
        action: latest ? 'readiness-method.version' : 'readiness-method.create',
        entity: 'readiness-method',
        entityId: `${id}@${version}`,
        before: latest ? methodDocument(latest.method) : null,
        after: definition,
        why: input.note,
      });
      await bumpDataVersion(tx);
      return { id, version, method: { ...(definition as unknown as IndexMethod), version: String(version) }, authorId: input.author, createdAt, note: input.note };
    });
  } catch (error) {
    if (error instanceof StaleVersionError || !isUniqueViolation(error)) throw error;
    throw new ConflictError(`readiness method ${id} got a new version from another request meanwhile; start again from the current version`);
  }
}
