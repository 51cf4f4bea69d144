import { GROUP_KINDS } from '../../../domain/group.ts';
import { array, boolean, INDICATOR_CODE, integer, number, object, orNull, ref, string, type Schema } from '../schema.ts';
import { UNITS } from './common.ts';

const STATUSES = ['ok', 'insufficient_coverage', 'no_data', 'not_aggregable'] as const;
const TOPICS = ['connectivity', 'finance', 'economy', 'trade', 'fiscal', 'population'];

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


/** The answers about indicators: definitions, rules, observations and group aggregates. */
export const indicatorSchemas: Record<string, Schema> = {
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
    flag: orNull(string('The data-quality rules the value breaks, comma-separated (range, jump; see /quality); null when none.')),
    flagReason: orNull(string('Why the value is flagged, in English; null when it is not.')),
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
    missingLarge: array(
      object({ country: string(), name: string(), share: number('Share (0–1) of the group’s population.'), latestYear: orNull(integer('Its latest earlier year with a value.')) }),
      'Members left out for want of a value that hold more than 10% of the group’s population, largest first.',
    ),
    imputed: array(
      object({ country: string(), name: string(), from: integer('The year of the value carried forward.'), share: orNull(number()) }),
      'Members counted with a value of an earlier year (impute=carry-forward).',
    ),
    worldBank: orNull(
      object({
        code: string(),
        value: number('The World Bank’s own published value.'),
        difference: orNull(number('Observatory minus World Bank.')),
        relativeDifference: orNull(number()),
        agrees: orNull(boolean('Within 1% of each other.')),
      }),
    ),
    classification: orNull(
      object({
        basis: string('same_members: compared; recomputed: compared with the Observatory’s value on the Bank’s members; undated_source, classification_not_held: not compared; not_checked: compare=always.', {
          enum: ['same_members', 'recomputed', 'undated_source', 'classification_not_held', 'not_checked'],
        }),
        wbFiscalYear: orNull(integer('The fiscal year of the classification the World Bank value uses.')),
        membersFiscalYear: integer('The fiscal year of the members counted here.'),
        added: array(string(), 'Counted here, not in the World Bank’s classification.'),
        removed: array(string(), 'In the World Bank’s classification, not counted here.'),
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
    impute: string(undefined, { enum: ['none', 'carry-forward'] }),
    imputeYears: orNull(integer('The most years a value is carried forward; null without imputation.')),
    coverageRule: string(),
    worldBankCode: orNull(string('The World Bank aggregate compared with, when it has data.')),
    source: string(),
    vintages: array(ref('VintageSummary'), 'The vintages of the indicator, its weight and the population used for coverage.'),
    count: integer(),
    rows: array(ref('AggregateRow')),
  }),
};
