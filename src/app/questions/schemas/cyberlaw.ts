import { GROUP_KINDS } from '../../../domain/group.ts';
import { array, integer, number, object, orNull, ref, string, type Schema } from '../schema.ts';

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

/** The answers about the cyberlaw registry. */
export const cyberlawSchemas: Record<string, Schema> = {
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
