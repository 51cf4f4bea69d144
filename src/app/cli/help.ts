import type { Command, HelpEntry } from './command.ts';

const HEAD = `observatory — the digital divide, country groups and sources, from the command line

Usage: observatory <command> [options]

Commands:
`;

/** The options every command takes, closing the general help and a command's own. */
export const GLOBAL_HELP = `
Options for every command:
  --format table|csv         output (default table)
  --database-url URL         a PostgreSQL server (default: $DATABASE_URL, else the embedded database)
  --data-dir DIR             folder of the embedded database (default: $OBSERVATORY_DATA_DIR, else ./data)
  -h, --help                 this help
`;

/** Where summaries start: two spaces, then the form padded to 27 characters. */
const INDENT = ' '.repeat(29);

/**
 * One entry of the help: a short form with its summary beside it, a long one with the summary three spaces
 * after it, or below it when the summary starts with a line break; further lines under the summary column.
 * @example helpEntry({ form: 'vintages', summary: 'every import' }) // '  vintages                   every import\n'
 */
export function helpEntry({ form, summary }: HelpEntry): string {
  const [first = '', ...rest] = summary.split('\n');
  const head = form.length < 27 ? `  ${form.padEnd(27)}${first}` : first === '' ? `  ${form}` : `  ${form}   ${first}`;
  return [head, ...rest.map((line) => `${INDENT}${line}`)].map((line) => `${line}\n`).join('');
}

/**
 * The general help: every command's entries, then the options every command takes.
 * @example generalHelp(COMMANDS).startsWith('observatory — ') // true
 */
export function generalHelp(commands: readonly Command[]): string {
  return `${HEAD}${commands.flatMap((c) => c.usage).map(helpEntry).join('')}${GLOBAL_HELP}`;
}
