import type { Context } from 'hono';
import { TEMPLATE_NAME, templateCsv, templateXlsx } from '../services/etready-template.ts';

/** The paths of the downloadable templates. */
export const TEMPLATE_PATHS = { csv: `/templates/${TEMPLATE_NAME}.csv`, xlsx: `/templates/${TEMPLATE_NAME}.xlsx` } as const;

/** GET /templates/{file}: the empty eT Ready action-matrix template, CSV or workbook. */
export function templateFile(c: Context): Response | Promise<Response> {
  const file = c.req.param('file');
  if (file === `${TEMPLATE_NAME}.csv`) {
    return new Response(templateCsv(), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${file}"` } });
  }
  if (file === `${TEMPLATE_NAME}.xlsx`) {
    return new Response(templateXlsx(), {
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${file}"` },
    });
  }
  return c.notFound();
}
