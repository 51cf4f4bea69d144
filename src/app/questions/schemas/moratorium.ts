import { array, boolean, integer, number, object, orNull, ref, string, type Schema } from '../schema.ts';

const dated = orNull(object({ value: number('US dollars.'), year: integer('The year of the inputs, the latest not after the estimate’s year.') }));
/** Which schedule priced a row and how its dates stand to the trade period's (app/services/moratorium-periods.ts). */
const scheduleFields = {
  period: string('The trade period as its source names it: "2024", "FY 2082/83 BS (16 Jul 2025 – 15 Jul 2026)". Filed under the calendar year in which it ends (year).'),
  periodGregorian: string('Its Gregorian name: "2024", or "FY 2025/26" when it straddles two calendar years.'),
  periodFrom: string('First day of the trade period.', { format: 'date' }),
  periodTo: string('Last day of the trade period.', { format: 'date' }),
  tariffSchedule: orNull(string('The tariff schedule that priced the row.')),
  tariffScheduleFrom: orNull(string('First day the schedule is in force.', { format: 'date' })),
  tariffScheduleTo: orNull(string('Last day the schedule is in force.', { format: 'date' })),
  tariffMatch: orNull(string('in-force: in force during the trade period; earlier/later: in force only before/after it.', { enum: ['in-force', 'earlier', 'later', null] })),
  gapDays: orNull(integer('Days from the start of the trade period to the start of the schedule (negative: before).')),
  gapMonths: orNull(integer('The same in months, rounded.')),
  tariffWarning: orNull(string('not-in-force: the schedule was not in force during the trade period; over-a-year: it starts more than a year from it.', { enum: ['not-in-force', 'over-a-year', null] })),
  tariffSchedules: integer('How many schedules of the reporter are stored (1: none other to choose).'),
};
const assumption = object({ name: string(), value: string() });
/** Why a figure is missing: a code, its detail (measure, editions, series) and a sentence. */
const reason = object(
  {
    code: string(undefined, { enum: ['no-trade', 'no-tariff', 'no-rate', 'no-correlation', 'no-revenue-series'] }),
    measure: string('For no-tariff and no-rate: the tariff measure.'),
    from: string('For no-correlation: the list’s HS edition.'),
    to: string('For no-correlation: the edition the imports are recorded in.'),
    series: string('For no-revenue-series: the revenue series.'),
    text: string('The reason in English.'),
  },
  'Why the figure beside it is null.',
  ['measure', 'from', 'to', 'series'],
);
/** The reasons of the null fields of a row, keyed by field; empty when none is null. */
const missing = (fields: string[]) => object(Object.fromEntries(fields.map((f) => [f, reason])), 'Why each null field is null, by field.', fields);
const procurementFlag = orNull(
  object(
    {
      hs6: string(),
      reason: string(),
      code: string(undefined, { enum: ['security-documents', 'national-description'] }),
      nationalLines: array(object({ reporter: string(), line: string(), description: string(), source: string() })),
    },
    'Set when the line’s imports look like government procurement (passports, stamps, banknotes, securities) rather than digitisable trade.',
  ),
);
const productList = object({
  id: string(),
  version: string(),
  name: string(),
  edition: string(undefined, { enum: ['HS2002', 'HS2007', 'HS2012', 'HS2017', 'HS2022'] }),
  source: string('Who defined the list, and where.'),
  lines: array(string(undefined, { pattern: '^\\d{6}$' })),
  builtIn: boolean(),
  detail: array(
    object({
      hs6: string(undefined, { pattern: '^\\d{6}$' }),
      description: string('The HS description of the line.'),
      reason: string('Why the line is in the list or out of it (see the method page).'),
      included: boolean('Whether the list counts the line.'),
      study: string('The study the line comes from, and who narrowed the list.'),
    }),
    'Built-in lists: every line of the studies’ list, in or out, with the reason and the study.',
  ),
}, undefined, ['detail']);

/** A registry entry's fields. */
function vatEntryProperties(): Record<string, Schema> {
  return {
    iso3: string(),
    name: string(),
    rate: orNull(number('Percent; null when no source gives it.')),
    start: orNull(string('When the tax on digital supplies from abroad came into force.', { format: 'date' })),
    threshold: orNull(object({ amount: number(), currency: orNull(string('ISO 4217; null when the source does not name the currency.')) })),
    model: { type: ['string', 'null'], enum: ['vendor registration', 'platform liability', 'reverse charge', 'withholding by payment providers', null] },
    legislated: string(undefined, { enum: ['legislation', 'draft legislation', 'no legislation', 'no data'] }),
    asOf: orNull(string('The newest date of the sources used.', { format: 'date' })),
    sources: array(string(), 'The sources that gave a field, newest first.'),
    sourceUrl: orNull(string()),
    note: orNull(string()),
  };
}

