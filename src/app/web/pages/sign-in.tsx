import type { Context } from 'hono';
import { RateLimitedError, type AuthService } from '../../services/auth.ts';
import { deleteCookie } from 'hono/cookie';
import { checkSameOrigin, clearSessionCookie, clientAddress, issueLoginToken, LOGIN_COOKIE, loginTokenMatches, requireCsrf, setSessionCookie } from '../session.ts';
import { href, type PageContext } from './context.ts';
import { FormError, homeFor, localPath, readForm, seeOther, sendPage } from './forms.tsx';

function SignInForm(props: { ctx: PageContext; token: string; email: string; next: string | null; error: string | null }) {
  const { ctx } = props;
  const t = ctx.t.edit;
  return (
    <>
      <h1>{t.signInTitle}</h1>
      <p>{t.signInIntro}</p>
      <FormError ctx={ctx} message={props.error} />
      <form method="post" action={href(ctx, '/login')} class="stacked">
        <input type="hidden" name="login" value={props.token} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <label>
          {t.email}
          <input type="email" name="email" autocomplete="username" required value={props.email} />
        </label>
        <label>
          {t.password}
          <input type="password" name="password" autocomplete="current-password" required />
        </label>
        <button type="submit">{t.signIn}</button>
      </form>
    </>
  );
}

/** GET /{lang}/login: the sign-in form, with a fresh token of its own in a cookie and in the form. */
export async function signInPage(c: Context, ctx: PageContext): Promise<Response> {
  if (ctx.account) return seeOther(c, homeFor(ctx, ctx.account));
  const token = issueLoginToken(c);
  c.header('cache-control', 'private, no-store');
  const next = localPath(c.req.query('next'), ctx.lang);
  return sendPage(c, ctx, ctx.t.edit.signInTitle, <SignInForm ctx={ctx} token={token} email="" next={next} error={null} />);
}

/**
 * POST /{lang}/login. One message for an unknown address and a wrong password; a 429 page with the wait
 * after too many failures. Neither the password nor the new token is ever logged.
 */
export async function signIn(c: Context, ctx: PageContext, auth: AuthService): Promise<Response> {
  checkSameOrigin(c);
  const form = await readForm(c);
  const email = (form.email ?? '').trim();
  const next = localPath(form.next, ctx.lang);
  const again = (status: 401 | 403 | 429, error: string) => {
    const token = issueLoginToken(c);
    c.header('cache-control', 'private, no-store');
    return sendPage(c, ctx, ctx.t.edit.signInTitle, <SignInForm ctx={ctx} token={token} email={email} next={next} error={error} />, status);
  };
  if (!loginTokenMatches(c, form.login)) return again(403, ctx.t.edit.loginExpired);
  try {
    const signedIn = await auth.signIn(email, form.password ?? '', clientAddress(c));
    if (!signedIn) return again(401, ctx.t.edit.wrongCredentials);
    setSessionCookie(c, signedIn, auth.sessionSeconds);
    deleteCookie(c, LOGIN_COOKIE, { path: '/' });
    return seeOther(c, next ?? homeFor(ctx, signedIn.account));
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    c.header('retry-after', String(error.retryAfterSeconds));
    return again(429, ctx.t.edit.rateLimitedText(Math.ceil(error.retryAfterSeconds / 60)));
  }
}

/** POST /{lang}/logout: ends the session (with the session's CSRF token, so another site cannot sign a reader out). */
export async function signOut(c: Context, ctx: PageContext, auth: AuthService): Promise<Response> {
  checkSameOrigin(c);
  const session = c.get('session');
  if (session) {
    const form = await readForm(c);
    requireCsrf(session, form.csrf);
    await auth.signOut(session.token);
  }
  clearSessionCookie(c);
  return seeOther(c, href(ctx, '/'));
}
