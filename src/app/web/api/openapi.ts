import { MAX_YEAR, MIN_YEAR } from '../../../domain/observation.ts';
import { QUERY, type Operation, type QueryParameter } from './contract.ts';
import {
  GROUP_ID,
  integer,
  ISO3,
  ref,
  string,
  YEARS,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type ResponseObject,
} from '../../questions/schema.ts';
import { schemas } from '../../questions/schemas/index.ts';
import { QUESTIONS } from '../../questions/index.ts';
import { defineQuestion, type Params, type Question } from '../../questions/question.ts';

const QUERY_PARAMETERS: Record<QueryParameter, ParameterObject> = {
  years: {
    name: 'years',
    in: 'query',
    description: `A year or a closed or open range of years: "2020", "2020-2022", "2015-" or "-2010" (${MIN_YEAR}–${MAX_YEAR}).`,
    schema: string(undefined, { pattern: YEARS }),
    example: '2020-2022',
  },
  format: {
    name: 'format',
    in: 'query',
    description:
      'The answer’s format. Without it, a request whose Accept header prefers text/csv gets CSV; otherwise JSON. ' +
      'CSV has a header row, RFC 4180 quoting, numbers at full precision and, for data, the vintage and source of each row.',
    schema: string(undefined, { enum: ['json', 'csv'] }),
  },
  country: {
    name: 'country',
    in: 'query',
    description: 'The country whose revenue is estimated: an ISO3 code (case does not matter). Give country or group, not both.',
    schema: string(undefined, { pattern: ISO3 }),
    example: 'NPL',
  },
  group: {
    name: 'group',
    in: 'query',
    description:
      'A group whose members’ revenue is estimated and totalled per year (members on 31 December of each year); WLD for every reporter with imports. ' +
      'Members without imports in the data are listed as "no data", never counted as zero.',
    schema: string(undefined, { pattern: GROUP_ID }),
    example: 'LDC',
  },
  list: {
    name: 'list',
    in: 'query',
    description: 'The product list (see /moratorium/lists); digitisable-hs2022 by default. Lists are concorded to the HS edition of each reporter’s imports.',
    schema: string(undefined, { pattern: '^[a-z0-9][a-z0-9-]{1,63}$' }),
    example: 'digitisable-hs2017',
  },
  tariff: {
    name: 'tariff',
    in: 'query',
    description:
      'The rate that stands for the duty: "bound" (the WTO ceiling), "mfn" (the MFN applied rate, the default) or "applied" ' +
      '(the lowest preference the partner is entitled to, else MFN).',
    schema: string(undefined, { enum: ['bound', 'mfn', 'applied'] }),
  },
  share: {
    name: 'share',
    in: 'query',
    description:
      'Share digitised s(k): a fraction for every line ("1", "0.6", "60%"), or per chapter, heading or HS6 line with an optional default ' +
      '("49:0.5,8523:1,*:0.8"; the longest prefix wins). 1 by default.',
    schema: string(),
    example: '49:0.5,*:1',
  },
  valuation: {
    name: 'valuation',
    in: 'query',
    description:
      'Customs value of carrier media bearing software: "content" (the declared value, the default) or "carrier" (the medium only, ' +
      'as the 1984 decision G/VAL/5 allows, on lines 8523.29, 8523.49 and 8523.80).',
    schema: string(undefined, { enum: ['content', 'carrier'] }),
  },
  carrier_share: {
    name: 'carrier_share',
    in: 'query',
    description: 'Under valuation=carrier, the medium’s share of the declared value of carrier-media lines (0–1 or a percentage); 0.1 by default.',
    schema: string(),
    example: '0.1',
  },
  elasticity: {
    name: 'elasticity',
    in: 'query',
    description:
      'Constant import-demand elasticity ε: 0 (static, the default) or negative down to -20; imports under a duty τ become M × (1 + τ)^ε.',
    schema: { type: 'number', minimum: -20, maximum: 0 },
    example: -1.5,
  },
  rollup: {
    name: 'rollup',
    in: 'query',
    description: 'How national tariff lines become one rate per HS6 line: "simple" average (the default) or import-"weighted" average.',
    schema: string(undefined, { enum: ['simple', 'weighted'] }),
  },
  lines: {
    name: 'lines',
    in: 'query',
    description: 'With true, JSON adds the breakdown per HS6 line, and CSV has one row per reporter, year and line instead of per reporter and year.',
    schema: { type: 'boolean' },
  },
  rate: {
    name: 'rate',
    in: 'query',
    required: true,
    description: 'The duty on electronic transmissions, percent ad valorem (0–1000; "10" or "10%").',
    schema: string(undefined, { pattern: '^\\s*\\+?\\d+(\\.\\d+)?\\s*%?\\s*$' }),
    example: '10',
  },
  base: {
    name: 'base',
    in: 'query',
    description:
      'The value of electronic transmissions the duty falls on, US dollars per year ("1000000", "1 000 000", "1,000,000" or "1e6"). ' +
      'Without it, the imports of the listed lines × share digitised × valuation factor in the latest year with data (404 when there are none).',
    schema: string(),
    example: '1000000',
  },
};

