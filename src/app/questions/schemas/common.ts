import { integer, object, string, type SchemaObject } from '../schema.ts';

/** The units an indicator is measured in. */
export const UNITS = ['percent', 'per_100', 'per_million', 'per_100k_adults', 'usd', 'usd_per_person', 'intl_usd_per_person', 'people', 'count', 'index', 'lcu', 'lcu_per_usd'];

const localized: SchemaObject = {
  type: 'object',
  description: 'A text in several languages; English is always present and is the fallback.',
  properties: { en: string(), fr: string(), es: string(), pt: string() },
  required: ['en'],
  additionalProperties: false,
};

/** What every answer may use: the error every failure answers with, and a text in several languages. */
export const commonSchemas: Record<string, SchemaObject> = {
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
};
