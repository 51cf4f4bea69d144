import { Hono, type Context } from 'hono';
import { isLang, type Lang } from '../../../domain/lang.ts';
import type { HttpError } from '../http-error.ts';
import type { PageContext } from './context.ts';
import { href } from './context.ts';
import { Layout } from './layout.tsx';
import { homePage } from './home.tsx';
import { countryPage } from './country.tsx';
import { cyberlawNotePage, cyberlawPage } from './cyberlaw.tsx';
import { indicatorPage } from './indicator.tsx';
import { groupPage } from './group.tsx';
import { moratoriumPage } from './moratorium/index.tsx';
import { practicePage, practicesPage } from './practices.tsx';
import { qualityPage } from './quality.tsx';
import { readinessIndexPage, readinessPage } from './readiness.tsx';
import { etreadyPage } from './etready.tsx';
import { etreadyCountryPage, etreadyRequestsPage } from './etready-matrix.tsx';
import { templateFile } from '../templates.ts';
import { strategiesPage } from './strategies.tsx';
import { strategyPage } from './strategy.tsx';
import { aboutPage, countriesPage, groupsPage, indicatorsPage, sourcesPage } from './lists.tsx';

type Page = (ctx: PageContext, params: Record<string, string>, query: URLSearchParams) => Promise<unknown>;

/** The pages under /{lang}/…, rendered on the server, complete without JavaScript. */
export function pageRoutes(contextFor: (c: Context, lang: Lang) => PageContext): Hono {
  const app = new Hono();
  const page = (render: Page) => async (c: Context) => {
    const lang = c.req.param('lang') ?? '';
    if (!isLang(lang)) return c.notFound();
    const ctx = contextFor(c, lang);
    const body = await render(ctx, c.req.param() as Record<string, string>, new URL(c.req.url).searchParams);
    if (body instanceof Response) return body;
    c.header('content-language', lang);
    return c.html(`<!doctype html>${String(await body)}`);
  };

  app.get('/:lang', (c) => (isLang(c.req.param('lang')) ? c.redirect(`/${c.req.param('lang')}/`, 301) : c.notFound()));
  app.get('/:lang/', page(homePage));
  app.get('/:lang/countries', page(countriesPage));
  app.get('/:lang/countries/:iso3', page(countryPage));
  app.get('/:lang/groups', page(groupsPage));
  app.get('/:lang/groups/:id', page(groupPage));
  app.get('/:lang/indicators', page(indicatorsPage));
  app.get('/:lang/indicators/:code', page(indicatorPage));
  app.get('/:lang/moratorium', page(moratoriumPage));
  app.get('/:lang/cyberlaw', page(cyberlawPage));
  app.get('/:lang/cyberlaw/note', page(cyberlawNotePage));
  app.get('/:lang/practices', page(practicesPage));
  app.get('/:lang/practices/:questionnaire', page(practicePage));
  app.get('/:lang/sources', page(sourcesPage));
  app.get('/:lang/quality', page(qualityPage));
  app.get('/:lang/readiness', page(readinessIndexPage));
  app.get('/:lang/readiness/:method', page(readinessPage));
  app.get('/:lang/etready', page(etreadyPage));
  app.get('/:lang/etready/requests', page(etreadyRequestsPage));
  app.get('/:lang/etready/:iso3', page(etreadyCountryPage));
  app.get('/templates/:file', templateFile);
  app.get('/:lang/strategies', page(strategiesPage));
  app.get('/:lang/strategies/:id', page(strategyPage));
  app.get('/:lang/about', page(aboutPage));
  return app;
}

/** An error page in the visitor's language, with the status of the error. */
export async function errorPage(c: Context, ctx: PageContext, error: HttpError): Promise<Response> {
  const t = ctx.t;
  const title = error.status === 404 ? t.common.notFound : error.status === 400 ? t.common.badRequest : t.common.error;
  const body = (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{error.status === 404 ? t.common.notFoundText : error.status === 500 ? t.common.internalError : error.message}</p>
      <p>
        <a href={href(ctx, '/')}>{t.common.backHome}</a>
      </p>
    </Layout>
  );
  return c.html(`<!doctype html>${String(await body)}`, error.status);
}
