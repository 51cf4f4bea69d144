import { GROUP_KINDS } from '../../../domain/group.ts';
import { MAX_BODY_BYTES } from './group-body.ts';
import type { Operation } from './contract.ts';

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), limited to the keywords this document needs. */
export interface SchemaObject {
  type?: JsonType | JsonType[];
  description?: string;
  format?: string;
  pattern?: string;
  enum?: readonly (string | number | boolean | null)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  additionalProperties?: boolean | Schema;
  oneOf?: readonly Schema[];
  allOf?: readonly Schema[];
  examples?: readonly unknown[];
}

/** A schema, or a reference to one of the document's named schemas. */
export type Schema = SchemaObject | { $ref: string; description?: string };

/** A parameter of an operation. */
export interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description: string;
  schema: Schema;
  example?: unknown;
}

interface MediaTypeObject {
  schema: Schema;
  example?: unknown;
}

/** One possible answer of an operation. */
export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: Schema }>;
  content?: Record<string, MediaTypeObject>;
}

/** One operation (a method on a path). */
export interface OperationObject {
  operationId: Operation;
  summary: string;
  description?: string;
  tags: readonly string[];
  parameters: readonly ParameterObject[];
  requestBody?: { required: boolean; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject | { $ref: string }>;
  security?: readonly Record<string, readonly string[]>[];
}

/** The methods the API uses. */
export type Method = 'get' | 'post' | 'put' | 'delete';

/** An OpenAPI 3.1 document. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: readonly { url: string; description: string }[];
  tags: readonly { name: string; description: string }[];
  paths: Record<string, Partial<Record<Method, OperationObject>>>;
  components: {
    schemas: Record<string, Schema>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
  };
}

/** A reference to one of the document's named schemas. */
export const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
/** A string schema. */
export const string = (description?: string, extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...(description ? { description } : {}), ...extra });
/** An integer schema. */
export const integer = (description?: string, extra: SchemaObject = {}): SchemaObject => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
/** A number schema. */
const number = (description?: string): SchemaObject => ({ type: 'number', ...(description ? { description } : {}) });
/** A boolean schema. */
const boolean = (description?: string): SchemaObject => ({ type: 'boolean', ...(description ? { description } : {}) });
/** An array schema. */
const array = (items: Schema, description?: string): SchemaObject => ({ type: 'array', items, ...(description ? { description } : {}) });

/** The same schema, with null allowed. */
function orNull(schema: Schema): Schema {
  if ('$ref' in schema) return { oneOf: [schema, { type: 'null' }] };
  const type = schema.type;
  if (type === undefined) return { oneOf: [schema, { type: 'null' }] };
  return { ...schema, type: [...(Array.isArray(type) ? type : [type]), 'null'] };
}

/** An object whose listed properties are all present unless named in `optional`. */
function object(properties: Record<string, Schema>, description?: string, optional: readonly string[] = []): SchemaObject {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
  };
}

/** ISO3 codes as paths and bodies accept them (any case). */
export const ISO3 = '^[A-Za-z]{3}$';
/** Group identifiers, as isGroupId checks them. */
export const GROUP_ID = '^[A-Z][A-Z0-9_-]{1,31}$';
/** Indicator codes, as isIndicatorCode checks them. */
export const INDICATOR_CODE = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
/** A comma-separated list of codes. */
export const CODE_LIST = '^\\s*[A-Za-z0-9_-]+\\s*(,\\s*[A-Za-z0-9_-]+\\s*)*$';
/** A year or a range of years, as parseYearRange reads them. */
export const YEARS = '^\\s*(\\d{4}\\s*(-\\s*(\\d{4})?)?|-\\s*\\d{4})\\s*$';
/** A date as YYYY-MM-DD. */
export const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const STATUSES = ['ok', 'insufficient_coverage', 'no_data', 'not_aggregable'] as const;
const UNITS = ['percent', 'per_100', 'per_million', 'per_100k_adults', 'usd', 'usd_per_person', 'intl_usd_per_person', 'people', 'count', 'index', 'lcu', 'lcu_per_usd'];
const TOPICS = ['connectivity', 'finance', 'economy', 'trade', 'fiscal', 'population'];

const localized: SchemaObject = {
  type: 'object',
  description: 'A text in several languages; English is always present and is the fallback.',
  properties: { en: string(), fr: string(), es: string(), pt: string() },
  required: ['en'],
  additionalProperties: false,
};

const vintageSummary = object(
  {
    id: integer(),
    source: string('Who publishes the data.'),
    dataset: string('Stable name of the dataset across vintages.'),
    fileName: orNull(string()),
    publishedAt: orNull(string('The source’s own "last updated" date.')),
    importedAt: string(undefined, { format: 'date-time' }),
    licence: orNull(string()),
    sourceUrl: orNull(string()),
  },
  'Where a figure comes from.',
);

