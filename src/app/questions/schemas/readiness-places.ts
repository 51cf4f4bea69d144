import { array, boolean, integer, number, object, orNull, ref, string, type Schema } from '../schema.ts';

const MISSING_REASON = string(undefined, { enum: ['no-value-in-window', 'not-transformable', 'no-population'] });

/** A population-weighted average with its coverage, as every aggregate. */
const average = (what: string) => ({
  value: orNull(number(`${what}; null when the members with a value hold less than two thirds of the population, or none has one.`)),
  status: string(undefined, { enum: ['ok', 'insufficient_coverage', 'no_data', 'not_aggregable'] }),
  membersWithData: integer(),
  membersTotal: integer(),
  populationCovered: orNull(number('Share 0-1 of the group population in members with a value.')),
  missingLarge: array(object({ iso3: string(), share: number() })),
});

/** The answers of a country's and a group's readiness. */
export const readinessPlaceSchemas: Record<string, Schema> = {
  ReadinessCountry: object({
    method: ref('ReadinessMethod'),
    year: integer(),
    yearChosen: boolean('Whether the year was asked for; otherwise the latest year the method scores in.'),
    missing: string(undefined, { enum: ['drop', 'reweight', 'impute'] }),
    iso3: string(),
    name: string(),
    score: orNull(number('0-100; null when the economy is dropped.')),
    treatment: orNull(string(undefined, { enum: ['complete', 'dropped', 'reweighted', 'imputed'] })),
    rank: orNull(integer('Competition rank among the economies scored: ties share a rank, the next skips.')),
    of: integer('The economies scored that year.'),
    tiedWith: array(string(), 'The other economies sharing the rank.'),
    published: orNull(
      object({
        year: integer('The edition: the year shown, or the newest stored when the year shown has none.'),
        score: number(),
        rank: orNull(integer()),
        of: integer('The economies the edition ranks.'),
        computedScore: orNull(number('The index computed here for the edition’s year, under the same rule; null when the edition is of the year shown.')),
        computedRank: orNull(integer()),
        computedOf: orNull(integer()),
      }),
    ),
    editionYear: orNull(integer('The edition looked at; null when none is stored.')),
    components: array(
      object({
        id: string(),
        year: orNull(integer()),
        raw: orNull(number()),
        score: orNull(number()),
        imputed: boolean(),
        missing: orNull(MISSING_REASON),
        mean: orNull(number('Mean normalised value over the economies scored.')),
        max: orNull(number('Highest normalised value among the economies scored.')),
      }),
    ),
    source: string(),
    vintages: array(ref('VintageSummary')),
  }),
  ReadinessGroup: object({
    method: ref('ReadinessMethod'),
    year: integer(),
    yearChosen: boolean(),
    missing: string(undefined, { enum: ['drop', 'reweight', 'impute'] }),
    group: string(),
    date: string('Members on this date.'),
    populationYear: integer('The year of the population weights.'),
    average: object(average('Population-weighted mean score')),
    components: array(object({ id: string(), ...average('Population-weighted mean normalised value over the members with a score') })),
    members: array(
      object({
        iso3: string(),
        name: string(),
        score: orNull(number()),
        rank: orNull(integer()),
        status: string('scored; no-score (dropped: see lacking); no-population (scored, no weight); not-covered (not an economy the index covers).', { enum: ['scored', 'no-score', 'no-population', 'not-covered'] }),
        treatment: orNull(string(undefined, { enum: ['complete', 'dropped', 'reweighted', 'imputed'] })),
        lacking: array(object({ id: string(), reason: MISSING_REASON })),
      }),
    ),
    source: string(),
    vintages: array(ref('VintageSummary')),
  }),
};
