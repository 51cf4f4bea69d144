import { CYBERLAW_AREAS, CYBERLAW_STATUSES } from '../../../domain/cyberlaw.ts';
import { QUESTIONNAIRES } from '../../../domain/practices.ts';
import { integer, ISO3, ref, string, type Schema } from '../schema.ts';

const DATE_TIME = string(undefined, { format: 'date-time' });
const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] });

/** The schemas of the review workflow: proposals, their bodies, and audit entries. */
export const reviewSchemas: Record<string, Schema> = {
  CyberlawProposalPayload: {
    type: 'object',
    description: 'A cyberlaw status as proposed (kind "cyberlaw"; key is the area).',
    properties: {
      status: string(undefined, { enum: [...CYBERLAW_STATUSES] }),
      asOf: string('The date the status holds from.', { format: 'date' }),
      source: string('Where the status comes from: a gazette, a ministry page.'),
      laws: {
        type: 'array',
        description: 'The laws behind the status (at least one for "legislation").',
        items: {
          type: 'object',
          properties: { title: string(), year: { oneOf: [integer(), { type: 'null' }] }, url: { oneOf: [string(undefined, { format: 'uri' }), { type: 'null' }] } },
          required: ['title'],
        },
      },
    },
    required: ['status', 'asOf', 'source'],
  },
  PracticeProposalPayload: {
    type: 'object',
    description: `Answers to a questionnaire (kind "practice"; key is its id: ${QUESTIONNAIRES.map((q) => q.id).join(', ')}), by question id: numbers, dates (YYYY-MM-DD), choice ids, text or links.`,
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'null' }] },
  },
  ProposalInput: {
    type: 'object',
    properties: {
      kind: string(undefined, { enum: ['cyberlaw', 'practice', 'etready', 'strategy-measure'] }),
      iso3: string(undefined, { pattern: ISO3 }),
      key: string(`The cyberlaw area (${CYBERLAW_AREAS.map((a) => a.id).join(', ')}) or the questionnaire id.`),
      baseVersion: integer('The version of the record the change starts from (0 when there is none yet); see a 409’s currentVersion.', { minimum: 0 }),
      why: string('Why the change is made; kept in the audit log.'),
      payload: { oneOf: [ref('CyberlawProposalPayload'), ref('PracticeProposalPayload')] },
    },
    required: ['kind', 'iso3', 'key', 'baseVersion', 'why', 'payload'],
    additionalProperties: false,
  },
  Proposal: {
    type: 'object',
    properties: {
      id: integer(),
      kind: string(undefined, { enum: ['cyberlaw', 'practice', 'etready', 'strategy-measure'] }),
      iso3: string(undefined, { pattern: '^[A-Z]{3}$' }),
      key: string(),
      payload: { type: 'object', description: 'The checked change: { kind: "cyberlaw", entry } or { kind: "practice", questionnaireVersion, answers }.' },
      baseVersion: integer(),
      status: string(undefined, { enum: ['pending', 'accepted', 'returned', 'withdrawn'] }),
      why: string(),
      proposedBy: integer('Account id.'),
      proposedAt: DATE_TIME,
      reviewedBy: nullable(integer()),
      reviewedAt: nullable(DATE_TIME),
      comment: nullable(string('The curator’s comment.')),
    },
    required: ['id', 'kind', 'iso3', 'key', 'payload', 'baseVersion', 'status', 'why', 'proposedBy', 'proposedAt', 'reviewedBy', 'reviewedAt', 'comment'],
  },
  ProposalAnswer: { type: 'object', properties: { proposal: ref('Proposal') }, required: ['proposal'] },
  ProposalAccepted: {
    type: 'object',
    properties: {
      proposal: ref('Proposal'),
      current: { type: 'object', description: 'The record as now published, with its version.', properties: { version: integer(), record: { type: ['object', 'null'] } }, required: ['version', 'record'] },
    },
    required: ['proposal', 'current'],
  },
  ProposalList: { type: 'object', properties: { count: integer(), proposals: { type: 'array', items: ref('Proposal') } }, required: ['count', 'proposals'] },
  ReviewInput: { type: 'object', properties: { comment: string('Required to return a proposal; optional to accept one.') }, additionalProperties: false },
  AuditEntry: {
    type: 'object',
    properties: {
      id: integer(),
      at: DATE_TIME,
      actor: nullable(integer('Account id; null for imports.')),
      action: string('create, update, propose, accept, return, withdraw, import'),
      entity: string('account, proposal, cyberlaw, practice'),
      entityId: string(),
      before: { description: 'The record before the write (null when created).' },
      after: { description: 'The record after the write.' },
      why: nullable(string()),
    },
    required: ['id', 'at', 'actor', 'action', 'entity', 'entityId', 'before', 'after', 'why'],
  },
  AuditLog: { type: 'object', properties: { count: integer(), entries: { type: 'array', items: ref('AuditEntry') } }, required: ['count', 'entries'] },
};
