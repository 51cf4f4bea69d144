import { BodyError } from '../../domain/errors.ts';
import { badParameter } from './params.ts';
import type { Exchange } from './question.ts';

/** The largest request body accepted for a group: far above any real list of countries. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The JSON body of a write, refused when it is not JSON, too large or not an object.
 * @example const body = await readJsonBody(exchange)
 */
export async function readJsonBody(exchange: Exchange): Promise<Record<string, unknown>> {
  const type = exchange.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new BodyError('unsupported-type', 'send the group as JSON, with "Content-Type: application/json"');
  const length = Number(exchange.header('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new BodyError('too-large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
  const text = await exchange.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new BodyError('too-large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badParameter('body', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badParameter('body', 'expected a JSON object like {"id": "MY_GROUP", "names": {"en": "My group"}, "members": ["NGA", "KEN"]}');
  }
  return body as Record<string, unknown>;
}
