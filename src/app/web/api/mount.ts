import type { Context, Hono } from 'hono';
import type { Params, Question, Reply } from '../../questions/question.ts';
import { readInput } from '../../questions/question.ts';
import { readQuery, type FormatChoice } from '../../questions/params.ts';
import type { Services } from '../../services/compose.ts';
import { requireSession, requireWriter, type Session } from '../session.ts';
import { sendCsv, sendJson, sendXlsx } from './respond.ts';

/** `/groups/{id}` as Hono writes it: `/groups/:id`. */
export const honoPath = (path: string): string => path.replace(/\{([^}]+)\}/g, ':$1');

/**
 * Adds one route per question to an API application: the request's parameters are read and checked by the
 * question's own definitions, the question answers, and the answer goes out in the format asked for.
 * @example mountQuestions(api, QUESTIONS, services)
 */
export function mountQuestions(api: Hono, questions: readonly Question<any, any>[], services: Services): void {
  for (const question of questions) {
    api.on(question.method.toUpperCase(), honoPath(question.path), (c) => answer(c, question, services));
  }
}

async function answer(c: Context, question: Question<any, any>, services: Services): Promise<Response> {
  const { obs } = services;
  const query = new URL(c.req.url).searchParams;
  const session = signedIn(c, question, query);
  const exchange = { header: (name: string) => c.req.header(name), text: () => c.req.text(), session };
  await question.authorize?.(exchange, services);
  const ctx = { ref: await obs.ref(), today: obs.today(), accept: c.req.header('accept') };
  const input = await readInput(question, query, c.req.param() as Record<string, string>, ctx, services);
  const reply = await question.answer(input, services, exchange);
  if (reply instanceof Response) return reply;
  const format = (input as { format?: FormatChoice | { format: 'xlsx'; negotiated: false } }).format;
  return send(reply, format);
}

/**
 * The session of a request. A question whose security names the session is for signed-in accounts: once
 * its query's names are known good and before any value is read, the request must come signed in (401)
 * and, for a write, from this site with the session's CSRF token (403); then the question admits the account or not.
 */
function signedIn(c: Context, question: Question<any, any>, query: URLSearchParams): Session | null {
  if (!question.doc.security?.some((scheme) => 'session' in scheme)) return c.get('session') ?? null;
  readQuery(query, Object.values(question.params as Params).filter((p) => p.in === 'query').map((p) => p.name));
  const session = question.method === 'get' ? requireSession(c) : requireWriter(c);
  question.admit?.(session.account);
  return session;
}

/** An answer in the chosen format; answers whose format came from the Accept header say so with `Vary: Accept`. */
export function send(reply: Reply, choice: FormatChoice | { format: 'xlsx'; negotiated: false } | undefined): Response {
  const headers = { ...(reply.headers ?? {}), ...(choice?.negotiated ? { vary: 'Accept' } : {}) };
  if (choice?.format === 'xlsx' && reply.xlsx) {
    const { bytes, filename } = reply.xlsx();
    return sendXlsx(bytes, filename, headers);
  }
  if (choice?.format === 'csv' && reply.csv) return sendCsv(reply.csv(), headers);
  return sendJson(reply.json(), reply.status ?? 200, headers);
}
