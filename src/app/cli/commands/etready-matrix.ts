import { writeFile } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import { InputError } from '../../../domain/errors.ts';
import { importFile } from '../../../adapters/importers/import-file.ts';
import { ensureReference } from '../../../adapters/importers/folder.ts';
import { etreadyCountryQuestion } from '../../questions/etready-matrix.ts';
import { TEMPLATE_NAME, templateCsv, templateXlsx } from '../../services/etready-template.ts';
import { outputFormat, parse, UsageError, type HelpEntry, type Io } from '../command.ts';
import { parseOptions, readFlags } from '../question-flags.ts';
import { globalSettings, withServices, withStore } from '../settings.ts';
import { printColumns } from '../table.ts';

/** The forms of `observatory etready` beyond the overview. */
export const ETREADY_MATRIX_USAGE: readonly HelpEntry[] = [
  { form: 'etready template [--format csv|xlsx] [--out FILE]', summary: '\nthe empty eT Ready action-matrix template (CSV on the standard output by default)' },
  { form: 'etready import FILE', summary: 'import a filled-in action matrix (CSV or XLSX), checked line by line' },
  { form: 'etready show ISO3 [--date YYYY-MM-DD]', summary: '\na country’s action matrix and the shares implemented on the date, per area' },
];

/** `etready template`: the empty template, as CSV (standard output or --out) or as a workbook (--out required). */
export async function etreadyTemplate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`etready template takes no argument, got "${positionals.join(' ')}"`);
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--format must be csv or xlsx, got "${format}"`);
  if (format === 'xlsx') {
    if (!values.out) throw new UsageError(`a workbook is written to a file: give --out ${TEMPLATE_NAME}.xlsx`);
    await writeFile(values.out, templateXlsx());
    io.err.write(`wrote ${values.out}\n`);
    return 0;
  }
  if (values.out) {
    await writeFile(values.out, templateCsv());
    io.err.write(`wrote ${values.out}\n`);
  } else io.out.write(templateCsv());
  return 0;
}

/** `etready import FILE`: a filled-in template, CSV or XLSX, as one vintage; the first bad line refuses it all. */
export async function etreadyImport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('etready import needs one file (CSV or XLSX)');
  const path = positionals[0] as string;
  if (!(await stat(path).catch(() => null))?.isFile()) throw new InputError('no such file', { file: path });
  return withStore(globalSettings(values), async (store) => {
    await ensureReference(store);
    const r = await importFile(store, path, { format: 'etready-matrix', label: path, ...(values.force ? { force: true } : {}) });
    io.err.write(`  ${r.file}: ${r.status === 'imported' ? `imported as vintage ${r.vintage?.id} (${r.vintage?.rowCount} rows)` : `${r.status} (${r.reason})`}\n`);
    return r.status === 'skipped' ? 1 : 0;
  });
}

/** `etready show ISO3 [--date]`: the shares per area on the date, then the recommendations with their status on it. */
export async function etreadyShow(args: string[], io: Io): Promise<number> {
  const q = etreadyCountryQuestion;
  const { values, positionals } = parse(args, { format: { type: 'string' }, ...parseOptions([q]) });
  if (positionals.length !== 1) throw new UsageError('etready show needs one ISO3 code');
  const format = outputFormat(values.format as string | undefined);
  return withServices(globalSettings(values as Record<string, string | undefined>), async (services) => {
    const input = await readFlags(q, values, [q], 'etready show', services, { iso3: positionals[0] as string });
    const reply = await q.answer(input, services, { header: () => undefined, text: async () => '', session: null });
    if (reply instanceof Response) throw new Error('the etready country question answered with a response');
    const a = reply.json() as { date: string; matrix: string; overall: Record<string, number | null> | null; byArea: (Record<string, number | null> & { area: string })[] };
    const table = reply.csv?.();
    if (!table) throw new Error('the etready country question has no table');
    if (format === 'csv') {
      printColumns(io.out, 'csv', { header: [...table.header], rows: [...table.rows] }, [...table.header]);
      return 0;
    }
    if (a.overall === null) io.out.write(`${positionals[0]?.toUpperCase()}: ${a.matrix}\n`);
    else {
      const rows = [...a.byArea.map((s) => [s.area, s.counted, s.completedPct, s.underImplementationPct, s.dropped]), ['overall', a.overall.counted, a.overall.completedPct, a.overall.underImplementationPct, a.overall.dropped]];
      io.out.write(`shares on ${a.date}\n`);
      printColumns(io.out, 'table', { header: ['area', 'counted', 'completed_pct', 'under_implementation_pct', 'dropped'], rows }, ['area', 'counted', 'completed_pct', 'under_implementation_pct', 'dropped']);
      io.out.write('\n');
      printColumns(io.out, 'table', { header: [...table.header], rows: [...table.rows] }, ['recommendation_id', 'area', 'status_at_date', 'priority', 'lead_agency', 'recommendation']);
    }
    return 0;
  });
}
