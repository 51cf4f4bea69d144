import { basename } from 'node:path';
import { readWitsTariff } from '../../sources/trade/wits-tariff.ts';
import { defineFormat } from '../format.ts';
import { hsEditionOption, tradeContext, writeTradeBatches } from '../trade.ts';

/** The header of a WITS/TRAINS tariff download (see sources/trade/wits-tariff.ts for the layouts). */
function isWitsTariffHeader(first: string): boolean {
  const columns = new Set(first.split(',').map((c) => c.trim().replace(/\s+/g, ' ')));
  const has = (...names: string[]) => names.some((n) => columns.has(n));
  if (has('reporter_iso_n') && has('simpleaverage') && has('productcode')) return true;
  const reporter = has('reporter', 'reporter iso3');
  const product = has('product', 'productcode', 'product code');
  if (reporter && product && has('tariff year', 'year') && has('dutytype', 'duty type')) return true;
  return reporter && product && has('avemfn', 'avepref');
}

/** WITS (UNCTAD TRAINS) tariffs at HS6, in the layouts of its bulk files and query results. */
export const witsTariff = defineFormat({
  id: 'wits-tariff',
  source: {
    source: 'UNCTAD TRAINS via World Bank WITS, tariff data',
    licence: 'WITS terms of use: TRAINS data free to use with attribution ("UNCTAD TRAINS, via WITS")',
    url: 'https://wits.worldbank.org/',
  },
  order: 6,
  recognise: { extension: 'csv', header: (h) => isWitsTariffHeader(h.first) },
  prepare: async ({ store, path, file, options, chunks }) => {
    const name = basename(path);
    const context = await tradeContext(store);
    const edition = hsEditionOption(options.edition, file);
    return {
      note:
        'WITS (UNCTAD TRAINS) tariffs at HS6, the simple average of the national lines. MFN and bound rows as such; effectively applied (AHS) rows are ' +
        'left out, the estimator deriving them. Preferential rows are the rate of a scheme named after the WITS partner or programme; its members are the ' +
        'partner country, or the members of the stored group of that code, from the first tariff year the file gives the preference.',
      write: async (writer, warnings) => {
        const summary = await writeTradeBatches(readWitsTariff(chunks(), file, context, edition ? { edition } : {}), writer);
        if (summary.unknownReporters.length > 0) {
          warnings.push(`${name}: reporters not recognised, their rows left out: ${summary.unknownReporters.join(', ')}`);
        }
        if (summary.unknownPartners.length > 0) {
          warnings.push(`${name}: preference partners whose members are not known (rates kept, entitled to nobody): ${summary.unknownPartners.join('; ')}`);
        }
      },
    };
  },
});
