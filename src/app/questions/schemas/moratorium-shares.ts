import { array, boolean, integer, number, object, orNull, string, type Schema } from '../schema.ts';

const fx = orNull(object({ rate: number('Local currency units per US dollar (period average).'), year: integer('The year the rate is the average of.') }));

/** How revenue shares are computed, and the VAT/GST rate table. */
export const moratoriumShareSchemas: Record<string, Schema> = {
  MoratoriumShareBasis: orNull(
    object({
      currency: string('The currency the share was computed in: "usd" also where local was asked for but a rate is missing (see fallback).', { enum: ['local', 'usd'] }),
      dutyYear: integer('The year of the imports the duty is computed on.'),
      revenueYear: integer('The year of the revenue series (latest not after the duty’s year with all inputs).'),
      dutyFx: fx,
      revenueFx: fx,
      yearsApart: integer(),
      yearsWarning: boolean('True when the two years differ by more than one.'),
      fallback: orNull(string('Why local currency could not be used.')),
    }),
  ),
  MoratoriumExchangeRates: object({
    indicator: string('The exchange-rate series: PA.NUS.FCRF.'),
    source: string(),
    currency: string('The currency asked for.', { enum: ['local', 'usd'] }),
  }),
  MoratoriumDutyExchangeRates: object({
    indicator: string('The exchange-rate series: PA.NUS.FCRF.'),
    source: string(),
    currency: string('The currency the shares were asked in; the figures themselves are in US dollars.', { enum: ['local', 'usd'] }),
    dutyRates: array(
      object({ reporter: string(), year: integer(), rate: number('Local currency units per US dollar.'), rateYear: integer('The year the rate is the average of.') }),
      'The rate each reporter-year’s duty was converted at for its shares (local currency only).',
    ),
  }),
  VatStandardRate: orNull(
    object({
      ratePct: number('The standard VAT/GST rate, percent.'),
      source: string('The table it comes from: oecd, pwc, national-law, node-sales-tax or shopify.'),
      citation: string(),
      asOf: orNull(string('The date the source states the rate as of; null when undated.')),
      others: integer('How many lower-ranked sources also give a rate.'),
      disagree: boolean('True when a lower-ranked source gives another rate.'),
    }),
  ),
};
