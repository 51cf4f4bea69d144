import { readHsCorrelation } from '../../sources/trade/hs-correlation.ts';
import { defineFormat } from '../format.ts';
import { writeTradeBatches } from '../trade.ts';

/** A UNSD HS correlation table between two editions (`hs2022,hs2017,relationship`). */
export const hsCorrelation = defineFormat({
  id: 'hs-correlation',
  source: {
    source: 'UN Statistics Division, HS correlation tables, via insongkim/concordance',
    licence: 'UN public data (tables); MIT (package)',
    url: 'https://unstats.un.org/unsd/trade/classifications/correspondence-tables.asp',
  },
  // Correlations name no country.
  order: 1,
  recognise: { extension: 'csv', header: (h) => /^hs\d{4},hs\d{4},relationship$/.test(h.first) },
  prepare: async ({ file, chunks }) => ({
    note: 'UNSD HS correlation table: one link per row, from the edition of the first column to that of the second, with its relationship.',
    write: async (writer) => {
      await writeTradeBatches(readHsCorrelation(chunks(), file), writer);
    },
  }),
});
