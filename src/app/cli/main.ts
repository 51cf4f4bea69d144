import { ConflictError, InputError, NotFoundError } from '../../domain/errors.ts';
import { UsageError, type Command, type Io } from './command.ts';
import { accounts } from './commands/accounts.ts';
import { aggregate } from './commands/aggregate.ts';
import { groups } from './commands/groups.ts';
import { importCommand } from './commands/import.ts';
import { indicators } from './commands/indicators.ts';
import { moratorium } from './commands/moratorium.ts';
import { readiness } from './commands/readiness.ts';
import { etready } from './commands/etready.ts';
import { strategies } from './commands/strategies.ts';
import { serve } from './commands/serve.ts';
import { vintages } from './commands/vintages.ts';
import { generalHelp } from './help.ts';

/** Every command, in the order the general help lists them. */
export const COMMANDS: readonly Command[] = [serve, importCommand, groups, indicators, aggregate, vintages, moratorium, readiness, etready, strategies, accounts];

const HELP = generalHelp(COMMANDS);

/**
 * Runs the command line and returns the exit code: 0 done, 1 bad input or failure, 2 bad usage.
 * @example await main(['groups', 'show', 'ECOWAS', '--at', '2024-12-31'])
 */
export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out.write(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err.write(`unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out.write(command.help ?? HELP);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err.write(`observatory ${name}: ${error.message}\nRun "observatory --help" for usage.\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof NotFoundError || error instanceof ConflictError) {
      io.err.write(`observatory ${name}: ${error.message}\n`);
      return 1;
    }
    io.err.write(`observatory ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
