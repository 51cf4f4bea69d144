import { basename } from 'node:path';
import { InputError } from '../../../domain/errors.ts';
import { readBaci } from '../../sources/trade/baci.ts';
import { baciEditionOf } from '../../sources/trade/un-codes.ts';
import { defineFormat } from '../format.ts';
import { hsEditionOption, tradeContext, writeTradeBatches } from '../trade.ts';

/** CEPII's BACI (`t,i,j,k,v,q`): bilateral trade by HS6 product, reconciled. */
export const baci = defineFormat({
  id: 'baci',
  source: {
    source: 'CEPII, BACI: international trade database at the product level',
    licence: 'Etalab Open Licence 2.0 (cite Gaulier and Zignago, 2010)',
    url: 'https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37',
  },
  // Trade of any country resolves country codes and groups stored before it.
  order: 6,
  recognise: { extension: 'csv', header: (h) => /^t,i,j,k,v,q\s*$/.test(h.first) },
  prepare: async ({ store, path, file, options, chunks }) => {
    const name = basename(path);
    const context = await tradeContext(store);
    const edition = hsEditionOption(options.edition, file) ?? baciEditionOf(name);
    if (!edition) {
      throw new InputError('the file name does not give the HS edition ("BACI_HS17_…"): give the edition to the import (--edition HS2017)', { file });
    }
    return {
      note:
        `CEPII BACI, ${edition}: imports of the importer (j) from the exporter (i) by HS6 product, thousand US dollars × 1,000 (FOB values ` +
        'reconciled by CEPII), quantities in tonnes. UN numeric codes as M49, with Comtrade\'s own for France (251), Norway (579), India (699), ' +
        'Switzerland (757), the United States (842) and "Other Asia, nes" (490, as Taiwan); rows of other unknown codes are left out.',
      write: async (writer, warnings) => {
        const summary = await writeTradeBatches(readBaci(chunks(), file, context, { edition }), writer);
        if (summary.unknownCodes.size > 0) {
          warnings.push(`${name}: ${summary.unknownCodes.rows} rows with country codes not recognised left out: ${summary.unknownCodes.describe()}`);
        }
      },
    };
  },
});
