import { array, boolean, integer, number, object, orNull, ref, string, type Schema } from '../schema.ts';

/** The answers of the readiness questions. */
export const readinessSchemas: Record<string, Schema> = {
  ReadinessComponent: object({
    id: string(),
    indicator: string(),
    name: string(),
    year: object({ kind: string('latest (window, lag) or fixed (year)') }),
    transformation: string(undefined, { enum: ['as-is', 'log', 'per-capita'] }),
    normalisation: object({ kind: string('min-max or goalposts (low, high)') }),
    weight: number(),
    editions: boolean('Values gathered from every imported edition, the latest winning.'),
  }),
  ReadinessMethod: object({
    id: string(),
    name: string(),
    version: string(),
    description: string(),
    missing: string(undefined, { enum: ['drop', 'reweight', 'impute'] }),
    components: array(ref('ReadinessComponent')),
    publishedYears: array(integer()),
  }),
  ReadinessMethods: object({ methods: array(ref('ReadinessMethod')) }),
  ReadinessRow: object({
    iso3: string(),
    name: string(),
    score: orNull(number('0-100; null when dropped.')),
    rank: orNull(integer()),
    publishedScore: orNull(number()),
    publishedRank: orNull(integer()),
    difference: orNull(number('Observatory − published, index points.')),
    treatment: string(undefined, { enum: ['complete', 'dropped', 'reweighted', 'imputed'] }),
    components: array(
      object({
        id: string(),
        year: orNull(integer()),
        raw: orNull(number()),
        score: orNull(number()),
        imputed: boolean(),
        missing: orNull(string(undefined, { enum: ['no-value-in-window', 'not-transformable', 'no-population'] })),
      }),
    ),
  }),
  ReadinessIndex: object({
    method: ref('ReadinessMethod'),
    year: integer(),
    missing: string(),
    reproduction: orNull(
      object({
        compared: integer(),
        meanAbsoluteDifference: orNull(number()),
        maxAbsoluteDifference: orNull(number()),
        spearman: orNull(number()),
      }),
    ),
    onlyPublished: array(string(), 'Economies the edition ranks that the Observatory cannot score.'),
    onlyObservatory: array(string(), 'Economies scored that the edition does not rank.'),
    groups: array(
      object({
        id: string(),
        date: string('Members on this date.'),
        populationYear: integer('The year of the population weights.'),
        value: orNull(number('Population-weighted mean score; null when coverage is insufficient or no member has a score.')),
        status: string(undefined, { enum: ['ok', 'insufficient_coverage', 'no_data', 'not_aggregable'] }),
        membersWithData: integer(),
        membersTotal: integer(),
        populationCovered: orNull(number('Share 0-1 of the group population in members with a score.')),
        missingLarge: array(object({ iso3: string(), share: number() })),
      }),
    ),
    source: string(),
    vintages: array(ref('VintageSummary')),
    rows: array(ref('ReadinessRow')),
  }),
};
