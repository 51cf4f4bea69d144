import { CET_YEAR, readUkEuTariffs, UKGT_YEAR } from '../../sources/trade/uk-eu-tariffs.ts';
import { defineFormat } from '../format.ts';
import { writeTradeBatches } from '../trade.ts';

/** The UK Global Tariff compared with the EU Common External Tariff, line by line. */
export const ukEuTariffs = defineFormat({
  id: 'uk-eu-tariffs',
  source: {
    source: 'UK Department for International Trade, UK Global Tariff compared with the EU Common External Tariff, via GSS-Cogs/family-trade',
    licence: 'OGL-3.0',
    url: 'https://github.com/GSS-Cogs/family-trade',
  },
  order: 6,
  recognise: {
    extension: 'csv',
    header: (h) => h.first.startsWith('cn_code,') && h.first.includes('cet_ad_valorem_pct') && h.first.includes('ukgt_ad_valorem_pct'),
  },
  prepare: async ({ file, chunks }) => ({
    note:
      `EU Common External Tariff (CN 2020, HS 2017) as the ${CET_YEAR} MFN rate of the 27 EU member states and of the United Kingdom, ` +
      `which applied it until 31 December 2020; UK Global Tariff as the United Kingdom's ${UKGT_YEAR} MFN rate (CN 2021, HS 2017). ` +
      'Ad valorem parts only: of the mixed duties on cinematograph film only the percentage is kept.',
    write: async (writer) => {
      await writeTradeBatches(readUkEuTariffs(chunks(), file), writer);
    },
  }),
});
