import type { ParseArgsConfig } from 'node:util';
import { ROLLUPS, TARIFF_MEASURES, VALUATIONS } from '../../../domain/moratorium/options.ts';

/** The actions of `observatory moratorium`, in the order its usage error names them. */
export const ACTIONS = ['estimate', 'sensitivity', 'vat', 'design', 'lists', 'coverage', 'vat-registry'] as const;
export type Action = (typeof ACTIONS)[number];

/** The actions that estimate the duty, and so read the estimate's options. */
const ESTIMATING = ['estimate', 'sensitivity', 'vat', 'design'] as const satisfies readonly Action[];
/** The actions a group or a tariff measure applies to: every estimate but the design of one country's duty. */
const OF_A_TARGET = ['estimate', 'sensitivity', 'vat'] as const satisfies readonly Action[];

/**
 * One option of `observatory moratorium`: its flag, the API parameter it sets, the actions that take it
 * and how the help shows it.
 */
export interface MoratoriumOption {
  flag: string;
  /** The name the API, the page's form and the estimate's options use: `carrier-share` is `carrier_share`. */
  parameter: string;
  type: 'string' | 'boolean';
  /**
   * target: whose imports; assumption: an option of the estimate (`ESTIMATE_PARAMS`); output: what is
   * printed; duty: the simulated duty of `design`.
   */
  kind: 'target' | 'assumption' | 'output' | 'duty';
  actions: readonly Action[];
  /** A value the help shows with the flag where an example helps, such as `--country NPL`. */
  example?: string;
  /** The values the option takes, shown in the help as `--tariff bound|mfn|applied`. */
  choices?: readonly string[];
  /** Words the help adds after the flag, such as `--lines for each HS6 line`. */
  note?: string;
  /** Takes negative numbers (`--elasticity -1.5`), which would otherwise read as an option. */
  signed?: true;
}

/** Every option of `observatory moratorium`, in the order the help and the usage errors name them. */
export const MORATORIUM_OPTIONS = [
  { flag: 'country', parameter: 'country', type: 'string', kind: 'target', actions: ESTIMATING, example: 'NPL' },
  { flag: 'group', parameter: 'group', type: 'string', kind: 'target', actions: OF_A_TARGET, example: 'LDC' },
  { flag: 'years', parameter: 'years', type: 'string', kind: 'assumption', actions: ESTIMATING },
  { flag: 'list', parameter: 'list', type: 'string', kind: 'assumption', actions: ESTIMATING },
  { flag: 'tariff', parameter: 'tariff', type: 'string', kind: 'assumption', actions: OF_A_TARGET, choices: TARIFF_MEASURES },
  { flag: 'share', parameter: 'share', type: 'string', kind: 'assumption', actions: ESTIMATING },
  { flag: 'valuation', parameter: 'valuation', type: 'string', kind: 'assumption', actions: ESTIMATING, choices: VALUATIONS },
  { flag: 'carrier-share', parameter: 'carrier_share', type: 'string', kind: 'assumption', actions: ESTIMATING },
  { flag: 'elasticity', parameter: 'elasticity', type: 'string', kind: 'assumption', actions: ESTIMATING, example: '-1.5', signed: true },
  { flag: 'rollup', parameter: 'rollup', type: 'string', kind: 'assumption', actions: OF_A_TARGET, choices: ROLLUPS },
  { flag: 'lines', parameter: 'lines', type: 'boolean', kind: 'output', actions: ['estimate'], note: 'for each HS6 line' },
  { flag: 'rate', parameter: 'rate', type: 'string', kind: 'duty', actions: ['design'], example: '10' },
  { flag: 'base', parameter: 'base', type: 'string', kind: 'duty', actions: ['design'], example: 'USD' },
] as const satisfies readonly MoratoriumOption[];

export type Flag = (typeof MORATORIUM_OPTIONS)[number]['flag'];

/** The option with that flag. */
export function option(flag: Flag): MoratoriumOption {
  return MORATORIUM_OPTIONS.find((o) => o.flag === flag) as MoratoriumOption;
}

type ParseOptions = { [O in (typeof MORATORIUM_OPTIONS)[number] as O['flag']]: { type: O['type'] } };

/** The options as parseArgs takes them. */
export const PARSE_OPTIONS = Object.fromEntries(MORATORIUM_OPTIONS.map((o) => [o.flag, { type: o.type }])) as ParseOptions satisfies ParseArgsConfig['options'];

/** The options' values as parseArgs returns them. */
export type Values = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** The flags that take negative numbers. */
const SIGNED_FLAGS: readonly string[] = MORATORIUM_OPTIONS.filter((o: MoratoriumOption) => o.signed).map((o) => `--${o.flag}`);

/**
 * `--elasticity -1.5` as `--elasticity=-1.5`: an elasticity is negative, and parseArgs otherwise takes
 * "-1.5" for an option and refuses the value.
 * @example withNegativeValues(['--elasticity', '-1.5']) // ['--elasticity=-1.5']
 */
export function withNegativeValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = args[i + 1];
    if (SIGNED_FLAGS.includes(a) && next !== undefined && /^-\d*\.?\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * The values of the options of one kind, by API parameter, as the estimate's and the design's parsers read them.
 * @example parameters('duty', { rate: '10' }) // { rate: '10', base: undefined }
 */
export function parameters(kind: MoratoriumOption['kind'], values: Values): Record<string, string | undefined> {
  return Object.fromEntries(
    MORATORIUM_OPTIONS.filter((o: MoratoriumOption) => o.kind === kind).map((o) => {
      const value = values[o.flag];
      return [o.parameter, typeof value === 'string' ? value : undefined];
    }),
  );
}

/**
 * The flag of an API parameter, as a usage error names it: carrier_share is --carrier-share.
 * @example flagOf('carrier_share') // '--carrier-share'
 */
export function flagOf(parameter: string): string {
  return `--${MORATORIUM_OPTIONS.find((o) => o.parameter === parameter)?.flag ?? parameter.replace(/_/g, '-')}`;
}
