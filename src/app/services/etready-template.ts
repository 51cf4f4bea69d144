import { MATRIX_COLUMNS, MATRIX_HEADER } from '../../domain/etready/matrix.ts';
import { POLICY_AREAS } from '../../domain/tracking.ts';
import { toCsv } from './csv.ts';
import { toXlsx } from './xlsx.ts';

/** The template's file name, without extension. */
export const TEMPLATE_NAME = 'etready-action-matrix';

/** The empty action-matrix template as CSV: its header line only. */
export function templateCsv(): string {
  return toCsv(MATRIX_HEADER, []);
}

/**
 * The empty template as a workbook: the sheet to fill in first (its header only; the import reads the
 * first sheet), then a sheet describing each column in English and French, with an example, and the
 * seven policy areas.
 */
export function templateXlsx(): Uint8Array {
  return toXlsx([
    { name: 'action matrix', header: MATRIX_HEADER, rows: [] },
    {
      name: 'columns',
      header: ['column', 'required for', 'example', 'what it holds', 'contenu'],
      rows: [
        ...MATRIX_COLUMNS.map((c) => [c.name, c.requiredFor.join(', '), c.example, c.en, c.fr]),
        ...POLICY_AREAS.map((a) => ['area', '', a, 'policy area id (the reports’ names are accepted too)', 'identifiant du domaine (les noms des rapports sont aussi acceptés)']),
      ],
    },
  ]);
}
