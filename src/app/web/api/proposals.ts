import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { RegistryStore } from '../../../adapters/storage/registry-store.ts';
import type { ProposalStatus } from '../../../domain/review.ts';
import type { Observatory } from '../../services/observatory.ts';
import type { RegistryService } from '../../services/registry.ts';
import { badParameter, HttpError } from '../http-error.ts';
import { allowedToPropose, checkFresh, proposalFromJson } from '../proposal-input.ts';
import { checkSameOrigin, requireCsrf, requireSession, type Session } from '../session.ts';
import { QUERY } from './contract.ts';
import { readQuery } from '../../questions/params.ts';
import { sendJson } from './respond.ts';

/** A proposal or review body is small; far larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;
const STATUSES: readonly ProposalStatus[] = ['pending', 'accepted', 'returned', 'withdrawn'];

/** The checks of every write, in order: from this site, signed in (401), with the session's CSRF token (403). */
function writer(c: Context): Session {
  checkSameOrigin(c);
  const session = requireSession(c);
  requireCsrf(session, c.req.header('x-csrf-token'));
  return session;
}

/** A JSON object body; an empty body reads as `{}` (a review without a comment). */
async function jsonBody(c: Context, required: boolean): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '' && !required) return {};
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) throw new HttpError(415, 'send JSON, with "Content-Type: application/json"');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badParameter('body', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badParameter('body', 'expected a JSON object');
  return body as Record<string, unknown>;
}

function proposalId(c: Context): number {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id < 1) throw badParameter('id', `"${c.req.param('id')}" is not a proposal number`);
  return id;
}

function comment(body: Record<string, unknown>): string | null {
  const value = body.comment;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badParameter('comment', 'expected text');
  return value;
}

/**
 * The review workflow over JSON: proposals, their review and the audit log. A session cookie signs the
 * request in (sign in through /{lang}/login); writes add the session's CSRF token as `X-CSRF-Token`.
 * @example api.route('/', proposalRoutes({ obs, registry, store }))
 */
export function proposalRoutes(deps: { obs: Observatory; registry: RegistryService; store: RegistryStore }): Hono {
  const { obs, registry, store } = deps;
  const api = new Hono();
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
    },
  });

  api.use('/proposals', limit);
  api.use('/proposals/*', limit);
  api.get('/proposals', async (c) => {
    const query = readQuery(c.req.url, QUERY.proposals);
    const session = requireSession(c);
    const status = query.get('status');
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw badParameter('status', `expected one of ${STATUSES.join(', ')}`);
    const proposals = await registry.proposalsFor(session.account, status as ProposalStatus | undefined);
    return sendJson({ count: proposals.length, proposals });
  });

  api.post('/proposals', async (c) => {
    readQuery(c.req.url, QUERY.propose);
    const session = writer(c);
    const input = proposalFromJson(await jsonBody(c, true), 'request body');
    allowedToPropose(session.account, input.iso3);
    await checkFresh(registry, input);
    const proposal = await registry.propose(session.account, input, 'request body');
    return sendJson({ proposal }, 201, { location: `/api/v1/proposals?status=pending#${proposal.id}` });
  });

  api.post('/proposals/:id/accept', async (c) => {
    readQuery(c.req.url, QUERY.acceptProposal);
    const session = writer(c);
    const id = proposalId(c);
    const proposal = await registry.accept(session.account, id, comment(await jsonBody(c, false)));
    // Readers see the published change at once, not after the next data-version check.
    await obs.refresh(true);
    return sendJson({ proposal, current: await registry.currentRecord(proposal.kind, proposal.iso3, proposal.key) });
  });

  api.post('/proposals/:id/return', async (c) => {
    readQuery(c.req.url, QUERY.returnProposal);
    const session = writer(c);
    const id = proposalId(c);
    const proposal = await registry.return(session.account, id, comment(await jsonBody(c, true)) ?? '', 'request body');
    return sendJson({ proposal });
  });

  api.get('/audit', async (c) => {
    const query = readQuery(c.req.url, QUERY.audit);
    const { account } = requireSession(c);
    if (account.disabled || (account.role !== 'curator' && account.role !== 'admin')) throw new HttpError(403, 'only curators and administrators read the audit log');
    const limitText = query.get('limit') ?? '100';
    const n = Number(limitText);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw badParameter('limit', `expected a whole number from 1 to 1000, got "${limitText}"`);
    const entity = query.get('entity');
    const entries = await store.auditLog({ limit: n, ...(entity ? { entity } : {}) });
    return sendJson({ count: entries.length, entries });
  });
  return api;
}
