import type { Law } from '../../../domain/cyberlaw.ts';
import { pick } from '../../../domain/lang.ts';
import type { AnswerValue, Questionnaire } from '../../../domain/practices.ts';
import type { PageContext } from './context.ts';

/** The fields of a cyberlaw status a page shows: an entry as stored or as proposed. */
export interface CyberlawFields {
  status: string;
  asOf: string;
  source: string;
  laws: readonly Law[];
}

export function statusLabel(ctx: PageContext, status: string): string {
  return (ctx.t.edit.statuses as Record<string, string>)[status] ?? status;
}

/** A cyberlaw status with its date, source and laws (links open the law's text). */
export function CyberlawView(props: { ctx: PageContext; entry: CyberlawFields | null }) {
  const { ctx, entry } = props;
  const t = ctx.t.edit;
  if (!entry) return <p>{t.noCurrent}</p>;
  return (
    <dl class="record">
      <dt>{t.status}</dt>
      <dd>{statusLabel(ctx, entry.status)}</dd>
      <dt>{t.asOf}</dt>
      <dd>{entry.asOf}</dd>
      <dt>{ctx.t.common.source}</dt>
      <dd>{entry.source}</dd>
      <dt>{t.laws}</dt>
      <dd>
        {entry.laws.length === 0 ? (
          '—'
        ) : (
          <ul>
            {entry.laws.map((l) => (
              <li>
                {l.url ? <a href={l.url}>{l.title}</a> : l.title}
                {l.year !== null ? ` (${l.year})` : ''}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

/** An answer as the reader reads it: a choice by its label, anything else as given. */
export function answerText(ctx: PageContext, q: Questionnaire, id: string, value: AnswerValue | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  const question = q.questions.find((x) => x.id === id);
  if (question?.type.kind === 'choice') {
    const option = question.type.options.find((o) => o.id === value);
    return option ? pick(option.label, ctx.lang) : String(value);
  }
  return question?.type.kind === 'number' && question.type.unit ? `${value} ${question.type.unit}` : String(value);
}

/** A country's answers to a questionnaire, question by question. */
export function AnswersView(props: { ctx: PageContext; questionnaire: Questionnaire; answers: Readonly<Record<string, AnswerValue>> | null }) {
  const { ctx, questionnaire: q, answers } = props;
  if (!answers) return <p>{ctx.t.edit.noCurrent}</p>;
  return (
    <dl class="record">
      {q.questions.map((question) => (
        <>
          <dt>{pick(question.label, ctx.lang)}</dt>
          <dd>{answerText(ctx, q, question.id, answers[question.id])}</dd>
        </>
      ))}
    </dl>
  );
}
