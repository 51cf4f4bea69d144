import { MAX_YEAR, MIN_YEAR } from '../../../domain/observation.ts';
import { QUERY, type Operation, type QueryParameter } from './contract.ts';
import {
  CODE_LIST,
  DATE,
  GROUP_ID,
  INDICATOR_CODE,
  integer,
  ISO3,
  ref,
  schemas,
  string,
  YEARS,
  type OpenApiDocument,
  type ParameterObject,
  type ResponseObject,
} from './openapi-schemas.ts';

const QUERY_PARAMETERS: Record<QueryParameter, ParameterObject> = {
  countries: {
    name: 'countries',
    in: 'query',
    description:
      'Comma-separated ISO3 codes of countries (and economies), or World Bank aggregate codes present in the data (WLD, SSF …). ' +
      'Case does not matter. Unknown codes are refused with a 400 that names them.',
    schema: string(undefined, { pattern: CODE_LIST }),
    example: 'NGA,KEN,WLD',
  },
  groups: {
    name: 'groups',
    in: 'query',
    description: 'Comma-separated group ids: adds the groups’ members today to the countries asked for.',
    schema: string(undefined, { pattern: CODE_LIST }),
    example: 'ACP,LDC',
  },
  years: {
    name: 'years',
    in: 'query',
    description: `A year or a closed or open range of years: "2020", "2020-2022", "2015-" or "-2010" (${MIN_YEAR}–${MAX_YEAR}).`,
    schema: string(undefined, { pattern: YEARS }),
    example: '2020-2022',
  },
  vintage: {
    name: 'vintage',
    in: 'query',
    description: 'Read this vintage (see /vintages and the indicator’s history) instead of the current one. Not for derived indicators.',
    schema: integer(undefined, { minimum: 1 }),
    example: 3,
  },
  format: {
    name: 'format',
    in: 'query',
    description:
      'The answer’s format. Without it, a request whose Accept header prefers text/csv gets CSV; otherwise JSON. ' +
      'CSV has a header row, RFC 4180 quoting, numbers at full precision and, for data, the vintage and source of each row.',
    schema: string(undefined, { enum: ['json', 'csv'] }),
  },
  basis: {
    name: 'basis',
    in: 'query',
    description:
      'Whose membership counts in each year: "current" (the members on `at`, today by default, for every year, as the World Bank does) ' +
      'or "historical" (the members at the end of each year).',
    schema: string(undefined, { enum: ['current', 'historical'] }),
  },
  at: {
    name: 'at',
    in: 'query',
    description: 'The date membership is read on, YYYY-MM-DD; today by default. For aggregates, only with basis=current.',
    schema: string(undefined, { format: 'date', pattern: DATE }),
    example: '2024-12-31',
  },
  minCoverage: {
    name: 'minCoverage',
    in: 'query',
    description: 'The smallest share (0–1) of the group’s population that members with data must hold for a value to be given; 2/3 by default.',
    schema: { type: 'number', minimum: 0, maximum: 1 },
    example: 0.5,
  },
};

const PATH = {
  iso3: { name: 'iso3', in: 'path', required: true, description: 'ISO 3166-1 alpha-3 code of a country (case does not matter).', schema: string(undefined, { pattern: ISO3 }), example: 'NGA' },
  id: { name: 'id', in: 'path', required: true, description: 'Group id (case does not matter when reading).', schema: string(undefined, { pattern: GROUP_ID }), example: 'ACP' },
  code: { name: 'code', in: 'path', required: true, description: 'Indicator code, as the World Bank writes it.', schema: string(undefined, { pattern: INDICATOR_CODE }), example: 'IT.NET.USER.ZS' },
} satisfies Record<string, ParameterObject>;

