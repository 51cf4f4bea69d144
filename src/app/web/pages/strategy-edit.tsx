import type { Context } from 'hono';
import type { Account } from '../../../domain/accounts.ts';
import { InputError, NotFoundError } from '../../../domain/errors.ts';
import { StaleVersionError } from '../../../domain/review.ts';
import { measureKey, type MeasureRecord } from '../../../domain/strategies/measures.ts';
import { ITEM_STATUSES } from '../../../domain/tracking.ts';
import { allowedToPropose, checkFresh } from '../../questions/proposal-input.ts';
import type { RegistryService } from '../../services/registry.ts';
import { href, type PageContext } from './context.ts';
import { checkedForm, CsrfField, FormError, seeOther, sendPage } from './forms.tsx';
import { MeasureHistoryView } from './strategy-review.tsx';

interface Draft {
  status: string;
  date: string;
  source: string;
  why: string;
}

const EMPTY: Draft = { status: 'under-implementation', date: '', source: '', why: '' };

/** The form of a measure's status change, for an editor of a country the measure applies to. */
async function measurePage(c: Context, ctx: PageContext, iso3: string, strategyId: string, measureId: string, state: { draft?: Draft; error?: string | null; stale?: number | null; status?: 200 | 400 | 409 }): Promise<Response> {
  const t = ctx.t.edit;
  const e = ctx.t.strategies;
  const key = measureKey(strategyId, measureId);
  const current = await ctx.services.registry.currentRecord('strategy-measure', iso3, key);
  const record = current.record as MeasureRecord | null;
  if (!record) throw new NotFoundError(`no measure ${key}`);
  const draft = state.draft ?? EMPTY;
  const title = `${e.proposeTitle}: ${e.measure} ${key} (${iso3})`;
  const body = (
    <>
      <h1>{title}</h1>
      {state.stale != null ? (
        <div class="notice error" role="alert">
          <p>
            <strong>{t.stale}.</strong> {t.staleText(state.stale)}
          </p>
        </div>
      ) : null}
      <FormError ctx={ctx} message={state.error ?? null} />
      <h2>
        {e.history} ({t.version} {current.version})
      </h2>
      <MeasureHistoryView ctx={ctx} record={record} />
      <form method="post" action={href(ctx, `/edit/strategies/${iso3}/${strategyId}/${encodeURIComponent(measureId)}`)} class="stacked">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="baseVersion" value={String(current.version)} />
        <label>
          {e.statusOnDate}{' '}
          <select name="status">
            {ITEM_STATUSES.map((s) => (
              <option value={s} selected={s === draft.status}>
                {e.statuses[s] ?? s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {e.date} <input name="date" required value={draft.date} pattern="\d{4}(-\d{2}(-\d{2})?)?" />
        </label>
        <label>
          {e.source} <input name="source" required maxlength={500} value={draft.source} />
        </label>
        <label>
          {t.why}
          <textarea name="why" required maxlength={2000}>
            {draft.why}
          </textarea>
        </label>
        <button type="submit">{t.send}</button>
      </form>
    </>
  );
  return sendPage(c, ctx, title, body, state.status ?? 200);
}

const params = (c: Context) => ({ iso3: (c.req.param('iso3') ?? '').toUpperCase(), strategyId: c.req.param('strategy') ?? '', measureId: c.req.param('measure') ?? '' });

/** GET /{lang}/edit/strategies/{ISO3}/{strategy}/{measure}: the form. */
export async function measureForm(c: Context, ctx: PageContext): Promise<Response> {
  const p = params(c);
  allowedToPropose(ctx.account as Account, p.iso3);
  return measurePage(c, ctx, p.iso3, p.strategyId, p.measureId, {});
}

/** POST /{lang}/edit/strategies/{ISO3}/{strategy}/{measure}: a proposed status change; stale comes back as a 409, bad fields as a 400. */
export async function proposeMeasure(c: Context, ctx: PageContext, registry: RegistryService): Promise<Response> {
  const { session, form } = await checkedForm(c);
  const p = params(c);
  allowedToPropose(session.account, p.iso3);
  const draft: Draft = { status: form.status ?? '', date: (form.date ?? '').trim(), source: form.source ?? '', why: form.why ?? '' };
  const input = { kind: 'strategy-measure' as const, iso3: p.iso3, key: measureKey(p.strategyId, p.measureId), baseVersion: Number(form.baseVersion ?? ''), why: draft.why, payload: { status: draft.status, date: draft.date, source: draft.source } };
  try {
    await checkFresh(registry, input);
    const proposal = await registry.propose(session.account, input, 'form');
    return seeOther(c, href(ctx, `/edit?sent=${proposal.id}#p${proposal.id}`));
  } catch (error) {
    if (error instanceof StaleVersionError) return measurePage(c, ctx, p.iso3, p.strategyId, p.measureId, { draft, stale: error.currentVersion, status: 409 });
    if (error instanceof InputError) return measurePage(c, ctx, p.iso3, p.strategyId, p.measureId, { draft, error: error.message, status: 400 });
    throw error;
  }
}
