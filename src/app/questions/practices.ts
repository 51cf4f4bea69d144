import { NotFoundError } from '../../domain/errors.ts';
import type { Group } from '../../domain/group.ts';
import { QUESTIONNAIRES, type AnswerValue, type Question, type Questionnaire } from '../../domain/practices.ts';
import { format } from './common.ts';
import { entityName } from './present.ts';
import type { Param } from './question.ts';
import { defineQuestion } from './question.ts';
import { errors, GROUP_ID, ok, string } from './schema.ts';

/** The group a comparison table is of when none is asked for: every country, as for the cyberlaw coverage. */
const DEFAULT_GROUP = 'WLD';

const ANSWER_RULE =
  'Only answers a curator accepted are compiled; the newest accepted answer of each member counts. A member without one is listed ' +
  'with answered: false and null answers, never as zero. Summaries are over the members that answered the question.';

/** `{questionnaire}` in a path: a questionnaire, or a 404 naming the parameter. */
const questionnaire = {
  name: 'questionnaire',
  in: 'path',
  required: true,
  description: `The questionnaire's id: ${QUESTIONNAIRES.map((q) => q.id).join(', ')} (see /practices). An unknown id is a 404 naming the parameter.`,
  schema: string(undefined, { enum: QUESTIONNAIRES.map((q) => q.id) }),
  example: 'digital-vat',
  choices: QUESTIONNAIRES.map((q) => q.id),
  parse: (raw = '') => {
    const q = QUESTIONNAIRES.find((x) => x.id === raw) ?? QUESTIONNAIRES.find((x) => x.id === raw.toLowerCase());
    if (!q) {
      throw new NotFoundError(`no questionnaire "${raw}": the questionnaires are ${QUESTIONNAIRES.map((x) => x.id).join(', ')} (see /api/v1/practices)`, {
        parameter: 'questionnaire',
      });
    }
    return q;
  },
} satisfies Param<Questionnaire>;

/** `group=ACP` (case does not matter): the group whose members make the rows; every country by default, an unknown group a 404 naming the parameter. */
const practiceGroup = {
  name: 'group',
  in: 'query',
  description: 'The group whose members today make the rows (see /groups); WLD, every country, by default. Case does not matter; an unknown group is a 404 naming the parameter.',
  schema: string(undefined, { pattern: GROUP_ID }),
  example: 'ACP',
  parse: (raw, ctx) => {
    const group = ctx.ref.groups.get((raw || DEFAULT_GROUP).toUpperCase());
    if (!group) throw new NotFoundError(`no group "${raw}": the groups are listed at /api/v1/groups`, { parameter: 'group' });
    return group;
  },
} satisfies Param<Group>;

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
export const practices = defineQuestion({
  id: 'practices',
  method: 'get',
  path: '/practices',
  params: { format },
  doc: {
    summary: 'The member-practice questionnaires',
    description: 'Each questionnaire with its version, titles, its reference in the communication, its number of questions and how many countries have an accepted answer.',
    tags: ['practices'],
    responses: { '200': ok('The questionnaires.', 'PracticeList', 'practices.csv'), ...errors('400') },
  },
  async answer(_input, { obs, registry }) {
    const ref = await obs.ref();
    const counts = await registry.answeredCounts();
    const rows = QUESTIONNAIRES.map((q) => ({ q, answered: counts.get(q.id) ?? 0 }));
    return {
      json: () => ({
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
      csv: () => ({
        filename: 'practices.csv',
        header: ['questionnaire', 'version', 'title', 'reference', 'questions', 'countries_answered'],
        rows: rows.map(({ q, answered }) => [q.id, q.version, q.title.en, q.reference, q.questions.length, answered]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** The value of an answer as a CSV cell: choices by their id, numbers as numbers, nothing as empty. */
function cell(value: AnswerValue | undefined): string | number | null {
  return value === undefined ? null : value;
}

/** GET /practices/{questionnaire}?group=: the compiled comparison table of a group's members, with a summary per question. */
export const practice = defineQuestion({
  id: 'practice',
  method: 'get',
  path: '/practices/{questionnaire}',
  params: { questionnaire, group: practiceGroup, format },
  doc: {
    summary: 'The compiled comparison table of a questionnaire for a group',
    description:
      'One row per member of the group today with its accepted answers and the date they were accepted (answered: false and null answers ' +
      'for a member without an accepted answer), and per question a summary over the members that answered: the count per option for ' +
      'choices, minimum, median and maximum for numbers, earliest and latest for dates. CSV: one row per member, one column per question ' +
      '(choices by their id).',
    tags: ['practices', 'groups'],
    responses: { '200': ok('The table.', 'PracticeTable', '{GROUP}_{questionnaire}_v{version}_{date}.csv'), ...errors('400', '404') },
  },
  async answer({ questionnaire: q, group }, { obs, registry }) {
    const ref = await obs.ref();
    const table = await registry.compiled(q.id, group.id);
    const date = obs.today();
    return {
      json: () => ({
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
      csv: () => ({
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
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
