import { defineQuestion } from './question.ts';
import { format } from './common.ts';
import { errors, ok } from './schema.ts';

/** GET /vintages: every import, newest first, with its source, file, licence and dates. */
export const vintages = defineQuestion({
  id: 'vintages',
  method: 'get',
  path: '/vintages',
  params: { format },
  doc: {
    summary: 'All vintages (imports), newest first',
    tags: ['meta'],
    responses: { '200': ok('Every vintage.', 'VintageList', 'vintages.csv'), ...errors('400') },
  },
  async answer(_input, { obs }) {
    const ref = await obs.ref();
    const list = [...ref.vintages.values()].sort((a, b) => b.id - a.id);
    return {
      json: () => ({ count: list.length, vintages: list }),
      csv: () => ({
        filename: 'vintages.csv',
        header: ['id', 'dataset', 'source', 'format', 'file_name', 'sha256', 'licence', 'source_url', 'published_at', 'imported_at', 'row_count', 'note'],
        rows: list.map((v) => [v.id, v.dataset, v.source, v.format, v.fileName, v.sha256, v.licence, v.sourceUrl, v.publishedAt, v.importedAt, v.rowCount, v.note]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** GET /status: the data version, the progress of the first fill and how much the Observatory holds. */
export const status = defineQuestion({
  id: 'status',
  method: 'get',
  path: '/status',
  params: {},
  doc: {
    summary: 'Data version, fill progress and counts',
    tags: ['meta'],
    responses: { '200': ok('The status.', 'Status'), ...errors('400') },
  },
  async answer(_input, { obs, fill, apiToken }) {
    const ref = await obs.ref();
    return {
      json: () => ({
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
      }),
      // The fill's progress and today's date change without the data version changing, so this is never cached.
      headers: { 'cache-control': 'no-store', 'x-data-version': String(ref.version) },
    };
  },
});
