import type { Context } from 'hono';
import type { PracticeAnswer } from '../../../domain/practice-answer.ts';
import type { Account } from '../../../domain/accounts.ts';
import { CYBERLAW_AREAS, CYBERLAW_STATUSES, type CyberlawEntry } from '../../../domain/cyberlaw.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../../domain/errors.ts';
import { pick } from '../../../domain/lang.ts';
import { QUESTIONNAIRES, type AnswerValue, type Question, type Questionnaire } from '../../../domain/practices.ts';
import { StaleVersionError, type Proposal } from '../../../domain/review.ts';
import type { RegistryReader, RegistryService } from '../../services/registry.ts';
import { formatDate } from '../format.ts';
import { allowedToPropose, checkFresh } from '../../questions/proposal-input.ts';
import { href, type PageContext } from './context.ts';
import { checkedForm, CsrfField, Flash, FormError, seeOther, sendPage, type FormFields } from './forms.tsx';
import { AnswersView, CyberlawView, statusLabel } from './record-view.tsx';

/** How many law rows the cyberlaw form offers; a status rarely rests on more. */
const LAW_ROWS = 5;

function countryName(ctx: PageContext, names: Map<string, { names: Parameters<typeof pick>[0] }>, iso3: string): string {
  const c = names.get(iso3);
  return c ? pick(c.names, ctx.lang) : iso3;
}

function areaOf(id: string) {
  const area = CYBERLAW_AREAS.find((a) => a.id === id);
  if (!area) throw new NotFoundError(`no cyberlaw area "${id}"`);
  return area;
}

