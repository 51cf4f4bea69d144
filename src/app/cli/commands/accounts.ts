import { isRole, type Role } from '../../../domain/accounts.ts';
import { AuthService } from '../../services/auth.ts';
import { outputFormat, parse, STORE_OPTIONS, UsageError, type Command, type Io } from '../command.ts';
import { globalSettings, withServices } from '../settings.ts';
import { print } from '../table.ts';

/** The environment variable a password is read from; passwords never go on the command line, where `ps` and shell history see them. */
export const PASSWORD_VARIABLE = 'OBSERVATORY_ADMIN_PASSWORD';

export const ACCOUNTS_HELP = `observatory accounts — the people who keep the registries

Usage:
  observatory accounts create-admin --email E --name "N"
  observatory accounts create --email E --name "N" --role editor|curator|admin [--countries NPL,BTN]
  observatory accounts list [--format table|csv]

The password is read from the environment variable ${PASSWORD_VARIABLE}, or else from the first line of
standard input (so: printf '%s\\n' "$PASSWORD" | observatory accounts create-admin …). It is never taken
from the command line, where other users of the machine and the shell history would see it.
At least 12 characters. Every account created lands in the audit log (without its password).
`;

/** The first line of standard input, without its line ending. */
async function firstLine(input: AsyncIterable<string | Uint8Array>): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.includes('\n')) break;
  }
  return (text.split(/\r?\n/)[0] ?? '').trimEnd();
}

async function readPassword(io: Io, env: NodeJS.ProcessEnv): Promise<string> {
  const fromEnv = env[PASSWORD_VARIABLE];
  if (fromEnv) return fromEnv;
  const input = io.stdin ?? process.stdin;
  if ((input as { isTTY?: boolean }).isTTY) io.err.write('Password (the input is shown; prefer the environment variable): ');
  const line = await firstLine(input);
  if (!line) throw new UsageError(`no password: set ${PASSWORD_VARIABLE} or give it on standard input`);
  return line;
}

/**
 * `observatory accounts create-admin | create | list`.
 * @example await accounts.run(['create-admin', '--email', 'admin@secretariat.example', '--name', 'Admin'], io)
 */
export const accounts: Command = {
  name: 'accounts',
  usage: [
    { form: 'accounts create-admin --email E --name "N"', summary: `the first administrator (password from $${PASSWORD_VARIABLE} or stdin, never argv)` },
    { form: 'accounts create --email E --name "N" --role editor|curator|admin [--countries NPL,BTN]', summary: '' },
    { form: 'accounts list', summary: 'accounts with their role, countries and state' },
  ],
  help: ACCOUNTS_HELP,
  async run(args, io) {
    // No --help here: the dispatcher answers it before the command runs.
    const { values, positionals } = parse(
      args,
      {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        countries: { type: 'string' },
        password: { type: 'string' },
        format: { type: 'string' },
      },
      STORE_OPTIONS,
    );
    if (values.password !== undefined) {
      throw new UsageError(`passwords are not taken from the command line; set ${PASSWORD_VARIABLE} or give it on standard input`);
    }
    const [action] = positionals;
    const settings = globalSettings(values);
    if (action === 'list') {
      const format = outputFormat(values.format);
      return withServices(settings, async ({ auth }) => {
        const header = ['id', 'email', 'name', 'role', 'countries', 'state', 'created'];
        const rows = (await auth.list()).map((a) => [String(a.id), a.email, a.name, a.role, a.countries.join(','), a.disabled ? 'disabled' : 'active', a.createdAt.slice(0, 19)]);
        print(io.out, format, header, rows);
        return 0;
      });
    }
    if (action !== 'create-admin' && action !== 'create') throw new UsageError(`unknown accounts action "${action ?? ''}"; use create-admin, create or list`);
    if (!values.email) throw new UsageError(`accounts ${action} needs --email`);
    if (!values.name) throw new UsageError(`accounts ${action} needs --name`);
    const role: Role = action === 'create-admin' ? 'admin' : ((values.role ?? '') as Role);
    if (action === 'create-admin' && values.role !== undefined && values.role !== 'admin') throw new UsageError('create-admin creates an admin; use "accounts create --role …" for other roles');
    if (!isRole(role)) throw new UsageError(`--role must be editor, curator or admin, got "${values.role ?? ''}"`);
    const countries = (values.countries ?? '').split(/[\s,]+/).filter((c) => c !== '').map((c) => c.toUpperCase());
    // Checked before the password is asked for, so that a typo does not cost a retyped password.
    AuthService.validate({ email: values.email, name: values.name, role, countries }, 'command line');
    const password = await readPassword(io, io.env ?? process.env);
    const email = values.email;
    const name = values.name;
    return withServices(settings, async ({ auth }) => {
      const account = await auth.createAccount(
        { email, name, role, countries, password },
        null,
        action === 'create-admin' ? 'first administrator, created on the command line' : 'created on the command line',
        'command line',
      );
      io.err.write(`created ${account.role} account ${account.id} for ${account.email}${account.countries.length ? ` (${account.countries.join(', ')})` : ''}\n`);
      return 0;
    });
  },
};
