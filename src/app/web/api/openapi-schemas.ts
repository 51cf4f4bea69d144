import { GROUP_KINDS } from '../../../domain/group.ts';
import { MAX_BODY_BYTES } from '../../questions/body.ts';
import { array, boolean, GROUP_ID, integer, INDICATOR_CODE, ISO3, number, object, orNull, ref, string, type Schema, type SchemaObject } from '../../questions/schema.ts';
export * from '../../questions/schema.ts';

const STATUSES = ['ok', 'insufficient_coverage', 'no_data', 'not_aggregable'] as const;
const UNITS = ['percent', 'per_100', 'per_million', 'per_100k_adults', 'usd', 'usd_per_person', 'intl_usd_per_person', 'people', 'count', 'index', 'lcu', 'lcu_per_usd'];
const TOPICS = ['connectivity', 'finance', 'economy', 'trade', 'fiscal', 'population'];

const localized: SchemaObject = {
  type: 'object',
  description: 'A text in several languages; English is always present and is the fallback.',
  properties: { en: string(), fr: string(), es: string(), pt: string() },
  required: ['en'],
  additionalProperties: false,
};

const vintageSummary = object(
  {
    id: integer(),
    source: string('Who publishes the data.'),
    dataset: string('Stable name of the dataset across vintages.'),
    fileName: orNull(string()),
    publishedAt: orNull(string('The source’s own "last updated" date.')),
    importedAt: string(undefined, { format: 'date-time' }),
    licence: orNull(string()),
    sourceUrl: orNull(string()),
  },
  'Where a figure comes from.',
);

const rule = object(
  {
    kind: string(undefined, { enum: ['sum', 'weighted_mean', 'none'] }),
    weight: string('The weight indicator of a weighted mean.'),
    reason: string('Why the indicator is not aggregated.'),
    description: string('The rule in words.'),
  },
  'How the members’ values combine into a group value.',
  ['weight', 'reason'],
);

const indicator = object(
  {
    code: string(undefined, { pattern: INDICATOR_CODE }),
    names: ref('Localized'),
    sourceName: orNull(string('The name the source gives it; null for derived indicators.')),
    unit: string(undefined, { enum: UNITS }),
    topic: string(undefined, { enum: TOPICS }),
    decimals: integer('Decimals shown on pages; the API keeps full precision.'),
    higherIsBetter: orNull(boolean()),
    headline: boolean(),
    rule: ref('Rule'),
    derived: orNull(object({ inputs: array(string()), formula: string() }, 'How a derived indicator is computed from others, per country and year.')),
    vintages: array(ref('VintageSummary'), 'The vintages the current figures come from (the inputs’ for a derived indicator).'),
    observations: integer(),
    firstYear: orNull(integer()),
    lastYear: orNull(integer()),
  },
);

const group = object(
  {
    id: string(undefined, { pattern: GROUP_ID }),
    kind: string(undefined, { enum: GROUP_KINDS }),
    names: ref('Localized'),
    description: ref('Localized'),
    wbCode: orNull(string('The World Bank’s code for its own aggregate of this group.')),
    source: string('Where the definition of the group comes from.'),
    editable: boolean('Whether the group is user-defined, so it can be replaced or deleted through the API.'),
  },
  undefined,
  ['description'],
);

const membership = object({
  iso3: string(),
  name: string(),
  status: string(undefined, { enum: ['member', 'associate', 'observer'] }),
  from: orNull(string('Start (inclusive); null: since before the records.', { format: 'date' })),
  to: orNull(string('End (exclusive); null: still a member.', { format: 'date' })),
  source: string(),
  note: orNull(string()),
});

