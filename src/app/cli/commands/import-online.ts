import { parseYearRange } from '../../../domain/observation.ts';
import { importWorldBankOnline, ONLINE_INDICATORS } from '../../../adapters/importers/online.ts';
import { importComtrade, importWitsTariffs } from '../../../adapters/importers/online-trade.ts';
import { worldBankApiAddress } from '../../../adapters/sources/worldbank-api-address.ts';
import { UsageError, type Io } from '../command.ts';
import { ProgressBar } from '../progress.ts';
import { withStore, type GlobalSettings } from '../settings.ts';

/** The flags of `observatory import` that a download from UN Comtrade or WITS reads. */
export interface TradeFlags {
  comtrade?: boolean | undefined;
  wits?: boolean | undefined;
  reporters?: string | undefined;
  years?: string | undefined;
  products?: string | undefined;
  'api-url'?: string | undefined;
}

/**
 * `import --comtrade` or `--wits`: imports by partner, or MFN tariffs, for the reporters and years asked.
 * @example await importTrade(settings, { wits: true, reporters: 'NPL', years: '2019-2022' }, [], io)
 */
export async function importTrade(settings: GlobalSettings, values: TradeFlags, positionals: string[], io: Io): Promise<number> {
  if (values.comtrade && values.wits) throw new UsageError('--comtrade and --wits are separate downloads: give one');
  if (positionals.length > 0) throw new UsageError('--comtrade and --wits download from the APIs: give no file');
  const reporters = (values.reporters ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  if (reporters.length === 0) throw new UsageError('--comtrade and --wits need --reporters NPL,KEN,…');
  const range = values.years === undefined ? null : parseYearRange(values.years);
  if (range === null || range.to - range.from > 30) throw new UsageError('--comtrade and --wits need --years 2019-2022 (at most 30 years)');
  const years = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);
  const products = values.products === undefined ? undefined : values.products.split(',').map((p) => p.trim()).filter(Boolean);
  const baseUrl = values['api-url'];
  return withStore(settings, async (store) => {
    const query = { reporters, years, ...(products ? { products } : {}) };
    let requests = 0;
    const onRequest = () => {
      requests++;
      if (io.err.isTTY) io.err.write(`  request ${requests}\r`);
    };
    const result = values.comtrade
      ? await importComtrade(store, query, { ...(baseUrl ? { baseUrl } : {}), onRequest })
      : await importWitsTariffs(store, query, { ...(baseUrl ? { baseUrl } : {}), onRequest });
    io.err.write(`  ${result.vintage.dataset}: ${result.unchanged ? 'unchanged' : `imported as vintage ${result.vintage.id} (${result.vintage.rowCount} rows)`}\n`);
    for (const w of result.warnings) io.err.write(`    warning: ${w}\n`);
    return 0;
  });
}

/**
 * `import --online`: the World Bank's countries, then each indicator asked (the core set by default), from the
 * API at `--api-url`, else OBSERVATORY_WB_API, else the public API. Everything is downloaded before anything is
 * stored: an incomplete download stores nothing.
 * @example await importOnline(settings, ['IT.NET.USER.ZS'], undefined, io)
 */
export async function importOnline(settings: GlobalSettings, positionals: string[], apiUrl: string | undefined, io: Io): Promise<number> {
  const codes = positionals.length ? positionals : ONLINE_INDICATORS;
  const address = worldBankApiAddress(apiUrl, io.env ?? process.env);
  return withStore(settings, async (store) => {
    io.err.write(`  World Bank API: ${address.url}${address.origin === 'default' ? '' : ` (from ${address.origin})`}\n`);
    const bar = new ProgressBar('downloading', codes.length + 1, io.err);
    const result = await importWorldBankOnline(store, codes, { baseUrl: address.url, onDownloaded: (what) => bar.tick(1, what) });
    bar.done(`${codes.length} indicators`);
    for (const { code, vintage, unchanged } of result.indicators) {
      io.err.write(`  ${code}: ${unchanged ? 'unchanged' : `imported as vintage ${vintage.id} (${vintage.rowCount} rows)`}\n`);
    }
    return 0;
  });
}
