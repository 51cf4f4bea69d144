import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http-error.ts';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Refuses a write unless the request carries `Authorization: Bearer <token>` with the server's token.
 * The comparison takes the same time whatever the guess, so the token cannot be found byte by byte.
 * @example requireToken(c.req.header('authorization'), options.apiToken)
 */
export function requireToken(authorization: string | undefined, token: string | undefined): void {
  if (!token) throw new HttpError(403, 'writes are disabled: this server was started without an API token');
  const match = /^Bearer +(.*?)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) throw new HttpError(401, 'this write needs the header "Authorization: Bearer <token>" with the server’s API token');
  if (!timingSafeEqual(digest(match[1]), digest(token))) throw new HttpError(401, 'the bearer token is not this server’s API token');
}
