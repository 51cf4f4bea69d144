import { defineFormat, type ImportInput } from '../format.ts';
import type { VatRateLayout } from '../../sources/vat-rates.ts';
import type { ImportWriter } from '../../storage/store.ts';
import { writeVatRates } from '../vat-rates.ts';

/** Standard VAT/GST rate tables, one format per source (sources/vat-rates.ts); the estimator ranks the sources (domain/moratorium/vat-rates.ts). */
const prepare = (layout: VatRateLayout) => async ({ store, file, chunks }: ImportInput) => ({
  write: async (writer: ImportWriter, warnings: string[]) => {
    await writeVatRates(store, writer, file, chunks(), layout, warnings);
  },
});

export const vatRatesPwc = defineFormat({
  id: 'vat-rates-pwc',
  source: {
    source: 'PwC Worldwide Tax Summaries, "Value-added tax (VAT) rates" quick chart',
    licence: '(c) PwC: rates are facts, cited with the review date of each territory',
    url: 'https://taxsummaries.pwc.com/quick-charts/value-added-tax-vat-rates',
  },
  order: 5,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith('territory_pwc,iso2,iso3,last_reviewed,standard_rate_pct_parsed') },
  prepare: prepare('pwc'),
});

export const vatRatesOecd = defineFormat({
  id: 'vat-rates-oecd',
  source: {
    source: 'OECD Consumption Tax Trends, Annex Table 2.A.1 "VAT rates" (national delegates)',
    licence: 'OECD terms and conditions: attribute OECD',
    url: null,
  },
  order: 5,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith('country,country_note_flag,year,standard_vat_rate_pct_on_1_january') },
  prepare: prepare('oecd'),
});

export const vatRatesNationalLaw = defineFormat({
  id: 'vat-rates-national-law',
  source: { source: 'National VAT/GST acts (each row links the text it quotes)', licence: 'Facts from legal texts', url: null },
  order: 5,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith('iso3,country,standard_rate_pct,vat_in_force_from,source_url') },
  prepare: prepare('national-law'),
});

export const vatRatesNodeSalesTax = defineFormat({
  id: 'vat-rates-node-sales-tax',
  source: { source: 'node-sales-tax, res/sales_tax_rates.json (valeriansaliou/node-sales-tax)', licence: 'MIT', url: null },
  order: 5,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith('iso2,iso3,type,currency,rate_pct,applies') },
  prepare: prepare('node-sales-tax'),
});

export const vatRatesShopify = defineFormat({
  id: 'vat-rates-shopify',
  source: { source: 'Shopify worldwide, data/regions (Shopify/worldwide)', licence: 'MIT', url: null },
  order: 5,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith('iso2,iso3,name,tax_rate_pct,tax_name') },
  prepare: prepare('shopify'),
});