/** The format parameter of the estimate, which also answers a workbook. */
const ESTIMATE_FORMAT: ParameterObject = {
  ...QUERY_PARAMETERS.format,
  description:
    `${QUERY_PARAMETERS.format.description} With "xlsx", a workbook with the sheets results, lines, assumptions and vintages. ` +
    'Every CSV row repeats the assumptions (list, tariff, rollup, share, valuation, carrier_share, elasticity, years) and the vintages and source.',
  schema: string(undefined, { enum: ['json', 'csv', 'xlsx'] }),
};

/** The parameters of an operation: its path parameters, then exactly the query parameters the route accepts. */
function parameters(operation: Operation, path: readonly ParameterObject[] = [], overrides: Partial<Record<QueryParameter, ParameterObject>> = {}): ParameterObject[] {
  return [...path, ...QUERY[operation].map((name: QueryParameter) => overrides[name] ?? QUERY_PARAMETERS[name])];
}

const DATA_VERSION_HEADER = { 'x-data-version': { description: 'The data version the answer was computed from.', schema: integer() } };

function ok(description: string, schema: string, csv: string | null = null): ResponseObject {
  return {
    description,
    headers: {
      ...DATA_VERSION_HEADER,
      ...(csv ? { 'content-disposition': { description: `With format=csv: attachment; filename="${csv}"`, schema: string() } } : {}),
    },
    content: {
      'application/json; charset=utf-8': { schema: ref(schema) },
      ...(csv ? { 'text/csv; charset=utf-8': { schema: string('RFC 4180 CSV with a header row.') } } : {}),
    },
  };
}

const errors = (...statuses: ('400' | '401' | '403' | '404' | '409' | '413' | '415')[]) =>
  Object.fromEntries(statuses.map((s) => [s, { $ref: `#/components/responses/${s}` }]));

