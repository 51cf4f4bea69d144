import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { RegistryStore } from '../../adapters/storage/registry-store.ts';
import { canManageAccounts, isEmail, isRole, MIN_PASSWORD_LENGTH, type Account, type Role } from '../../domain/accounts.ts';
import { ForbiddenError, InputError } from '../../domain/errors.ts';

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** scrypt parameters (N = 2^15, r = 8, p = 1: about 32 MiB and a few tens of milliseconds per hash). */
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/**
 * Hashes a password with scrypt and a random salt, in a self-describing form:
 * "scrypt$N$r$p$salt$key" (base64url), so parameters can be raised later without breaking old hashes.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Sessions are looked up by the SHA-256 of their token; the token itself is only ever in the cookie. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface AuthOptions {
  /** Session lifetime. */
  sessionHours?: number;
  /** Failed sign-ins allowed per e-mail address and per client address within the window. */
  maxFailures?: number;
  windowMinutes?: number;
  now?: () => Date;
}

export interface SignedIn {
  account: Account;
  /** The session token for the cookie. */
  token: string;
  csrf: string;
  expiresAt: string;
}

/** Too many failed sign-ins: the caller answers 429 with Retry-After. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`);
    this.name = 'RateLimitedError';
  }
}

/**
 * Counts failures in a sliding window per key (an e-mail address, a client address). Kept in memory: one
 * process serves the embedded database; several processes on PostgreSQL each keep their own count, which
 * multiplies the allowance by the number of processes but still bounds it.
 */
class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  retryAfter(key: string, now: number): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.failures.set(key, recent);
    if (recent.length < this.max) return 0;
    return Math.ceil(((recent[0] as number) + this.windowMs - now) / 1000);
  }

  fail(key: string, now: number): void {
    const list = this.failures.get(key) ?? [];
    list.push(now);
    this.failures.set(key, list);
    if (this.failures.size > 100_000) this.failures.clear();
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

/** Accounts, passwords and sessions. */
export class AuthService {
  private readonly limiter: FailureWindow;
  private readonly sessionMs: number;
  private readonly now: () => Date;
  /**
   * A hash to compare against when the account does not exist, so that timing does not tell. Made at the
   * first sign-in (commands that never sign anyone in do not pay for it), which waits for it whatever the address.
   */
  private decoy: Promise<string> | null = null;

  constructor(
    private readonly registry: RegistryStore,
    options: AuthOptions = {},
  ) {
    this.limiter = new FailureWindow(options.maxFailures ?? 5, (options.windowMinutes ?? 15) * 60_000);
    this.sessionMs = (options.sessionHours ?? 8) * 3_600_000;
    this.now = options.now ?? (() => new Date());
  }

  /** How long a session lasts, for the cookie's Max-Age. */
  get sessionSeconds(): number {
    return Math.floor(this.sessionMs / 1000);
  }

  /** Checks a new account's fields; the message names the field. */
  static validate(fields: { email: string; name: string; role: string; countries: string[]; password?: string }, where: string): void {
    if (!isEmail(fields.email)) throw new InputError(`"${fields.email}" is not an e-mail address`, { file: where, field: 'email' });
    if (!fields.name.trim()) throw new InputError('a name is required', { file: where, field: 'name' });
    if (!isRole(fields.role)) throw new InputError(`"${fields.role}" is not one of editor, curator, admin`, { file: where, field: 'role' });
    for (const c of fields.countries) if (!/^[A-Z]{3}$/.test(c)) throw new InputError(`"${c}" is not an ISO3 code`, { file: where, field: 'countries' });
    if (fields.role === 'editor' && fields.countries.length === 0) {
      throw new InputError('a country editor needs at least one country', { file: where, field: 'countries' });
    }
    if (fields.password !== undefined && fields.password.length < MIN_PASSWORD_LENGTH) {
      throw new InputError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`, { file: where, field: 'password' });
    }
  }

  async createAccount(
    fields: { email: string; name: string; role: Role; countries: string[]; password: string },
    actor: number | null,
    why: string,
    where = 'account',
  ): Promise<Account> {
    AuthService.validate(fields, where);
    const passwordHash = await hashPassword(fields.password);
    return this.registry.createAccount({ email: fields.email, name: fields.name.trim(), role: fields.role, countries: fields.countries, passwordHash }, actor, why);
  }

  /** Every account, for the administrators' page and the names in the review queue and the audit log. */
  list(): Promise<Account[]> {
    return this.registry.accounts();
  }

  /**
   * Disables an account: it can no longer sign in, and its sessions end now. Only an administrator does it,
   * and never to their own account; the audit log records who and why.
   */
  async disable(by: Account, id: number, why: string): Promise<Account> {
    if (!canManageAccounts(by)) throw new ForbiddenError('only an administrator manages accounts');
    if (id === by.id) throw new ForbiddenError('an administrator does not disable their own account');
    const account = await this.registry.updateAccount(id, { disabled: true }, by.id, why);
    await this.registry.deleteAccountSessions(id);
    return account;
  }

  /**
   * Signs in: the same answer for an unknown address and a wrong password, a failure window per address and
   * per client, and a new session token and CSRF token on success.
   */
  async signIn(email: string, password: string, client: string): Promise<SignedIn | null> {
    const now = this.now().getTime();
    const keys = [`email:${email.trim().toLowerCase()}`, `client:${client}`];
    const wait = Math.max(...keys.map((k) => this.limiter.retryAfter(k, now)));
    if (wait > 0) throw new RateLimitedError(wait);
    const decoy = await (this.decoy ??= hashPassword(randomBytes(16).toString('hex')));
    const found = await this.registry.accountByEmail(email.trim());
    const ok = found ? await verifyPassword(password, found.passwordHash) : (await verifyPassword(password, decoy), false);
    if (!found || !ok || found.account.disabled) {
      for (const k of keys) this.limiter.fail(k, now);
      return null;
    }
    for (const k of keys) this.limiter.clear(k);
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + this.sessionMs).toISOString();
    await this.registry.createSession(tokenHash(token), found.account.id, csrf, expiresAt);
    return { account: found.account, token, csrf, expiresAt };
  }

  /** The account and CSRF token of a session cookie's token, or null when it is unknown or expired. */
  async session(token: string | undefined): Promise<{ account: Account; csrf: string } | null> {
    if (!token || token.length > 200) return null;
    const s = await this.registry.session(tokenHash(token), this.now().toISOString());
    return s ? { account: s.account, csrf: s.csrf } : null;
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.registry.deleteSession(tokenHash(token));
  }
}

/** Compares a submitted CSRF token with the session's in constant time. */
export function csrfMatches(expected: string, submitted: string | undefined | null): boolean {
  if (!submitted) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the accounts service answers without writing: what GET pages may ask. */
export type AccountReader = Pick<AuthService, 'list'>;
