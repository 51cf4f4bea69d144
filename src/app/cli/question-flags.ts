import type { ParseArgsConfig } from 'node:util';
import { ParameterError } from '../../domain/errors.ts';
import type { Params, Param, Question } from '../questions/question.ts';
import { readInput } from '../questions/question.ts';
import type { Services } from '../services/compose.ts';
import { UsageError } from './command.ts';

/**
 * The command line's side of a question: its query parameters become flags (carrier_share is
 * --carrier-share), read and checked by the question's own parsers, so that a bad value gets the same
 * message as from the API and the page. The answer's format stays the command's own --format.
 */

/** The parameters a question takes from the command line: its query parameters but the API's format. */
export function flagParams(question: Question<any, any>): Param<unknown>[] {
  return Object.values(question.params as Params).filter((p) => p.in === 'query' && p.name !== 'format');
}

/** A parameter's flag, without the dashes. */
export const flagOf = (param: Param<unknown>): string => param.flag ?? param.name.replace(/_/g, '-');

/** Whether a parameter takes negative numbers, which parseArgs would otherwise read as options. */
const signed = (param: Param<unknown>): boolean => 'minimum' in param.schema && typeof param.schema.minimum === 'number' && param.schema.minimum < 0;

/** The flags of some questions as parseArgs takes them: booleans for boolean parameters, strings otherwise. */
export function parseOptions(questions: readonly Question<any, any>[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const param of questions.flatMap(flagParams)) {
    options[flagOf(param)] = { type: 'type' in param.schema && param.schema.type === 'boolean' ? 'boolean' : 'string' };
  }
  return options;
}

/**
 * `--elasticity -1.5` as `--elasticity=-1.5` for the flags that take negative numbers.
 * @example withNegativeValues(['--elasticity', '-1.5'], [moratoriumEstimate]) // ['--elasticity=-1.5']
 */
export function withNegativeValues(args: readonly string[], questions: readonly Question<any, any>[]): string[] {
  const flags = new Set(questions.flatMap(flagParams).filter(signed).map((p) => `--${flagOf(p)}`));
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = args[i + 1];
    if (flags.has(a) && next !== undefined && /^-\d*\.?\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** The query of a question from the flags given; a flag of another question is a usage error naming it. */
export function queryOf(question: Question<any, any>, values: Readonly<Record<string, unknown>>, all: readonly Question<any, any>[], command: string): URLSearchParams {
  const own = new Set(flagParams(question).map(flagOf));
  const others = [...new Set(all.flatMap(flagParams).map(flagOf))].filter((flag) => !own.has(flag) && values[flag] !== undefined);
  if (others.length) throw new UsageError(`${command} takes no ${others.map((f) => `--${f}`).join(', ')}`);
  const query = new URLSearchParams();
  for (const param of flagParams(question)) {
    const value = values[flagOf(param)];
    if (typeof value === 'string') query.set(param.name, value);
    else if (value === true) query.set(param.name, 'true');
  }
  return query;
}

/**
 * A question's input read from the flags given, by the question's own parsers and rules; a refused value is
 * a usage error (exit 2) with the message the API and the page give.
 * @example await readFlags(moratoriumEstimate, values, MORATORIUM_QUESTIONS, 'moratorium estimate', services)
 */
export async function readFlags<I>(
  question: Question<any, I>,
  values: Readonly<Record<string, unknown>>,
  all: readonly Question<any, any>[],
  command: string,
  services: Services,
  path: Readonly<Record<string, string>> = {},
): Promise<I> {
  const query = queryOf(question, values, all, command);
  const ctx = { ref: await services.obs.ref(), today: services.obs.today() };
  try {
    return await readInput(question, query, path, ctx, services);
  } catch (error) {
    if (error instanceof ParameterError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * A parameter as a help line names it: the flag with its example value or its choices.
 * @example mention(tariff, 'choices') // '--tariff bound|mfn|applied'
 */
export function mention(param: Param<unknown>, show: 'example' | 'choices' | 'flag'): string {
  const value = show === 'example' && param.example !== undefined ? String(param.example) : show === 'choices' ? param.choices?.join('|') : undefined;
  return [`--${flagOf(param)}`, value].filter((part) => part !== undefined).join(' ');
}
