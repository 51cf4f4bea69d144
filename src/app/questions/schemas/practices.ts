import { QUESTIONNAIRES } from '../../../domain/practices.ts';
import { integer, ref, string, type Schema } from '../schema.ts';

const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] });
const obj = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
});
const DATE = string(undefined, { format: 'date' });
const ANSWER: Schema = { oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'null' }] };
const QUESTIONNAIRE_ID = string(undefined, { enum: QUESTIONNAIRES.map((q) => q.id) });

/** The schemas of the member-practice questionnaires and their compiled comparison tables. */
export const practiceSchemas: Record<string, Schema> = {
  PracticeList: obj({
    count: integer(),
    answerRule: string(),
    questionnaires: {
      type: 'array',
      items: obj({
        id: QUESTIONNAIRE_ID,
        version: integer('A new version is a new definition; answers name the version they answer.'),
        titles: ref('Localized'),
        reference: string('Where in the communication the questions come from.'),
        questions: integer('The number of questions.'),
        answered: integer('Countries with an accepted answer.'),
        url: string('The comparison table (add ?group=).'),
      }),
    },
  }),
  PracticeTable: obj({
    questionnaire: obj({
      id: QUESTIONNAIRE_ID,
      version: integer(),
      titles: ref('Localized'),
      reference: string(),
      questions: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: string(),
            labels: ref('Localized'),
            kind: string(undefined, { enum: ['number', 'date', 'choice', 'text', 'link'] }),
            required: { type: 'boolean' },
            unit: nullable(string('For numbers: the unit, when the question has one.')),
            options: { type: 'array', description: 'For choices: the options, by id, with their labels.', items: obj({ id: string(), labels: ref('Localized') }) },
          },
          required: ['id', 'labels', 'kind', 'required'],
        },
      },
    }),
    group: obj({ id: string(), kind: string(), names: ref('Localized') }),
    date: string('Today: the date the group’s members are read on.', { format: 'date' }),
    members: integer('Members of the group today.'),
    answered: integer('Members with an accepted answer.'),
    answerRule: string(),
    rows: {
      type: 'array',
      items: obj({
        iso3: string(),
        name: string(),
        answered: { type: 'boolean' },
        acceptedAt: nullable(string('When the answer was accepted.', { format: 'date-time' })),
        answers: nullable({ type: 'object', description: 'By question id: numbers, dates (YYYY-MM-DD), choice ids, text or links; null for a question left empty.', additionalProperties: ANSWER }),
      }),
    },
    summary: {
      type: 'array',
      description: 'Per question, over the members that answered it.',
      items: {
        type: 'object',
        properties: {
          question: string(),
          kind: string(undefined, { enum: ['number', 'date', 'choice', 'text', 'link'] }),
          answered: integer(),
          counts: { type: 'object', description: 'Choices: members per option id (every option, zero included).', additionalProperties: integer() },
          min: nullable({ type: 'number' }),
          median: nullable({ type: 'number' }),
          max: nullable({ type: 'number' }),
          earliest: nullable(DATE),
          latest: nullable(DATE),
        },
        required: ['question', 'kind', 'answered'],
      },
    },
  }),
};