function ProposalTable(props: { ctx: PageContext; proposals: readonly Proposal[] }) {
  const { ctx, proposals } = props;
  const t = ctx.t.edit;
  if (proposals.length === 0) return <p>{t.noProposals}</p>;
  const label = (p: Proposal) =>
    p.kind === 'cyberlaw' ? pick(CYBERLAW_AREAS.find((a) => a.id === p.key)?.names ?? { en: p.key }, ctx.lang) : pick(QUESTIONNAIRES.find((q) => q.id === p.key)?.title ?? { en: p.key }, ctx.lang);
  return (
    <table class="proposals">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{ctx.t.common.country}</th>
          <th scope="col">{t.record}</th>
          <th scope="col">{t.proposedAt}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.comment}</th>
        </tr>
      </thead>
      <tbody>
        {[...proposals].reverse().map((p) => (
          <tr id={`p${p.id}`}>
            <td>{p.id}</td>
            <td>{p.iso3}</td>
            <td>{label(p)}</td>
            <td>{formatDate(p.proposedAt.slice(0, 10), ctx.lang)}</td>
            <td class={`proposal-${p.status}`}>{t.proposalStatus[p.status]}</td>
            <td>{p.comment ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** GET /{lang}/edit: an editor's countries, the current status and version of each area, and its proposals. */
export async function editDashboard(c: Context, ctx: PageContext): Promise<Response> {
  const { registry } = ctx.services;
  const account = ctx.account as Account;
  if (account.role === 'admin') throw new ForbiddenError('an administrator manages accounts and does not propose changes');
  const t = ctx.t.edit;
  const ref = await ctx.obs.ref();
  const countries = account.role === 'editor' ? account.countries : [];
  const sections = await Promise.all(
    countries.map(async (iso3) => ({
      iso3,
      areas: await Promise.all(CYBERLAW_AREAS.map(async (a) => ({ area: a, current: await registry.currentRecord('cyberlaw', iso3, a.id) }))),
      practices: await Promise.all(QUESTIONNAIRES.map(async (q) => ({ q, current: await registry.currentRecord('practice', iso3, q.id) }))),
    })),
  );
  const proposals = await registry.proposalsFor(account);
  const sent = c.req.query('sent');
  const body = (
    <>
      <h1>{t.dashboardTitle}</h1>
      <Flash message={sent ? t.sent : null} />
      <p>{t.dashboardIntro}</p>
      {account.role === 'editor' && countries.length === 0 ? <p>{t.noCountries}</p> : null}
      {sections.map((s) => (
        <section id={s.iso3}>
          <h2>{countryName(ctx, ref.countries, s.iso3)}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.area}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.asOf}</th>
                <th scope="col">{t.version}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.proposeChange}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {s.areas.map(({ area, current }) => {
                const entry = current.record as CyberlawEntry | null;
                return (
                  <tr>
                    <th scope="row">{pick(area.names, ctx.lang)}</th>
                    <td>{entry ? statusLabel(ctx, entry.status) : t.statuses['no-data']}</td>
                    <td>{entry?.asOf ?? '—'}</td>
                    <td>{current.version}</td>
                    <td>
                      <a href={href(ctx, `/edit/cyberlaw/${s.iso3}/${area.id}`)}>{t.proposeChange}</a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3>{t.questionnaires}</h3>
          <ul>
            {s.practices.map(({ q, current }) => (
              <li>
                <a href={href(ctx, `/edit/practices/${s.iso3}/${q.id}`)}>{pick(q.title, ctx.lang)}</a> — {t.version} {current.version}
                {current.record ? '' : ` (${t.notAnswered})`}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t.proposals}</h2>
      <ProposalTable ctx={ctx} proposals={proposals} />
    </>
  );
  return sendPage(c, ctx, t.dashboardTitle, body);
}

/** What the cyberlaw form shows in its fields: the current entry, or what was sent back with an error. */
interface CyberlawDraft {
  status: string;
  asOf: string;
  source: string;
  laws: { title: string; year: string; url: string }[];
  why: string;
  baseVersion: number;
}

function draftFromEntry(entry: CyberlawEntry | null, version: number, why = ''): CyberlawDraft {
  return {
    status: entry?.status ?? '',
    asOf: entry?.asOf ?? '',
    source: entry?.source ?? '',
    laws: (entry?.laws ?? []).map((l) => ({ title: l.title, year: l.year === null ? '' : String(l.year), url: l.url ?? '' })),
    why,
    baseVersion: version,
  };
}

function draftFromForm(form: FormFields): CyberlawDraft {
  const laws = Array.from({ length: LAW_ROWS }, (_, i) => ({ title: form[`law-title-${i}`] ?? '', year: form[`law-year-${i}`] ?? '', url: form[`law-url-${i}`] ?? '' }));
  return {
    status: form.status ?? '',
    asOf: form.asOf ?? '',
    source: form.source ?? '',
    laws: laws.filter((l) => l.title.trim() || l.year.trim() || l.url.trim()),
    why: form.why ?? '',
    baseVersion: Number(form.baseVersion ?? ''),
  };
}

function CyberlawForm(props: { ctx: PageContext; action: string; draft: CyberlawDraft }) {
  const { ctx, draft } = props;
  const t = ctx.t.edit;
  const rows = Array.from({ length: LAW_ROWS }, (_, i) => draft.laws[i] ?? { title: '', year: '', url: '' });
  return (
    <form method="post" action={props.action} class="stacked">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="baseVersion" value={String(draft.baseVersion)} />
      <label>
        {t.status}
        <select name="status" required>
          <option value="">{t.choose}</option>
          {CYBERLAW_STATUSES.map((s) => (
            <option value={s} selected={draft.status === s}>
              {statusLabel(ctx, s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.asOf}
        <input type="date" name="asOf" required value={draft.asOf} />
      </label>
      <label>
        {t.source}
        <input type="text" name="source" required maxlength={500} value={draft.source} />
      </label>
      <fieldset>
        <legend>{t.laws}</legend>
        {rows.map((l, i) => (
          <fieldset class="law">
            <legend>{t.law(i + 1)}</legend>
            <label>
              {t.lawTitle}
              <input type="text" name={`law-title-${i}`} maxlength={500} value={l.title} />
            </label>
            <label>
              {t.lawYear}
              <input type="number" name={`law-year-${i}`} min={1900} max={2100} value={l.year} />
            </label>
            <label>
              {t.lawLink}
              <input type="url" name={`law-url-${i}`} maxlength={1000} value={l.url} />
            </label>
          </fieldset>
        ))}
      </fieldset>
      <label>
        {t.why}
        <textarea name="why" required maxlength={2000}>
          {draft.why}
        </textarea>
      </label>
      <button type="submit">{t.send}</button>
    </form>
  );
}

async function cyberlawPage(
  c: Context,
  ctx: PageContext,
  iso3: string,
  areaId: string,
  state: { draft?: CyberlawDraft; error?: string | null; stale?: number | null; status?: 200 | 400 | 409 },
): Promise<Response> {
  const t = ctx.t.edit;
  const area = areaOf(areaId);
  const ref = await ctx.obs.ref();
  if (!ref.countries.has(iso3)) throw new NotFoundError(`no country ${iso3}`);
  const current = await ctx.services.registry.currentRecord('cyberlaw', iso3, area.id);
  const entry = current.record as CyberlawEntry | null;
  const title = t.cyberlawTitle(pick(area.names, ctx.lang), countryName(ctx, ref.countries, iso3));
  const body = (
    <>
      <h1>{title}</h1>
      <ProblemsAndCurrent ctx={ctx} stale={state.stale ?? null} error={state.error ?? null} version={current.version} />
      <CyberlawView ctx={ctx} entry={entry} />
      <h2>{t.proposeChange}</h2>
      <CyberlawForm ctx={ctx} action={href(ctx, `/edit/cyberlaw/${iso3}/${area.id}`)} draft={state.draft ?? draftFromEntry(entry, current.version)} />
    </>
  );
  return sendPage(c, ctx, title, body, state.status ?? 200);
}

/** GET /{lang}/edit/cyberlaw/{ISO3}/{area}: the form, filled with the current entry and its version. */
export async function cyberlawForm(c: Context, ctx: PageContext): Promise<Response> {
  const iso3 = (c.req.param('iso3') ?? '').toUpperCase();
  allowedToPropose(ctx.account as Account, iso3);
  return cyberlawPage(c, ctx, iso3, c.req.param('area') ?? '', {});
}

/**
 * POST /{lang}/edit/cyberlaw/{ISO3}/{area}: a proposal. A stale form comes back as a 409 that starts from the
 * current entry; bad fields come back as a 400 with what was typed.
 */
export async function proposeCyberlaw(c: Context, ctx: PageContext, registry: RegistryService): Promise<Response> {
  const { session, form } = await checkedForm(c);
  const iso3 = (c.req.param('iso3') ?? '').toUpperCase();
  const areaId = c.req.param('area') ?? '';
  allowedToPropose(session.account, iso3);
  areaOf(areaId);
  const draft = draftFromForm(form);
  const input = {
    kind: 'cyberlaw' as const,
    iso3,
    key: areaId,
    baseVersion: draft.baseVersion,
    why: draft.why,
    payload: { status: draft.status, asOf: draft.asOf, source: draft.source, laws: draft.laws.map((l) => ({ title: l.title, year: l.year.trim(), url: l.url })) },
  };
  try {
    await checkFresh(registry, input);
    const proposal = await registry.propose(session.account, input, 'form');
    return seeOther(c, href(ctx, `/edit?sent=${proposal.id}#p${proposal.id}`));
  } catch (error) {
    if (error instanceof StaleVersionError) {
      return cyberlawPage(c, ctx, iso3, areaId, {
        draft: draftFromEntry(error.current as CyberlawEntry | null, error.currentVersion, draft.why),
        stale: error.currentVersion,
        status: 409,
      });
    }
    if (error instanceof InputError) return cyberlawPage(c, ctx, iso3, areaId, { draft, error: error.message, status: 400 });
    throw error;
  }
}

function questionnaireOf(registry: RegistryReader, id: string): Questionnaire {
  return registry.questionnaire(id);
}

function QuestionInput(props: { ctx: PageContext; question: Question; value: string }) {
  const { ctx, question: q, value } = props;
  const name = `q.${q.id}`;
  const t = q.type;
  switch (t.kind) {
    case 'number':
      return <input type="number" name={name} step="any" min={t.min} max={t.max} required={q.required} value={value} />;
    case 'date':
      return <input type="date" name={name} required={q.required} value={value} />;
    case 'link':
      return <input type="url" name={name} required={q.required} maxlength={1000} value={value} />;
    case 'text':
      return (
        <textarea name={name} required={q.required} maxlength={t.maxLength}>
          {value}
        </textarea>
      );
    case 'choice':
      return (
        <select name={name} required={q.required}>
          <option value="">{ctx.t.edit.choose}</option>
          {t.options.map((o) => (
            <option value={o.id} selected={value === o.id}>
              {pick(o.label, ctx.lang)}
            </option>
          ))}
        </select>
      );
  }
}

interface PracticeDraft {
  values: Record<string, string>;
  why: string;
  baseVersion: number;
}

function draftFromAnswers(answers: Readonly<Record<string, AnswerValue>> | null, version: number, why = ''): PracticeDraft {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers ?? {})) if (v !== null) values[k] = String(v);
  return { values, why, baseVersion: version };
}

async function practicePage(
  c: Context,
  ctx: PageContext,
  iso3: string,
  q: Questionnaire,
  state: { draft?: PracticeDraft; error?: string | null; stale?: number | null; status?: 200 | 400 | 409 },
): Promise<Response> {
  const t = ctx.t.edit;
  const ref = await ctx.obs.ref();
  if (!ref.countries.has(iso3)) throw new NotFoundError(`no country ${iso3}`);
  const current = await ctx.services.registry.currentRecord('practice', iso3, q.id);
  const answers = (current.record as PracticeAnswer | null)?.answers ?? null;
  const draft = state.draft ?? draftFromAnswers(answers, current.version);
  const title = t.practiceTitle(pick(q.title, ctx.lang), countryName(ctx, ref.countries, iso3));
  const body = (
    <>
      <h1>{title}</h1>
      <p class="source">{q.reference}</p>
      <ProblemsAndCurrent ctx={ctx} stale={state.stale ?? null} error={state.error ?? null} version={current.version} />
      <AnswersView ctx={ctx} questionnaire={q} answers={answers} />
      <h2>{t.proposeChange}</h2>
      <form method="post" action={href(ctx, `/edit/practices/${iso3}/${q.id}`)} class="stacked">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="baseVersion" value={String(draft.baseVersion)} />
        {q.questions.map((question) => (
          <label>
            {pick(question.label, ctx.lang)}
            {question.required ? ` (${t.required})` : ''}
            {question.help ? <small>{pick(question.help, ctx.lang)}</small> : null}
            <QuestionInput ctx={ctx} question={question} value={draft.values[question.id] ?? ''} />
          </label>
        ))}
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

/** GET /{lang}/edit/practices/{ISO3}/{questionnaire}: a form generated from the questionnaire's definition. */
export async function practiceForm(c: Context, ctx: PageContext): Promise<Response> {
  const iso3 = (c.req.param('iso3') ?? '').toUpperCase();
  allowedToPropose(ctx.account as Account, iso3);
  return practicePage(c, ctx, iso3, questionnaireOf(ctx.services.registry, c.req.param('questionnaire') ?? ''), {});
}

/** POST /{lang}/edit/practices/{ISO3}/{questionnaire}: answers as a proposal, checked by their types. */
export async function proposePractice(c: Context, ctx: PageContext, registry: RegistryService): Promise<Response> {
  const { session, form } = await checkedForm(c);
  const iso3 = (c.req.param('iso3') ?? '').toUpperCase();
  allowedToPropose(session.account, iso3);
  const q = questionnaireOf(registry, c.req.param('questionnaire') ?? '');
  const values: Record<string, string> = {};
  for (const question of q.questions) {
    const v = (form[`q.${question.id}`] ?? '').trim();
    if (v !== '') values[question.id] = v;
  }
  const draft: PracticeDraft = { values, why: form.why ?? '', baseVersion: Number(form.baseVersion ?? '') };
  const input = { kind: 'practice' as const, iso3, key: q.id, baseVersion: draft.baseVersion, why: draft.why, payload: values };
  try {
    await checkFresh(registry, input);
    const proposal = await registry.propose(session.account, input, 'form');
    return seeOther(c, href(ctx, `/edit?sent=${proposal.id}#p${proposal.id}`));
  } catch (error) {
    if (error instanceof StaleVersionError) {
      const answers = (error.current as PracticeAnswer | null)?.answers ?? null;
      return practicePage(c, ctx, iso3, q, { draft: draftFromAnswers(answers, error.currentVersion, draft.why), stale: error.currentVersion, status: 409 });
    }
    if (error instanceof InputError) return practicePage(c, ctx, iso3, q, { draft, error: error.message, status: 400 });
    throw error;
  }
}

/**
 * The top of an edit page: why the last submission was refused (a version that moved on, or a bad field)
 * and the heading of the current record with its version.
 */
function ProblemsAndCurrent(props: { ctx: PageContext; stale: number | null; error: string | null; version: number }) {
  const t = props.ctx.t.edit;
  return (
    <>
      {props.stale !== null ? (
        <div class="notice error" role="alert">
          <p>
            <strong>{t.stale}.</strong> {t.staleText(props.stale)}
          </p>
        </div>
      ) : null}
      <FormError ctx={props.ctx} message={props.error} />
      <h2>
        {t.current} ({t.version} {props.version})
      </h2>
    </>
  );
}
