import { isRole, type Account } from '../../domain/accounts.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { NewAccount, SessionRecord } from './registry-store.ts';
import { audit } from './sql-audit.ts';
import { nextId } from './sql-counters.ts';
import { isUniqueViolation, placeholders, type Database } from './sql.ts';

interface AccountRow {
  id: number;
  email: string;
  name: string;
  role: string;
  countries: string;
  disabled: boolean;
  created_at: string;
}

const ACCOUNT_COLUMNS = 'id, email, name, role, countries, disabled, created_at';

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

/** The accounts that edit the registries, and their sessions. */
export class SqlAccounts {
  constructor(private readonly db: Database) {}

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
}
