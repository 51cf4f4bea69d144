import { safeFilename, toCsv, type CsvTable } from '../../services/csv.ts';

export { safeFilename } from '../../services/csv.ts';
import type { FormatChoice } from '../../questions/params.ts';

export type { CsvTable } from '../../services/csv.ts';

/** Headers added to every answer: the data version it was computed from, for instance. */
export type ExtraHeaders = Record<string, string>;

/**
 * A JSON answer, with the charset spelled out for clients that do not assume UTF-8.
 * @example return sendJson({ count: 0 }, 200)
 */
export function sendJson(body: unknown, status = 200, headers: ExtraHeaders = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
}

/**
 * A CSV download with a file name that says what it holds.
 * @example return sendCsv({ filename: 'vintages.csv', header: ['id'], rows: [[1]] })
 */
export function sendCsv(table: CsvTable, headers: ExtraHeaders = {}): Response {
  return new Response(toCsv(table.header, table.rows), {
    status: 200,
    headers: {
      ...headers,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${safeFilename(table.filename)}"`,
    },
  });
}

/**
 * The answer in the chosen format. When the format came from the Accept header, the same URL may answer
 * JSON or CSV: such answers say so with `Vary: Accept` (the response cache keys on the Accept header too).
 * @example return sendAs(choice, () => ({ rows }), () => ({ filename: 'x.csv', header, rows: cells }))
 */
export function sendAs(choice: FormatChoice, json: () => unknown, csv: () => CsvTable, headers: ExtraHeaders = {}): Response {
  const extra: ExtraHeaders = choice.negotiated ? { ...headers, vary: 'Accept' } : headers;
  return choice.format === 'csv' ? sendCsv(csv(), extra) : sendJson(json(), 200, extra);
}

/** An XLSX download. */
export function sendXlsx(bytes: Uint8Array, filename: string, headers: Record<string, string> = {}): Response {
  return new Response(bytes as unknown as ConstructorParameters<typeof Response>[0], {
    status: 200,
    headers: {
      ...headers,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${safeFilename(filename)}"`,
    },
  });
}
