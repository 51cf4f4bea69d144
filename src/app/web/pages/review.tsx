import type { Context } from 'hono';
import type { PracticeAnswer } from '../../../domain/practice-answer.ts';
import type { ProposalPayload } from '../../../domain/proposal.ts';
import { canReview, type Account } from '../../../domain/accounts.ts';
import { CYBERLAW_AREAS, type CyberlawEntry } from '../../../domain/cyberlaw.ts';
import { ConflictError, ForbiddenError, InputError } from '../../../domain/errors.ts';
import { pick } from '../../../domain/lang.ts';
import { QUESTIONNAIRES } from '../../../domain/practices.ts';
import type { AuditEntry, RecordKind } from '../../../domain/review.ts';
import type { EtreadyChange } from '../../../domain/etready/edits.ts';
import { EtreadyChangeView } from './etready-matrix.tsx';
import type { RegistryService } from '../../services/registry.ts';
import { formatDate } from '../format.ts';
import { href, type PageContext } from './context.ts';
import { checkedForm, CsrfField, Flash, FormError, seeOther, sendPage } from './forms.tsx';
import { AnswersView, CyberlawView } from './record-view.tsx';
import type { MeasureRecord } from '../../../domain/strategies/measures.ts';
import { afterChange, MeasureHistoryView } from './strategy-review.tsx';

function reviewer(account: Account | null): Account {
  if (!account || !canReview(account)) throw new ForbiddenError('only a curator reviews proposals');
  return account;
}

/** Who wrote what, by account id, for the queue and the audit log. */
async function namesById(ctx: PageContext): Promise<Map<number, string>> {
  return new Map((await ctx.services.auth.list()).map((a) => [a.id, `${a.name} <${a.email}>`]));
}

function RecordSide(props: { ctx: PageContext; kind: RecordKind; key_: string; record: unknown }) {
  const { ctx } = props;
  if (props.kind === 'etready') return <EtreadyChangeView ctx={ctx} change={props.record as EtreadyChange | null} />;
  if (props.kind === 'cyberlaw') return <CyberlawView ctx={ctx} entry={props.record as CyberlawEntry | null} />;
  if (props.kind === 'strategy-measure') return <MeasureHistoryView ctx={ctx} record={props.record as MeasureRecord | null} />;
  const q = QUESTIONNAIRES.find((x) => x.id === props.key_);
  if (!q) return <pre>{JSON.stringify(props.record, null, 1)}</pre>;
  return <AnswersView ctx={ctx} questionnaire={q} answers={(props.record as Pick<PracticeAnswer, 'answers'> | null)?.answers ?? null} />;
}

/** GET /{lang}/review: each pending proposal with the record before and after, and the two decisions. */
export async function reviewQueue(c: Context, ctx: PageContext, state: { error?: string | null; status?: 200 | 400 | 409 } = {}): Promise<Response> {
  const account = reviewer(ctx.account);
  const t = ctx.t.edit;
  const { registry } = ctx.services;
  const pending = await registry.proposalsFor(account, 'pending');
  const names = await namesById(ctx);
  const ref = await ctx.obs.ref();
  const items = await Promise.all(pending.map(async (p) => ({ p, current: await registry.currentRecord(p.kind, p.iso3, p.key) })));
  const done = c.req.query('done');
  const body = (
    <>
      <h1>{t.reviewTitle}</h1>
      <Flash message={done === 'accepted' ? t.accepted : done === 'returned' ? t.returned : null} />
      <FormError ctx={ctx} message={state.error ?? null} />
      <p>{t.reviewIntro}</p>
      {items.length === 0 ? <p>{t.nothingToReview}</p> : null}
      {items.map(({ p, current }) => {
        const payload = p.payload as ProposalPayload;
        const after =
          payload.kind === 'cyberlaw'
            ? payload.entry
            : payload.kind === 'etready'
              ? payload.change
              : payload.kind === 'strategy-measure'
                ? afterChange(current.record as MeasureRecord | null, p.key, payload.change)
                : { answers: payload.answers };
        const what =
          p.kind === 'etready'
            ? `eT Ready: ${p.key}`
            : p.kind === 'strategy-measure'
            ? `${ctx.t.strategies.measure} ${p.key}`
            : p.kind === 'cyberlaw'
            ? pick(CYBERLAW_AREAS.find((a) => a.id === p.key)?.names ?? { en: p.key }, ctx.lang)
            : pick(QUESTIONNAIRES.find((q) => q.id === p.key)?.title ?? { en: p.key }, ctx.lang);
        const country = ref.countries.get(p.iso3);
        return (
          <article class="proposal" id={`p${p.id}`}>
            <h2>
              #{p.id} {country ? pick(country.names, ctx.lang) : p.iso3} — {what}
            </h2>
            <p>
              {t.proposedBy}
              {ctx.t.common.colon}
              {names.get(p.proposedBy) ?? `#${p.proposedBy}`}, {formatDate(p.proposedAt.slice(0, 10), ctx.lang)}. {t.version} {p.baseVersion}
              {current.version !== p.baseVersion ? ` → ${current.version}` : ''}
            </p>
            <blockquote>{p.why}</blockquote>
            <div class="compare">
              <section>
                <h3>
                  {t.before} ({t.version} {current.version})
                </h3>
                <RecordSide ctx={ctx} kind={p.kind} key_={p.key} record={current.record} />
              </section>
              <section>
                <h3>{t.after}</h3>
                <RecordSide ctx={ctx} kind={p.kind} key_={p.key} record={after} />
              </section>
            </div>
            <form method="post" action={href(ctx, `/review/${p.id}/accept`)} class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit">{t.accept}</button>
            </form>
            <form method="post" action={href(ctx, `/review/${p.id}/return`)} class="stacked">
              <CsrfField ctx={ctx} />
              <label>
                {t.reviewComment}
                <textarea name="comment" required maxlength={2000}></textarea>
              </label>
              <button type="submit">{t.returnIt}</button>
            </form>
          </article>
        );
      })}
    </>
  );
  return sendPage(c, ctx, t.reviewTitle, body, state.status ?? 200);
}

