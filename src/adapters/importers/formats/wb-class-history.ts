import { readClassHistory } from '../../sources/wb-classification-history.ts';
import { defineFormat } from '../format.ts';
import { writeFiscalYears } from '../wb-classification.ts';

/**
 * The World Bank's CLASS release files stacked by fiscal year: each economy's region and income group as
 * released on 1 July before each fiscal year (the classification the Bank's aggregates of that year use).
 */
export const wbClassHistory = defineFormat({
  id: 'wb-class-history',
  source: {
    source: 'World Bank, country classification by region and income (CLASS)',
    licence: 'CC-BY-4.0',
    url: 'https://datahelpdesk.worldbank.org/knowledgebase/articles/906519',
  },
  order: 2,
  recognise: { extension: 'csv', header: (h) => /^fiscal_year,iso3,economy,region,income_group/.test(h.first) },
  prepare: async ({ store, file, source, chunks }) => {
    const rows = await readClassHistory(chunks(), file);
    const years = rows.map((r) => r.fiscalYear);
    return {
      note: `regions and income groups by fiscal year, FY${Math.min(...years)}–FY${Math.max(...years)}`,
      write: async (writer) => {
        await writeFiscalYears(store, writer, rows, ['region', 'income'], source.source);
      },
    };
  },
});
