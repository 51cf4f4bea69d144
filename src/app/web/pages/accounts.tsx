import type { Context } from 'hono';
import { canManageAccounts, MIN_PASSWORD_LENGTH, ROLES, type Account, type Role } from '../../../domain/accounts.ts';
import { ConflictError, ForbiddenError, InputError } from '../../../domain/errors.ts';
import type { AuthService } from '../../services/auth.ts';
import { href, type PageContext } from './context.ts';
import { checkedForm, CsrfField, Flash, FormError, seeOther, sendPage, type FormFields } from './forms.tsx';

function admin(account: Account | null): Account {
  if (!account || !canManageAccounts(account)) throw new ForbiddenError('only an administrator manages accounts');
  return account;
}

/** GET /{lang}/admin/accounts: every account, a form to create one, a button to disable one. */
export async function accountsPage(c: Context, ctx: PageContext, state: { form?: FormFields; error?: string | null; status?: 200 | 400 | 409 } = {}): Promise<Response> {
  const me = admin(ctx.account);
  const t = ctx.t.edit;
  const accounts = await ctx.services.auth.list();
  const form = state.form ?? {};
  const created = c.req.query('created');
  const disabled = c.req.query('disabled');
  const body = (
    <>
      <h1>{t.accountsTitle}</h1>
      <Flash message={created ? t.created(created) : disabled ? t.disabledDone(disabled) : null} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t.email}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.countries}</th>
            <th scope="col">{t.state}</th>
            <th scope="col">
              <span class="visually-hidden">{t.disable}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr>
              <td>{a.email}</td>
              <td>{a.name}</td>
              <td>{t.roles[a.role]}</td>
              <td>{a.countries.join(', ')}</td>
              <td>{a.disabled ? t.disabled : t.active}</td>
              <td>
                {a.disabled || a.id === me.id ? null : (
                  <form method="post" action={href(ctx, `/admin/accounts/${a.id}/disable`)} class="inline">
                    <CsrfField ctx={ctx} />
                    <button type="submit">{t.disable}</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.createAccount}</h2>
      <FormError ctx={ctx} message={state.error ?? null} />
      <form method="post" action={href(ctx, '/admin/accounts')} class="stacked">
        <CsrfField ctx={ctx} />
        <label>
          {t.email}
          <input type="email" name="email" required value={form.email ?? ''} />
        </label>
        <label>
          {t.name}
          <input type="text" name="name" required maxlength={200} value={form.name ?? ''} />
        </label>
        <label>
          {t.role}
          <select name="role" required>
            {ROLES.map((r) => (
              <option value={r} selected={form.role === r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.countries}
          <small>{t.countriesHelp}</small>
          <input type="text" name="countries" value={form.countries ?? ''} />
        </label>
        <label>
          {t.password}
          <small>{t.passwordHelp(MIN_PASSWORD_LENGTH)}</small>
          <input type="password" name="password" required minlength={MIN_PASSWORD_LENGTH} autocomplete="new-password" />
        </label>
        <button type="submit">{t.create}</button>
      </form>
    </>
  );
  return sendPage(c, ctx, t.accountsTitle, body, state.status ?? 200);
}

/** POST /{lang}/admin/accounts: creates an account; the audit log records it (never the password). */
export async function createAccount(c: Context, ctx: PageContext, auth: AuthService): Promise<Response> {
  const { session, form } = await checkedForm(c);
  admin(session.account);
  const countries = (form.countries ?? '').split(/[\s,]+/).filter((x) => x !== '').map((x) => x.toUpperCase());
  try {
    const role = (form.role ?? '') as Role;
    const account = await auth.createAccount(
      { email: (form.email ?? '').trim(), name: form.name ?? '', role, countries: role === 'editor' ? countries : [], password: form.password ?? '' },
      session.account.id,
      'created by an administrator on the accounts page',
      'form',
    );
    return seeOther(c, href(ctx, `/admin/accounts?created=${encodeURIComponent(account.email)}`));
  } catch (error) {
    const { password: _, ...kept } = form;
    if (error instanceof InputError) return accountsPage(c, ctx, { form: kept, error: error.message, status: 400 });
    if (error instanceof ConflictError) return accountsPage(c, ctx, { form: kept, error: error.message, status: 409 });
    throw error;
  }
}

/** POST /{lang}/admin/accounts/{id}/disable: the account can no longer sign in, and its sessions end now. */
export async function disableAccount(c: Context, ctx: PageContext, auth: AuthService): Promise<Response> {
  const { session } = await checkedForm(c);
  const me = admin(session.account);
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id < 1) throw new InputError('not an account number', { file: 'path', field: 'id' });
  const account = await auth.disable(me, id, 'disabled by an administrator on the accounts page');
  return seeOther(c, href(ctx, `/admin/accounts?disabled=${encodeURIComponent(account.email)}`));
}
