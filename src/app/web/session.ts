import { randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Account } from '../../domain/accounts.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { csrfMatches, type AuthService, type SignedIn } from '../services/auth.ts';
import { HttpError } from './http-error.ts';

/** The session cookie: an opaque token; the server keeps only its hash. */
export const SESSION_COOKIE = 'obs_session';
/** The sign-in form's own CSRF token (double-submitted): there is no session yet to hold one. */
export const LOGIN_COOKIE = 'obs_login';

/** The signed-in account of a request, with its session's CSRF token. */
export interface Session {
  account: Account;
  csrf: string;
  token: string;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's session, or null for an anonymous reader; set by `sessionMiddleware`. */
    session: Session | null;
  }
}

/** Whether the request reached us over HTTPS, directly or through a proxy that says so. */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || (c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * Reads the session cookie into `c.get('session')`. A signed-in answer is personal: it is marked
 * `private, no-store` so that neither our response cache nor a shared proxy keeps it.
 * @example app.use('*', sessionMiddleware(auth))
 */
export function sessionMiddleware(auth: AuthService): MiddlewareHandler {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const found = token ? await auth.session(token) : null;
    c.set('session', found && token ? { ...found, token } : null);
    await next();
    if (found) c.header('cache-control', 'private, no-store');
  };
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS, living as long as the session. */
export function setSessionCookie(c: Context, signedIn: SignedIn, maxAge: number): void {
  setCookie(c, SESSION_COOKIE, signedIn.token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c), maxAge });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
}

/** A fresh token for the sign-in form, set as a short-lived cookie and repeated in the form. */
export function issueLoginToken(c: Context): string {
  const token = randomBytes(24).toString('base64url');
  setCookie(c, LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c), maxAge: 3600 });
  return token;
}

export function loginTokenMatches(c: Context, submitted: string | undefined): boolean {
  const expected = getCookie(c, LOGIN_COOKIE);
  return expected !== undefined && csrfMatches(expected, submitted);
}

/** The client's address, for the sign-in failure window; requests made in-process have none. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

/**
 * Refuses a cross-site write: when the browser says where the request comes from (Origin, else Referer),
 * it must be this site. Requests without either (command-line clients) pass on to the token checks.
 */
export function checkSameOrigin(c: Context): void {
  const origin = c.req.header('origin');
  const referer = c.req.header('referer');
  const from = origin ?? referer;
  if (from === undefined) return;
  let host: string | null;
  try {
    host = new URL(from).host;
  } catch {
    host = null;
  }
  const own = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
  if (host === null || host !== own) throw new ForbiddenError('this request comes from another site and is refused');
}

/** The signed-in account, or a 401 (API) that asks to sign in. */
export function requireSession(c: Context): Session {
  const s = c.get('session');
  if (!s) throw new HttpError(401, 'sign in first: this needs a session (POST a form to /{lang}/login)');
  return s;
}

/**
 * The checks of every write through the API with a session, in order: from this site (403), signed in (401),
 * with the session's CSRF token in X-CSRF-Token (403).
 */
export function requireWriter(c: Context): Session {
  checkSameOrigin(c);
  const session = requireSession(c);
  requireCsrf(session, c.req.header('x-csrf-token'));
  return session;
}

/**
 * Checks a write's CSRF token against the session's, before anything else is read or written.
 * @example requireCsrf(session, form.csrf)
 */
export function requireCsrf(session: Session, submitted: string | undefined | null): void {
  if (!csrfMatches(session.csrf, submitted ?? undefined)) {
    throw new ForbiddenError('the form’s security token is missing or out of date; reload the page and send it again');
  }
}
