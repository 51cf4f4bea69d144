import type { EstimateOptions } from '../../../domain/moratorium/options.ts';
import type { Question } from '../../questions/question.ts';
import type { Services } from '../../services/compose.ts';
import type { EstimateTarget } from '../../services/moratorium-results.ts';
import { FORMAT_OPTION, outputFormat, parse, UsageError, type Command } from '../command.ts';
import { parseOptions, queryOf, readFlags, withNegativeValues } from '../question-flags.ts';
import { globalSettings, withServices } from '../settings.ts';
import { moratoriumUsage } from './moratorium-help.ts';
import { ACTION_QUESTIONS, ACTIONS, MORATORIUM_QUESTIONS, type Action } from './moratorium-options.ts';
import { printDesign, printEstimate, printReference } from './moratorium-print.ts';

/** What the actions' questions read: the target and options of an estimate, the duty of a design, the lines switch. */
type Input = Partial<{ target: EstimateTarget; options: EstimateOptions; rate: number; base: number | undefined; lines: boolean }>;

/** The English name of a country, economy or aggregate, for the tables. */
async function namer({ obs }: Services): Promise<(iso3: string) => string> {
  const ref = await obs.ref();
  return (iso3) => ref.countries.get(iso3)?.names.en ?? ref.economies.get(iso3)?.name ?? iso3;
}

/**
 * `observatory moratorium <action>`: the customs revenue forgone under the moratorium on duties on
 * electronic transmissions, its sensitivity, VAT/GST on the same base, a duty's design, and the reference
 * tables. Each action asks one question of src/app/questions/moratorium.ts: its flags, their checks and
 * their messages are the question's parameters.
 * @example await moratorium.run(['estimate', '--country', 'NPL', '--years', '2019-2022'], io)
 */
export const moratorium: Command = {
  name: 'moratorium',
  usage: moratoriumUsage(),
  async run(args, io) {
    const { values, positionals } = parse(withNegativeValues(args, MORATORIUM_QUESTIONS), { ...FORMAT_OPTION, ...parseOptions(MORATORIUM_QUESTIONS) });
    const format = outputFormat(values.format as string | undefined);
    const [name = 'estimate', extra] = positionals;
    if (extra !== undefined) throw new UsageError(`moratorium ${name} takes options only, got "${extra}"`);
    if (!(ACTIONS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown moratorium action "${name}"; use ${ACTIONS.slice(0, -1).join(', ')} or ${ACTIONS.at(-1)}`);
    }
    const action = name as Action;
    const question = ACTION_QUESTIONS[action];
    // Flags of another action are refused before the database is opened.
    queryOf(question, values, MORATORIUM_QUESTIONS, `moratorium ${action}`);
    return withServices(globalSettings(values as Record<string, string | undefined>), async (services) => {
      const input: Input = await readFlags(question as Question<any, Input>, values, MORATORIUM_QUESTIONS, `moratorium ${action}`, services);
      const nameOf = await namer(services);
      const service = services.moratorium;
      if (action === 'lists' || action === 'coverage' || action === 'vat-registry') return printReference(io, format, service, action, nameOf);
      const { target, options } = input as Required<Pick<Input, 'target' | 'options'>>;
      if (action === 'design') return printDesign(io, format, service, target.id, options, { ratePct: input.rate as number, baseUsd: input.base }, nameOf);
      return printEstimate(io, format, service, target, options, { action, lines: input.lines === true }, nameOf);
    });
  },
};
