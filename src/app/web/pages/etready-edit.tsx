import type { Context } from 'hono';
import type { Account } from '../../../domain/accounts.ts';
import { ASSESSMENT_KEY, recommendationKey } from '../../../domain/etready/edits.ts';
import { ETREADY_STATUSES } from '../../../domain/etready/status.ts';
import { InputError } from '../../../domain/errors.ts';
import { pick } from '../../../domain/lang.ts';
import { StaleVersionError } from '../../../domain/review.ts';
import { ITEM_STATUSES, statusAt } from '../../../domain/tracking.ts';
import { allowedToPropose, checkFresh } from '../../questions/proposal-input.ts';
import { pathCountry } from '../../questions/params.ts';
import { etreadyCountry } from '../../services/etready-matrix.ts';
import type { RegistryService } from '../../services/registry.ts';
import { href, type PageContext } from './context.ts';
import { checkedForm, CsrfField, FormError, seeOther, sendPage } from './forms.tsx';

/** One record's form: the new status, its date and source, why; the version it starts from travels with it. */
function ChangeForm(props: { ctx: PageContext; iso3: string; recordKey: string; version: number; statuses: readonly string[]; labels: Record<string, string> }) {
  const { ctx } = props;
  const m = ctx.t.etreadyMatrix;
  return (
    <form method="post" action={href(ctx, `/edit/etready/${props.iso3}`)} class="stacked">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="key" value={props.recordKey} />
      <input type="hidden" name="baseVersion" value={String(props.version)} />
      <label>
        {m.newStatus}{' '}
        <select name="status">
          {props.statuses.map((s) => (
            <option value={s}>{props.labels[s] ?? s}</option>
          ))}
        </select>
      </label>
      <label>
        {m.changeDate} <input name="date" required size={10} pattern="\d{4}(-\d{2}(-\d{2})?)?" />
      </label>
      <label>
        {m.changeSource} <input name="source" required size={40} />
      </label>
      <label>
        {m.why} <input name="why" required size={40} />
      </label>
      <button type="submit">{m.propose}</button>
    </form>
  );
}

async function editPage(c: Context, ctx: PageContext, iso3: string, state: { error?: string | null; status?: 200 | 400 | 409 } = {}): Promise<Response> {
  const m = ctx.t.etreadyMatrix;
  const ref = await ctx.obs.ref();
  const country = pathCountry(ref, iso3);
  const name = pick(country.names, ctx.lang);
  const c0 = await etreadyCountry(ctx.obs, country.iso3, ctx.obs.today());
  const { registry } = ctx.services;
  const assessmentVersion = (await registry.currentRecord('etready', country.iso3, ASSESSMENT_KEY)).version;
  const versions = await Promise.all(c0.recommendations.map(async (r) => (await registry.currentRecord('etready', country.iso3, recommendationKey(r.id))).version));
  const body = (
    <>
      <h1>{m.editTitle(name)}</h1>
      <FormError ctx={ctx} message={state.error ?? null} />
      <p>{m.editIntro}</p>
      <h2>{m.assessmentTitle}</h2>
      <p>{m.latestStatus(c0.assessment ? (ctx.t.etready.statuses[c0.assessment.status] ?? c0.assessment.status) : ctx.t.etready.statuses['not-recorded'] ?? '')}</p>
      <ChangeForm ctx={ctx} iso3={country.iso3} recordKey={ASSESSMENT_KEY} version={assessmentVersion} statuses={ETREADY_STATUSES} labels={ctx.t.etready.statuses} />
      <h2>{m.matrixTitle}</h2>
      {c0.recommendations.length === 0 ? <p>{m.noMatrix}</p> : null}
      {c0.recommendations.map((r, i) => {
        const now = statusAt(r, ctx.obs.today());
        return (
          <section id={`r-${r.id}`}>
            <h3>
              {r.id} — {m.areas[r.area] ?? r.area}
            </h3>
            <p>
              {r.text} ({now ? (m.itemStatuses[now] ?? now) : m.notYet})
            </p>
            <ChangeForm ctx={ctx} iso3={country.iso3} recordKey={recommendationKey(r.id)} version={versions[i] ?? 0} statuses={ITEM_STATUSES} labels={m.itemStatuses} />
          </section>
        );
      })}
      <p>
        <a href={href(ctx, `/etready/${country.iso3}`)}>{m.countryTitle(name)}</a>
      </p>
    </>
  );
  return sendPage(c, ctx, m.editTitle(name), body, state.status ?? 200);
}

/** GET /{lang}/edit/etready/{ISO3}: a form per record of the country's eT Ready assessment and action matrix. */
export async function etreadyEditForm(c: Context, ctx: PageContext): Promise<Response> {
  const iso3 = (c.req.param('iso3') ?? '').toUpperCase();
  allowedToPropose(ctx.account as Account, iso3);
  return editPage(c, ctx, iso3);
}

/** POST /{lang}/edit/etready/{ISO3}: a proposal; a bad field comes back as a 400, a stale form as a 409 with the current versions. */
export async function proposeEtready(c: Context, ctx: PageContext, registry: RegistryService): Promise<Response> {
  const { session, form } = await checkedForm(c);
  const iso3 = (c.req.param('iso3') ?? '').toUpperCase();
  allowedToPropose(session.account, iso3);
  const field = (k: string) => form[k] ?? '';
  const input = {
    kind: 'etready' as const,
    iso3,
    key: field('key'),
    baseVersion: Number(field('baseVersion')),
    why: field('why'),
    payload: { status: field('status'), date: field('date'), source: field('source') },
  };
  try {
    await checkFresh(registry, input);
    const proposal = await registry.propose(session.account, input, 'form');
    return seeOther(c, href(ctx, `/edit?sent=${proposal.id}#p${proposal.id}`));
  } catch (error) {
    if (error instanceof StaleVersionError) return editPage(c, ctx, iso3, { error: error.message, status: 409 });
    if (error instanceof InputError) return editPage(c, ctx, iso3, { error: error.message, status: 400 });
    throw error;
  }
}
