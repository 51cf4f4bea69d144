import type { Group } from '../../../domain/group.ts';
import { pick, type Lang } from '../../../domain/lang.ts';
import { QUESTIONNAIRES, type AnswerValue, type Question, type QuestionSummary } from '../../../domain/practices.ts';
import type { Reference } from '../../services/reference.ts';
import { formatDate, formatNumber } from '../format.ts';
import { HttpError } from '../http-error.ts';
import { href, type PageContext } from './context.ts';
import { Layout } from './layout.tsx';
import { entityNames, GroupSelect } from './widgets.tsx';

/** The group the comparison opens on, the first that exists: the communication speaks for the ACP Group. */
const DEFAULT_GROUPS = ['ACP', 'WLD'];

function chosenGroup(ref: Reference, query: URLSearchParams): Group {
  const raw = query.get('group')?.trim();
  if (raw) {
    const group = ref.groups.get(raw.toUpperCase());
    if (!group) throw new HttpError(404, `no group "${raw}"`, { parameter: 'group' });
    return group;
  }
  const group = DEFAULT_GROUPS.map((id) => ref.groups.get(id)).find((g) => g !== undefined);
  if (!group) throw new HttpError(404, 'no group to show', { parameter: 'group' });
  return group;
}

/** Numbers keep up to two decimals (rates such as 7.5 %), with the question's unit. */
function formatAnswerNumber(value: number, question: Question, lang: Lang): string {
  const n = formatNumber(value, lang, 2);
  const unit = question.type.kind === 'number' ? question.type.unit : undefined;
  if (!unit) return n;
  // French sets a narrow no-break space before the percent sign.
  return unit === '%' ? `${n}${lang === 'fr' ? '\u202f' : ''}%` : `${n} ${unit}`;
}

/** One answer as the table shows it: choices by their label in the page's language, links to follow, dates in words. */
function Answer(props: { question: Question; value: AnswerValue | undefined; lang: Lang }) {
  const { question, value, lang } = props;
  if (value === null || value === undefined || value === '') return <>–</>;
  const t = question.type;
  switch (t.kind) {
    case 'number':
      return <>{typeof value === 'number' ? formatAnswerNumber(value, question, lang) : String(value)}</>;
    case 'date':
      return <time datetime={String(value)}>{formatDate(String(value), lang)}</time>;
    case 'choice': {
      const option = t.options.find((o) => o.id === value);
      return <span data-choice={String(value)}>{option ? pick(option.label, lang) : String(value)}</span>;
    }
    case 'link':
      // Only web links pass the answers' checks; rel keeps the linked site from reaching back into this page.
      return /^https?:\/\//.test(String(value)) ? (
        <a href={String(value)} rel="noopener noreferrer nofollow">
          {String(value)}
        </a>
      ) : (
        <>{String(value)}</>
      );
    default:
      return <>{String(value)}</>;
  }
}

/** What the members' answers to a question add up to, in words. */
function SummaryText(props: { ctx: PageContext; question: Question; summary: QuestionSummary }) {
  const { ctx, question, summary } = props;
  const p = ctx.t.practices;
  const lang = ctx.lang;
  const t = question.type;
  if (summary.kind === 'choice' && t.kind === 'choice') {
    return (
      <ul class="inline">
        {t.options.map((o) => (
          <li data-option={o.id}>
            {pick(o.label, lang)}
            {ctx.t.common.colon}
            <strong>{summary.counts[o.id] ?? 0}</strong>
          </li>
        ))}
      </ul>
    );
  }
  if (summary.kind === 'number') {
    if (summary.min === null || summary.median === null || summary.max === null) return <>–</>;
    return (
      <>
        {p.min} {formatAnswerNumber(summary.min, question, lang)} · {p.median} {formatAnswerNumber(summary.median, question, lang)} · {p.max}{' '}
        {formatAnswerNumber(summary.max, question, lang)}
      </>
    );
  }
  if (summary.kind === 'date') {
    if (summary.earliest === null || summary.latest === null) return <>–</>;
    return (
      <>
        {p.earliest} {formatDate(summary.earliest, lang)} · {p.latest} {formatDate(summary.latest, lang)}
      </>
    );
  }
  return <>–</>;
}

