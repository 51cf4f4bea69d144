import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthorizedError } from '../../domain/errors.ts';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Refuses a write unless the request carries `Authorization: Bearer <token>` with the server's token.
 * The comparison takes the same time whatever the guess, so the token cannot be found byte by byte.
 * @example requireToken(exchange.header('authorization'), services.apiToken)
 */
export function requireToken(authorization: string | undefined, token: string | undefined): void {
  if (!token) throw new ForbiddenError('writes are disabled: this server was started without an API token');
  const match = /^Bearer +(.*?)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) throw new UnauthorizedError('this write needs the header "Authorization: Bearer <token>" with the server’s API token');
  if (!timingSafeEqual(digest(match[1]), digest(token))) throw new UnauthorizedError('the bearer token is not this server’s API token');
}
