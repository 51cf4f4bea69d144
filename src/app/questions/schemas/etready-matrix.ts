import { POLICY_AREAS } from '../../../domain/tracking.ts';
import { array, boolean, integer, number, object, orNull, ref, string, type Schema } from '../schema.ts';

const shares = {
  recorded: integer('Recommendations with a status dated on or before the date, dropped ones included.'),
  counted: integer('Recorded and not dropped: the denominator of the shares.'),
  notStarted: integer(),
  underImplementation: integer(),
  completed: integer(),
  dropped: integer(),
  underImplementationPct: orNull(number('Percent of the counted recommendations under implementation; null when none is counted.')),
  completedPct: orNull(number('Percent of the counted recommendations completed (implemented); null when none is counted.')),
};
const matrix = {
  matrix: string('"recorded", or "no action matrix recorded" (the shares are then unknown, never 0%).'),
  overall: orNull(object(shares)),
  byArea: array(object({ area: string(undefined, { enum: [...POLICY_AREAS] }), ...shares })),
};
const request = object({
  iso3: orNull(string('Null for a regional assessment.')),
  name: string(),
  authority: orNull(string('The requesting authority, where the source names it.')),
  requested: string('YYYY, YYYY-MM or YYYY-MM-DD.'),
  status: string('The assessment’s latest status.'),
  waiting: boolean('Whether the latest status is still the request.'),
  days: integer('Days from the request’s first possible day to today when waiting, else to the next status.'),
  source: orNull(string()),
});

/** The answers of GET /etready/{iso3}, /etready/requests and /etready/reviews. */
export const etreadyMatrixSchemas: Record<string, Schema> = {
  EtreadyPublishedReview: object({
    id: string(),
    review: string(),
    date: orNull(string('YYYY or YYYY-MM, from the review’s title.')),
    found: boolean('False when the review’s results were not found.'),
    finding: orNull(string('Quoted word for word.')),
    figures: object({
      overallRate: orNull(number()),
      responded: orNull(integer()),
      asked: orNull(integer()),
      achievements: orNull(integer()),
      reportingCountries: orNull(integer()),
      finalised: orNull(integer()),
      underWay: orNull(integer()),
      requestsReceived: orNull(integer()),
    }),
    namedCountries: array(string(), 'Countries the source names without a status each.'),
    sources: array(string()),
    caveat: orNull(string()),
  }),
  EtreadyRequest: request,
  EtreadyCountry: object({
    today: string(),
    date: string(),
    iso3: string(),
    name: string(),
    partial: string(),
    assessment: object({ status: string() }),
    requests: array(ref('EtreadyRequest')),
    ...matrix,
    recommendations: array(
      object({
        id: string(),
        area: string(undefined, { enum: [...POLICY_AREAS] }),
        text: string(),
        priority: orNull(string(undefined, { enum: ['high', 'medium', 'low'] })),
        leadAgency: orNull(string()),
        partners: orNull(string()),
        timeline: orNull(string()),
        statusAtDate: orNull(string('Null when its first status is later than the date.')),
        history: array(object({ status: string(), date: string(), source: orNull(string()) })),
      }),
    ),
    progress: array(
      object({ date: string('A day a status changed (YYYY-MM-DD, a partial date at its first day).'), counted: integer(), completedPct: orNull(number()), underImplementationPct: orNull(number()) }),
      'The overall shares on each day a recommendation’s status changed: the progress over time.',
    ),
    published: array(ref('EtreadyPublishedReview')),
    source: string(),
    vintages: array(ref('VintageSummary')),
  }),
  EtreadyRequests: object({
    today: string(),
    partial: string(),
    requests: array(ref('EtreadyRequest')),
    waiting: array(ref('EtreadyRequest')),
    notRecorded: integer('Countries with no eT Ready record at all.'),
    groups: array(object({ id: string(), members: integer(), recorded: integer(), notRecorded: integer(), waiting: array(ref('EtreadyRequest')) })),
    published: array(ref('EtreadyPublishedReview')),
    source: string(),
    vintages: array(ref('VintageSummary')),
  }),
  EtreadyReviews: object({
    today: string(),
    date: string(),
    weighting: string('recommendations (pooled) or assessments (mean of their percents).', { enum: ['recommendations', 'assessments'] }),
    partial: string(),
    recorded: integer('Assessments recorded (countries and regions).'),
    withMatrix: integer('Assessments with an action matrix.'),
    overall: object(matrix),
    assessments: array(object({ iso3: orNull(string()), name: string(), ...matrix })),
    groups: array(object({ id: string(), members: integer(), assessed: integer(), withMatrix: integer(), coverage: string('Members with a matrix / members with an assessment.'), ...matrix, countries: array(object({ iso3: string(), ...matrix })) })),
    published: array(ref('EtreadyPublishedReview')),
    source: string(),
    vintages: array(ref('VintageSummary')),
  }),
};
