import { basename } from 'node:path';
import { collect } from '../../sources/batches.ts';
import { readCountryCodes } from '../../sources/country-codes.ts';
import { writeCountries } from '../countries.ts';
import { defineFormat } from '../format.ts';

/** `country-codes.csv` of datasets/country-codes: ISO and M49 codes, UNTERM names, M49 regions. */
export const countryCodes = defineFormat({
  id: 'country-codes',
  source: {
    source: 'ISO 3166-1 and UN M49 codes with UNTERM names (datasets/country-codes)',
    licence: 'ODC-PDDL-1.0',
    url: 'https://github.com/datasets/country-codes',
  },
  order: 1,
  recognise: { extension: 'csv', header: (h) => h.first.includes('iso3166-1-alpha-3') },
  prepare: async ({ store, path, file, source, chunks }) => ({
    write: async (writer) => {
      const { records } = await collect(readCountryCodes(chunks(), file));
      await writeCountries(store, writer, records, `${source.source}, ${basename(path)}`);
    },
  }),
});
