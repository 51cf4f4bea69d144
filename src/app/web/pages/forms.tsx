import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Account } from '../../../domain/accounts.ts';
import { ForbiddenError } from '../../../domain/errors.ts';
import { checkSameOrigin, requireCsrf, type Session } from '../session.ts';
import { href, type PageContext } from './context.ts';
import { Layout } from './layout.tsx';

/** A submitted form's fields as text (files are not taken). */
export type FormFields = Record<string, string>;

export async function readForm(c: Context): Promise<FormFields> {
  const body = await c.req.parseBody();
  const fields: FormFields = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
  return fields;
}

/**
 * The checks every state-changing form passes first, in this order: from this site, signed in, with the
 * session's CSRF token. Nothing is read from the store or written before they pass.
 * @example const { session, form } = await checkedForm(c)
 */
export async function checkedForm(c: Context): Promise<{ session: Session; form: FormFields }> {
  checkSameOrigin(c);
  const session = c.get('session');
  const form = await readForm(c);
  if (!session) throw new ForbiddenError('sign in first: this form needs a session');
  requireCsrf(session, form.csrf);
  return { session, form };
}

/** A whole page in the layout, with a status (a form sent back with its errors is a 400, a stale one a 409). */
export async function sendPage(c: Context, ctx: PageContext, title: string, body: Child, status: 200 | 400 | 401 | 403 | 404 | 409 | 429 = 200): Promise<Response> {
  const html = await (
    <Layout ctx={ctx} title={title}>
      {body}
    </Layout>
  );
  c.header('content-language', ctx.lang);
  return c.html(`<!doctype html>${String(html)}`, status);
}

/** Where an account lands after signing in: the page of its work. */
export function homeFor(ctx: Pick<PageContext, 'lang'>, account: Account): string {
  if (account.role === 'admin') return href(ctx, '/admin/accounts');
  if (account.role === 'curator') return href(ctx, '/review');
  return href(ctx, '/edit');
}

/** A redirect after a form (303: the browser follows with a GET, so reloading does not send it again). */
export function seeOther(c: Context, location: string): Response {
  c.header('cache-control', 'private, no-store');
  // Through the context, so that cookies set on it (a new session, a cleared one) go with the redirect.
  return c.redirect(location, 303);
}

/** A local path to return to after signing in; anything else (another site, "//host") is ignored. */
export function localPath(value: string | null | undefined, lang: string): string | null {
  if (!value || !value.startsWith(`/${lang}/`) || value.startsWith('//') || /[\\\s]/.test(value)) return null;
  return value;
}

/** The hidden CSRF field every form of a signed-in page carries. */
export function CsrfField(props: { ctx: PageContext }) {
  return <input type="hidden" name="csrf" value={props.ctx.csrf ?? ''} />;
}

/** A form's error, announced to screen readers. */
export function FormError(props: { ctx: PageContext; message: string | null }) {
  if (!props.message) return null;
  return (
    <p class="notice error" role="alert">
      <strong>{props.ctx.t.edit.fixErrors}</strong> {props.message}
    </p>
  );
}

/** A confirmation after a write. */
export function Flash(props: { message: string | null }) {
  if (!props.message) return null;
  return (
    <p class="notice" role="status">
      {props.message}
    </p>
  );
}