const rule = object(
  {
    kind: string(undefined, { enum: ['sum', 'weighted_mean', 'none'] }),
    weight: string('The weight indicator of a weighted mean.'),
    reason: string('Why the indicator is not aggregated.'),
    description: string('The rule in words.'),
  },
  'How the members’ values combine into a group value.',
  ['weight', 'reason'],
);

const indicator = object(
  {
    code: string(undefined, { pattern: INDICATOR_CODE }),
    names: ref('Localized'),
    sourceName: orNull(string('The name the source gives it; null for derived indicators.')),
    unit: string(undefined, { enum: UNITS }),
    topic: string(undefined, { enum: TOPICS }),
    decimals: integer('Decimals shown on pages; the API keeps full precision.'),
    higherIsBetter: orNull(boolean()),
    headline: boolean(),
    rule: ref('Rule'),
    derived: orNull(object({ inputs: array(string()), formula: string() }, 'How a derived indicator is computed from others, per country and year.')),
    vintages: array(ref('VintageSummary'), 'The vintages the current figures come from (the inputs’ for a derived indicator).'),
    observations: integer(),
    firstYear: orNull(integer()),
    lastYear: orNull(integer()),
  },
);

const group = object(
  {
    id: string(undefined, { pattern: GROUP_ID }),
    kind: string(undefined, { enum: GROUP_KINDS }),
    names: ref('Localized'),
    description: ref('Localized'),
    wbCode: orNull(string('The World Bank’s code for its own aggregate of this group.')),
    source: string('Where the definition of the group comes from.'),
    editable: boolean('Whether the group is user-defined, so it can be replaced or deleted through the API.'),
  },
  undefined,
  ['description'],
);

const membership = object({
  iso3: string(),
  name: string(),
  status: string(undefined, { enum: ['member', 'associate', 'observer'] }),
  from: orNull(string('Start (inclusive); null: since before the records.', { format: 'date' })),
  to: orNull(string('End (exclusive); null: still a member.', { format: 'date' })),
  source: string(),
  note: orNull(string()),
});

