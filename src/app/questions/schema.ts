/**
 * The JSON Schema and OpenAPI 3.1 shapes the questions are described in: the parameters, the answers and
 * the document generated from them.
 */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

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
  operationId: string;
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
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string } | { type: 'apiKey'; in: 'cookie' | 'header'; name: string; description: string }>;
  };
}

/** A reference to one of the document's named schemas. */
export const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
/** A string schema. */
export const string = (description?: string, extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...(description ? { description } : {}), ...extra });
/** An integer schema. */
export const integer = (description?: string, extra: SchemaObject = {}): SchemaObject => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
/** A number schema. */
export const number = (description?: string): SchemaObject => ({ type: 'number', ...(description ? { description } : {}) });
/** A boolean schema. */
export const boolean = (description?: string): SchemaObject => ({ type: 'boolean', ...(description ? { description } : {}) });
/** An array schema. */
export const array = (items: Schema, description?: string): SchemaObject => ({ type: 'array', items, ...(description ? { description } : {}) });

/** The same schema, with null allowed. */
export function orNull(schema: Schema): Schema {
  if ('$ref' in schema) return { oneOf: [schema, { type: 'null' }] };
  const type = schema.type;
  if (type === undefined) return { oneOf: [schema, { type: 'null' }] };
  return { ...schema, type: [...(Array.isArray(type) ? type : [type]), 'null'] };
}

/** An object whose listed properties are all present unless named in `optional`. */
export function object(properties: Record<string, Schema>, description?: string, optional: readonly string[] = []): SchemaObject {
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

const DATA_VERSION_HEADER = { 'x-data-version': { description: 'The data version the answer was computed from.', schema: integer() } };

/** A successful answer in JSON (the named schema), and in CSV when `csv` names the download's file. */
export function ok(description: string, schema: string, csv: string | null = null): ResponseObject {
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

/** A JSON-only answer without the data-version header. */
export const jsonOnly = (description: string, schema: string): ResponseObject => ({ description, content: { 'application/json; charset=utf-8': { schema: ref(schema) } } });

/** The error answers an operation may give, by status (described once in the document's components). */
export const errors = (...statuses: ('400' | '401' | '403' | '404' | '409' | '413' | '415')[]) =>
  Object.fromEntries(statuses.map((s) => [s, { $ref: `#/components/responses/${s}` }]));

/** Writes through the API need the server's bearer token. */
export const WRITE = [{ bearer: [] }] as const;
/** The review workflow signs in with the session cookie of the web pages. */
export const SESSION = [{ session: [] }] as const;

/** The CSRF token every write of the review workflow sends. */
export const CSRF_HEADER: ParameterObject = {
  name: 'X-CSRF-Token',
  in: 'header',
  required: true,
  description: 'The CSRF token of the session (shown in the hidden "csrf" field of the signed-in pages); a write without it is refused (403).',
  schema: string(),
};
