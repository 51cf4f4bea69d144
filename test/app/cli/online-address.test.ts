import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WORLD_BANK_API } from '../../../src/adapters/sources/worldbank-api.ts';
import { worldBankApiAddress } from '../../../src/adapters/sources/worldbank-api-address.ts';
import { InputError } from '../../../src/domain/errors.ts';
import { fillApiAddress } from '../../../src/app/cli/commands/serve.ts';
import { main } from '../../../src/app/cli/main.ts';
import { tempDir } from '../../adapters/importers/support.ts';
import { startIncompleteApiServer, type IncompleteApiServer } from '../../adapters/sources/incomplete-api-server.ts';
import { unreachableBaseUrl } from '../../adapters/importers/api-server.ts';

const dir = tempDir('observatory-cli-online-');
let dataDirs = 0;

async function run(args: string[], env: NodeJS.ProcessEnv, dataDir: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...args, '--data-dir', dataDir], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, env });
  return { code, out, err };
}

let api: IncompleteApiServer;
let nowhere = '';
beforeAll(async () => {
  api = await startIncompleteApiServer();
  api.faults.set('SHRINK.CODE', 'shrink');
  nowhere = await unreachableBaseUrl();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.log.length = 0;
});

describe('the World Bank API address', () => {
  it('is --api-url, else OBSERVATORY_WB_API, else the public API', () => {
    expect(worldBankApiAddress('http://flag.test/v2', { OBSERVATORY_WB_API: 'http://env.test/v2' })).toEqual({ url: 'http://flag.test/v2', origin: '--api-url' });
    expect(worldBankApiAddress(undefined, { OBSERVATORY_WB_API: 'https://env.test/v2/' })).toEqual({ url: 'https://env.test/v2', origin: 'OBSERVATORY_WB_API' });
    expect(worldBankApiAddress(undefined, { OBSERVATORY_WB_API: '  ' })).toEqual({ url: WORLD_BANK_API, origin: 'default' });
    expect(worldBankApiAddress(undefined, {})).toEqual({ url: WORLD_BANK_API, origin: 'default' });
  });

  it('refuses an address that is not http(s), naming where it came from', () => {
    expect(() => worldBankApiAddress(undefined, { OBSERVATORY_WB_API: 'ftp://mirror.test/v2' })).toThrow(
      new InputError(`not an http or https address: "ftp://mirror.test/v2" (the World Bank API's root, such as ${WORLD_BANK_API})`, { file: 'OBSERVATORY_WB_API' }),
    );
    expect(() => worldBankApiAddress('mirror', {})).toThrow(/^--api-url: not an http or https address: "mirror"/);
  });

  it("is the serve's first fill's, none when offline", () => {
    const env = { OBSERVATORY_WB_API: 'http://env.test/v2' };
    expect(fillApiAddress({}, env)).toBe('http://env.test/v2');
    expect(fillApiAddress({ 'api-url': 'http://flag.test/v2' }, env)).toBe('http://flag.test/v2');
    expect(fillApiAddress({}, {})).toBe(WORLD_BANK_API);
    expect(fillApiAddress({ offline: true, 'api-url': 'http://flag.test/v2' }, env)).toBeNull();
    expect(fillApiAddress({}, { ...env, OBSERVATORY_OFFLINE: '1' })).toBeNull();
  });
});

describe('import --online', () => {
  it('downloads from OBSERVATORY_WB_API when no --api-url is given', async () => {
    const r = await run(['import', '--online', 'IT.NET.USER.ZS'], { OBSERVATORY_WB_API: api.baseUrl }, join(dir, `${dataDirs++}`));
    expect(r.err).toContain(`World Bank API: ${api.baseUrl} (from OBSERVATORY_WB_API)\n`);
    expect(r.err).toMatch(/ {2}IT\.NET\.USER\.ZS: imported as vintage \d+ \(\d+ rows\)\n/);
    expect(r.code).toBe(0);
    expect(api.log.filter((l) => l.startsWith('/v2/country/all/indicator/IT.NET.USER.ZS?'))).toHaveLength(4);
    expect(api.log.filter((l) => /^\/v2\/(en|fr|es)\/country\?/.test(l))).toHaveLength(3);
  });

  it('prefers --api-url to OBSERVATORY_WB_API', async () => {
    const r = await run(['import', '--online', 'IT.NET.USER.ZS', '--api-url', api.baseUrl], { OBSERVATORY_WB_API: nowhere }, join(dir, `${dataDirs++}`));
    expect(r.err).toContain(`World Bank API: ${api.baseUrl} (from --api-url)\n`);
    expect(r.code).toBe(0);
    expect(api.log.length).toBeGreaterThan(0);
  });

  it('refuses a malformed OBSERVATORY_WB_API before opening the database', async () => {
    const r = await run(['import', '--online'], { OBSERVATORY_WB_API: 'api.worldbank.org/v2' }, join(dir, `${dataDirs++}`));
    expect(r).toEqual({
      code: 1,
      out: '',
      err: `observatory import: OBSERVATORY_WB_API: not an http or https address: "api.worldbank.org/v2" (the World Bank API's root, such as ${WORLD_BANK_API})\n`,
    });
    expect(api.log).toEqual([]);
  });

  it('refuses an incomplete download, saying what was missing, and stores nothing', async () => {
    const dataDir = join(dir, `${dataDirs++}`);
    const env = { OBSERVATORY_WB_API: api.baseUrl };
    const before = await run(['vintages', '--format', 'csv'], env, dataDir);
    const r = await run(['import', '--online', 'IT.NET.USER.ZS', 'SHRINK.CODE'], env, dataDir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `observatory import: ${api.baseUrl}/country/all/indicator/SHRINK.CODE?format=json&per_page=1000: incomplete download of SHRINK.CODE, refused: ` +
        'page 2 announces 3 pages and 22 rows where page 1 announced 4 pages and 32 rows; expected 4 pages and 32 rows, received 2 pages and 20 rows\n',
    );
    expect(r.err).not.toContain('imported as vintage');
    expect(await run(['vintages', '--format', 'csv'], env, dataDir)).toEqual(before);
  });
});

describe('the help', () => {
  it('names OBSERVATORY_WB_API and its precedence for import --online and serve', async () => {
    for (const command of ['import', 'serve']) {
      const help = await run([command, '--help'], {}, join(dir, 'unused'));
      const lines = help.out.split('\n');
      const start = lines.findIndex((l) => l.startsWith(command === 'import' ? '  import --online' : '  serve'));
      const entry = lines.slice(start, start + 4).join(' ');
      expect(entry, command).toContain('--api-url URL, else $OBSERVATORY_WB_API, else https://api.worldbank.org/v2');
    }
  });
});