/** The answers about the cyberlaw registry. */
function cyberlawSchemas(): Record<string, Schema> {
  const STATUS = string('legislation, draft (legislation), none (no legislation) or no-data.', { enum: ['legislation', 'draft', 'none', 'no-data'] });
  const byStatus = (item: Schema, description: string) =>
    object({ legislation: item, draft: item, none: item, 'no-data': item }, description);
  const law = object({
    title: string(),
    year: orNull(integer('The year of the law, when its title or its submitter gives one.')),
    url: orNull(string('A link to the text.')),
  });
  const entry = object({
    status: STATUS,
    asOf: string('The date the status holds from.', { format: 'date' }),
    source: string(),
    vintage: orNull(integer('The tracker vintage it was imported with; null for a reviewed submission.')),
    version: integer(),
    laws: array(ref('CyberlawLaw')),
  });
  return {
    CyberlawLaw: law,
    CyberlawEntry: entry,
    CyberlawCoverage: object({
      group: object({ id: string(), kind: string(undefined, { enum: GROUP_KINDS }), names: ref('Localized') }),
      date: string('The date the statuses and members are read on.', { format: 'date' }),
      members: integer('Members of the group on the date.'),
      statuses: array(STATUS),
      shareRule: string(),
      asOf: orNull(object({ from: string(undefined, { format: 'date' }), to: string(undefined, { format: 'date' }) }, 'The span of the statuses’ own dates.')),
      source: string(),
      vintages: array(ref('VintageSummary'), 'The tracker editions the statuses come from.'),
      otherSources: array(string(), 'Sources of statuses that come from reviewed submissions rather than a vintage.'),
      areas: array(
        object({
          area: string(undefined, { enum: ['e-transactions', 'consumer-protection', 'data-protection', 'cybercrime', 'indirect-taxation'] }),
          names: ref('Localized'),
          counts: byStatus(integer(), 'Members per status; they add up to `members`.'),
          shareWithLegislation: orNull(number('Members with legislation / members (0–1); null for a group without members.')),
          members: byStatus(array(object({ iso3: string(), name: string() })), 'The members in each status.'),
        }),
      ),
    }),
    CyberlawCountry: object({
      iso3: string(),
      name: string(),
      names: ref('Localized'),
      date: string('Today: the date of the current statuses.', { format: 'date' }),
      source: string(),
      vintages: array(ref('VintageSummary')),
      areas: array(
        object({
          area: string(),
          names: ref('Localized'),
          status: STATUS,
          asOf: orNull(string(undefined, { format: 'date' })),
          source: orNull(string()),
          vintage: orNull(integer()),
          version: integer('0 when the registry holds nothing for the area.'),
          laws: array(ref('CyberlawLaw')),
          history: array(ref('CyberlawEntry'), 'Every dated status, newest first.'),
        }),
      ),
    }),
  };
}

