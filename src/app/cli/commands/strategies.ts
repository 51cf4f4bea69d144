import { writeFile } from 'node:fs/promises';
import { importFile } from '../../../adapters/importers/import-file.ts';
import { strategies as listQuestion } from '../../questions/strategies.ts';
import { strategy as showQuestion } from '../../questions/strategy.ts';
import { template } from '../../services/strategy-template.ts';
import { parse, UsageError, type Command, type Io } from '../command.ts';
import { flagParams, mention, parseOptions, readFlags } from '../question-flags.ts';
import { globalSettings, withServices, withStore } from '../settings.ts';
import { printColumns } from '../table.ts';

const QUESTIONS = [listQuestion, showQuestion];

function listFormat(value: string | undefined): 'table' | 'csv' | 'json' {
  if (value === undefined || value === 'table' || value === 'csv' || value === 'json') return value ?? 'table';
  throw new UsageError(`--format must be table, csv or json, got "${value}"`);
}

/** Runs a question's answer and prints it: JSON as is, or its table (all columns as CSV, the main ones as a table). */
async function printAnswer(io: Io, format: 'table' | 'csv' | 'json', reply: unknown, columns: string[]): Promise<void> {
  if (reply instanceof Response) throw new Error('the strategies question answered with a response');
  const r = reply as { json: () => unknown; csv?: () => { header: readonly string[]; rows: Iterable<readonly unknown[]> } };
  if (format === 'json') {
    io.out.write(`${JSON.stringify(r.json(), null, 2)}\n`);
    return;
  }
  const table = r.csv?.();
  if (!table) throw new Error('the strategies question has no table');
  printColumns(io.out, format, { header: [...table.header], rows: [...table.rows] as never }, columns);
}

/**
 * `observatory strategies list | show ID | import FILE | template`: the strategies' shares at a date (flags
 * from the API's questions), one strategy's measures, a filled-in strategy-measures template imported
 * (CSV or XLSX; nothing stored on any error), and the empty template.
 * @example await strategies.run(['show', 'pacific', '--date', '2024-04-18'], io)
 */
export const strategies: Command = {
  name: 'strategies',
  usage: [
    { form: 'strategies [list]', summary: `shares of measures under implementation and completed per strategy and area (${flagParams(listQuestion).map((p) => mention(p, 'flag')).join(', ')}, --format table|csv|json)` },
    { form: 'strategies show <ID>', summary: `one strategy's measures with their status on the date (${flagParams(showQuestion).map((p) => mention(p, 'flag')).join(', ')}, --format table|csv|json)` },
    { form: 'strategies import <FILE>', summary: 'import a filled-in strategy-measures template (.csv or .xlsx); any error names file, line and field and stores nothing' },
    { form: 'strategies template [--format csv|xlsx] [--out FILE]', summary: 'the empty strategy-measures template (an .xlsx needs --out)' },
  ],
  async run(args, io) {
    const { values, positionals } = parse(args, { format: { type: 'string' }, out: { type: 'string' }, ...parseOptions(QUESTIONS) });
    const [action = 'list', target, ...rest] = positionals;
    if (rest.length) throw new UsageError(`strategies ${action} takes one argument, got "${positionals.slice(1).join(' ')}"`);
    const settings = globalSettings(values as Record<string, string | undefined>);
    const call = { header: () => undefined, text: async () => '', session: null };
    if (action === 'template') {
      const format = (values.format as string | undefined) ?? 'csv';
      if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--format must be csv or xlsx, got "${format}"`);
      const t = template(format);
      const out = values.out as string | undefined;
      if (out !== undefined) {
        await writeFile(out, t.body);
        io.out.write(`wrote ${out}\n`);
      } else if (typeof t.body === 'string') io.out.write(t.body);
      else throw new UsageError('an .xlsx template is written to a file: add --out strategy-measures.xlsx');
      return 0;
    }
    if (action === 'import') {
      if (!target) throw new UsageError('strategies import needs a file (.csv or .xlsx)');
      return withStore(settings, async (store) => {
        const r = await importFile(store, target, { format: 'strategy-measures' });
        io.out.write(`${r.file}: ${r.status}${r.vintage ? ` (vintage ${r.vintage.id}${r.vintage.note ? `: ${r.vintage.note}` : ''})` : ''}${r.reason ? ` — ${r.reason}` : ''}\n`);
        return 0;
      });
    }
    const format = listFormat(values.format as string | undefined);
    if (action === 'list') {
      if (target) throw new UsageError(`strategies list takes no argument, got "${target}"`);
      return withServices(settings, async (services) => {
        const input = await readFlags(listQuestion, values, QUESTIONS, 'strategies list', services, {});
        await printAnswer(io, format, await listQuestion.answer(input, services, call), ['strategy_id', 'date', 'area', 'measures_counted', 'under_implementation_pct', 'completed_pct', 'dropped', 'latest_published_date', 'published_under_implementation_pct', 'published_completed_pct']);
        return 0;
      });
    }
    if (action === 'show') {
      if (!target) throw new UsageError('strategies show needs a strategy id (see strategies list)');
      return withServices(settings, async (services) => {
        const input = await readFlags(showQuestion, values, QUESTIONS, 'strategies show', services, { id: target });
        await printAnswer(io, format, await showQuestion.answer(input, services, call), ['measure_id', 'area', 'measure', 'priority', 'budget', 'currency', 'funding_committed', 'status_on_date', 'history']);
        return 0;
      });
    }
    throw new UsageError(`unknown strategies action "${action}"; use list, show, import or template`);
  },
};
