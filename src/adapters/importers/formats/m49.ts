import { basename } from 'node:path';
import { collect } from '../../sources/batches.ts';
import { readM49 } from '../../sources/m49.ts';
import { writeCountries } from '../countries.ts';
import { defineFormat } from '../format.ts';

/** UNSD's "Standard country or area codes for statistical use (M49)", in English, French or Spanish. */
export const m49 = defineFormat({
  id: 'm49',
  source: {
    source: 'UN Statistics Division, Standard country or area codes for statistical use (M49)',
    licence: 'UN public data',
    url: 'https://unstats.un.org/unsd/methodology/m49/overview/',
  },
  order: 0,
  recognise: {
    extension: 'csv',
    // UNSD's French and Spanish tables say "Code M49" / "Código M49"; the parser reads them by position.
    // datasets/country-codes carries the M49 columns too: it is that format when it has its ISO 3166 column.
    header: (h) => /\bm49\b/.test(h.first) && /iso-alpha3/.test(h.first) && !h.first.includes('iso3166-1-alpha-3'),
  },
  prepare: async ({ store, path, file, source, chunks }) => ({
    write: async (writer) => {
      const { records } = await collect(readM49(chunks(), file));
      await writeCountries(store, writer, records, `${source.source}, ${basename(path)}`);
    },
  }),
});
