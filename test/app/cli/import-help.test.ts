/**
 * `observatory import --help` is made from the table of options the command parses: every option is listed
 * with its value, --as-of states the precedence of an edition's date, and an option missing from the table
 * is refused as unknown rather than read silently.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/app/cli/main.ts';
import { IMPORT_OPTIONS, IMPORT_PARSE_OPTIONS } from '../../../src/app/cli/commands/import-options.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

describe('observatory import --help', () => {
  it('lists every option the command parses, each once, with its value', async () => {
    const { code, out } = await run(['import', '--help']);
    expect(code).toBe(0);
    const options = out.slice(out.indexOf('\nOptions:\n'), out.indexOf('\nOptions for every command:'));
    for (const [name, o] of Object.entries(IMPORT_OPTIONS)) {
      const form = `  --${name}${'value' in o ? ` ${o.value}` : ''} `;
      expect(options.split('\n').filter((l) => l.startsWith(form)), name).toHaveLength(1);
    }
    expect(Object.keys(IMPORT_PARSE_OPTIONS)).toEqual(Object.keys(IMPORT_OPTIONS));
  });

  it('states the precedence of an edition date: --as-of, datapackage.json, PROVENANCE.md, the import day', async () => {
    const { out } = await run(['import', '--help']);
    const asOf = out.slice(out.indexOf('  --as-of YYYY-MM-DD'), out.indexOf('  --format NAME'));
    const order = ['datapackage.json', 'PROVENANCE.md', 'the day of the import'].map((w) => asOf.indexOf(w));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const general = (await run(['--help'])).out;
    expect(general).toContain('import <file|folder>… [--as-of YYYY-MM-DD]');
  });

  it('does not offer the output --format, which names the file format here', async () => {
    const { out } = await run(['import', '--help']);
    expect(out).not.toContain('--format table|csv');
    expect(out).toContain('--database-url URL');
  });

  it('refuses an option it does not list', async () => {
    const r = await run(['import', 'x.csv', '--as-off', '2026-03-05']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Unknown option '--as-off'");
  });

  it('refuses an --as-of that is not a date', async () => {
    const r = await run(['import', 'x.csv', '--as-of', '5 March 2026']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--as-of must be a date like 2026-03-05');
  });
});
