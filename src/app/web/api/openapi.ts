import { QUESTIONS } from '../../questions/index.ts';
import { defineQuestion, type Params, type Question } from '../../questions/question.ts';
import { errors, ref, type OpenApiDocument, type OperationObject, type ParameterObject, type ResponseObject } from '../../questions/schema.ts';
import { schemas } from '../../questions/schemas/index.ts';

const errorResponse = (description: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

/** The document without its paths: what the API is, its tags, and the components the operations refer to. */
const FRAME: Omit<OpenApiDocument, 'paths'> = {
  openapi: '3.1.0',
  info: {
    title: 'The Observatory API',
    version: '1.0.0',
    description:
      'Open data on the digital divide and e-commerce policy for ACP states, LDCs and small island states: countries, groups with ' +
      'dated memberships, indicators with their vintages, observations and group aggregates with coverage. Every figure carries ' +
      'its source and vintage. Errors are JSON objects `{ error: { status, message, parameter? } }`; unknown query parameters are refused.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/api/v1', description: 'This server' }],
  tags: [
    { name: 'countries', description: 'Countries and their memberships' },
    { name: 'groups', description: 'Groups of countries, their members over time and their aggregates' },
    { name: 'indicators', description: 'Indicators, their vintages and observations' },
    { name: 'moratorium', description: 'Customs revenue forgone under the moratorium on duties on electronic transmissions' },
    { name: 'cyberlaw', description: 'The cyberlaw registry: the status of e-commerce legislation per country and area, with the laws' },
    { name: 'practices', description: 'Member practices: the questionnaires, and the comparison tables compiled from the answers curators accepted' },
    { name: 'review', description: 'Proposals by country editors, their review by curators, and the audit log of every write' },
    { name: 'quality', description: 'Data-quality flags found at import: values out of range, jumps, statuses contradicting their laws' },
    { name: 'meta', description: 'Vintages, status and this document' },
  ],
  components: {
    schemas,
    responses: {
      '400': errorResponse('A bad parameter or body field; `parameter` names it.'),
      '401': errorResponse('A write without the server’s API token, or with a wrong one (the answer carries WWW-Authenticate: Bearer). For the review workflow: no session, or an expired one.'),
      '403': errorResponse('A write on a server started without an API token: writes are disabled. For the review workflow: a missing or wrong CSRF token, a cross-site request, or an account not allowed (an editor for another country, a non-curator reviewing).'),
      '404': errorResponse('No such country, group, indicator, product list or questionnaire; `parameter` names the one not found where it is a query or path parameter.'),
      '409': errorResponse('The group already exists. For the review workflow: the record has changed since the proposal’s base version (the body carries `current` and `currentVersion`), or the proposal was reviewed already.'),
      '413': errorResponse('The body is too large.'),
      '415': errorResponse('The body is not JSON.'),
    },
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'The API token the server was started with.' },
      session: { type: 'apiKey', in: 'cookie', name: 'obs_session', description: 'The session cookie set by signing in at /{lang}/login (HttpOnly, SameSite=Strict).' },
    },
  },
};

/** The OpenAPI operation of a question: its documentation, then its parameters from their definitions. */
export function operationOf(question: Question<any, any>): OperationObject {
  const { summary, description, tags, security, requestBody, responses, extraParameters } = question.doc;
  const params = Object.values(question.params as Params);
  const parameters: ParameterObject[] = [...params.filter((p) => p.in === 'path'), ...params.filter((p) => p.in === 'query')].map((p) => ({
    name: p.name,
    in: p.in,
    ...(p.required ? { required: true } : {}),
    description: p.description,
    schema: p.schema,
    ...(p.example !== undefined ? { example: p.example } : {}),
  }));
  return {
    operationId: question.id,
    summary,
    ...(description ? { description } : {}),
    tags,
    parameters: [...parameters, ...(extraParameters ?? [])],
    ...(security ? { security } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** GET /openapi.json: this document. */
export const openapi = defineQuestion({
  id: 'openapi',
  method: 'get',
  path: '/openapi.json',
  params: {},
  doc: {
    summary: 'This document',
    tags: ['meta'],
    responses: { '200': { description: 'The OpenAPI 3.1 document.', content: { 'application/json; charset=utf-8': { schema: { type: 'object' } } } }, ...errors('400') },
  },
  answer: async () => ({ json: () => openApiDocument }),
});

/** Every question the API answers, this document included. */
export const API_QUESTIONS: readonly Question<any, any>[] = [...QUESTIONS, openapi];

/**
 * The paths of the document, made from the questions, listed by their first tag in the order
 * of the document's tags (countries, groups, indicators … meta), and within a tag in the order they are defined.
 */
function paths(): OpenApiDocument['paths'] {
  const result: OpenApiDocument['paths'] = {};
  for (const question of API_QUESTIONS) (result[question.path] ??= {})[question.method] = operationOf(question);
  const tags = FRAME.tags.map((t) => t.name);
  const rank = (item: OpenApiDocument['paths'][string]): number => {
    const tag = Object.values(item)[0]?.tags[0];
    return tag !== undefined && tags.includes(tag) ? tags.indexOf(tag) : tags.length;
  };
  return Object.fromEntries(Object.entries(result).sort(([, a], [, b]) => rank(a) - rank(b)));
}

/**
 * The OpenAPI 3.1 description of every route under /api/v1, served at /api/v1/openapi.json.
 * @example openApiDocument.paths['/countries']?.get?.operationId // 'countries'
 */
export const openApiDocument: OpenApiDocument = { openapi: FRAME.openapi, info: FRAME.info, servers: FRAME.servers, tags: FRAME.tags, paths: paths(), components: FRAME.components };
