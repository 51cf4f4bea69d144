import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ESTIMATE_PARAMS } from '../../../src/domain/moratorium/options.ts';
import { helpEntry } from '../../../src/app/cli/help.ts';
import { COMMANDS, main } from '../../../src/app/cli/main.ts';
import { ACTION_QUESTIONS, ACTIONS, MORATORIUM_QUESTIONS } from '../../../src/app/cli/commands/moratorium-options.ts';
import { flagParams, parseOptions, withNegativeValues } from '../../../src/app/cli/question-flags.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const golden = (name: string) => readFileSync(new URL(`golden/${name}`, import.meta.url), 'utf8');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

describe('the help', () => {
  it('is the same text, built from the commands', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toBe(golden('help.txt'));
    expect((await run([])).code).toBe(2);
  });

  it("answers each command's --help: its own text, else the general help", async () => {
    for (const command of COMMANDS) {
      for (const args of [[command.name, '--help'], [command.name, 'list', '-h']]) {
        const r = await run(args);
        expect(r.code, args.join(' ')).toBe(0);
        expect(r.out, args.join(' ')).toBe(command.help !== undefined ? golden(`${command.name}-help.txt`) : golden('help.txt'));
      }
    }
  });

  it('takes only the names of its commands as commands', async () => {
    for (const name of ['nosuch', 'toString', 'constructor', '__proto__']) {
      const r = await run([name]);
      expect(r.code, name).toBe(2);
      expect(r.err, name).toBe(`unknown command "${name}"\n\n${golden('help.txt')}`);
    }
  });

  it('names each command once', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('puts a short form beside its summary, a long one before or above it', () => {
    expect(helpEntry({ form: 'vintages', summary: 'every import' })).toBe(`  vintages${' '.repeat(19)}every import\n`);
    expect(helpEntry({ form: 'a'.repeat(30), summary: 'does\nmore' })).toBe(`  ${'a'.repeat(30)}   does\n${' '.repeat(29)}more\n`);
    expect(helpEntry({ form: 'a'.repeat(30), summary: '\nbelow' })).toBe(`  ${'a'.repeat(30)}\n${' '.repeat(29)}below\n`);
    expect(helpEntry({ form: 'a'.repeat(30), summary: '' })).toBe(`  ${'a'.repeat(30)}\n`);
  });
});

describe('the options of moratorium', () => {
  it("are the flags of the actions' questions, each parameter with one flag", () => {
    const estimate = flagParams(ACTION_QUESTIONS.estimate).map((p) => p.name);
    expect(estimate).toEqual(['country', 'group', ...ESTIMATE_PARAMS, 'lines']);
    expect(Object.keys(parseOptions(MORATORIUM_QUESTIONS))).toEqual(['country', 'group', 'years', 'list', 'tariff', 'share', 'valuation', 'carrier-share', 'elasticity', 'rollup', 'share-currency', 'vat-base', 'lines', 'rate', 'base']);
    expect(parseOptions(MORATORIUM_QUESTIONS)['lines']).toEqual({ type: 'boolean' });
  });

  it('are each named in the help of an action that takes them', () => {
    const lines = golden('help.txt').split('\n');
    const moratorium = lines.slice(lines.findIndex((l) => l.startsWith('  moratorium ')), lines.findIndex((l) => l.startsWith('  accounts ')));
    for (const flag of Object.keys(parseOptions(MORATORIUM_QUESTIONS))) expect(moratorium.join('\n'), flag).toMatch(new RegExp(`--${flag}\\b`));
    for (const action of ACTIONS) expect(moratorium.join('\n')).toContain(`moratorium ${action}`);
  });

  it('read negative numbers where a parameter takes them', () => {
    expect(withNegativeValues(['--elasticity', '-1.5', '--years', '2020'], MORATORIUM_QUESTIONS)).toEqual(['--elasticity=-1.5', '--years', '2020']);
    expect(withNegativeValues(['--rate', '-1'], MORATORIUM_QUESTIONS)).toEqual(['--rate', '-1']);
  });

  it('refuse a bad value with the message the API gives', async () => {
    const cli = await run(['moratorium', 'estimate', '--country', 'NPL', '--tariff', 'wto', '--data-dir', mkdtempSync(join(tmpdir(), 'observatory-cli-'))]);
    expect(cli.code).toBe(2);
    expect(cli.err).toBe('observatory moratorium: parameter "tariff": "wto" is not one of bound, mfn, applied\nRun "observatory --help" for usage.\n');
  });

  it('refuse an option the action does not take, before the database is opened', async () => {
    expect(await run(['moratorium', 'coverage', '--rollup', 'simple', '--lines'])).toEqual({
      code: 2,
      out: '',
      err: 'observatory moratorium: moratorium coverage takes no --rollup, --lines\nRun "observatory --help" for usage.\n',
    });
    expect((await run(['moratorium', 'design', '--country', 'NPL', '--rate', '10', '--rollup', 'simple', '--group', 'LDC'])).err).toBe(
      'observatory moratorium: moratorium design takes no --group, --rollup\nRun "observatory --help" for usage.\n',
    );
  });
});
