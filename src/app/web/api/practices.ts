import type { Context } from 'hono';
import type { Group } from '../../../domain/group.ts';
import { QUESTIONNAIRES, type AnswerValue, type Question, type Questionnaire } from '../../../domain/practices.ts';
import { RegistryService } from '../../services/registry.ts';
import type { Reference } from '../../services/reference.ts';
import { HttpError } from '../http-error.ts';
import { QUERY, type ApiOptions } from './contract.ts';
import { parseFormat, readQuery } from '../../questions/params.ts';
import { entityName } from '../../questions/present.ts';
import { sendAs } from './respond.ts';

/** The group a comparison table is of when none is asked for: every country, as for the cyberlaw coverage. */
const DEFAULT_GROUP = 'WLD';

const ANSWER_RULE =
  'Only answers a curator accepted are compiled; the newest accepted answer of each member counts. A member without one is listed ' +
  'with answered: false and null answers, never as zero. Summaries are over the members that answered the question.';

/** The questionnaire a path names, or a 404 naming the parameter. */
export function pathQuestionnaire(raw: string): Questionnaire {
  const q = QUESTIONNAIRES.find((x) => x.id === raw) ?? QUESTIONNAIRES.find((x) => x.id === raw.toLowerCase());
  if (!q) {
    throw new HttpError(404, `no questionnaire "${raw}": the questionnaires are ${QUESTIONNAIRES.map((x) => x.id).join(', ')} (see /api/v1/practices)`, {
      parameter: 'questionnaire',
    });
  }
  return q;
}

/** `group=ACP` (case does not matter), or a 404 naming the parameter. */
function queryGroup(ref: Reference, raw: string | undefined): Group {
  const group = ref.groups.get((raw || DEFAULT_GROUP).toUpperCase());
  if (!group) throw new HttpError(404, `no group "${raw}": the groups are listed at /api/v1/groups`, { parameter: 'group' });
  return group;
}

/** A question as the API describes it: its labels, its kind and, for choices, the options with their labels. */
function questionJson(question: Question) {
  const t = question.type;
  return {
    id: question.id,
    labels: question.label,
    kind: t.kind,
    required: question.required ?? false,
    ...(t.kind === 'number' ? { unit: t.unit ?? null } : {}),
    ...(t.kind === 'choice' ? { options: t.options.map((o) => ({ id: o.id, labels: o.label })) } : {}),
  };
}

/** GET /practices: every questionnaire, its reference in the communication and how many countries answered. */
export async function listPractices(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.practices);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const ref = await obs.ref();
  const counts = await new RegistryService(obs).answeredCounts();
  const rows = QUESTIONNAIRES.map((q) => ({ q, answered: counts.get(q.id) ?? 0 }));
  return sendAs(
    choice,
    () => ({
      count: rows.length,
      answerRule: ANSWER_RULE,
      questionnaires: rows.map(({ q, answered }) => ({
        id: q.id,
        version: q.version,
        titles: q.title,
        reference: q.reference,
        questions: q.questions.length,
        answered,
        url: `/api/v1/practices/${q.id}`,
      })),
    }),
    () => ({
      filename: 'practices.csv',
      header: ['questionnaire', 'version', 'title', 'reference', 'questions', 'countries_answered'],
      rows: rows.map(({ q, answered }) => [q.id, q.version, q.title.en, q.reference, q.questions.length, answered]),
    }),
    { 'x-data-version': String(ref.version) },
  );
}

/** The value of an answer as a CSV cell: choices by their id, numbers as numbers, nothing as empty. */
function cell(value: AnswerValue | undefined): string | number | null {
  return value === undefined ? null : value;
}

/** GET /practices/{questionnaire}?group=: the compiled comparison table of a group's members, with a summary per question. */
export async function getPractice(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.practice);
  const q = pathQuestionnaire(c.req.param('questionnaire') ?? '');
  const ref = await obs.ref();
  const group = queryGroup(ref, query.get('group'));
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const table = await new RegistryService(obs).compiled(q.id, group.id);
  const date = obs.today();
  return sendAs(
    choice,
    () => ({
      questionnaire: { id: q.id, version: q.version, titles: q.title, reference: q.reference, questions: q.questions.map(questionJson) },
      group: { id: group.id, kind: group.kind, names: group.names },
      date,
      members: table.rows.length,
      answered: table.answered,
      answerRule: ANSWER_RULE,
      rows: table.rows.map((r) => ({
        iso3: r.iso3,
        name: entityName(ref, r.iso3),
        answered: r.answers !== null,
        acceptedAt: r.acceptedAt,
        answers: r.answers === null ? null : Object.fromEntries(q.questions.map((x) => [x.id, r.answers?.[x.id] ?? null])),
      })),
      summary: table.summary,
    }),
    () => ({
      filename: `${group.id}_${q.id}_v${q.version}_${date}.csv`,
      header: ['group', 'questionnaire', 'questionnaire_version', 'iso3', 'name', 'answered', 'accepted_at', ...q.questions.map((x) => x.id)],
      rows: table.rows.map((r) => [
        group.id,
        q.id,
        q.version,
        r.iso3,
        entityName(ref, r.iso3),
        r.answers !== null,
        r.acceptedAt,
        ...q.questions.map((x) => cell(r.answers?.[x.id])),
      ]),
    }),
    { 'x-data-version': String(ref.version) },
  );
}
