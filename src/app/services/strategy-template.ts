import { exampleRow, MEASURE_COLUMNS, MEASURE_HEADER } from '../../domain/strategies/template.ts';
import { POLICY_AREAS } from '../../domain/tracking.ts';
import { toCsv } from './csv.ts';
import { toXlsx } from './xlsx.ts';

export type TemplateFormat = 'csv' | 'xlsx';

/** The addresses the empty templates are served at. */
export const TEMPLATE_PATHS: Record<TemplateFormat, string> = { csv: '/templates/strategy-measures.csv', xlsx: '/templates/strategy-measures.xlsx' };

/** The empty strategy-measures template: the header and one example row, commented out ("#"), so it imports nothing as it is. */
export function templateCsv(): string {
  return toCsv(MEASURE_HEADER, [exampleRow()]);
}

/**
 * The same template as a workbook: the sheet to fill in first (header and the commented example row), then
 * a README sheet with each column, whether it is required and what to write; the importer reads the first sheet.
 */
export function templateXlsx(): Uint8Array {
  return toXlsx([
    { name: 'measures', header: MEASURE_HEADER, rows: [exampleRow()] },
    {
      name: 'README',
      header: ['column', 'required', 'what to write'],
      rows: [
        ...MEASURE_COLUMNS.map((c) => [c.header, c.required ? 'yes' : 'no', c.help]),
        ['', '', ''],
        ['rows', '', 'One row per status change of a measure; the measure’s fields on its first row. A row whose first cell starts with # is a comment. Any error (file, line, field) stops the import and nothing is stored.'],
        ['policy areas', '', POLICY_AREAS.join(', ')],
      ],
    },
  ]);
}

/** The template in a format, with its content type and file name. */
export function template(format: TemplateFormat): { body: string | Uint8Array; contentType: string; filename: string } {
  return format === 'csv'
    ? { body: templateCsv(), contentType: 'text/csv; charset=utf-8', filename: 'strategy-measures.csv' }
    : { body: templateXlsx(), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: 'strategy-measures.xlsx' };
}
