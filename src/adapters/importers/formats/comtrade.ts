import { basename } from 'node:path';
import { readComtradeLegacy, readComtradePlusCsv, readComtradePlusJson, type ComtradeSummary } from '../../sources/trade/comtrade.ts';
import type { Chunks } from '../../sources/csv.ts';
import type { TradeBatch, TradeContext } from '../../sources/trade/records.ts';
import { defineFormat, type ImportInput, type PreparedImport, type SourceInfo } from '../format.ts';
import { hsEditionOption, tradeContext, writeTradeBatches } from '../trade.ts';

/** UN Comtrade in its three published layouts: the legacy bulk download, Comtrade Plus CSV, and the API's JSON answer. */
type ComtradeReader = (input: Chunks, file: string, context: TradeContext) => AsyncGenerator<TradeBatch, ComtradeSummary>;

const LICENCE = 'UN Comtrade terms of use: free for non-commercial use with attribution; no redistribution in bulk';
const source = (which: string, url: string): SourceInfo => ({ source: `United Nations, UN Comtrade database (${which})`, licence: LICENCE, url });
const column = (first: string, name: string) => new RegExp(`(^|,)${name}(,|$)`).test(first);

export const comtradeLegacy = defineFormat({
  id: 'comtrade-legacy',
  source: source('legacy bulk download', 'https://comtrade.un.org/'),
  order: 6,
  recognise: {
    extension: 'csv',
    header: (h) => h.first.startsWith('classification,year,period,period desc.,') && h.first.includes('trade value (us$)'),
  },
  prepare: (input) => prepareComtrade(input, readComtradeLegacy),
});

export const comtradePlusCsv = defineFormat({
  id: 'comtrade-plus-csv',
  source: source('Comtrade Plus', 'https://comtradeplus.un.org/'),
  order: 6,
  recognise: {
    extension: 'csv',
    header: (h) => column(h.first, 'freqcode') && column(h.first, 'cmdcode') && column(h.first, 'primaryvalue'),
  },
  prepare: (input) => prepareComtrade(input, readComtradePlusCsv),
});

export const comtradePlusJson = defineFormat({
  id: 'comtrade-plus-json',
  source: source('Comtrade Plus API answer', 'https://comtradeapi.un.org/'),
  order: 6,
  recognise: {
    extension: 'json',
    // A Comtrade Plus answer saved to disk: the API's envelope with its "data" array.
    header: (h) => {
      const start = h.text.slice(0, 4096);
      return /^\s*\{/.test(start) && /"data"\s*:\s*\[/.test(start) && /"(elapsedTime|count)"\s*:/.test(start);
    },
  },
  prepare: (input) => prepareComtrade(input, readComtradePlusJson),
});

async function prepareComtrade({ store, path, file, options, chunks }: ImportInput, read: ComtradeReader): Promise<PreparedImport> {
  const name = basename(path);
  const context = await tradeContext(store);
  // As for every published trade layout, an edition given to the import must be one.
  hsEditionOption(options.edition, file);
  return {
    note:
      'UN Comtrade annual imports by partner and HS6 commodity (the reporter\'s primary value, CIF for most), in the HS edition of each row\'s ' +
      'classification (H0 = HS 1992 … H6 = HS 2022). Exports, re-exports, totals, chapters and breakdowns by customs procedure or transport are left out. ' +
      'Imports from the World not split among recognised partners are kept under WLD, to which only MFN rates apply.',
    write: async (writer, warnings) => {
      const summary = await writeTradeBatches(read(chunks(), file, context), writer);
      if (summary.unknownCodes.size > 0) {
        warnings.push(
          `${name}: ${summary.unknownCodes.rows} rows of ${summary.unknownCodes.size} country codes not recognised left out (their imports stay in the World remainder when the file has World rows): ${summary.unknownCodes.describe()}`,
        );
      }
    },
  };
}
