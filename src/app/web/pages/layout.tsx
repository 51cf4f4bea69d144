import type { Child } from 'hono/jsx';
import { LANGS } from '../../../domain/lang.ts';
import { messages } from '../i18n/index.ts';
import type { Vintage } from '../../../domain/vintage.ts';
import { formatDate } from '../format.ts';
import { STYLE_HREF } from '../static/assets.ts';
import { href, type PageContext } from './context.ts';

export function Layout(props: { ctx: PageContext; title: string; children?: Child; description?: string }) {
  const { ctx, title } = props;
  const t = ctx.t;
  const nav: [string, string][] = [
    ['/', t.nav.home],
    ['/countries', t.nav.countries],
    ['/groups', t.nav.groups],
    ['/indicators', t.nav.indicators],
    ['/moratorium', t.nav.moratorium],
    ['/cyberlaw', t.nav.cyberlaw],
    ['/practices', t.nav.practices],
    ['/readiness', t.nav.readiness],
    ['/etready', t.nav.etready],
    ['/strategies', t.nav.strategies],
    ['/sources', t.nav.sources],
    ['/quality', t.quality.title],
    ['/about', t.nav.about],
  ];
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t.siteName}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href={STYLE_HREF} />
        {LANGS.map((l) => (
          <link rel="alternate" hreflang={l} href={`/${l}${ctx.path}${ctx.search}`} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header class="site">
          <a class="brand" href={href(ctx, '/')}>
            {t.siteName}
          </a>
          <nav aria-label={t.siteName}>
            <ul>
              {nav.map(([path, label]) => (
                <li>
                  <a href={href(ctx, path)} aria-current={ctx.path === path ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <nav class="langs" aria-label={t.nav.language}>
            <ul>
              {LANGS.map((l) => (
                <li>
                  <a href={`/${l}${ctx.path}${ctx.search}`} hreflang={l} lang={l} aria-current={l === ctx.lang ? 'true' : undefined}>
                    {messages(l).languageName}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <AccountNav ctx={ctx} />
        </header>
        <main id="main">
          {ctx.loading ? (
            <p class="notice" role="status">
              <strong>{t.common.loading}.</strong> {t.common.loadingText(ctx.loading.done, ctx.loading.total)}
            </p>
          ) : null}
          {props.children}
        </main>
        <footer class="site">
          <p>
            {t.tagline}. <a href={href(ctx, '/sources')}>{t.nav.sources}</a> · <a href={href(ctx, '/about')}>{t.nav.about}</a> ·{' '}
            <a href="/api/v1/openapi.json">{t.nav.api}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** "Sign in", or the signed-in account's name, its working pages and a sign-out button (a form: it needs no script). */
function AccountNav(props: { ctx: PageContext }) {
  const { ctx } = props;
  const t = ctx.t.edit;
  const account = ctx.account;
  if (!account) {
    return (
      <p class="account">
        <a href={href(ctx, '/login')}>{t.signIn}</a>
      </p>
    );
  }
  const links: [string, string][] = [
    ...(account.role === 'editor' || account.role === 'curator' ? [['/edit', t.editLink] as [string, string]] : []),
    ...(account.role === 'curator' ? [['/review', t.reviewLink] as [string, string]] : []),
    ...(account.role === 'curator' || account.role === 'admin' ? [['/review/audit', t.auditLink] as [string, string]] : []),
    ...(account.role === 'admin' ? [['/admin/accounts', t.accountsLink] as [string, string]] : []),
  ];
  return (
    <form class="account" method="post" action={href(ctx, '/logout')}>
      <strong>{account.name}</strong>
      {links.map(([path, label]) => (
        <>
          {' · '}
          <a href={href(ctx, path)}>{label}</a>
        </>
      ))}{' '}
      <input type="hidden" name="csrf" value={ctx.csrf ?? ''} />
      <button type="submit">{t.signOut}</button>
    </form>
  );
}

/** The line under a figure that says where it comes from: the source, the vintage and its dates. */
export function SourceLine(props: { ctx: PageContext; vintages: readonly Vintage[]; note?: string }) {
  const { ctx, vintages } = props;
  const t = ctx.t;
  if (vintages.length === 0) return null;
  return (
    <p class="source">
      {vintages.length > 1 ? t.common.sources : t.common.source}
      {t.common.colon}
      {vintages.map((v, i) => (
        <>
          {i > 0 ? '; ' : ''}
          {v.source}
          {v.fileName ? ` (${v.fileName}` : ' ('}
          {v.publishedAt ? `, ${t.common.updated} ${formatDate(v.publishedAt, ctx.lang)}` : ''}
          {', '}
          <a href={href(ctx, `/sources#v${v.id}`)}>
            {t.common.vintage} {v.id}
          </a>
          {')'}
        </>
      ))}
      {props.note ? `. ${props.note}` : ''}
    </p>
  );
}