/** The parameters of an operation: its path parameters, then exactly the query parameters the route accepts. */
function parameters(operation: Operation, path: readonly ParameterObject[] = []): ParameterObject[] {
  return [...path, ...QUERY[operation].map((name: QueryParameter) => QUERY_PARAMETERS[name])];
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

const WRITE = [{ bearer: [] }] as const;

const errorResponse = (description: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

/**
 * The OpenAPI 3.1 description of every route under /api/v1, served at /api/v1/openapi.json.
 * @example openApiDocument.paths['/countries']?.get?.operationId // 'countries'
 */
export const openApiDocument: OpenApiDocument = {
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
    { name: 'meta', description: 'Vintages, status and this document' },
  ],
  paths: {
    '/countries': {
      get: {
        operationId: 'countries',
        summary: 'All countries',
        tags: ['countries'],
        parameters: parameters('countries'),
        responses: { '200': ok('Every country with its codes, names and M49 regions.', 'CountryList', 'countries.csv'), ...errors('400') },
      },
    },
    '/countries/{iso3}': {
      get: {
        operationId: 'country',
        summary: 'One country',
        description: 'The country, its memberships with dates and sources, and the latest value of each headline indicator.',
        tags: ['countries'],
        parameters: parameters('country', [PATH.iso3]),
        responses: { '200': ok('The country.', 'CountryDetail'), ...errors('400', '404') },
      },
    },
    '/groups': {
      get: {
        operationId: 'groups',
        summary: 'All groups',
        tags: ['groups'],
        parameters: parameters('groups'),
        responses: { '200': ok('Every group with its member count today.', 'GroupList', 'groups.csv'), ...errors('400') },
      },
      post: {
        operationId: 'createGroup',
        summary: 'Create a user-defined group',
        description: 'Needs the server’s API token. Refuses ids of groups defined by a source (400) and ids already taken by a user group (409).',
        tags: ['groups'],
        parameters: parameters('createGroup'),
        security: WRITE,
        requestBody: { required: true, content: { 'application/json': { schema: ref('UserGroupInput'), example: { id: 'MY_GROUP', names: { en: 'My group', fr: 'Mon groupe' }, members: ['NGA', 'KEN'] } } } },
        responses: {
          '201': { ...ok('The group as stored.', 'GroupDetail'), headers: { ...DATA_VERSION_HEADER, location: { description: 'The group’s URL.', schema: string() } } },
          ...errors('400', '401', '403', '409', '413', '415'),
        },
      },
    },
    '/groups/{id}': {
      get: {
        operationId: 'group',
        summary: 'One group',
        description: 'The group’s definition, its dated memberships, and its members on `at`.',
        tags: ['groups'],
        parameters: parameters('group', [PATH.id]),
        responses: { '200': ok('The group.', 'GroupDetail'), ...errors('400', '404') },
      },
      put: {
        operationId: 'replaceGroup',
        summary: 'Create or replace a user-defined group',
        description: 'Needs the server’s API token. Groups defined by a source cannot be replaced (400).',
        tags: ['groups'],
        parameters: parameters('replaceGroup', [PATH.id]),
        security: WRITE,
        requestBody: { required: true, content: { 'application/json': { schema: ref('UserGroupInput') } } },
        responses: {
          '200': ok('The group, replaced.', 'GroupDetail'),
          '201': ok('The group, created.', 'GroupDetail'),
          ...errors('400', '401', '403', '409', '413', '415'),
        },
      },
      delete: {
        operationId: 'deleteGroup',
        summary: 'Delete a user-defined group',
        description: 'Needs the server’s API token. Groups defined by a source cannot be deleted (400).',
        tags: ['groups'],
        parameters: parameters('deleteGroup', [PATH.id]),
        security: WRITE,
        responses: { '204': { description: 'Deleted.' }, ...errors('400', '401', '403', '404', '409') },
      },
    },
    '/groups/{id}/aggregates/{code}': {
      get: {
        operationId: 'aggregates',
        summary: 'A group’s value of an indicator, per year',
        description:
          'Computed from the members’ values by the indicator’s rule (sum, or mean weighted by population or another indicator), ' +
          'with the coverage of each value and the World Bank’s own published value for the same group where it has one.',
        tags: ['groups', 'indicators'],
        parameters: parameters('aggregates', [PATH.id, PATH.code]),
        responses: { '200': ok('The series.', 'AggregateSeries', '{GROUP}_{CODE}_aggregates_{years}_{basis}.csv'), ...errors('400', '404') },
      },
    },
    '/indicators': {
      get: {
        operationId: 'indicators',
        summary: 'All indicators with data',
        tags: ['indicators'],
        parameters: parameters('indicators'),
        responses: { '200': ok('Every indicator with its rule, vintages and coverage.', 'IndicatorList', 'indicators.csv'), ...errors('400') },
      },
    },
    '/indicators/{code}': {
      get: {
        operationId: 'indicator',
        summary: 'One indicator',
        tags: ['indicators'],
        parameters: parameters('indicator', [PATH.code]),
        responses: { '200': ok('The indicator with its vintage history.', 'IndicatorDetail'), ...errors('400', '404') },
      },
    },
    '/indicators/{code}/observations': {
      get: {
        operationId: 'observations',
        summary: 'Values of an indicator per country and year',
        tags: ['indicators'],
        parameters: parameters('observations', [PATH.code]),
        responses: { '200': ok('The values with their sources.', 'ObservationList', '{CODE}_observations_{years}.csv'), ...errors('400', '404') },
      },
    },
    '/vintages': {
      get: {
        operationId: 'vintages',
        summary: 'All vintages (imports), newest first',
        tags: ['meta'],
        parameters: parameters('vintages'),
        responses: { '200': ok('Every vintage.', 'VintageList', 'vintages.csv'), ...errors('400') },
      },
    },
    '/status': {
      get: {
        operationId: 'status',
        summary: 'Data version, fill progress and counts',
        tags: ['meta'],
        parameters: parameters('status'),
        responses: { '200': ok('The status.', 'Status'), ...errors('400') },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        tags: ['meta'],
        parameters: parameters('openapi'),
        responses: { '200': { description: 'The OpenAPI 3.1 document.', content: { 'application/json; charset=utf-8': { schema: { type: 'object' } } } }, ...errors('400') },
      },
    },
  },
  components: {
    schemas,
    responses: {
      '400': errorResponse('A bad parameter or body field; `parameter` names it.'),
      '401': errorResponse('A write without the server’s API token, or with a wrong one (the answer carries WWW-Authenticate: Bearer).'),
      '403': errorResponse('A write on a server started without an API token: writes are disabled.'),
      '404': errorResponse('No such country, group or indicator.'),
      '409': errorResponse('The group already exists.'),
      '413': errorResponse('The body is too large.'),
      '415': errorResponse('The body is not JSON.'),
    },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The API token the server was started with.' } },
  },
};
