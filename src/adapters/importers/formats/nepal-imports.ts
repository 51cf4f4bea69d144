import { basename } from 'node:path';
import { InputError } from '../../../domain/errors.ts';
import { nepalFiscalYearOf, readNepalImports } from '../../sources/trade/nepal.ts';
import { nepalFiscalYear } from '../../../domain/moratorium/periods.ts';
import { defineFormat } from '../format.ts';
import { tradeContext, USD_RATE_INDICATOR, writeTradeBatches } from '../trade.ts';

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** The Department of Customs of Nepal's imports by national line, with their top partners. */
export const nepalImports = defineFormat({
  id: 'nepal-imports',
  source: {
    source: 'Department of Customs, Government of Nepal, Foreign Trade Statistics (imports by national line), via sabinevolve-hue/nepal-hs-code-finder',
    licence: 'Not stated (official publication of the Government of Nepal)',
    url: 'https://www.customs.gov.np/',
  },
  // Trade needs the exchange rates (PA.NUS.FCRF) stored before it.
  order: 6,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith('hs8,hs6,description_as_published,unit,quantity,import_value_npr_thousand,') },
  prepare: async ({ store, path, file, chunks }) => {
    const name = basename(path);
    const context = await tradeContext(store);
    const year = nepalFiscalYearOf(name);
    if (year === null) throw new InputError('the file name does not give the fiscal year ("…_fy2082_83_…")', { file });
    const rate = context.usdRate('NPL', year);
    if (rate === null) {
      throw new InputError(
        `no NPR per US dollar rate (World Bank ${USD_RATE_INDICATOR}) for Nepal in or before ${year}: import datasets-wdi-fx first`,
        { file },
      );
    }
    return {
      note:
        `Nepal (NPL) imports, Nepali fiscal year ${nepalFiscalYear('NPL', year, '').label}, filed under the calendar year in which it ends (${year}); national 8-digit lines, HS 2022. ` +
        `NPR converted at ${fmt(rate.rate)} per USD (World Bank ${USD_RATE_INDICATOR}, ${rate.year}). ` +
        'Each line is split among its listed top partners; the rest of the line (and partners whose names are not recognised) is under WLD, ' +
        'to which only MFN rates apply. Where the partners, each rounded to the thousand, sum to more than the line, they are scaled down to it. Quantities are kept only where one partner takes the whole line. The revenue column is not imported.',
      write: async (writer, warnings) => {
        const summary = await writeTradeBatches(readNepalImports(chunks(), file, context, { year }), writer);
        await writer.addPeriods('trade', [nepalFiscalYear('NPL', year, `the file name (${name}): Nepali fiscal year, mid-July to mid-July`)]);
        if (summary.unknownPartners.length > 0) {
          warnings.push(
            `${name}: ${summary.unknownPartners.length} partner names not recognised, their imports left under WLD: ${summary.unknownPartners.join('; ')}`,
          );
        }
      },
    };
  },
});
