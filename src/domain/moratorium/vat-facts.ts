import type { VatEntry } from './vat.ts';

/*
 * VAT/GST on digital supplies from abroad, from official sources: corrections and additions to the UNCTAD
 * Global Cyberlaw Tracker, whose indirect-taxation column says only whether a country legislated. Each
 * entry names its legal instrument; a field not established here stays null rather than guessed. An entry
 * is dated (`asOf`) by the latest change it records, so that newer tracker editions, registries and
 * accepted answers take precedence field by field (mergeVatEntries).
 */

export const VAT_FACTS: readonly VatEntry[] = [
  {
    iso3: 'ZAF',
    rate: 15,
    start: '2014-06-01',
    threshold: { amount: 1_000_000, currency: 'ZAR' },
    model: 'vendor registration',
    legislated: 'legislation',
    source:
      'Value-Added Tax Act 89 of 1991, definition of "enterprise" (electronic services supplied by non-residents, from 1 June 2014); ' +
      'regulations prescribing electronic services, published on 18 March 2019 and in force from 1 April 2019',
    sourceUrl: 'https://www.gov.za/sites/default/files/gcis_document/201505/act-89-1991s.pdf',
    note:
      'Rate 15% from 1 April 2018 (14% before). Registration threshold R1 million of electronic services in 12 months from 1 April 2019 ' +
      '(R50,000 before). The 2019 regulations widened "electronic services" to any service supplied by electronic means.',
    asOf: '2019-04-01',
  },
  {
    iso3: 'KEN',
    rate: 16,
    start: null,
    threshold: null,
    model: 'vendor registration',
    legislated: 'legislation',
    source:
      'Value Added Tax Act, 2013 (standard rate 16%), as amended by the Finance Act, 2019 (supplies through a digital marketplace); ' +
      'Value Added Tax (Digital Marketplace Supply) Regulations, 2020',
    sourceUrl: null,
    note:
      'Non-resident suppliers register under a simplified framework or appoint a tax representative. The date from which they were liable ' +
      'is left blank: the 2020 Regulations gave them six months from publication to register, and sources differ on the dates. ' +
      'The standard rate was 14% for part of 2020 and 16% again from 1 January 2021.',
    asOf: '2021-01-01',
  },
  {
    iso3: 'AUS',
    rate: 10,
    start: '2017-07-01',
    threshold: { amount: 75_000, currency: 'AUD' },
    model: 'vendor registration',
    legislated: 'legislation',
    source:
      'A New Tax System (Goods and Services Tax) Act 1999, as amended by the Tax and Superannuation Laws Amendment (2016 Measures No. 1) ' +
      'Act 2016, Schedule 1 (GST on imported services and digital products to Australian consumers)',
    sourceUrl: null,
    note: 'Operators of electronic distribution platforms are treated as the suppliers of what is sold through them; sales to GST-registered businesses are left out.',
    asOf: '2017-07-01',
  },
  {
    iso3: 'NZL',
    rate: 15,
    start: '2016-10-01',
    threshold: { amount: 60_000, currency: 'NZD' },
    model: 'vendor registration',
    legislated: 'legislation',
    source:
      'Goods and Services Tax Act 1985, as amended by the Taxation (Residential Land Withholding Tax, GST on Online Services, and Student Loans) ' +
      'Act 2016 (GST on remote services supplied to New Zealand residents)',
    sourceUrl: null,
    note: 'Operators of electronic marketplaces are treated as the suppliers of remote services sold through them; sales to GST-registered businesses are left out.',
    asOf: '2016-10-01',
  },
];
