import { etready as etreadyQuestion } from '../../questions/etready.ts';
import { FORMAT_OPTION, outputFormat, parse, UsageError, type Command } from '../command.ts';
import { flagParams, mention, parseOptions, readFlags } from '../question-flags.ts';
import { globalSettings, withServices } from '../settings.ts';
import { printColumns } from '../table.ts';
import { ETREADY_MATRIX_USAGE, etreadyImport, etreadyShow, etreadyTemplate } from './etready-matrix.ts';

/**
 * `observatory etready`: the eTrade Readiness Assessments recorded and the requests still waiting; the flags
 * are the parameters of the API's question. As CSV, every country, the uncovered ones "not-recorded".
 * @example await etready.run(['--groups', 'LDC'], io)
 */
export const etready: Command = {
  name: 'etready',
  usage: [{ form: 'etready', summary: `eTrade Readiness Assessments and the requests still waiting (${flagParams(etreadyQuestion).map((p) => mention(p, 'flag')).join(', ')})` }, ...ETREADY_MATRIX_USAGE],
  async run(args, io) {
    if (args[0] === 'template') return etreadyTemplate(args.slice(1), io);
    if (args[0] === 'import') return etreadyImport(args.slice(1), io);
    if (args[0] === 'show') return etreadyShow(args.slice(1), io);
    const { values, positionals } = parse(args, { ...FORMAT_OPTION, ...parseOptions([etreadyQuestion]) });
    if (positionals.length > 0) throw new UsageError(`etready takes no argument, got "${positionals.join(' ')}"`);
    const format = outputFormat(values.format as string | undefined);
    return withServices(globalSettings(values as Record<string, string | undefined>), async (services) => {
      const input = await readFlags(etreadyQuestion, values, [etreadyQuestion], 'etready', services, {});
      const reply = await etreadyQuestion.answer(input, services, { header: () => undefined, text: async () => '', session: null });
      if (reply instanceof Response) throw new Error('the etready question answered with a response');
      const table = reply.csv?.();
      if (!table) throw new Error('the etready question has no table');
      const rows = [...table.rows].filter((r) => format === 'csv' || r[3] !== 'not-recorded');
      printColumns(io.out, format, { header: [...table.header], rows: [...rows] }, ['iso3', 'name', 'status', 'requested', 'in_preparation', 'published', 'implementation_review', 'days_waiting', 'symbol']);
      if (format === 'table') {
        const a = reply.json() as { notRecorded: number; waiting: unknown[]; partial: string };
        io.out.write(`\n${a.waiting.length} requests still waiting; ${a.notRecorded} countries not recorded. ${a.partial}\n`);
      }
      return 0;
    });
  },
};
