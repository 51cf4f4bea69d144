import { forEachBatch } from '../../sources/batches.ts';
import { indicatorFromFileName, readLongCsv } from '../../sources/long.ts';
import { defineFormat } from '../format.ts';
import { knownCountries, observationSink } from '../observations.ts';

/** One indicator in long form (`Country Name,Country Code,Year,Value`), named by the file. */
export const long = defineFormat({
  id: 'long',
  source: { source: 'World Bank, World Development Indicators', licence: 'CC-BY-4.0', url: 'https://data.worldbank.org/' },
  order: 4,
  recognise: { extension: 'csv', header: (h) => /^country name,country code,year,value,?$/.test(h.first) },
  prepare: async ({ store, path, file, options, chunks }) => {
    const known = await knownCountries(store);
    return {
      write: async (writer) => {
        const indicator = options.indicator ?? indicatorFromFileName(path);
        const sink = observationSink(writer, file, known);
        await forEachBatch(readLongCsv(chunks(), file, { indicator }), (b) => sink.add(b));
        await sink.finish(new Map());
      },
    };
  },
});