const errorResponse = (description: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

/** The operations not yet defined as questions, in the document's order. */
const handWritten: OpenApiDocument = {
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
    { name: 'meta', description: 'Vintages, status and this document' },
  ],
  paths: {
    '/moratorium/estimate': {
      get: {
        operationId: 'moratoriumEstimate',
        summary: 'Customs revenue forgone on digitisable imports, per country and year',
        description:
          'Revenue(c, t) = Σ over the listed HS6 lines k of imports M(c,k,t) × share digitised s(k) × valuation factor × rate τ(c,k,t) × (1 + τ)^ε. ' +
          'Each row gives the revenue in USD, the imports of the listed lines, those with a rate, the lines with and without a rate, the tariff ' +
          'year used, and the revenue as a share of customs and of government revenue; a group adds its totals per year with the members with data. ' +
          'Every assumption and the vintages used come with the answer, in every format.',
        tags: ['moratorium'],
        parameters: parameters('moratoriumEstimate', [], { format: ESTIMATE_FORMAT }),
        responses: {
          '200': {
            ...ok('The estimate.', 'MoratoriumEstimate', 'moratorium_{ID}_{tariff}_{years}.csv'),
            content: {
              ...ok('', 'MoratoriumEstimate', 'x').content,
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: string('A workbook: results, lines, assumptions, vintages.') },
            },
          },
          ...errors('400', '404'),
        },
      },
    },
    '/moratorium/sensitivity': {
      get: {
        operationId: 'moratoriumSensitivity',
        summary: 'How the estimate moves with each assumption',
        description: 'The total over the years (and members) of the estimate with one assumption varied at a time: tariff measure, roll-up, share digitised, valuation and elasticity.',
        tags: ['moratorium'],
        parameters: parameters('moratoriumSensitivity'),
        responses: { '200': ok('The variants, with the base case marked.', 'MoratoriumSensitivity', 'moratorium_{ID}_{tariff}_{years}_sensitivity.csv'), ...errors('400', '404') },
      },
    },
    '/moratorium/lists': {
      get: {
        operationId: 'moratoriumLists',
        summary: 'Product lists of digitisable goods, with their HS6 lines',
        tags: ['moratorium'],
        parameters: parameters('moratoriumLists'),
        responses: { '200': ok('Built-in and user-defined lists.', 'MoratoriumLists', 'moratorium_lists.csv'), ...errors('400') },
      },
    },
    '/moratorium/coverage': {
      get: {
        operationId: 'moratoriumCoverage',
        summary: 'Which reporters and years have imports and tariffs',
        tags: ['moratorium'],
        parameters: parameters('moratoriumCoverage'),
        responses: { '200': ok('Per reporter and HS edition.', 'MoratoriumCoverage', 'moratorium_coverage.csv'), ...errors('400') },
      },
    },
    '/moratorium/vat': {
      get: {
        operationId: 'moratoriumVat',
        summary: 'VAT/GST on digital supplies against the duty, on the same base',
        description:
          'Per country and year, the duty revenue of the estimate and the VAT/GST that the country’s rate in the registry (see /moratorium/vat-registry) ' +
          'would raise on the same base: the listed lines’ imports × share digitised × valuation factor, after the import response to the duty, ' +
          'plus the duty itself, as VAT is charged on value plus duty. Without a rate in the registry the VAT revenue is null (no data), never zero.',
        tags: ['moratorium'],
        parameters: parameters('moratoriumVat'),
        responses: { '200': ok('Duty and VAT per country and year, with the registry entries.', 'MoratoriumVat', 'moratorium_{ID}_{tariff}_{years}_vat.csv'), ...errors('400', '404') },
      },
    },
    '/moratorium/vat-registry': {
      get: {
        operationId: 'moratoriumVatRegistry',
        summary: 'VAT/GST on digital supplies from abroad, per country',
        description:
          'Rate, start, registration threshold, collection model and legislative status per country, merged field by field from the built-in ' +
          'legal facts, imported tracker editions and registries, and accepted questionnaire answers (the newest dated source stating a field wins), with the sources.',
        tags: ['moratorium'],
        parameters: parameters('moratoriumVatRegistry'),
        responses: { '200': ok('One entry per country.', 'MoratoriumVatRegistry', 'moratorium_vat_registry.csv'), ...errors('400') },
      },
    },
    '/moratorium/design': {
      get: {
        operationId: 'moratoriumDesign',
        summary: 'Simulate a duty on electronic transmissions for one country',
        description:
          'A duty of `rate` percent on a base B (the value given, or the listed lines’ imports), with a constant import-demand elasticity ε: ' +
          'imports after = B × (1 + t)^ε, revenue = t × imports after, cost to consumers = the exact loss of consumer surplus ' +
          'B × ((1 + t)^(ε+1) − 1)/(ε + 1) (B × ln(1 + t) when ε = −1), deadweight loss = cost − revenue; the revenue curve from 0 to 50% and ' +
          'the revenue-maximising rate 1/(−ε − 1) when ε < −1 (none when −1 ≤ ε ≤ 0). CSV: the chosen rate, the peak, then the curve.',
        tags: ['moratorium'],
        parameters: parameters('moratoriumDesign', [], {
          country: { ...QUERY_PARAMETERS.country, required: true, description: 'The country whose duty is simulated: an ISO3 code (case does not matter).' },
        }),
        responses: { '200': ok('The simulation, the curve and the peak.', 'MoratoriumDesign', 'moratorium_design_{ISO3}_{rate}pct_e{elasticity}.csv'), ...errors('400', '404') },
      },
    },
  },
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
 * The paths of the document, hand-written or made from the questions, listed by their first tag in the order
 * of the document's tags (countries, groups, indicators … meta), and within a tag in the order they are defined.
 */
function paths(): OpenApiDocument['paths'] {
  const result: OpenApiDocument['paths'] = structuredClone(handWritten.paths);
  for (const question of API_QUESTIONS) (result[question.path] ??= {})[question.method] = operationOf(question);
  const tags = handWritten.tags.map((t) => t.name);
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
export const openApiDocument: OpenApiDocument = { ...handWritten, paths: paths() };
