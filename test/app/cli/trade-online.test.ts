import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../../src/app/cli/main.ts';
import { writeM49 } from '../../fixtures/fixtures.ts';
import { tempDir } from '../../adapters/importers/support.ts';
import { startTradeApiServer, type TradeApiServer } from '../../adapters/sources/trade-api-server.ts';

const dir = tempDir('observatory-cli-trade-');
const dataDir = join(dir, 'data');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...args, '--data-dir', dataDir], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

let api: TradeApiServer;
beforeAll(async () => {
  api = await startTradeApiServer();
});
afterAll(async () => {
  await api.close();
});

it('downloads imports from Comtrade and tariffs from WITS with --comtrade and --wits', async () => {
  expect((await run(['import', writeM49(join(dir, 'm49')).path])).code).toBe(0);
  const comtrade = await run(['import', '--comtrade', '--reporters', 'NPL', '--years', '2022', '--products', '852349,490110', '--api-url', api.comtrade]);
  expect(comtrade.err).toMatch(/comtrade-api\/NPL\/2022\/2-products-[0-9a-f]{8}: imported as vintage \d+ \(4 rows\)/);
  expect(comtrade.code).toBe(0);
  const wits = await run(['import', '--wits', '--reporters', 'KEN', '--years', '2022', '--products', '852349', '--api-url', api.wits]);
  expect(wits.err).toMatch(/wits-api\/TRN\/KEN\/2022\/1-products-[0-9a-f]{8}: imported as vintage \d+ \(1 rows\)/);
  const usage = await run(['import', '--comtrade', '--years', '2022']);
  expect(usage.code).toBe(2);
  expect(usage.err).toContain('--comtrade and --wits need --reporters NPL,KEN,…');
});
