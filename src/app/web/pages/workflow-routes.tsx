import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etreadyEditForm, proposeEtready } from './etready-edit.tsx';
import { isLang, type Lang } from '../../../domain/lang.ts';
import type { Services } from '../../services/compose.ts';
import { HttpError } from '../http-error.ts';
import { accountsPage, createAccount, disableAccount } from './accounts.tsx';
import type { PageContext } from './context.ts';
import { href } from './context.ts';
import { cyberlawForm, editDashboard, practiceForm, proposeCyberlaw, proposePractice } from './edit.tsx';
import { seeOther } from './forms.tsx';
import { measureForm, proposeMeasure } from './strategy-edit.tsx';
import { auditPage, decide, reviewQueue } from './review.tsx';
import { signIn, signInPage, signOut } from './sign-in.tsx';

/** The services that write, for the forms' POST routes; the pages read through their context's read-only view. */
export type WorkflowDeps = Pick<Services, 'auth' | 'registry'>;

type Handler = (c: Context, ctx: PageContext) => Promise<Response>;

/** A form is a few kilobytes; anything far larger is not one of ours. */
const MAX_FORM_BYTES = 64 * 1024;

/**
 * The pages of the people who keep the registries: sign-in, an editor's entries and forms, the curators'
 * review queue and audit log, the administrator's accounts. Every page works without JavaScript; every
 * form that changes something carries the session's CSRF token.
 */
export function workflowRoutes(contextFor: (c: Context, lang: Lang) => PageContext, deps: WorkflowDeps): Hono {
  const app = new Hono();
  const { auth, registry } = deps;
  const withLang = (handler: Handler) => async (c: Context) => {
    const lang = c.req.param('lang') ?? '';
    if (!isLang(lang)) return c.notFound();
    return handler(c, contextFor(c, lang));
  };
  /** A page for signed-in accounts: anonymous readers are sent to sign in, and come back here after. */
  const signedIn = (handler: Handler) =>
    withLang(async (c, ctx) => {
      if (!ctx.account) return seeOther(c, `${href(ctx, '/login')}?next=${encodeURIComponent(new URL(c.req.url).pathname)}`);
      return handler(c, ctx);
    });

  const limit = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: () => {
      throw new HttpError(413, `the form is larger than ${MAX_FORM_BYTES} bytes`);
    },
  });
  app.get('/:lang/login', withLang((c, ctx) => signInPage(c, ctx)));
  app.post('/:lang/login', limit, withLang((c, ctx) => signIn(c, ctx, auth)));
  app.post('/:lang/logout', limit, withLang((c, ctx) => signOut(c, ctx, auth)));
  app.get('/:lang/edit', signedIn((c, ctx) => editDashboard(c, ctx)));
  app.get('/:lang/edit/cyberlaw/:iso3/:area', signedIn((c, ctx) => cyberlawForm(c, ctx)));
  app.post('/:lang/edit/cyberlaw/:iso3/:area', limit, withLang((c, ctx) => proposeCyberlaw(c, ctx, registry)));
  app.get('/:lang/edit/practices/:iso3/:questionnaire', signedIn((c, ctx) => practiceForm(c, ctx)));
  app.post('/:lang/edit/practices/:iso3/:questionnaire', limit, withLang((c, ctx) => proposePractice(c, ctx, registry)));
  app.get('/:lang/edit/etready/:iso3', signedIn((c, ctx) => etreadyEditForm(c, ctx)));
  app.post('/:lang/edit/etready/:iso3', limit, withLang((c, ctx) => proposeEtready(c, ctx, registry)));
  app.get('/:lang/edit/strategies/:iso3/:strategy/:measure', signedIn((c, ctx) => measureForm(c, ctx)));
  app.post('/:lang/edit/strategies/:iso3/:strategy/:measure', limit, withLang((c, ctx) => proposeMeasure(c, ctx, registry)));
  app.get('/:lang/review', signedIn((c, ctx) => reviewQueue(c, ctx)));
  app.get('/:lang/review/audit', signedIn((c, ctx) => auditPage(c, ctx)));
  app.post('/:lang/review/:id/accept', limit, withLang((c, ctx) => decide(c, ctx, registry, 'accept')));
  app.post('/:lang/review/:id/return', limit, withLang((c, ctx) => decide(c, ctx, registry, 'return')));
  app.get('/:lang/admin/accounts', signedIn((c, ctx) => accountsPage(c, ctx)));
  app.post('/:lang/admin/accounts', limit, withLang((c, ctx) => createAccount(c, ctx, auth)));
  app.post('/:lang/admin/accounts/:id/disable', limit, withLang((c, ctx) => disableAccount(c, ctx, auth)));
  return app;
}
