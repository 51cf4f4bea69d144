import { readIncomeHistory } from '../../sources/wb-classification-history.ts';
import { defineFormat } from '../format.ts';
import { writeFiscalYears } from '../wb-classification.ts';

/**
 * The World Bank's historical income classification (OGHIST) in long form: each economy's income group for
 * every fiscal year since FY1989, dated from 1 July before each fiscal year.
 */
export const wbIncomeHistory = defineFormat({
  id: 'wb-income-history',
  source: {
    source: 'World Bank, historical classification by income (OGHIST)',
    licence: 'CC-BY-4.0',
    url: 'https://datahelpdesk.worldbank.org/knowledgebase/articles/906519',
  },
  // Before the release files (CLASS), whose fiscal years then take precedence where both give one.
  order: 1,
  recognise: { extension: 'csv', header: (h) => /^iso3,economy,fiscal_year,.*income_group_code/.test(h.first) },
  prepare: async ({ store, file, source, chunks }) => {
    const rows = await readIncomeHistory(chunks(), file);
    const years = rows.map((r) => r.fiscalYear);
    return {
      note: `income groups by fiscal year, FY${Math.min(...years)}–FY${Math.max(...years)}`,
      write: async (writer) => {
        await writeFiscalYears(store, writer, rows, ['income'], source.source);
      },
    };
  },
});
