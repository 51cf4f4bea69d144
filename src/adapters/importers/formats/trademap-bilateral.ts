import { readTradeMap } from '../../sources/trade/trademap.ts';
import { defineFormat } from '../format.ts';
import { writeTradeBatches } from '../trade.ts';

/** ITC Trade Map's bilateral table in long form: imports from the world and from India per HS6 and year. */
export const tradeMapBilateral = defineFormat({
  id: 'trademap-bilateral',
  source: {
    source: 'ITC Trade Map (International Trade Centre), "Existing and potential trade", via aidatabases/ICTD',
    licence: 'ITC terms of use: research input, cite "ITC Trade Map", no republication in bulk',
    url: 'https://www.trademap.org/',
  },
  order: 6,
  recognise: {
    extension: 'csv',
    header: (h) => /^reporter,reporter_iso3,hs6,product_label,year,imports_from_world_usd_thousand,imports_from_india_usd_thousand/.test(h.first),
  },
  prepare: async ({ file, chunks }) => ({
    note:
      'ITC Trade Map imports by HS6 line (US$ thousand × 1,000). Per line and year: imports from India (partner IND), and imports from ' +
      'the world less India (WLD, to which only MFN rates apply). Rows of all products and zero values are left out. ' +
      'Lines are in the HS edition in force in each year (HS 1996 before 2002); Trade Map mixes editions, so lines deleted from an edition keep their old codes.',
    write: async (writer) => {
      await writeTradeBatches(readTradeMap(chunks(), file), writer);
    },
  }),
});
