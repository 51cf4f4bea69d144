import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Services } from '../../services/compose.ts';
import { MAX_BODY_BYTES } from '../../questions/body.ts';
import { HttpError } from '../http-error.ts';
import { API_QUESTIONS } from './openapi.ts';
import { mountQuestions } from './mount.ts';

/**
 * The JSON (and CSV) API, mounted under /api/v1: one route per question (src/app/questions), the bodies
 * of writes limited in size. Errors are turned into `{ error: { status, message, parameter } }` by the
 * application's error handler.
 * @example app.route('/api/v1', apiRoutes(composeServices(store)))
 */
export function apiRoutes(services: Services): Hono {
  const api = new Hono();
  // Stops reading a body past the limit, with or without a Content-Length (a chunked upload included).
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
    },
  });
  for (const path of ['/groups', '/groups/*', '/proposals', '/proposals/*']) api.use(path, limit);
  mountQuestions(api, API_QUESTIONS, services);
  return api;
}