/** The answers of the moratorium estimator. */
function moratoriumSchemas(): Record<string, Schema> {
  const dated = orNull(object({ value: number('US dollars.'), year: integer('The year of the inputs, the latest not after the estimate’s year.') }));
  const assumption = object({ name: string(), value: string() });
  const productList = object({
    id: string(),
    version: string(),
    name: string(),
    edition: string(undefined, { enum: ['HS2002', 'HS2007', 'HS2012', 'HS2017', 'HS2022'] }),
    source: string('Who defined the list, and where.'),
    lines: array(string(undefined, { pattern: '^\\d{6}$' })),
    builtIn: boolean(),
  });
  return {
    MoratoriumList: productList,
    MoratoriumLists: object({ count: integer(), lists: array(ref('MoratoriumList')) }),
    MoratoriumRow: object({
      reporter: string(),
      name: string(),
      year: integer(),
      tariffYear: orNull(integer('The tariff schedule’s year used: the latest not after the imports, else the earliest after.')),
      importsUsd: number('Imports of the listed lines, USD.'),
      importsRatedUsd: number('Of which on lines with a rate.'),
      revenueUsd: orNull(number('Null when no line has a rate: "no data", not zero.')),
      linesWithRate: integer(),
      linesWithoutRate: integer(),
      customsRevenue: dated,
      governmentRevenue: dated,
      shareOfCustoms: orNull(number('Revenue as a share (0–1) of customs revenue.')),
      shareOfGovernment: orNull(number('Revenue as a share (0–1) of government revenue excluding grants.')),
    }),
    MoratoriumLine: object({
      reporter: string(),
      year: integer(),
      hs6: string(),
      importsUsd: number(),
      ratePct: orNull(number()),
      revenueUsd: orNull(number()),
      match: string('How the line was reached from the list’s edition.'),
    }),
    MoratoriumGroupRow: object({
      year: integer(),
      revenueUsd: orNull(number()),
      importsUsd: number(),
      membersWithData: integer('Members with a rated line that year.'),
      membersTotal: integer('Members on 31 December of the year.'),
    }),
    MoratoriumEstimate: object(
      {
        target: object({ kind: string(undefined, { enum: ['country', 'group'] }), id: string(), name: string() }),
        list: ref('MoratoriumList'),
        options: object({
          tariff: string(undefined, { enum: ['bound', 'mfn', 'applied'] }),
          rollup: string(undefined, { enum: ['simple', 'weighted'] }),
          share: string(),
          valuation: string(undefined, { enum: ['content', 'carrier'] }),
          carrierShare: number(),
          elasticity: number(),
          years: orNull(object({ from: integer(), to: integer() })),
        }),
        assumptions: array(assumption, 'Every assumption in words.'),
        formula: string(),
        count: integer(),
        rows: array(ref('MoratoriumRow')),
        groupRows: orNull(array(ref('MoratoriumGroupRow'), 'Per year, for a group.')),
        noData: array(object({ iso3: string(), name: string() }), 'Members (or the country) without imports in the data: no data, never zero.'),
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
      count: integer(),
      rows: array(
        object({
          assumption: string('The assumption varied.'),
          value: string(),
          revenueUsd: orNull(number('Summed over the years (and members).')),
          change: orNull(number('Against the base case, as a ratio (0.25 = +25%).')),
          base: boolean(),
        }),
      ),
      source: string(),
      vintages: array(ref('VintageSummary')),
    }),
    MoratoriumVatEntry: object({
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
    }),
    MoratoriumVatRegistry: object({ count: integer(), entries: array(ref('MoratoriumVatEntry')) }),
    MoratoriumVat: object({
      target: object({ kind: string(undefined, { enum: ['country', 'group'] }), id: string(), name: string() }),
      assumptions: array(assumption, 'The estimate’s assumptions.'),
      formula: string(),
      count: integer(),
      rows: array(
        object({
          reporter: string(),
          name: string(),
          year: integer(),
          dutyRevenueUsd: orNull(number('The estimate’s revenue forgone.')),
          vatRevenueUsd: orNull(number('VAT at the registry’s rate on the same base plus the duty; null without a rate (no data).')),
          vat: orNull(ref('MoratoriumVatEntry')),
        }),
      ),
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
}

/** The named schemas of the API's answers, bodies and errors. */
export const schemas: Record<string, Schema> = {
  Error: object({
    error: object(
      {
        status: integer(undefined, { enum: [400, 401, 403, 404, 409, 413, 415, 500, 503] }),
        message: string(),
        parameter: string('The query parameter or body field at fault.'),
      },
      undefined,
      ['parameter'],
    ),
  }),
  Localized: localized,
  M49Area: object({ code: string(undefined, { pattern: '^\\d{3}$' }), name: string() }),
  Country: object({
    iso3: string(undefined, { pattern: '^[A-Z]{3}$' }),
    iso2: orNull(string(undefined, { pattern: '^[A-Z]{2}$' })),
    m49: orNull(string(undefined, { pattern: '^\\d{3}$' })),
    names: ref('Localized'),
    region: orNull(ref('M49Area')),
    subregion: orNull(ref('M49Area')),
    intermediateRegion: orNull(ref('M49Area')),
  }),
  CountryList: object({ count: integer(), countries: array(ref('Country')) }),
  CountryDetail: {
    allOf: [
      ref('Country'),
      object({
        name: string(),
        memberships: array(
          object({
            group: string(),
            groupNames: ref('Localized'),
            kind: orNull(string(undefined, { enum: GROUP_KINDS })),
            status: string(undefined, { enum: ['member', 'associate', 'observer'] }),
            from: orNull(string(undefined, { format: 'date' })),
            to: orNull(string(undefined, { format: 'date' })),
            source: string(),
            note: orNull(string()),
            current: boolean('A full member today.'),
          }),
        ),
        groupsToday: array(string(), 'Groups the country is a full member of today.'),
        headline: array(
          object({
            indicator: string(),
            names: ref('Localized'),
            unit: string(undefined, { enum: UNITS }),
            year: orNull(integer('The latest year with a value.')),
            value: orNull(number()),
            vintages: array(ref('VintageSummary')),
          }),
          'The latest value of each headline indicator with data.',
        ),
      }),
    ],
  },
  VintageSummary: vintageSummary,
  Vintage: object({
    id: integer(),
    dataset: string(),
    source: string(),
    format: string(),
    fileName: orNull(string()),
    sha256: string(),
    licence: orNull(string()),
    sourceUrl: orNull(string()),
    publishedAt: orNull(string()),
    importedAt: string(undefined, { format: 'date-time' }),
    rowCount: integer(),
    note: orNull(string()),
  }),
  VintageList: object({ count: integer(), vintages: array(ref('Vintage')) }),
  Group: group,
  GroupSummary: { allOf: [ref('Group'), object({ membersToday: integer('Members counted in aggregates today.') })] },
  GroupList: object({ count: integer(), date: string(undefined, { format: 'date' }), groups: array(ref('GroupSummary')) }),
  Membership: membership,
  GroupDetail: {
    allOf: [
      ref('Group'),
      object({
        at: string('The date of `members`.', { format: 'date' }),
        members: array(object({ iso3: string(), name: string() }), 'Full members on `at` (for the world: every country).'),
        memberships: array(ref('Membership'), 'Every dated membership, past and present.'),
      }),
    ],
  },
  UserGroupInput: {
    type: 'object',
    description: `A user-defined group (at most ${MAX_BODY_BYTES} bytes). In a PUT, id may be left out; if given it must match the URL.`,
    properties: {
      id: string(undefined, { pattern: GROUP_ID }),
      names: ref('Localized'),
      description: ref('Localized'),
      members: { type: 'array', items: string(undefined, { pattern: ISO3 }), minItems: 1 },
    },
    required: ['names', 'members'],
    additionalProperties: false,
  },
  Rule: rule,
  Indicator: indicator,
  IndicatorList: object({ count: integer(), indicators: array(ref('Indicator')) }),
  IndicatorDetail: {
    allOf: [
      ref('Indicator'),
      object({
        history: array(
          object({
            vintage: ref('VintageSummary'),
            current: boolean(),
            sourceName: string(),
            observations: integer(),
            firstYear: orNull(integer()),
            lastYear: orNull(integer()),
          }),
          'Every vintage that carried the indicator, newest first (empty for derived indicators).',
        ),
      }),
    ],
  },
  IndicatorHead: object(
    { code: string(), names: ref('Localized'), unit: string(undefined, { enum: UNITS }), formula: string('For a derived indicator.') },
    undefined,
    ['formula'],
  ),
  Observation: object({
    indicator: string(),
    country: string('ISO3 code of a country, or the World Bank code of one of its aggregates.'),
    name: string(),
    year: integer(),
    value: number('Full precision.'),
    vintage: orNull(integer('The vintage of the value; null for a derived indicator, whose values come from the vintages listed at the top.')),
  }),
  ObservationList: object({
    indicator: ref('IndicatorHead'),
    years: orNull(object({ from: integer(), to: integer() })),
    source: string(),
    vintages: array(ref('VintageSummary')),
    count: integer(),
    rows: array(ref('Observation')),
  }),
  AggregateRow: object({
    year: integer(),
    value: orNull(number('Null when withheld or not computable; see status.')),
    status: string(undefined, { enum: STATUSES }),
    rule: string(undefined, { enum: ['sum', 'weighted_mean', 'none'] }),
    membersWithData: integer(),
    membersTotal: integer(),
    populationCovered: orNull(number('Share (0–1) of the group’s population living in members with data.')),
    worldBank: orNull(
      object({
        code: string(),
        value: number('The World Bank’s own published value.'),
        difference: orNull(number('Observatory minus World Bank.')),
        relativeDifference: orNull(number()),
        agrees: orNull(boolean('Within 1% of each other.')),
      }),
    ),
  }),
  AggregateSeries: object({
    group: object({ id: string(), kind: string(undefined, { enum: GROUP_KINDS }), names: ref('Localized'), wbCode: orNull(string()) }),
    indicator: ref('IndicatorHead'),
    rule: ref('Rule'),
    basis: string(undefined, { enum: ['current', 'historical'] }),
    at: orNull(string('The membership date for basis=current; null for historical.', { format: 'date' })),
    minCoverage: { type: 'number', minimum: 0, maximum: 1 },
    coverageRule: string(),
    worldBankCode: orNull(string('The World Bank aggregate compared with, when it has data.')),
    source: string(),
    vintages: array(ref('VintageSummary'), 'The vintages of the indicator, its weight and the population used for coverage.'),
    count: integer(),
    rows: array(ref('AggregateRow')),
  }),
  ...moratoriumSchemas(),
  ...cyberlawSchemas(),
  Status: object({
    dataVersion: integer(),
    engine: string(undefined, { enum: ['duckdb', 'postgres'] }),
    today: string(undefined, { format: 'date' }),
    fill: orNull(object({ running: boolean(), done: integer(), total: integer(), errors: array(string()), origin: orNull(string('the folder or API the data came from')) })),
    counts: object({
      countries: integer(),
      economies: integer(),
      aggregates: integer(),
      groups: integer(),
      indicators: integer(),
      vintages: integer(),
    }),
    writable: boolean('Whether the server has an API token, so writes are possible.'),
  }),
};

