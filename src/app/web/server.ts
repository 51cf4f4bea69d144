import { Hono, type Context } from 'hono';
import { BodyError, ConflictError, ForbiddenError, NotFoundError, InputError, UnauthorizedError } from '../../domain/errors.ts';
import { StaleVersionError } from '../../domain/review.ts';
import { isLang, type Lang } from '../../domain/lang.ts';
import type { FillState } from '../services/fill.ts';
import type { Observatory } from '../services/observatory.ts';
import type { AuthService } from '../services/auth.ts';
import type { RegistryService } from '../services/registry.ts';
import { composeServices } from '../services/compose.ts';
import { apiRoutes } from './api/routes.ts';
import { responseCache } from './cache.ts';
import { HttpError } from './http-error.ts';
import { messages } from './i18n/index.ts';
import type { PageContext } from './pages/context.ts';
import { pageRoutes, errorPage } from './pages/routes.tsx';
import { workflowRoutes } from './pages/workflow-routes.tsx';
import { sessionMiddleware } from './session.ts';
import { STYLE_CSS, STYLE_HREF } from './static/assets.ts';

/** Progress of the first fill of the database, shown on pages while it runs. */
export type FillStatus = FillState;

export interface AppOptions {
  obs: Observatory;
  fill?: FillStatus;
  /** Bearer token that allows writes through the API (user-defined groups); writes are refused without one. */
  apiToken?: string | undefined;
  /** Accounts and sessions; built over the store when not given (tests pass one with their own clock and limits). */
  auth?: AuthService;
  /** The cyberlaw registry and questionnaires with their review workflow; built over `obs` when not given. */
  registry?: RegistryService;
}

/** The language a visitor's browser prefers among ours, English by default. */
export function negotiateLang(acceptLanguage: string | undefined): Lang {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isLang(code)) return code;
  }
  return 'en';
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof NotFoundError) return new HttpError(404, error.message, error.parameter === undefined ? {} : { parameter: error.parameter });
  if (error instanceof ForbiddenError) return new HttpError(403, error.message);
  if (error instanceof ConflictError) return new HttpError(409, error.message, error.parameter === undefined ? {} : { parameter: error.parameter });
  if (error instanceof UnauthorizedError) return new HttpError(401, error.message);
  if (error instanceof BodyError) return new HttpError(error.reason === 'too-large' ? 413 : 415, error.message);
  if (error instanceof InputError) {
    return new HttpError(400, error.message, error.location.field === undefined ? {} : { parameter: error.location.field });
  }
  return new HttpError(500, 'internal error', { cause: error });
}

/** The Observatory's web application: pages under /{lang}, the API under /api/v1. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const services = composeServices(options.obs, { fill: options.fill, apiToken: options.apiToken }, { ...(options.auth ? { auth: options.auth } : {}), ...(options.registry ? { registry: options.registry } : {}) });
  const { obs, auth, registry } = services;

  app.onError((error, c) => {
    const e = toHttpError(error);
    if (e.status === 500) console.error(error);
    if (c.req.path.startsWith('/api/')) {
      if (e.status === 401) c.header('www-authenticate', 'Bearer');
      // A stale edit gets the record as it stands now, so that the editor can start again from it.
      const current = error instanceof StaleVersionError ? { current: error.current, currentVersion: error.currentVersion } : {};
      return c.json({ error: { status: e.status, message: e.message, ...(e.parameter ? { parameter: e.parameter } : {}), ...current } }, e.status);
    }
    const lang = c.req.path.split('/')[1] ?? '';
    return errorPage(c, pageContext(c, isLang(lang) ? lang : 'en'), e);
  });

  const pageContext = (c: Context, lang: Lang): PageContext => {
    const url = new URL(c.req.url);
    const fill = options.fill;
    return {
      lang,
      t: messages(lang),
      path: url.pathname.slice(lang.length + 1) || '/',
      search: url.search,
      obs,
      services,
      loading: fill?.running ? { done: fill.done, total: fill.total } : null,
      account: c.get('session')?.account ?? null,
      csrf: c.get('session')?.csrf ?? null,
    };
  };

  app.get(STYLE_HREF, (c) => {
    c.header('cache-control', 'public, max-age=31536000, immutable');
    return c.body(STYLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' });
  });

  // While the first fill runs the data changes under the pages, so nothing is cached until it ends.
  // The session is read before the cache: a signed-in reader's pages are personal and never cached.
  app.use('*', sessionMiddleware(auth));
  const cache = responseCache({ version: async () => `${await obs.refresh()}|${obs.today()}`, bypass: (c) => c.get('session') !== null });
  app.use('*', async (c, next) => (options.fill?.running ? next() : cache(c, next)));

  app.get('/', (c) => c.redirect(`/${negotiateLang(c.req.header('accept-language'))}/`, 302));
  app.route('/api/v1', apiRoutes(services));
  app.route('/', workflowRoutes(pageContext, { auth, registry, store: obs.store.registry }));
  app.route('/', pageRoutes(pageContext));
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: { status: 404, message: `no API route ${c.req.path}` } }, 404);
    const lang = c.req.path.split('/')[1] ?? '';
    return errorPage(c, pageContext(c, isLang(lang) ? lang : 'en'), new HttpError(404, 'not found'));
  });
  return app;
}
