import type { Account } from '../../domain/accounts.ts';
import { BodyError, ForbiddenError } from '../../domain/errors.ts';
import type { ProposalStatus } from '../../domain/review.ts';
import { badParameter } from './params.ts';
import { allowedToPropose, checkFresh, proposalFromJson } from './proposal-input.ts';
import type { Exchange, Param } from './question.ts';
import { defineQuestion } from './question.ts';
import { CSRF_HEADER, errors, integer, jsonOnly, ref, SESSION, string } from './schema.ts';

/**
 * The review workflow: proposals, their review and the audit log. A session cookie signs the request in
 * (sign in through /{lang}/login); writes add the session's CSRF token as `X-CSRF-Token`. Both are checked
 * by the web application, as the operations' `security` says, before anything else is read.
 */

const STATUSES: readonly ProposalStatus[] = ['pending', 'accepted', 'returned', 'withdrawn'];

/** `status=pending`: only the proposals in this state. */
const status = {
  name: 'status',
  in: 'query',
  description: 'Only the proposals in this state.',
  schema: string(undefined, { enum: ['pending', 'accepted', 'returned', 'withdrawn'] }),
  example: 'pending',
  choices: STATUSES,
  parse: (raw) => {
    if (raw !== undefined && !(STATUSES as readonly string[]).includes(raw)) throw badParameter('status', `expected one of ${STATUSES.join(', ')}`);
    return raw as ProposalStatus | undefined;
  },
} satisfies Param<ProposalStatus | undefined>;

/** `limit=50`: the number of audit entries, 100 by default. */
const limit = {
  name: 'limit',
  in: 'query',
  description: 'The number of entries, newest first (1–1000; 100 by default).',
  schema: integer(undefined, { minimum: 1, maximum: 1000 }),
  example: 50,
  parse: (raw = '100') => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw badParameter('limit', `expected a whole number from 1 to 1000, got "${raw}"`);
    return n;
  },
} satisfies Param<number>;

/** `entity=proposal`: only the audit entries about this kind of record; any other word finds none. */
const entity = {
  name: 'entity',
  in: 'query',
  description: 'Only the entries about this kind of record: account, proposal, cyberlaw, practice, readiness-method, etready or strategy-measure.',
  schema: string(undefined, { enum: ['account', 'proposal', 'cyberlaw', 'practice', 'readiness-method', 'etready', 'strategy-measure'] }),
  choices: ['account', 'proposal', 'cyberlaw', 'practice', 'readiness-method', 'etready', 'strategy-measure'],
  parse: (raw) => raw || undefined,
} satisfies Param<string | undefined>;

/** `{id}` in a path: a proposal's number. */
const proposalId = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The proposal’s number.',
  schema: integer(undefined, { minimum: 1 }),
  example: 12,
  parse: (raw) => {
    const id = Number(raw);
    if (!Number.isInteger(id) || id < 1) throw badParameter('id', `"${raw}" is not a proposal number`);
    return id;
  },
} satisfies Param<number>;

/** The account that asks; the web application has checked its session (and a write's CSRF token) already. */
function accountOf(exchange: Exchange): Account {
  return (exchange.session as { account: Account }).account;
}

/** A JSON object body; an empty body reads as `{}` when none is required (a review without a comment). */
async function jsonBody(exchange: Exchange, required: boolean): Promise<Record<string, unknown>> {
  const text = await exchange.text();
  if (text.trim() === '' && !required) return {};
  if (!/^application\/json\b/i.test(exchange.header('content-type') ?? '')) throw new BodyError('unsupported-type', 'send JSON, with "Content-Type: application/json"');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badParameter('body', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badParameter('body', 'expected a JSON object');
  return body as Record<string, unknown>;
}

/** A review's comment: text, or null when there is none. */
function comment(body: Record<string, unknown>): string | null {
  const value = body.comment;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badParameter('comment', 'expected text');
  return value;
}

const WRITE_ERRORS = errors('400', '401', '403', '404', '409', '413', '415');

/** GET /proposals: the proposals the signed-in account may see, oldest first. */
export const proposals = defineQuestion({
  id: 'proposals',
  method: 'get',
  path: '/proposals',
  params: { status },
  doc: {
    summary: 'Proposals the signed-in account may see',
    description: 'An editor sees the proposals for its countries, a curator and an administrator all of them. Needs a session (401 without).',
    tags: ['review'],
    security: SESSION,
    responses: { '200': jsonOnly('The proposals, oldest first.', 'ProposalList'), ...errors('400', '401') },
  },
  async answer({ status }, { registry }, exchange) {
    const list = await registry.proposalsFor(accountOf(exchange), status);
    return { json: () => ({ count: list.length, proposals: list }) };
  },
});

/** POST /proposals: a change to a cyberlaw status or to questionnaire answers, kept from readers until a curator accepts it. */
export const propose = defineQuestion({
  id: 'propose',
  method: 'post',
  path: '/proposals',
  params: {},
  doc: {
    summary: 'Propose a change to a cyberlaw status or to questionnaire answers',
    description:
      'The change stays invisible to readers until a curator accepts it. Needs a session and its CSRF token in X-CSRF-Token. ' +
      'An editor proposes for its own countries only (403). A baseVersion older than the published record is refused with a 409 ' +
      'whose body carries `current` and `currentVersion`, to start again from.',
    tags: ['review'],
    extraParameters: [CSRF_HEADER],
    security: SESSION,
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: ref('ProposalInput'),
          example: {
            kind: 'cyberlaw',
            iso3: 'NPL',
            key: 'data-protection',
            baseVersion: 0,
            why: 'The Individual Privacy Act was adopted',
            payload: { status: 'legislation', asOf: '2018-10-18', source: 'Nepal Gazette', laws: [{ title: 'Individual Privacy Act, 2075', year: 2018, url: 'https://example.org/act' }] },
          },
        },
      },
    },
    responses: {
      '201': { description: 'The proposal, pending review.', content: { 'application/json; charset=utf-8': { schema: ref('ProposalAnswer') } } },
      ...WRITE_ERRORS,
    },
  },
  async answer(_input, { registry }, exchange) {
    const account = accountOf(exchange);
    const input = proposalFromJson(await jsonBody(exchange, true), 'request body');
    allowedToPropose(account, input.iso3);
    await checkFresh(registry, input);
    const proposal = await registry.propose(account, input, 'request body');
    return { json: () => ({ proposal }), status: 201, headers: { location: `/api/v1/proposals?status=pending#${proposal.id}` } };
  },
});

