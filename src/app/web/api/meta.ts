import type { Context } from 'hono';
import { QUERY, type ApiOptions } from './contract.ts';
import { parseFormat, readQuery } from './params.ts';
import { sendAs, sendJson } from './respond.ts';

/** GET /vintages: every import, newest first, with its source, file, licence and dates. */
export async function listVintages(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.vintages);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const ref = await obs.ref();
  const vintages = [...ref.vintages.values()].sort((a, b) => b.id - a.id);
  return sendAs(
    choice,
    () => ({ count: vintages.length, vintages }),
    () => ({
      filename: 'vintages.csv',
      header: ['id', 'dataset', 'source', 'format', 'file_name', 'sha256', 'licence', 'source_url', 'published_at', 'imported_at', 'row_count', 'note'],
      rows: vintages.map((v) => [v.id, v.dataset, v.source, v.format, v.fileName, v.sha256, v.licence, v.sourceUrl, v.publishedAt, v.importedAt, v.rowCount, v.note]),
    }),
    { 'x-data-version': String(ref.version) },
  );
}

/** GET /status: the data version, the progress of the first fill and how much the Observatory holds. */
export async function getStatus(c: Context, { obs, fill, apiToken }: ApiOptions): Promise<Response> {
  readQuery(c.req.url, QUERY.status);
  const ref = await obs.ref();
  return sendJson(
    {
      dataVersion: ref.version,
      engine: obs.store.engine,
      today: obs.today(),
      fill: fill ? { running: fill.running, done: fill.done, total: fill.total, errors: fill.errors, origin: fill.origin } : null,
      counts: {
        countries: ref.countries.size,
        economies: ref.economies.size,
        aggregates: ref.aggregates.size,
        groups: ref.groups.size,
        indicators: ref.indicators.size,
        vintages: ref.vintages.size,
      },
      writable: Boolean(apiToken),
    },
    200,
    // The fill's progress and today's date change without the data version changing, so this is never cached.
    { 'cache-control': 'no-store', 'x-data-version': String(ref.version) },
  );
}
