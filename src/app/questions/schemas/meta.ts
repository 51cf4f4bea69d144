import { array, boolean, integer, object, orNull, ref, string, type Schema } from '../schema.ts';

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

/** Where figures come from: the vintage every figure names, and the list of every import. */
export const vintageSchemas: Record<string, Schema> = {
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
};

/** The state of the server: data version, engine, first-start fill and counts. */
export const statusSchemas: Record<string, Schema> = {
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
