import type { Account } from '../../../domain/accounts.ts';
import type { Lang } from '../../../domain/lang.ts';
import type { Observatory } from '../../services/observatory.ts';
import type { Services } from '../../services/compose.ts';
import type { Messages } from '../i18n/index.ts';

/** What every page needs: the language, its messages, its own path (without the language) and the data. */
export interface PageContext {
  lang: Lang;
  t: Messages;
  /** The path after "/{lang}", e.g. "/countries/NGA", used by the language switcher. */
  path: string;
  /** The query string, with its "?", kept by the language switcher. */
  search: string;
  obs: Observatory;
  /** The services, built once at start-up (src/app/services/compose.ts). */
  services: Services;
  /** Progress of the first import, while it runs. */
  loading: { done: number; total: number } | null;
  /** The signed-in account (null for an anonymous reader) and its session's CSRF token for forms. */
  account: Account | null;
  csrf: string | null;
}

/** A link to a page in the context's language. */
export function href(ctx: Pick<PageContext, 'lang'>, path: string): string {
  return `/${ctx.lang}${path}`;
}