/** `/{lang}/practices`: the questionnaires, their reference in the communication and how many countries answered. */
export async function practicesPage(ctx: PageContext) {
  const { services, t, lang } = ctx;
  const p = t.practices;
  const counts = await services.registry.answeredCounts();
  return (
    <Layout ctx={ctx} title={p.title} description={p.intro}>
      <h1>{p.title}</h1>
      <p class="lead">{p.intro}</p>
      <table class="practices">
        <thead>
          <tr>
            <th scope="col">{p.questionnaire}</th>
            <th scope="col">{p.reference}</th>
            <th scope="col" class="num">
              {p.questions}
            </th>
            <th scope="col" class="num">
              {p.answered}
            </th>
          </tr>
        </thead>
        <tbody>
          {QUESTIONNAIRES.map((q) => (
            <tr data-questionnaire={q.id}>
              <th scope="row">
                <a href={href(ctx, `/practices/${q.id}`)}>{pick(q.title, lang)}</a>{' '}
                <small>
                  ({p.version} {q.version})
                </small>
              </th>
              <td>{q.reference}</td>
              <td class="num">{q.questions.length}</td>
              <td class="num" data-answered={String(counts.get(q.id) ?? 0)}>
                {formatNumber(counts.get(q.id) ?? 0, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{p.howToAnswer}</p>
      <p>
        <a href="/api/v1/practices?format=csv">{t.common.downloadCsv}</a> · <a href="/api/v1/practices">{t.common.downloadJson}</a>
      </p>
    </Layout>
  );
}

/** `/{lang}/practices/{questionnaire}?group=ACP`: the compiled comparison table of a group's members. */
export async function practicePage(ctx: PageContext, params: Record<string, string>, search: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const p = t.practices;
  const raw = params.questionnaire ?? '';
  const q = QUESTIONNAIRES.find((x) => x.id === raw);
  if (!q) throw new HttpError(404, `no questionnaire "${raw}"`, { parameter: 'questionnaire' });
  const ref = await obs.ref();
  const group = chosenGroup(ref, search);
  const table = await ctx.services.registry.compiled(q.id, group.id);
  const names = entityNames(ref, lang);
  const rows = [...table.rows].sort((a, b) => (names.get(a.iso3) ?? a.iso3).localeCompare(names.get(b.iso3) ?? b.iso3, lang));
  const groupName = pick(group.names, lang);
  const title = pick(q.title, lang);
  const groups = [...ref.groups.values()].sort((a, b) => pick(a.names, lang).localeCompare(pick(b.names, lang), lang));
  const api = `/api/v1/practices/${q.id}?group=${encodeURIComponent(group.id)}`;

  return (
    <Layout ctx={ctx} title={`${title} — ${groupName}`} description={p.intro}>
      <p>
        <a href={href(ctx, '/practices')}>{p.all}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {p.reference}
        {t.common.colon}
        {q.reference} ({p.version} {q.version})
      </p>
      <form class="inline" method="get" action={href(ctx, `/practices/${q.id}`)}>
        <GroupSelect label={t.common.group} groups={groups} selected={group.id} lang={lang} />
        <button type="submit">{t.cyberlaw.show}</button>
      </form>

      <h2>{p.tableTitle(groupName)}</h2>
      <div class="wide">
        <table class="practice-table">
          <caption>{p.caption(table.answered, table.rows.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.common.country}</th>
              <th scope="col">{p.acceptedOn}</th>
              {q.questions.map((x) => (
                <th scope="col" data-question={x.id}>
                  {pick(x.label, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr data-iso3={r.iso3} data-answered={r.answers ? 'true' : 'false'}>
                <th scope="row">
                  <a href={href(ctx, `/countries/${r.iso3}`)}>{names.get(r.iso3) ?? r.iso3}</a>
                </th>
                {r.answers === null ? (
                  <td colspan={q.questions.length + 1} class="no-answer">
                    {p.noAnswer}
                  </td>
                ) : (
                  <>
                    <td>{r.acceptedAt ? <time datetime={r.acceptedAt.slice(0, 10)}>{formatDate(r.acceptedAt, lang)}</time> : '–'}</td>
                    {q.questions.map((x) => (
                      <td data-question={x.id} class={x.type.kind === 'number' ? 'num' : undefined}>
                        <Answer question={x} value={r.answers?.[x.id]} lang={lang} />
                      </td>
                    ))}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{p.summaryTitle}</h2>
      <table class="practice-summary">
        <caption>{p.summaryCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.question}</th>
            <th scope="col" class="num">
              {p.answered}
            </th>
            <th scope="col">{p.summaryTitle}</th>
          </tr>
        </thead>
        <tbody>
          {q.questions.map((x, i) => {
            const s = table.summary[i];
            return (
              <tr data-question={x.id}>
                <th scope="row">{pick(x.label, lang)}</th>
                <td class="num">{p.answeredOf(s?.answered ?? 0, table.rows.length)}</td>
                <td>{s ? <SummaryText ctx={ctx} question={x} summary={s} /> : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>{p.howToAnswer}</p>
      <p>
        <a href={`${api}&format=csv`}>{p.downloadCsv}</a> · <a href={api}>{t.common.downloadJson}</a>
      </p>
    </Layout>
  );
}
