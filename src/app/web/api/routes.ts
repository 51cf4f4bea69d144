import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Services } from '../../services/compose.ts';
import type { ApiOptions } from './contract.ts';
import { MAX_BODY_BYTES } from '../../questions/body.ts';
import { HttpError } from '../http-error.ts';
import { moratoriumCoverage, moratoriumDesign, moratoriumEstimate, moratoriumLists, moratoriumSensitivity, moratoriumVat, moratoriumVatRegistry } from './moratorium.ts';
import { API_QUESTIONS } from './openapi.ts';
import { mountQuestions } from './mount.ts';

/**
 * The JSON (and CSV) API, mounted under /api/v1. Errors are thrown as HttpError and turned into
 * `{ error: { status, message, parameter } }` by the application's error handler.
 * @example app.route('/api/v1', apiRoutes(composeServices(store)))
 */
export function apiRoutes(services: Services): Hono {
  const deps: ApiOptions = services;
  const api = new Hono();
  // Stops reading a body past the limit, with or without a Content-Length (a chunked upload included).
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
    },
  });
  api.use('/groups', limit);
  api.use('/groups/*', limit);
  api.get('/moratorium/estimate', (c) => moratoriumEstimate(c, deps));
  api.get('/moratorium/sensitivity', (c) => moratoriumSensitivity(c, deps));
  api.get('/moratorium/lists', (c) => moratoriumLists(c, deps));
  api.get('/moratorium/coverage', (c) => moratoriumCoverage(c, deps));
  api.get('/moratorium/vat', (c) => moratoriumVat(c, deps));
  api.get('/moratorium/vat-registry', (c) => moratoriumVatRegistry(c, deps));
  api.get('/moratorium/design', (c) => moratoriumDesign(c, deps));
  api.use('/proposals', limit);
  api.use('/proposals/*', limit);
  mountQuestions(api, API_QUESTIONS, services);
  return api;
}
