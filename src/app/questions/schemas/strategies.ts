import { array, integer, number, object, orNull, ref, string, type Schema } from '../schema.ts';

/** The answer of GET /strategies. */
export const strategySchemas: Record<string, Schema> = {
  StrategyCheckpoint: object({
    date: string('YYYY-MM-DD or YYYY-MM, as precise as the source.'),
    underImplementation: orNull(number('Percent of the measures under implementation, as published; null when not published at that date.')),
    completed: orNull(number('Percent of the measures completed, as published; null when not published at that date.')),
    measures: orNull(integer('The number of measures the shares are of, where the source gives it.')),
    quotes: array(string(), 'The published sentences, word for word.'),
    sources: array(string(), 'The addresses of the pages quoted.'),
  }),
  Strategy: object({
    id: string(),
    name: string(),
    scope: string('national or regional', { enum: ['national', 'regional'] }),
    coverage: string('The countries or the group the strategy covers.'),
    period: orNull(string('As published, e.g. 2023-2027; "2021-" when no end is given.')),
    checkpoints: array(ref('StrategyCheckpoint'), 'The progress figures published, oldest first; empty when none was published.'),
  }),
  Strategies: object({
    tracker: string('Why only published headline figures are given.'),
    strategies: array(ref('Strategy')),
    source: string(),
    vintages: array(ref('VintageSummary')),
  }),
};
