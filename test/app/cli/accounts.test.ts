import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/storage/open.ts';
import { main } from '../../../src/app/cli/main.ts';
import { AuthService } from '../../../src/app/services/auth.ts';

const dir = mkdtempSync(join(tmpdir(), 'observatory-accounts-'));
const dataDir = join(dir, 'data');
const saved = { DATABASE_URL: process.env.DATABASE_URL, OBSERVATORY_ADMIN_PASSWORD: process.env.OBSERVATORY_ADMIN_PASSWORD };

async function* lines(text: string): AsyncIterable<string> {
  yield text;
}

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...args, '--data-dir', dataDir], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, stdin: lines(stdin) });
  return { code, out, err };
}

async function signIn(email: string, password: string): Promise<boolean> {
  const store = await openStore({ dataDir });
  try {
    return (await new AuthService(store.registry).signIn(email, password, 'test')) !== null;
  } finally {
    await store.close();
  }
}

beforeAll(() => {
  delete process.env.DATABASE_URL;
  delete process.env.OBSERVATORY_ADMIN_PASSWORD;
});

afterAll(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  rmSync(dir, { recursive: true, force: true });
});

describe('observatory accounts', () => {
  it('explains where the password comes from, and refuses one on the command line', async () => {
    const help = await run(['accounts', '--help']);
    expect(help.out).toContain('OBSERVATORY_ADMIN_PASSWORD');
    expect(help.out).toContain('standard input');
    const refused = await run(['accounts', 'create-admin', '--email', 'a@b.example', '--name', 'A', '--password', 'on the command line']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('not taken from the command line');
  });

  it('creates the first admin with the password from the environment', async () => {
    process.env.OBSERVATORY_ADMIN_PASSWORD = 'the first admin passphrase';
    try {
      const r = await run(['accounts', 'create-admin', '--email', 'Admin@Secretariat.example', '--name', 'First admin']);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(/^created admin account \d+ for admin@secretariat.example\n$/);
      expect(r.err + r.out).not.toContain('the first admin passphrase');
    } finally {
      delete process.env.OBSERVATORY_ADMIN_PASSWORD;
    }
    expect(await signIn('admin@secretariat.example', 'the first admin passphrase')).toBe(true);
    const again = await run(['accounts', 'create-admin', '--email', 'admin@secretariat.example', '--name', 'Again'], 'another long passphrase\n');
    expect(again.code).toBe(1);
    expect(again.err).toContain('exists already');
  });

  it('creates an editor with its countries, the password from standard input, and lists the accounts', async () => {
    const r = await run(['accounts', 'create', '--email', 'editor@np.example', '--name', 'Editor', '--role', 'editor', '--countries', 'npl,BTN'], 'an editor passphrase\n');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('(NPL, BTN)');
    expect(await signIn('editor@np.example', 'an editor passphrase')).toBe(true);
    const short = await run(['accounts', 'create', '--email', 'x@np.example', '--name', 'X', '--role', 'editor', '--countries', 'NPL'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.err).toContain('field "password"');
    const noCountry = await run(['accounts', 'create', '--email', 'y@np.example', '--name', 'Y', '--role', 'editor'], 'long enough passphrase\n');
    expect(noCountry.code).toBe(1);
    expect(noCountry.err).toContain('field "countries"');
    const list = await run(['accounts', 'list', '--format', 'csv']);
    expect(list.code).toBe(0);
    const rows = list.out.trim().split(/\r?\n/);
    expect(rows[0]).toBe('id,email,name,role,countries,state,created');
    expect(rows.slice(1).map((r) => r.split(',').slice(1, 4).join(','))).toEqual(['admin@secretariat.example,First admin,admin', 'editor@np.example,Editor,editor']);
    expect(list.out).toContain('"NPL,BTN"');
    const store = await openStore({ dataDir });
    try {
      expect((await store.registry.auditLog({ entity: 'account' })).map((e) => [e.action, e.why])).toEqual([
        ['create', 'created on the command line'],
        ['create', 'first administrator, created on the command line'],
      ]);
    } finally {
      await store.close();
    }
  });
});