/** POST /proposals/{id}/accept: a curator publishes the change as the record's next version. */
export const acceptProposal = defineQuestion({
  id: 'acceptProposal',
  method: 'post',
  path: '/proposals/{id}/accept',
  params: { id: proposalId },
  doc: {
    summary: 'Accept a proposal and publish it (curators)',
    description:
      'Publishes the change as the record’s next version, in one transaction with its audit entry. When the record has moved on since the ' +
      'proposal was made, the answer is a 409 with the current record; the proposal stays pending. The body may carry a comment.',
    tags: ['review'],
    extraParameters: [CSRF_HEADER],
    security: SESSION,
    requestBody: { required: false, content: { 'application/json': { schema: ref('ReviewInput') } } },
    responses: {
      '200': { description: 'The accepted proposal and the record as now published.', content: { 'application/json; charset=utf-8': { schema: ref('ProposalAccepted') } } },
      ...WRITE_ERRORS,
    },
  },
  async answer({ id }, { obs, registry }, exchange) {
    const proposal = await registry.accept(accountOf(exchange), id, comment(await jsonBody(exchange, false)));
    // Readers see the published change at once, not after the next data-version check.
    await obs.refresh(true);
    const current = await registry.currentRecord(proposal.kind, proposal.iso3, proposal.key);
    return { json: () => ({ proposal, current }) };
  },
});

/** POST /proposals/{id}/return: a curator sends the proposal back to its editor with a comment. */
export const returnProposal = defineQuestion({
  id: 'returnProposal',
  method: 'post',
  path: '/proposals/{id}/return',
  params: { id: proposalId },
  doc: {
    summary: 'Return a proposal to its editor with a comment (curators)',
    tags: ['review'],
    extraParameters: [CSRF_HEADER],
    security: SESSION,
    requestBody: { required: true, content: { 'application/json': { schema: ref('ReviewInput'), example: { comment: 'Please add the link to the gazette.' } } } },
    responses: {
      '200': { description: 'The returned proposal.', content: { 'application/json; charset=utf-8': { schema: ref('ProposalAnswer') } } },
      ...WRITE_ERRORS,
    },
  },
  async answer({ id }, { registry }, exchange) {
    const proposal = await registry.return(accountOf(exchange), id, comment(await jsonBody(exchange, true)) ?? '', 'request body');
    return { json: () => ({ proposal }) };
  },
});

/** GET /audit: the audit log, newest first, for curators and administrators. */
export const audit = defineQuestion({
  id: 'audit',
  method: 'get',
  path: '/audit',
  params: { limit, entity },
  doc: {
    summary: 'The audit log, newest first (curators and administrators)',
    description: 'Every write: who, when, the record before and after, and why. The log is append-only.',
    tags: ['review'],
    security: SESSION,
    responses: { '200': jsonOnly('The latest entries.', 'AuditLog'), ...errors('400', '401', '403') },
  },
  admit(account) {
    if (account.disabled || (account.role !== 'curator' && account.role !== 'admin')) throw new ForbiddenError('only curators and administrators read the audit log');
  },
  async answer({ limit, entity }, { registry }) {
    const entries = await registry.auditLog({ limit, ...(entity ? { entity } : {}) });
    return { json: () => ({ count: entries.length, entries }) };
  },
});
