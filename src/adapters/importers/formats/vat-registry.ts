import { defineFormat, today } from '../format.ts';
import { writeVatRegistry } from '../vat.ts';

/** VAT/GST on digital supplies as a secretariat compiles it (sources/vat.ts). */
export const vatRegistry = defineFormat({
  id: 'vat-registry',
  source: {
    source: 'VAT/GST on digital supplies, registry compiled by a secretariat (each row names its own source)',
    licence: 'As stated by the compiler; each row cites its legal source',
    url: null,
  },
  // Country codes are checked against the stored countries.
  order: 5,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith('iso3,rate,start,threshold_amount,threshold_currency,model,source,source_url,note') },
  prepare: async ({ store, file, options, chunks }) => ({
    write: async (writer) => {
      await writeVatRegistry(store, writer, file, chunks(), { asOf: options.asOf ?? today() });
    },
  }),
});
