import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseYearRange } from '../../domain/observation.ts';

type Out = { write(text: string): unknown };

/** What a command needs from the terminal: output, errors (with progress), standard input and the environment. */
export interface Io {
  out: Out;
  err: Out & { isTTY?: boolean; columns?: number };
  /** Standard input, read for a password (`accounts`); process.stdin when not given. */
  stdin?: AsyncIterable<string | Uint8Array> | undefined;
  /** The environment a password (`accounts`) or the World Bank API's address is read from; process.env when not given. */
  env?: NodeJS.ProcessEnv | undefined;
}

/** One line of the general help: how a command is called and what that does. */
export interface HelpEntry {
  /** The call, such as `groups show <ID>`. */
  form: string;
  /**
   * What it does; each `\n` starts a line under the summary column. A summary that starts with `\n`
   * begins on the line after a long form; an empty one leaves the form alone.
   */
  summary: string;
}

/**
 * One `observatory` command: the word that selects it, its lines in the general help, what its own
 * `--help` prints, and the work, which returns the exit code.
 * @example const vintages: Command = { name: 'vintages', usage: [{ form: 'vintages', summary: 'every import' }], run: async () => 0 }
 */
export interface Command {
  name: string;
  usage: readonly HelpEntry[];
  /** The text `observatory <name> --help` prints; the general help when absent. */
  help?: string;
  run(args: string[], io: Io): Promise<number>;
}

/** A usage error: the dispatcher prints it with a pointer to the help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The options that choose the database, taken by every command that opens it. */
export const STORE_OPTIONS = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** The options every command takes. */
export const GLOBAL_OPTIONS = {
  ...STORE_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Parses a command's arguments strictly, with the global options added; an unknown or malformed option is a UsageError.
 * @example parse(['show', 'LDC', '--at', '2024-12-31'], { at: { type: 'string' } }).values.at // '2024-12-31'
 */
export function parse<O extends ParseArgsConfig['options'], G extends ParseArgsConfig['options'] = typeof GLOBAL_OPTIONS>(args: string[], options: O, globals?: G) {
  try {
    return parseArgs({ args, options: { ...(globals ?? GLOBAL_OPTIONS), ...options } as G & O, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The --format option: a table (the default) or CSV. */
export const FORMAT_OPTION = { format: { type: 'string' } } as const satisfies ParseArgsConfig['options'];

/** Reads --format: table (the default) or csv. */
export function outputFormat(value: string | undefined): 'table' | 'csv' {
  if (value === undefined || value === 'table' || value === 'csv') return value ?? 'table';
  throw new UsageError(`--format must be table or csv, got "${value}"`);
}

/** Reads --years: a year or a range, as the store's filters take it; none when absent. */
export function yearsOption(value: string | undefined): { from?: number; to?: number } {
  if (value === undefined) return {};
  const range = parseYearRange(value);
  if (!range) throw new UsageError(`--years must be a year or a range like 2020-2022, got "${value}"`);
  return range;
}
