import { InputError } from '../../../domain/errors.ts';
import { parseDesignParams, type DesignParams } from '../../../domain/moratorium/design.ts';
import { parseEstimateOptions, type EstimateOptions } from '../../../domain/moratorium/options.ts';
import { MoratoriumService } from '../../services/moratorium.ts';
import { Observatory } from '../../services/observatory.ts';
import { FORMAT_OPTION, outputFormat, parse, UsageError, type Command } from '../command.ts';
import { globalSettings, withStore, type GlobalSettings } from '../settings.ts';
import { moratoriumUsage } from './moratorium-help.ts';
import {
  ACTIONS,
  flagOf,
  MORATORIUM_OPTIONS,
  parameters,
  PARSE_OPTIONS,
  withNegativeValues,
  type Action,
  type MoratoriumOption,
  type Values,
} from './moratorium-options.ts';
import { printDesign, printEstimate, printReference } from './moratorium-print.ts';

/** Bad options are usage errors (exit 2) named by their flag. */
function usage(error: unknown): never {
  if (error instanceof InputError && error.location.field) throw new UsageError(`${flagOf(error.location.field)}: ${error.reason}`);
  throw error;
}

/** Refuses the options given that the action does not take, naming them in the list's order. */
function refuseOthers(action: Action, values: Values): void {
  const given = MORATORIUM_OPTIONS.filter((o: MoratoriumOption) => !o.actions.includes(action) && values[o.flag] !== undefined);
  if (given.length) throw new UsageError(`moratorium ${action} takes no ${given.map((o) => `--${o.flag}`).join(', ')}`);
}

/** The estimate's options and, for design, the duty; checked before the database is opened. */
function readOptions(action: Action, values: Values): { options: EstimateOptions; design: DesignParams | null } {
  let options: EstimateOptions;
  try {
    options = parseEstimateOptions(parameters('assumption', values), 'command line');
  } catch (error) {
    usage(error);
  }
  if (values.lines && action !== 'estimate') throw new UsageError('--lines applies to moratorium estimate only');
  if (action !== 'design') {
    if (values.rate !== undefined || values.base !== undefined) throw new UsageError('--rate and --base apply to moratorium design only');
    return { options, design: null };
  }
  // The base is shaped by the list, share, valuation and years only; a tariff measure or roll-up would be silently ignored.
  refuseOthers(action, values);
  if (!values.country) throw new UsageError('--country: give the country whose duty is simulated, such as NPL');
  try {
    return { options, design: parseDesignParams(parameters('duty', values), 'command line') };
  } catch (error) {
    usage(error);
  }
}

/** Opens the store and the estimator, with the English names of countries and economies, for the work. */
function withService(settings: GlobalSettings, work: (service: MoratoriumService, nameOf: (iso3: string) => string) => Promise<number>): Promise<number> {
  return withStore(settings, async (store) => {
    const obs = new Observatory(store);
    const service = new MoratoriumService(obs);
    const ref = await obs.ref();
    return work(service, (iso3) => ref.countries.get(iso3)?.names.en ?? ref.economies.get(iso3)?.name ?? iso3);
  });
}

/**
 * `observatory moratorium <action>`: the customs revenue forgone under the moratorium on duties on
 * electronic transmissions, its sensitivity, VAT/GST on the same base, a duty's design, and the reference tables.
 * @example await moratorium.run(['estimate', '--country', 'NPL', '--years', '2019-2022'], io)
 */
export const moratorium: Command = {
  name: 'moratorium',
  usage: moratoriumUsage(),
  async run(args, io) {
    const { values, positionals } = parse(withNegativeValues(args), { ...FORMAT_OPTION, ...PARSE_OPTIONS });
    const format = outputFormat(values.format);
    const [name = 'estimate', extra] = positionals;
    if (extra !== undefined) throw new UsageError(`moratorium ${name} takes options only, got "${extra}"`);
    if (!(ACTIONS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown moratorium action "${name}"; use ${ACTIONS.slice(0, -1).join(', ')} or ${ACTIONS.at(-1)}`);
    }
    const action = name as Action;
    const settings = globalSettings(values);
    if (action === 'lists' || action === 'coverage' || action === 'vat-registry') {
      refuseOthers(action, values);
      return withService(settings, (service, nameOf) => printReference(io, format, service, action, nameOf));
    }
    const { options, design } = readOptions(action, values);
    return withService(settings, async (service, nameOf) => {
      const target = await service.target({ country: values.country, group: values.group }, 'command line').catch(usage);
      if (design) return printDesign(io, format, service, target.id, options, design, nameOf);
      return printEstimate(io, format, service, target, options, { action: action as 'estimate' | 'sensitivity' | 'vat', lines: values.lines === true }, nameOf);
    });
  },
};
