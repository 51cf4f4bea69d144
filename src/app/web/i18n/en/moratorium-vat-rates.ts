/** The VAT comparison's rate used, its source and date, and the reason where there is none, in English. */
export const moratoriumVatRates = {
  rateUsed: 'Rate used (%)',
  rateSource: 'Source of the rate',
  origins: { registry: 'registry', table: 'rate table' } as Record<string, string>,
  tables: {
    oecd: 'OECD Consumption Tax Trends',
    pwc: 'PwC Worldwide Tax Summaries, VAT rates',
    'national-law': 'national VAT act',
    'node-sales-tax': 'node-sales-tax library',
    shopify: 'Shopify tax settings',
  } as Record<string, string>,
  tableDiffers: (rate: string) => `rate tables: ${rate}`,
  tableDiffersTitle: 'The registry’s rate is used; the standard rate of the rate tables differs from it.',
  noRate: 'no VAT/GST rate',
  noRateReason: 'neither the registry nor any imported rate table gives a rate for this country: the VAT is unknown, not zero',
  undated: 'undated',
  asOf: (date: string) => `as of ${date}`,
  base: 'VAT/GST compared on',
  standardTitle: 'Standard rates of the rate tables',
  standardLine: (rate: string, table: string, citation: string) => `${rate}% (${table}: ${citation})`,
  disagree: 'a lower-ranked table gives another rate',
  noStandard: 'no imported rate table gives a standard rate',
  downloadWorkbook: 'VAT/GST comparison (XLSX)',
  exchangeRates: (source: string) => `Figures in US dollars. The downloads give the exchange rate each year’s duty was converted at for the revenue shares: ${source}.`,
  method: [
    'What the VAT comparison shows, and missing totals: the VAT table gives, for each country and year, the rate it used, where it comes from (the registry, or the rate table ranked best, by name) and the date the source states it as of; where the registry’s rate differs from the tables’ standard rate, both are shown, the registry’s used. Where neither gives a rate, the VAT is not computed and the table says so. The same columns are in the CSV, the workbook and `observatory moratorium vat`, with vat_base. A sensitivity total that is missing says why, in the words used for the estimate’s missing figures (no imports, no tariff for the measure, no rate, no correlation for an HS edition). Figures are in US dollars; every download (results, lines, VAT, sensitivity) carries the exchange rate each year’s duty was converted at for its shares, its year and its source.',
  ],
};