/** The rate a VAT comparison uses, with its origin, source and date, or why there is none. */
function vatRateUsed(): Schema {
  return object({
    ratePct: orNull(number('The rate used, percent.')),
    origin: orNull(string('registry (wins over the table) or table.')),
    source: orNull(string()),
    asOf: orNull(string()),
    tableRatePct: orNull(number('The rate table’s rate where the registry’s differs from it.')),
    missing: orNull(string('Why there is no rate.')),
  });
}

/** The answers of the moratorium estimator. */
export const moratoriumSchemas: Record<string, Schema> = {
  MoratoriumList: productList,
  MoratoriumLists: object({ count: integer(), lists: array(ref('MoratoriumList')) }),
  MoratoriumRow: object({
    reporter: string(),
    name: string(),
    year: integer(),
    tariffYear: orNull(integer('The year the tariff schedule used is filed under (the calendar year in which it ends): the schedule in force during the trade period, else the nearest earlier, else the nearest later.')),
    ...scheduleFields,
    importsUsd: number('Imports of the listed lines, USD.'),
    importsRatedUsd: number('Of which on lines with a rate.'),
    revenueUsd: orNull(number('Null when no line has a rate: "no data", not zero.')),
    linesWithRate: integer(),
    linesWithoutRate: integer(),
    customsRevenue: dated,
    governmentRevenue: dated,
    shareOfCustoms: orNull(number('Revenue as a share (0–1) of customs revenue.')),
    shareOfGovernment: orNull(number('Revenue as a share (0–1) of government revenue excluding grants.')),
    missing: missing(['revenueUsd', 'tariffYear', 'shareOfCustoms', 'shareOfGovernment']),
    customsShareBasis: ref('MoratoriumShareBasis'),
    governmentShareBasis: ref('MoratoriumShareBasis'),
  }),
  MoratoriumLine: object({
    reporter: string(),
    year: integer(),
    hs6: string(),
    importsUsd: number(),
    ratePct: orNull(number()),
    revenueUsd: orNull(number()),
    match: string('How the line was reached from the list’s edition.'),
    procurement: procurementFlag,
    missing: missing(['ratePct', 'revenueUsd']),
    pricedByLineUsd: number('Imports priced at their national line’s own rate (rollup=line), USD.'),
    pricing: orNull(
      string('How the rated imports were priced: line (each national line at its own rate), weighted or simple (HS6 roll-up), mixed (partly each); null without a rate.'),
    ),
  }),
  MoratoriumGroupRow: object({
    year: integer(),
    revenueUsd: orNull(number()),
    importsUsd: number(),
    membersWithData: integer('Members with a rated line that year.'),
    membersTotal: integer('Members on 31 December of the year.'),
    missing: missing(['revenueUsd']),
  }),
  MoratoriumEstimate: object(
    {
      target: object({ kind: string(undefined, { enum: ['country', 'group'] }), id: string(), name: string() }),
      list: ref('MoratoriumList'),
      options: object({
        tariff: string(undefined, { enum: ['bound', 'mfn', 'applied'] }),
        rollup: string(undefined, { enum: ['line', 'weighted', 'simple'] }),
        share: string(),
        valuation: string(undefined, { enum: ['content', 'carrier'] }),
        carrierShare: number(),
        elasticity: number(),
        years: orNull(object({ from: integer(), to: integer() })),
        shareCurrency: string(undefined, { enum: ['local', 'usd'] }),
        vatBase: string(undefined, { enum: ['import-value', 'with-duty'] }),
      }),
      assumptions: array(assumption, 'Every assumption in words.'),
      exchangeRates: ref('MoratoriumExchangeRates'),
      formula: string(),
      count: integer(),
      rows: array(ref('MoratoriumRow')),
      groupRows: orNull(array(ref('MoratoriumGroupRow'), 'Per year, for a group.')),
      noData: array(object({ iso3: string(), name: string(), reason }), 'Members (or the country) without a usable import in the data: no data, never zero, with the reason.'),
      absences: array(
        object({ reporter: string(), edition: string(), firstYear: integer(), lastYear: integer(), importsUsd: number(), reason }),
        'Imports the estimate cannot use and why: years recorded in an HS edition the list has no correlation to.',
      ),
      procurement: array(
        object({ reporter: string(), year: integer(), hs6: string(), importsUsd: number(), revenueUsd: orNull(number()), shareOfRevenue: orNull(number()), flag: procurementFlag }),
        'Lines of the estimate whose imports look like government procurement, with their part of the revenue.',
      ),
      lines: array(ref('MoratoriumLine'), 'With lines=true.'),
      notes: array(string(), 'Concordance splits, tariff years standing in for others, codes not concorded.'),
      source: string(),
      vintages: array(ref('VintageSummary'), 'Imports, tariffs, schemes, correlations and revenue series used.'),
    },
    undefined,
    ['lines'],
  ),
  MoratoriumSensitivity: object({
    target: object({ kind: string(undefined, { enum: ['country', 'group'] }), id: string(), name: string() }),
    assumptions: array(assumption, 'The base case.'),
    years: array(integer()),
    currency: string('The totals’ currency.', { enum: ['USD'] }),
    exchangeRates: ref('MoratoriumDutyExchangeRates'),
    count: integer(),
    rows: array(
      object({
        assumption: string('The assumption varied.'),
        value: string(),
        revenueUsd: orNull(number('Summed over the years (and members).')),
        change: orNull(number('Against the base case, as a ratio (0.25 = +25%).')),
        base: boolean(),
        missing: missing(['revenueUsd', 'change']),
      }),
    ),
    source: string(),
    vintages: array(ref('VintageSummary')),
  }),
  MoratoriumVatEntry: object(vatEntryProperties()),
  MoratoriumVatRegistryEntry: object({
    ...vatEntryProperties(),
    standardRate: ref('VatStandardRate'),
    rateUsed: vatRateUsed(),
  }),
  MoratoriumVatRegistry: object({ count: integer(), entries: array(ref('MoratoriumVatRegistryEntry')) }),
  MoratoriumVat: object({
    target: object({ kind: string(undefined, { enum: ['country', 'group'] }), id: string(), name: string() }),
    assumptions: array(assumption, 'The estimate’s assumptions.'),
    formula: string(),
    vatBase: string(undefined, { enum: ['import-value', 'with-duty'] }),
    count: integer(),
    rows: array(
      object({
        reporter: string(),
        name: string(),
        year: integer(),
        dutyRevenueUsd: orNull(number('The estimate’s revenue forgone.')),
        vatRevenueUsd: orNull(number('VAT at the rate used on the same import value (plus the duty with vat_base=with-duty); null without a rate (no data).')),
        vat: orNull(ref('MoratoriumVatEntry')),
        rate: vatRateUsed(),
        standardRate: ref('VatStandardRate'),
        dutyFx: orNull(object({ rate: number('Local currency units per US dollar.'), year: integer() }, 'The rate the duty of the reporter-year was converted at for its shares; null in US dollars.')),
      }),
    ),
    exchangeRates: ref('MoratoriumDutyExchangeRates'),
    noData: array(object({ iso3: string(), name: string() }), 'Members (or the country) without imports in the data.'),
    source: string(),
    vintages: array(ref('VintageSummary')),
  }),
  MoratoriumDutySimulation: object({
    ratePct: number(),
    elasticity: number(),
    baseUsd: number('Imports before the duty.'),
    importsAfterUsd: number('Imports after the duty’s response, at world prices.'),
    revenueUsd: number(),
    deadweightLossUsd: number('Consumer surplus lost beyond the revenue.'),
    consumerCostUsd: number('Consumer surplus lost: revenue + deadweight loss.'),
  }),
  MoratoriumDesign: object({
    country: object({ iso3: string(), name: string() }),
    base: object(
      {
        usd: number(),
        from: string(undefined, { enum: ['listed lines', 'given'] }),
        year: orNull(integer('The year of the imports, when the base comes from the data.')),
        list: string(),
        share: string(),
        valuation: string(),
        carrierShare: number(),
      },
      undefined,
      ['list', 'share', 'valuation', 'carrierShare'],
    ),
    formula: string(),
    simulation: ref('MoratoriumDutySimulation'),
    peakRatePct: orNull(number('Null when −1 ≤ ε ≤ 0: revenue rises with the rate.')),
    peak: orNull(ref('MoratoriumDutySimulation')),
    curve: array(ref('MoratoriumDutySimulation'), 'From 0 to 50% by 2.5 points.'),
    source: string(),
    vintages: array(ref('VintageSummary')),
  }),
  MoratoriumCoverage: object({
    count: integer(),
    coverage: array(
      object({
        reporter: string(),
        name: string(),
        edition: string(),
        firstYear: integer(),
        lastYear: integer(),
        importsUsd: number(),
        rows: integer(),
        tradeVintages: array(integer()),
        tariffVintages: array(integer()),
        tariffYears: array(integer()),
      }),
    ),
  }),
};
