import type { Context } from 'hono';
import * as etready from '../services/etready-template.ts';
import * as strategy from '../services/strategy-template.ts';

/** The paths of the downloadable eT Ready action-matrix template. */
export const TEMPLATE_PATHS = { csv: `/templates/${etready.TEMPLATE_NAME}.csv`, xlsx: `/templates/${etready.TEMPLATE_NAME}.xlsx` } as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

/** Each downloadable template by its file name: its media type and its content, made from the template's one column list. */
const TEMPLATES: Record<string, { type: string; body: () => string | Uint8Array }> = {
  [`${etready.TEMPLATE_NAME}.csv`]: { type: CSV, body: etready.templateCsv },
  [`${etready.TEMPLATE_NAME}.xlsx`]: { type: XLSX, body: etready.templateXlsx },
  'strategy-measures.csv': { type: CSV, body: strategy.templateCsv },
  'strategy-measures.xlsx': { type: XLSX, body: strategy.templateXlsx },
};

/** GET /templates/{file}: an empty template a country or secretariat fills in and imports (eT Ready action matrix, strategy measures). */
export function templateFile(c: Context): Response {
  const file = c.req.param('file') ?? '';
  const t = Object.hasOwn(TEMPLATES, file) ? TEMPLATES[file] : undefined;
  if (!t) return c.notFound() as Response;
  return new Response(t.body(), { headers: { 'content-type': t.type, 'content-disposition': `attachment; filename="${file}"` } });
}