function proposalId(c: Context): number {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id < 1) throw new InputError('not a proposal number', { file: 'path', field: 'id' });
  return id;
}

/**
 * POST /{lang}/review/{id}/accept and …/return. A stale proposal (the record moved on since it was made)
 * comes back to the queue as a 409 with the reason; the proposal stays pending.
 */
export async function decide(c: Context, ctx: PageContext, registry: RegistryService, decision: 'accept' | 'return'): Promise<Response> {
  const { session, form } = await checkedForm(c);
  const id = proposalId(c);
  try {
    if (decision === 'accept') {
      await registry.accept(session.account, id, form.comment ?? null);
      // Readers see the published change at once, not after the next data-version check.
      await ctx.obs.refresh(true);
    } else {
      await registry.return(session.account, id, form.comment ?? '', 'form');
    }
  } catch (error) {
    if (error instanceof InputError) return reviewQueue(c, ctx, { error: error.message, status: 400 });
    if (error instanceof ConflictError) return reviewQueue(c, ctx, { error: error.message, status: 409 });
    throw error;
  }
  return seeOther(c, href(ctx, `/review?done=${decision === 'accept' ? 'accepted' : 'returned'}`));
}

function Json(props: { value: unknown }) {
  if (props.value === null || props.value === undefined) return <>—</>;
  return (
    <details>
      <summary>{JSON.stringify(props.value).slice(0, 60)}…</summary>
      <pre>{JSON.stringify(props.value, null, 1)}</pre>
    </details>
  );
}

/** GET /{lang}/review/audit: the latest writes, newest first (curators and administrators). */
export async function auditPage(c: Context, ctx: PageContext): Promise<Response> {
  const account = ctx.account;
  if (!account || account.disabled || (account.role !== 'curator' && account.role !== 'admin')) throw new ForbiddenError('only curators and administrators read the audit log');
  const t = ctx.t.edit;
  const entries: AuditEntry[] = await ctx.services.registry.auditLog({ limit: 200 });
  const names = await namesById(ctx);
  const body = (
    <>
      <h1>{t.auditTitle}</h1>
      <p>{t.auditIntro}</p>
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.who}</th>
            <th scope="col">{t.action}</th>
            <th scope="col">{t.record}</th>
            <th scope="col">{t.before}</th>
            <th scope="col">{t.after}</th>
            <th scope="col">{t.why}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>{e.at.slice(0, 19).replace('T', ' ')}</td>
              <td>{e.actor === null ? t.system : (names.get(e.actor) ?? `#${e.actor}`)}</td>
              <td>{e.action}</td>
              <td>
                {e.entity} {e.entityId}
              </td>
              <td>
                <Json value={e.before} />
              </td>
              <td>
                <Json value={e.after} />
              </td>
              <td>{e.why ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
  return sendPage(c, ctx, t.auditTitle, body);
}
