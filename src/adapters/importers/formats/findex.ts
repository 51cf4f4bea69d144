import { forEachBatch } from '../../sources/batches.ts';
import { readFindex } from '../../sources/findex.ts';
import { defineFormat } from '../format.ts';
import { knownCountries, observationSink } from '../observations.ts';

/** The Global Findex DatabankWide, or a column subset of it. */
export const findex = defineFormat({
  id: 'findex',
  source: {
    source: 'World Bank, Global Findex Database 2021',
    licence: 'CC-BY-4.0',
    url: 'https://www.worldbank.org/en/publication/globalfindex',
  },
  order: 4,
  onePerFolder: true,
  recognise: {
    extension: 'csv',
    header: (h) => h.first.startsWith('country name,country code,year,') && /account \(% age 15\+\)|adult popula/.test(h.first),
  },
  prepare: async ({ store, file, chunks }) => {
    const known = await knownCountries(store);
    return {
      write: async (writer) => {
        const sink = observationSink(writer, file, known);
        await forEachBatch(readFindex(chunks(), file), (b) => sink.add(b));
        await sink.finish(new Map());
      },
    };
  },
});
