import { ETREADY_STATUSES, NOT_RECORDED } from '../../../domain/etready/status.ts';
import { array, integer, object, orNull, ref, string, type Schema } from '../schema.ts';

const dates = {
  requested: orNull(string('YYYY, YYYY-MM or YYYY-MM-DD')),
  inPreparation: orNull(string()),
  published: orNull(string()),
  implementationReview: orNull(string()),
};
const waitingSchema = object({ iso3: orNull(string()), name: string(), requested: string(), days: integer('Days from the request’s first possible day to today.') });

/** The answer of GET /etready. */
export const etreadySchemas: Record<string, Schema> = {
  EtreadyAssessment: object({
    iso3: orNull(string('Null for a regional assessment.')),
    name: string(),
    status: string('The latest status; not-recorded when no imported list covers the country (not "none").', { enum: [...ETREADY_STATUSES, NOT_RECORDED] }),
    ...dates,
    title: orNull(string()),
    symbol: orNull(string('UN document symbol; null when the source did not capture it.')),
    link: orNull(string()),
    groups: array(string()),
  }),
  Etready: object({
    today: string(),
    partial: string(),
    recorded: integer('Countries with an assessment recorded.'),
    notRecorded: integer(),
    countries: array(ref('EtreadyAssessment')),
    regions: array(ref('EtreadyAssessment')),
    waiting: array(waitingSchema),
    groups: array(
      object({
        id: string(),
        members: integer('Members today.'),
        recorded: integer(),
        notRecorded: integer(),
        byStatus: object({ requested: integer(), inPreparation: integer(), published: integer(), implementationReview: integer() }),
        waiting: array(waitingSchema),
      }),
    ),
    source: string(),
    vintages: array(ref('VintageSummary')),
  }),
};