/** The named schemas of the API's answers, bodies and errors. */
export const schemas: Record<string, Schema> = {
  Error: object({
    error: object(
      {
        status: integer(undefined, { enum: [400, 401, 403, 404, 409, 413, 415, 500, 503] }),
        message: string(),
        parameter: string('The query parameter or body field at fault.'),
      },
      undefined,
      ['parameter'],
    ),
  }),
  Localized: localized,
  M49Area: object({ code: string(undefined, { pattern: '^\\d{3}$' }), name: string() }),
  Country: object({
    iso3: string(undefined, { pattern: '^[A-Z]{3}$' }),
    iso2: orNull(string(undefined, { pattern: '^[A-Z]{2}$' })),
    m49: orNull(string(undefined, { pattern: '^\\d{3}$' })),
    names: ref('Localized'),
    region: orNull(ref('M49Area')),
    subregion: orNull(ref('M49Area')),
    intermediateRegion: orNull(ref('M49Area')),
  }),
  CountryList: object({ count: integer(), countries: array(ref('Country')) }),
  CountryDetail: {
    allOf: [
      ref('Country'),
      object({
        name: string(),
        memberships: array(
          object({
            group: string(),
            groupNames: ref('Localized'),
            kind: orNull(string(undefined, { enum: GROUP_KINDS })),
            status: string(undefined, { enum: ['member', 'associate', 'observer'] }),
            from: orNull(string(undefined, { format: 'date' })),
            to: orNull(string(undefined, { format: 'date' })),
            source: string(),
            note: orNull(string()),
            current: boolean('A full member today.'),
          }),
        ),
        groupsToday: array(string(), 'Groups the country is a full member of today.'),
        headline: array(
          object({
            indicator: string(),
            names: ref('Localized'),
            unit: string(undefined, { enum: UNITS }),
            year: orNull(integer('The latest year with a value.')),
            value: orNull(number()),
            vintages: array(ref('VintageSummary')),
          }),
          'The latest value of each headline indicator with data.',
        ),
      }),
    ],
  },
  VintageSummary: vintageSummary,
  Vintage: object({
    id: integer(),
    dataset: string(),
    source: string(),
    format: string(),
    fileName: orNull(string()),
    sha256: string(),
    licence: orNull(string()),
    sourceUrl: orNull(string()),
    publishedAt: orNull(string()),
    importedAt: string(undefined, { format: 'date-time' }),
    rowCount: integer(),
    note: orNull(string()),
  }),
  VintageList: object({ count: integer(), vintages: array(ref('Vintage')) }),
  Group: group,
  GroupSummary: { allOf: [ref('Group'), object({ membersToday: integer('Members counted in aggregates today.') })] },
  GroupList: object({ count: integer(), date: string(undefined, { format: 'date' }), groups: array(ref('GroupSummary')) }),
  Membership: membership,
  GroupDetail: {
    allOf: [
      ref('Group'),
      object({
        at: string('The date of `members`.', { format: 'date' }),
        members: array(object({ iso3: string(), name: string() }), 'Full members on `at` (for the world: every country).'),
        memberships: array(ref('Membership'), 'Every dated membership, past and present.'),
      }),
    ],
  },
  UserGroupInput: {
    type: 'object',
    description: `A user-defined group (at most ${MAX_BODY_BYTES} bytes). In a PUT, id may be left out; if given it must match the URL.`,
    properties: {
      id: string(undefined, { pattern: GROUP_ID }),
      names: ref('Localized'),
      description: ref('Localized'),
      members: { type: 'array', items: string(undefined, { pattern: ISO3 }), minItems: 1 },
    },
    required: ['names', 'members'],
    additionalProperties: false,
  },
  Rule: rule,
  Indicator: indicator,
  IndicatorList: object({ count: integer(), indicators: array(ref('Indicator')) }),
  IndicatorDetail: {
    allOf: [
      ref('Indicator'),
      object({
        history: array(
          object({
            vintage: ref('VintageSummary'),
            current: boolean(),
            sourceName: string(),
            observations: integer(),
            firstYear: orNull(integer()),
            lastYear: orNull(integer()),
          }),
          'Every vintage that carried the indicator, newest first (empty for derived indicators).',
        ),
      }),
    ],
  },
  IndicatorHead: object(
    { code: string(), names: ref('Localized'), unit: string(undefined, { enum: UNITS }), formula: string('For a derived indicator.') },
    undefined,
    ['formula'],
  ),
  Observation: object({
    indicator: string(),
    country: string('ISO3 code of a country, or the World Bank code of one of its aggregates.'),
    name: string(),
    year: integer(),
    value: number('Full precision.'),
    vintage: orNull(integer('The vintage of the value; null for a derived indicator, whose values come from the vintages listed at the top.')),
  }),
  ObservationList: object({
    indicator: ref('IndicatorHead'),
    years: orNull(object({ from: integer(), to: integer() })),
    source: string(),
    vintages: array(ref('VintageSummary')),
    count: integer(),
    rows: array(ref('Observation')),
  }),
  AggregateRow: object({
    year: integer(),
    value: orNull(number('Null when withheld or not computable; see status.')),
    status: string(undefined, { enum: STATUSES }),
    rule: string(undefined, { enum: ['sum', 'weighted_mean', 'none'] }),
    membersWithData: integer(),
    membersTotal: integer(),
    populationCovered: orNull(number('Share (0–1) of the group’s population living in members with data.')),
    worldBank: orNull(
      object({
        code: string(),
        value: number('The World Bank’s own published value.'),
        difference: orNull(number('Observatory minus World Bank.')),
        relativeDifference: orNull(number()),
        agrees: orNull(boolean('Within 1% of each other.')),
      }),
    ),
  }),
  AggregateSeries: object({
    group: object({ id: string(), kind: string(undefined, { enum: GROUP_KINDS }), names: ref('Localized'), wbCode: orNull(string()) }),
    indicator: ref('IndicatorHead'),
    rule: ref('Rule'),
    basis: string(undefined, { enum: ['current', 'historical'] }),
    at: orNull(string('The membership date for basis=current; null for historical.', { format: 'date' })),
    minCoverage: { type: 'number', minimum: 0, maximum: 1 },
    coverageRule: string(),
    worldBankCode: orNull(string('The World Bank aggregate compared with, when it has data.')),
    source: string(),
    vintages: array(ref('VintageSummary'), 'The vintages of the indicator, its weight and the population used for coverage.'),
    count: integer(),
    rows: array(ref('AggregateRow')),
  }),
  Status: object({
    dataVersion: integer(),
    engine: string(undefined, { enum: ['duckdb', 'postgres'] }),
    today: string(undefined, { format: 'date' }),
    fill: orNull(object({ running: boolean(), done: integer(), total: integer(), errors: array(string()), origin: orNull(string('the folder or API the data came from')) })),
    counts: object({
      countries: integer(),
      economies: integer(),
      aggregates: integer(),
      groups: integer(),
      indicators: integer(),
      vintages: integer(),
    }),
    writable: boolean('Whether the server has an API token, so writes are possible.'),
  }),
};

