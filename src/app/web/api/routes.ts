import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Services } from '../../services/compose.ts';
import { groupAggregates } from './aggregates.ts';
import type { ApiOptions } from './contract.ts';
import { getCountry, listCountries } from './countries.ts';
import { MAX_BODY_BYTES } from './group-body.ts';
import { createGroup, deleteGroup, getGroup, listGroups, replaceGroup } from './groups.ts';
import { HttpError } from '../http-error.ts';
import { getIndicator, listIndicators, listObservations } from './indicators.ts';
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
  api.get('/countries', (c) => listCountries(c, deps));
  api.get('/countries/:iso3', (c) => getCountry(c, deps));
  api.get('/groups', (c) => listGroups(c, deps));
  api.use('/groups', limit);
  api.use('/groups/*', limit);
  api.post('/groups', (c) => createGroup(c, deps));
  api.get('/groups/:id', (c) => getGroup(c, deps));
  api.put('/groups/:id', (c) => replaceGroup(c, deps));
  api.delete('/groups/:id', (c) => deleteGroup(c, deps));
  api.get('/groups/:id/aggregates/:code', (c) => groupAggregates(c, deps));
  api.get('/indicators', (c) => listIndicators(c, deps));
  api.get('/indicators/:code', (c) => getIndicator(c, deps));
  api.get('/indicators/:code/observations', (c) => listObservations(c, deps));
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
